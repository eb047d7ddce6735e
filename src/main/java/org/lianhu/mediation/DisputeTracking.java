package org.lianhu.mediation;

import org.lianhu.privacy.Masking;
import org.lianhu.privacy.TrackingCodes;
import org.lianhu.refusal.Refusal;
import org.lianhu.timeline.PublicTimeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The parties follow their dispute with its number and tracking code. */
@Service
public class DisputeTracking {

  private final DisputeMapper disputes;
  private final HandedOverCases cases;
  private final PublicTimeline publicTimeline;

  public DisputeTracking(
      DisputeMapper disputes, HandedOverCases cases, PublicTimeline publicTimeline) {
    this.disputes = disputes;
    this.cases = cases;
    this.publicTimeline = publicTimeline;
  }

  @Transactional(readOnly = true)
  public DisputeView view(String disputeNo, String trackingCode) {
    Dispute dispute = disputeNo == null ? null : disputes.findByNo(disputeNo);
    if (dispute == null || !TrackingCodes.matches(dispute.trackingCode(), trackingCode)) {
      throw Refusal.notFound("没有与该纠纷编号和查询码对应的纠纷");
    }
    String caseNo = dispute.caseId() == null ? null : cases.caseNo(dispute.caseId()).orElse(null);
    return new DisputeView(
        dispute.disputeNo(),
        dispute.disputeType(),
        dispute.type().label(),
        dispute.description(),
        dispute.address(),
        dispute.status(),
        dispute.disputeStatus().label(),
        dispute.tier(),
        MediationVariables.tierName(dispute.tier()),
        disputes.parties(dispute.id()).stream()
            .map(
                p ->
                    new DisputeView.PartyView(
                        p.role(), PartyRole.valueOf(p.role()).label(), Masking.name(p.name())))
            .toList(),
        dispute.createdAt(),
        dispute.agreementAt(),
        dispute.agreementTerms(),
        dispute.confirmationResult(),
        dispute.guidance(),
        dispute.closedAt(),
        caseNo,
        publicTimeline.of(disputes.timeline(dispute.id())));
  }
}
