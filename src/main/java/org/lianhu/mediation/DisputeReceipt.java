package org.lianhu.mediation;

/** What the applicant gets back. */
public record DisputeReceipt(
    String disputeNo,
    String trackingCode,
    String status,
    String statusName,
    int tier,
    boolean replayed) {

  static DisputeReceipt of(Dispute dispute, boolean replayed) {
    return new DisputeReceipt(
        dispute.disputeNo(),
        dispute.trackingCode(),
        dispute.status(),
        dispute.disputeStatus().label(),
        dispute.tier(),
        replayed);
  }
}
