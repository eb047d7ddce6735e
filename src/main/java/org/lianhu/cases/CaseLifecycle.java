package org.lianhu.cases;

import java.time.Instant;
import java.util.Map;
import org.lianhu.calendar.EngineClock;
import org.lianhu.notifications.NoticeEvent;
import org.lianhu.timeline.PublicTimeline;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.stereotype.Service;

/**
 * The one class that changes a case: its row in {@code case_record} and its audit trail in {@code
 * case_timeline}. One method per step of the loop; each writes the new status, when the step has
 * one, and the timeline entry the step leaves, together. The process's steps are adapters around
 * it.
 */
@Service
public class CaseLifecycle {

  private static final String SYSTEM = PublicTimeline.SYSTEM;
  private static final String REPORTER = PublicTimeline.REPORTER;

  // The public steps that finish a case, which other systems read as its end (Open311's feed).
  public static final String CLOSED_STEP = "结案";
  public static final String REJECTED_STEP = "不予受理";
  public static final String MERGED_STEP = "合并办理";

  /**
   * Where a case goes when it is dispatched: the lead office (null while the street picks one), its
   * department, the one copied, the deadline, and by when the office must first act.
   */
  public record Dispatch(
      String departmentCode,
      String supervisingDepartmentCode,
      String handlerGroup,
      Instant handleDue,
      Instant officeResponseDue) {}

  private final CaseMapper cases;
  private final CaseNotices notices;

  CaseLifecycle(CaseMapper cases, CaseNotices notices) {
    this.cases = cases;
    this.notices = notices;
  }

  /** A new case: its row, its case number and the first timeline entry. Returns the case number. */
  String report(NewCase draft, int year, String remark) {
    draft.status = CaseStatus.REPORTED.name();
    cases.insert(draft);
    String caseNo = CaseNumbers.of(year, draft.id());
    cases.assignNumber(draft.id(), caseNo);
    entry(draft.id(), SYSTEM, "事件上报", remark, true);
    return caseNo;
  }

  void attachProcess(long id, String processInstanceId) {
    cases.attachProcess(id, processInstanceId);
  }

  /**
   * Takes the case's row lock for the rest of the transaction. A step that appends to the timeline
   * and then updates the row calls it first, so that two steps on one case lock in the same order.
   */
  public void lock(long id) {
    cases.lock(id);
  }

  /** The acceptance is assigned: the response deadline starts. */
  public void acceptanceAssigned(long id, Instant responseDue, String remark) {
    cases.setResponseDue(id, responseDue);
    entry(id, SYSTEM, "分派受理", remark, true);
  }

  /** The case went to its liaison head first: the head's time limit is the response deadline. */
  public void unitAssigned(long id, Instant headDue, String remark) {
    cases.setResponseDue(id, headDue);
    cases.setUnitOutcome(id, UnitOutcome.PENDING.code());
    entry(id, SYSTEM, "联户长接单", remark, true);
  }

  /** The head decided: the outcome is on record, and it is the case's first response. */
  public void unitDecided(
      long id, String actor, UnitOutcome outcome, String action, String remark) {
    cases.setUnitOutcome(id, outcome.code());
    entry(id, actor, action, remark, true);
    cases.markResponded(id, EngineClock.now());
  }

  /** The head's time ran out: the grid worker takes the case over. */
  public void unitTimedOut(long id, String remark) {
    cases.setUnitOutcome(id, UnitOutcome.TIMED_OUT.code());
    entry(id, SYSTEM, "联户长超时未接单", remark, true);
  }

  /** The head left the post before deciding: the grid worker takes the case over. */
  public void unitVacated(long id, String remark) {
    cases.setUnitOutcome(id, UnitOutcome.VACATED.code());
    entry(id, SYSTEM, "联户长空缺", remark, true);
  }

  /** The acceptor decided (on the spot, dispatch or reject): the first response is on record. */
  public void responded(long id, String actor, String action, String remark) {
    entry(id, actor, action, remark, true);
    cases.markResponded(id, EngineClock.now());
  }

  /** Not accepted: the case is finished, the reason is what the reporter reads. */
  public void rejected(long id, String reason) {
    cases.reject(id, CaseStatus.REJECTED, reason, EngineClock.now());
  }

  /**
   * Dispatched to a handling office (or to the street centre to pick one), with the handling
   * deadline.
   */
  public void dispatched(long id, Dispatch dispatch, String action, String remark) {
    cases.recordDispatch(
        id,
        CaseStatus.DISPATCHED,
        dispatch.departmentCode(),
        dispatch.supervisingDepartmentCode(),
        dispatch.handlerGroup(),
        dispatch.handleDue());
    if (dispatch.handlerGroup() != null) {
      cases.officeReceived(id, EngineClock.now(), dispatch.officeResponseDue());
    }
    entry(id, SYSTEM, action, remark, true);
    notices.dispatched(id, dispatch.handlerGroup(), dispatch.handleDue());
  }

  /** The supervising department's office is copied on the case (抄送): it sees it and may remark. */
  public void copied(long id, String group) {
    cases.setCopyGroup(id, group);
  }

  /**
   * The copied office's supervision remark (督办意见): on the staff timeline, where the handler reads
   * it.
   */
  public void copyRemarked(long id, String actor, String groupName, String remark) {
    entry(id, actor, "抄送督办意见（" + groupName + "）", remark, false);
  }

  /** The lead office's first action on the case (claim, return, extension or result). */
  public void officeActed(long id) {
    cases.officeActed(id, EngineClock.now());
  }

  /**
   * A repeat of an open case, merged into it: finished, pointing at the case its reporter now
   * follows, and both timelines say so.
   */
  public void merged(long id, String caseNo, long targetId, String targetNo) {
    cases.merge(id, CaseStatus.MERGED, targetId, EngineClock.now());
    entry(
        id,
        SYSTEM,
        MERGED_STEP,
        "与事件 " + targetNo + " 为同一诉求，已合并办理；可凭本查询码查看事件 " + targetNo + " 的进度并评价",
        true);
    entry(targetId, SYSTEM, "合并重复诉求", "事件 " + caseNo + " 与本事件为同一诉求，已合并；其上报人一并关注本事件", true);
  }

  /** Dispatched again after a street review, with a new handling deadline. */
  public void redispatched(long id, Instant handleDue) {
    cases.updateStatus(id, CaseStatus.DISPATCHED);
    cases.renewHandleDue(id, handleDue);
  }

  /** Supervision moved the handling to another office, whose own response is measured anew. */
  public void handlerChanged(
      long id, String departmentCode, String handlerGroup, Instant officeResponseDue) {
    cases.changeHandler(id, departmentCode, handlerGroup);
    cases.officeReceived(id, EngineClock.now(), officeResponseDue);
  }

  /** A stage nears its deadline: the owner was reminded. */
  public void reminded(long id, String remark) {
    entry(id, SYSTEM, "催办", remark, true);
  }

  /**
   * A stage passed its deadline: the case is overdue for good and went to its supervisor. An
   * overdue handling is the office's, and no later extension undoes it.
   */
  public void escalated(long id, boolean handling, String remark) {
    cases.markOverdue(id, handling);
    entry(id, SYSTEM, "超期督办", remark, true);
  }

  /** The supervisor's decision on an overdue stage: reassigned, or kept with its owner. */
  public void supervised(long id, String action, String remark) {
    entry(id, SYSTEM, action, remark, true);
  }

  /** Handed over to three-tier mediation as a dispute. */
  public void handedOver(long id, long disputeId, String disputeNo) {
    cases.linkDispute(id, disputeId);
    entry(id, SYSTEM, "转矛盾纠纷调解", "纠纷编号 " + disputeNo, true);
  }

  /** The result and how it ended are fed back; the reporter is asked to rate it. */
  public void resolved(long id, String result, ClosureOutcome outcome, Instant at, String remark) {
    cases.resolve(id, CaseStatus.AWAITING_RATING, result, outcome.name(), at);
    entry(id, SYSTEM, "结果反馈", outcome.label() + "：" + remark, true);
    notices.reporter(NoticeEvent.CASE_RESULT, id, Map.of());
  }

  /** The handling office sent the case back (退单); the centre named in the return decides. */
  public void returned(CaseReturn caseReturn, String remark) {
    cases.insertReturn(caseReturn);
    cases.countReturn(caseReturn.caseId());
    entry(caseReturn.caseId(), caseReturn.returnedBy(), "退单", remark, false);
  }

  /** The centre decided the open return: upheld (the office handles it) or dispatched anew. */
  public void returnDecided(long id, String actor, String decision, String action, String remark) {
    if (cases.decideReturn(id, decision, actor, EngineClock.now()) != 1) {
      throw new IllegalStateException("case " + id + " has no undecided return");
    }
    entry(id, actor, action, remark, false);
  }

  /** The handler asked for a later handling deadline; the street decides. */
  public void extensionRequested(CaseExtension extension, String remark) {
    cases.insertExtension(extension);
    entry(extension.caseId(), extension.requestedBy(), "申请延期", remark, false);
  }

  /**
   * The street approved the extension: the case's handling deadline is the new one, which the
   * reporter is told. An overdue already recorded stays recorded.
   */
  public void extensionApproved(long id, String actor, Instant handleDue, String remark) {
    if (cases.decideExtension(id, "approved", actor, EngineClock.now()) != 1) {
      throw new IllegalStateException("case " + id + " has no undecided extension");
    }
    cases.extend(id, handleDue);
    entry(id, SYSTEM, "延期", remark, true);
    notices.reporter(NoticeEvent.CASE_EXTENDED, id, Map.of("remark", remark));
  }

  /** The street refused the extension: the deadline stands; the handler reads why. */
  public void extensionRefused(long id, String actor, String remark) {
    if (cases.decideExtension(id, "refused", actor, EngineClock.now()) != 1) {
      throw new IllegalStateException("case " + id + " has no undecided extension");
    }
    entry(id, actor, "延期申请未获批准", remark, false);
  }

  /**
   * The reporter's rating, taken only while the case awaits one: false for a replay or a rating
   * that came too late. The conditional update is the guard, so of two concurrent ratings only one
   * wins.
   */
  public boolean rated(long id, Rating rating, String comment) {
    if (cases.rate(id, CaseStatus.AWAITING_RATING, rating.name(), comment) != 1) {
      return false;
    }
    entry(id, REPORTER, "评价：" + rating.label(), comment, true);
    return true;
  }

  /** The reporter was not satisfied: handled again, with a new deadline. */
  public void reopened(long id, int reopenCount, Instant handleDue) {
    cases.reopen(id, CaseStatus.DISPATCHED);
    cases.renewHandleDue(id, handleDue);
    entry(id, SYSTEM, "重办", "上报人不满意，第 " + reopenCount + " 次重办", true);
  }

  /** Reopened as often as allowed: the street coordination centre reviews it. */
  public void sentToStreetReview(long id) {
    cases.updateStatus(id, CaseStatus.STREET_REVIEW);
    entry(id, SYSTEM, "提交街道复核", "重办次数已达上限，由街道协调中心复核", true);
  }

  /** Closed; {@code remark} says why when it is not the reporter's rating, else null. */
  public void closed(long id, String remark) {
    cases.close(id, CaseStatus.CLOSED, EngineClock.now());
    entry(id, SYSTEM, CLOSED_STEP, remark, true);
    notices.reporter(NoticeEvent.CASE_CLOSED, id, Map.of());
  }

  /**
   * A staff step that changes nothing but the record: a handler's result, a co-handler's opinion.
   */
  public void stepDone(long id, String actor, String action, String remark) {
    entry(id, actor, action, remark, true);
  }

  /** A step only staff see on the trail (a supervision remark). */
  public void noteInternal(long id, String actor, String action, String remark) {
    entry(id, actor, action, remark, false);
  }

  /**
   * Something that happened to the case from outside the loop: a device's alert, a linked dispute
   * closed.
   */
  public void noted(long id, String action, String remark) {
    entry(id, SYSTEM, action, remark, true);
  }

  private void entry(long id, String actor, String action, String remark, boolean publicEntry) {
    cases.appendTimeline(TimelineEntry.now(id, actor, action, remark, publicEntry));
  }
}
