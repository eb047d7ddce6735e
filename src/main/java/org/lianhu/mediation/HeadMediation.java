package org.lianhu.mediation;

import java.time.Instant;
import java.util.List;
import org.lianhu.org.LiaisonHead;
import org.lianhu.privacy.Masking;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 联户长调解: the disputes of a liaison unit for its head, and the head joining a dispute's tier-1
 * mediation (网格/村调解), where the head knows the parties best. Joining is open while the dispute is
 * mediated at tier 1 only; above it, the street and the county mediate.
 */
@Service
public class HeadMediation {

  static final int MAX_NOTE = 2000;
  static final String NOT_AT_TIER_1 = "dispute-not-at-tier-1";

  /** A head's record of joining. */
  public record Joined(String headUserId, String note, Instant recordedAt) {}

  /** An open dispute of the unit, as its head sees it: parties' names masked. */
  public record UnitDispute(
      String disputeNo,
      String typeName,
      String description,
      String address,
      int tier,
      String tierName,
      String statusName,
      boolean canJoin,
      List<String> parties,
      Instant registeredAt,
      List<Joined> joined) {}

  private final DisputeMapper disputes;
  private final DisputeLifecycle lifecycle;

  HeadMediation(DisputeMapper disputes, DisputeLifecycle lifecycle) {
    this.disputes = disputes;
    this.lifecycle = lifecycle;
  }

  @Transactional(readOnly = true)
  public List<UnitDispute> openInUnit(LiaisonHead head) {
    return disputes.openInUnit(head.unitCode()).stream()
        .map(
            d ->
                new UnitDispute(
                    d.disputeNo(),
                    d.type().label(),
                    d.description(),
                    d.address(),
                    d.tier(),
                    MediationVariables.tierName(d.tier()),
                    d.disputeStatus().label(),
                    joinable(d),
                    disputes.parties(d.id()).stream()
                        .map(
                            p -> PartyRole.valueOf(p.role()).label() + " " + Masking.name(p.name()))
                        .toList(),
                    d.createdAt(),
                    disputes.headMediations(d.id())))
        .toList();
  }

  /** The disputes a head joined as 联户长调解 in [from, to), as their evaluation counts them. */
  @Transactional(readOnly = true)
  public int joinedBetween(String headUserId, Instant from, Instant to) {
    return disputes.headMediationsBetween(headUserId, from, to);
  }

  /** The head joins the dispute's tier-1 mediation, with a note of what they did. */
  @Transactional
  public void join(LiaisonHead head, String disputeNo, String note) {
    String text = note == null ? "" : note.trim();
    if (text.isEmpty()) {
      throw Refusal.invalid("note", "请填写调解情况，例如上门劝解的经过和双方意见");
    }
    if (text.length() > MAX_NOTE) {
      throw Refusal.invalid("note", "调解情况不能超过 " + MAX_NOTE + " 字");
    }
    Dispute dispute = disputeNo == null ? null : disputes.findByNo(disputeNo);
    if (dispute == null) {
      throw Refusal.notFound("没有纠纷 " + disputeNo);
    }
    if (!head.unitCode().equals(dispute.liaisonUnitCode())) {
      throw Refusal.forbidden("纠纷 " + disputeNo + " 不在本联户单元");
    }
    if (!joinable(dispute)) {
      throw Refusal.conflict(
          NOT_AT_TIER_1,
          "纠纷不在一级调解",
          "纠纷 "
              + disputeNo
              + " 当前为"
              + dispute.disputeStatus().label()
              + "，"
              + MediationVariables.tierName(dispute.tier())
              + "，联户长只能参与一级调解");
    }
    lifecycle.headMediated(dispute.id(), head.unitCode(), head.userId(), text);
  }

  private static boolean joinable(Dispute dispute) {
    return dispute.disputeStatus() == DisputeStatus.MEDIATING
        && dispute.tier() != null
        && dispute.tier() == 1;
  }
}
