package org.lianhu.cases.steps;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseMerges;
import org.lianhu.cases.CaseNotices;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.CopyRemarks;
import org.lianhu.cases.UnitOutcome;
import org.lianhu.engine.FormValues;
import org.lianhu.engine.TaskActor;
import org.lianhu.notifications.NoticeEvent;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * Listener on every user task of the case loop. On completion it checks that the form says what the
 * next step needs (a rejection has its reason, a coordination its lead department...) and refuses
 * it with a message Tasklist shows otherwise, then appends the step to the case timeline. On
 * creation of the street review it moves the case to that status.
 *
 * <p>On completion it first locks the case row: the timeline insert would otherwise take a shared
 * lock on it through the foreign key, and {@code markResponded} then needs the exclusive one, so
 * two completions on one case deadlocked on MySQL.
 */
@Component("recordTaskOutcome")
public class RecordTaskOutcome implements TaskListener {

  private final CaseLifecycle lifecycle;
  private final OrganisationDirectory directory;
  private final IdentityService identityService;
  private final CaseDeadlines deadlines;
  private final HandlerRequests handlerRequests;
  private final CopyRemarks copyRemarks;
  private final CaseMerges merges;
  private final CaseNotices notices;

  public RecordTaskOutcome(
      CaseLifecycle lifecycle,
      OrganisationDirectory directory,
      IdentityService identityService,
      CaseDeadlines deadlines,
      HandlerRequests handlerRequests,
      CopyRemarks copyRemarks,
      CaseMerges merges,
      CaseNotices notices) {
    this.notices = notices;
    this.merges = merges;
    this.deadlines = deadlines;
    this.copyRemarks = copyRemarks;
    this.handlerRequests = handlerRequests;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    long caseId = CaseVariables.caseId(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      if (CaseTasks.STREET_REVIEW.equals(task.getTaskDefinitionKey())) {
        lifecycle.sentToStreetReview(caseId);
      }
      return;
    }
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      // A handler who claims the case has acted on it; a supervisor naming someone has not.
      String assignee = task.getAssignee();
      var caller = identityService.getCurrentAuthentication();
      if (CaseTasks.HANDLE.equals(task.getTaskDefinitionKey())
          && assignee != null
          && caller != null
          && assignee.equals(caller.getUserId())) {
        lifecycle.officeActed(caseId);
      }
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    // The case row first, then its timeline and its columns: every completion locks in the same
    // order.
    lifecycle.lock(caseId);
    String actor = TaskActor.of(identityService, task);
    switch (task.getTaskDefinitionKey()) {
      case CaseTasks.HEAD -> headDecided(task, caseId, actor);
      case CaseTasks.COUNCIL -> {
        String decision = required(task, CaseVariables.COUNCIL_DECISION, "请选择议事结论");
        String result = required(task, CaseVariables.COUNCIL_RESULT, "请填写议事会意见");
        switch (decision) {
          case "resolve" -> lifecycle.stepDone(caseId, actor, "社区议事会：协调解决", result);
          case "dispatch" -> lifecycle.stepDone(caseId, actor, "社区议事会：转派职能部门", result);
          default -> throw new IllegalArgumentException("未知的议事结论: " + decision);
        }
      }
      case CaseTasks.ACCEPT -> accepted(task, caseId, actor);
      case CaseTasks.COORDINATE -> {
        String lead = required(task, CaseVariables.LEAD_GROUP, "请选择牵头部门");
        if (!directory.isDepartmentOffice(lead)) {
          throw new IllegalArgumentException("牵头部门无效: " + lead);
        }
        for (String coHandler :
            FormValues.groups(task.getVariable(CaseVariables.CO_HANDLER_GROUPS))) {
          if (!directory.isDepartmentOffice(coHandler)) {
            throw new IllegalArgumentException("协办部门无效: " + coHandler);
          }
        }
        lifecycle.stepDone(
            caseId, actor, "街道协调派单", CaseVariables.text(task, CaseVariables.COORDINATE_COMMENT));
      }
      case CaseTasks.HANDLE -> handlerRequests.handled(task, caseId, actor);
      case CaseTasks.REVIEW_RETURN -> handlerRequests.returnReviewed(task, caseId, actor);
      case CaseTasks.REVIEW_EXTENSION -> handlerRequests.extensionReviewed(task, caseId, actor);
      case CaseTasks.ACKNOWLEDGE_COPY -> {
        String remark = CaseVariables.text(task, CaseVariables.SUPERVISION_REMARK);
        if (remark != null) {
          copyRemarks.remark(
              caseId,
              task.getProcessInstanceId(),
              actor,
              CaseVariables.text(task, CaseVariables.COPY_TO_GROUP),
              remark);
        }
      }
      case CaseTasks.CO_HANDLE -> {
        String result = required(task, CaseVariables.CO_HANDLE_RESULT, "请填写协办意见");
        String group = CaseVariables.text(task, "coHandlerGroup");
        lifecycle.stepDone(
            caseId,
            actor,
            "协办完成" + (group == null ? "" : "（" + directory.groupName(group) + "）"),
            result);
      }
      case CaseTasks.SUPERVISE_ACCEPTANCE, CaseTasks.SUPERVISE_HANDLING -> {
        String remark = required(task, CaseVariables.SUPERVISE_COMMENT, "请填写督办意见");
        String user = CaseVariables.text(task, CaseVariables.REASSIGN_USER);
        if (user != null && identityService.createUserQuery().userId(user).count() == 0) {
          throw new IllegalArgumentException("办理人账号不存在: " + user);
        }
        lifecycle.noteInternal(caseId, actor, "督办意见", remark);
      }
      case CaseTasks.STREET_REVIEW -> {
        String decision = required(task, CaseVariables.REVIEW_DECISION, "请选择复核结论");
        String remark = required(task, CaseVariables.REVIEW_COMMENT, "请填写复核意见");
        switch (decision) {
          case "close" -> lifecycle.stepDone(caseId, actor, "街道复核：结案", remark);
          case "redispatch" -> lifecycle.stepDone(caseId, actor, "街道复核：重新派单", remark);
          default -> throw new IllegalArgumentException("未知的复核结论: " + decision);
        }
      }
      default -> lifecycle.stepDone(caseId, actor, task.getName(), null);
    }
  }

  private void headDecided(DelegateTask task, long caseId, String actor) {
    String decision = required(task, CaseVariables.HEAD_DECISION, "请选择处理方式");
    switch (decision) {
      case "resolve" ->
          lifecycle.unitDecided(
              caseId,
              actor,
              UnitOutcome.RESOLVED,
              "联户长：联户内解决",
              required(task, CaseVariables.HEAD_RESULT, "请填写处理结果，该内容将反馈给上报人"));
      case "passUp" ->
          lifecycle.unitDecided(
              caseId,
              actor,
              UnitOutcome.PASSED_UP,
              "联户长：上报网格员",
              required(task, CaseVariables.HEAD_NOTE, "请说明上报网格员的理由"));
      case "refer" -> {
        lifecycle.unitDecided(
            caseId,
            actor,
            UnitOutcome.REFERRED,
            "联户长：提交社区议事会",
            required(task, CaseVariables.HEAD_NOTE, "请说明提交议事会的事项"));
        task.getExecution()
            .setVariable(
                CaseVariables.COUNCIL_DUE,
                deadlines
                    .council(
                        CaseVariables.text(task, CaseVariables.CATEGORY),
                        CaseVariables.text(task, CaseVariables.URGENCY),
                        EngineClock.now())
                    .dueDate());
      }
      case "mediate" ->
          lifecycle.unitDecided(
              caseId,
              actor,
              UnitOutcome.MEDIATED,
              "联户长：转矛盾纠纷调解",
              required(task, CaseVariables.HEAD_NOTE, "请说明纠纷的情况"));
      default -> throw new IllegalArgumentException("未知的处理方式: " + decision);
    }
  }

  private void accepted(DelegateTask task, long caseId, String actor) {
    String decision = required(task, CaseVariables.ACCEPT_DECISION, "请选择受理结论");
    String comment = CaseVariables.text(task, CaseVariables.ACCEPT_COMMENT);
    switch (decision) {
      case "onSpot" -> {
        lifecycle.responded(caseId, actor, "受理：当场解决", comment);
        notices.reporter(NoticeEvent.CASE_ACCEPTED, caseId, Map.of());
      }
      case "dispatch" -> {
        lifecycle.responded(caseId, actor, "受理：转派职能部门", comment);
        notices.reporter(NoticeEvent.CASE_ACCEPTED, caseId, Map.of());
      }
      case "merge" -> {
        CaseRecord target =
            merges.target(caseId, CaseVariables.text(task, CaseVariables.MERGE_INTO));
        lifecycle.responded(
            caseId,
            actor,
            "受理：合并重复诉求",
            "合并至事件 " + target.caseNo() + (comment == null ? "" : "；" + comment));
      }
      case "reject" ->
          lifecycle.responded(
              caseId,
              actor,
              CaseLifecycle.REJECTED_STEP,
              required(task, CaseVariables.REJECT_REASON, "不予受理须填写理由，上报人将看到该理由"));
      default -> throw new IllegalArgumentException("未知的受理结论: " + decision);
    }
  }

  /** The form's text {@code variable}, or a refusal with {@code message} that Tasklist shows. */
  static String required(DelegateTask task, String variable, String message) {
    String value = CaseVariables.text(task, variable);
    if (value == null) {
      throw new IllegalArgumentException(message);
    }
    return value;
  }
}
