package org.lianhu.cases;

/** What the reporter gets back: the case number and the code that lets them follow and rate it. */
public record CaseReceipt(
    String caseNo, String trackingCode, String status, String statusName, boolean replayed) {

  static CaseReceipt of(CaseRecord record, boolean replayed) {
    CaseStatus status = record.caseStatus();
    return new CaseReceipt(
        record.caseNo(), record.trackingCode(), status.name(), status.label(), replayed);
  }
}
