package org.lianhu.mediation;

import java.time.Instant;
import java.util.List;
import org.lianhu.calendar.EngineClock;
import org.lianhu.timeline.PublicTimeline;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one class that changes a dispute: its row in {@code dispute}, its parties and its audit trail
 * in {@code dispute_timeline}. One method per step of the mediation; each writes the new status or
 * tier, when the step has one, and the timeline entry it leaves, together.
 */
@Service
public class DisputeLifecycle {

  private static final String SYSTEM = PublicTimeline.SYSTEM;

  private final DisputeMapper disputes;
  private final ApplicationEventPublisher events;

  DisputeLifecycle(DisputeMapper disputes, ApplicationEventPublisher events) {
    this.disputes = disputes;
    this.events = events;
  }

  /**
   * A new dispute in mediation at tier 1, with its parties and its first entry. Returns the dispute
   * number.
   */
  String register(NewDispute draft, List<Party> parties, int year, String action, String remark) {
    draft.status = DisputeStatus.MEDIATING.name();
    disputes.insert(draft);
    String disputeNo = DisputeNumbers.of(year, draft.id);
    disputes.assignNumber(draft.id, disputeNo);
    for (Party party : parties) {
      disputes.insertParty(new Party(null, draft.id, party.role(), party.name(), party.phone()));
    }
    entry(draft.id, SYSTEM, action, remark, true);
    return disputeNo;
  }

  void attachProcess(long id, String processInstanceId) {
    disputes.attachProcess(id, processInstanceId);
  }

  /** Assessed and placed at its first tier (1, or 3 for a high risk). */
  public void assessed(long id, int tier, String remark) {
    disputes.moveToTier(id, tier);
    entry(id, SYSTEM, "研判分级", remark, true);
  }

  /** Moved up a tier, because the tier below failed or ran out of time. */
  public void escalated(long id, int tier, String action, String remark) {
    disputes.moveToTier(id, tier);
    entry(id, SYSTEM, action, remark, true);
  }

  /** The parties agreed at {@code tier}; the agreement is being carried out. */
  public void agreed(long id, int tier, String terms, Instant at, String remark) {
    disputes.recordAgreement(id, DisputeStatus.AGREED, tier, terms, at);
    entry(id, SYSTEM, "达成调解协议", remark, true);
  }

  /** The court's answer to the application for judicial confirmation. */
  public void confirmationRecorded(
      long id, String actor, String result, String action, String remark) {
    disputes.recordConfirmation(id, result);
    entry(id, actor, action, remark, true);
  }

  /**
   * Not mediated further: the parties were guided to court or arbitration, or the applicant
   * withdrew.
   */
  public void guided(long id, String actor, String guidance, String action, String notes) {
    disputes.recordGuidance(id, guidance, notes);
    entry(id, actor, action, notes, true);
  }

  /** The agreement was not kept: mediated again at the tier that reached it. */
  public void reopened(long id, int tier, String remark) {
    disputes.reopen(id, DisputeStatus.MEDIATING, tier);
    entry(id, SYSTEM, "协议未履行，重启调解", remark, true);
  }

  /** Finished; a case it came from hears of it through {@link DisputeClosed}. */
  public void closed(long id, DisputeStatus status) {
    disputes.close(id, status, EngineClock.now());
    entry(id, SYSTEM, "结案：" + status.label(), null, true);
    Dispute dispute = disputes.findById(id);
    if (dispute.caseId() != null) {
      events.publishEvent(new DisputeClosed(dispute.caseId(), dispute.disputeNo(), status.label()));
    }
  }

  /**
   * 联户长调解: the unit's head joined the tier-1 mediation. The parties see that the head took part;
   * the head's note is for staff, as a mediator's notes are.
   */
  public void headMediated(long id, String unitCode, String headUserId, String note) {
    disputes.insertHeadMediation(id, unitCode, headUserId, note, EngineClock.now());
    entry(id, headUserId, "联户长调解", "联户长参与一级调解", true);
    entry(id, headUserId, "联户长调解记录", note, false);
  }

  /** A system step that changes nothing but the record: a reminder, a risk warning. */
  public void noted(long id, String action, String remark) {
    entry(id, SYSTEM, action, remark, true);
  }

  /** A staff step the parties see on the trail. */
  public void stepDone(long id, String actor, String action, String remark) {
    entry(id, actor, action, remark, true);
  }

  /** A staff step only staff see (a mediator's notes, an opinion). */
  public void noteInternal(long id, String actor, String action, String remark) {
    entry(id, actor, action, remark, false);
  }

  private void entry(long id, String actor, String action, String remark, boolean publicEntry) {
    disputes.appendTimeline(id, TimelineEntry.now(id, actor, action, remark, publicEntry));
  }
}
