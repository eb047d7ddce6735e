package org.lianhu.mediation.steps;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lianhu.engine.FormValues;
import org.lianhu.engine.TaskActor;
import org.lianhu.mediation.DisputeLifecycle;
import org.lianhu.mediation.MediationVariables;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * Listener on every user task of the mediation process: refuses a form that lacks what the next
 * step needs (an agreement without terms or the parties' consent, a visit without its finding...)
 * with a message Tasklist shows, and appends the step to the dispute's timeline. What the parties
 * see is the outcome; mediators' notes and opinions stay internal.
 */
@Component("recordMediationStep")
public class RecordMediationStep implements TaskListener {

  private static final Map<String, String> OUTCOMES =
      Map.of("agreement", "达成调解协议", "failed", "调解不成", "withdrawn", "申请人撤回");
  private static final Map<String, String> CONFIRMATIONS =
      Map.of("confirmed", "法院已确认", "refused", "法院未予确认", "not_applied", "当事人不申请");
  private static final Map<String, String> GUIDANCE =
      Map.of("litigation", "引导诉讼", "arbitration", "引导仲裁", "other", "引导其他法定途径");
  private static final Set<String> OPINION_TASKS =
      Set.of(
          MediationTasks.PEOPLE_MEDIATION,
          MediationTasks.ADMINISTRATIVE_MEDIATION,
          MediationTasks.JUDICIAL_MEDIATION,
          MediationTasks.DEPARTMENT_MEDIATION);

  private final DisputeLifecycle lifecycle;
  private final OrganisationDirectory directory;
  private final IdentityService identityService;

  public RecordMediationStep(
      DisputeLifecycle lifecycle,
      OrganisationDirectory directory,
      IdentityService identityService) {
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    long id = MediationVariables.disputeId(task);
    String actor = TaskActor.of(identityService, task);
    String key = task.getTaskDefinitionKey();
    if (OPINION_TASKS.contains(key)) {
      String opinion = required(task, MediationVariables.OPINION, "请填写调解意见");
      choice(task, MediationVariables.PROPOSED_OUTCOME, Set.of("agreement", "failed"), "请选择调解结论建议");
      lifecycle.stepDone(id, actor, task.getName() + "：已提交意见", null);
      lifecycle.noteInternal(id, actor, task.getName() + "意见", opinion);
      return;
    }
    switch (key) {
      case MediationTasks.MEDIATE_TIER1,
          MediationTasks.COMBINE_TIER2,
          MediationTasks.MEDIATE_TIER3 -> {
        String outcome = choice(task, MediationVariables.OUTCOME, OUTCOMES.keySet(), "请选择调解结论");
        String notes = required(task, MediationVariables.MEDIATION_NOTES, "请填写调解情况说明");
        if ("agreement".equals(outcome)) {
          required(task, MediationVariables.AGREEMENT_TERMS, "达成协议须填写协议内容");
          if (!Boolean.TRUE.equals(task.getVariable(MediationVariables.PARTIES_CONSENT))) {
            throw new IllegalArgumentException("达成协议须各方当事人签字同意");
          }
        }
        lifecycle.stepDone(id, actor, task.getName() + "：" + OUTCOMES.get(outcome), null);
        lifecycle.noteInternal(id, actor, "调解情况", notes);
      }
      case MediationTasks.PLAN_TIER3 -> {
        var groups = FormValues.groups(task.getVariable(MediationVariables.CALLED_IN_GROUPS));
        for (String group : groups) {
          if (!directory.isDepartmentOffice(group)) {
            throw new IllegalArgumentException("参与调解部门无效: " + group);
          }
        }
        task.setVariable(MediationVariables.CALLED_IN_GROUPS, FormValues.groupList(groups));
        lifecycle.stepDone(
            id,
            actor,
            "县综治中心会商部署",
            groups.isEmpty()
                ? "由县综治中心直接调解"
                : "参与部门：" + String.join("、", groups.stream().map(directory::groupName).toList()));
      }
      case MediationTasks.JUDICIAL_CONFIRMATION -> {
        String result =
            choice(
                task, MediationVariables.CONFIRMATION_RESULT, CONFIRMATIONS.keySet(), "请选择司法确认结果");
        lifecycle.confirmationRecorded(
            id,
            actor,
            result,
            "司法确认：" + CONFIRMATIONS.get(result),
            text(task, MediationVariables.CONFIRMATION_NOTES));
      }
      case MediationTasks.FOLLOW_UP_WEEK, MediationTasks.FOLLOW_UP_MONTH -> {
        String kept =
            choice(task, MediationVariables.AGREEMENT_KEPT, Set.of("yes", "no"), "请选择协议履行情况");
        String notes = required(task, MediationVariables.VISIT_NOTES, "请填写回访情况");
        lifecycle.stepDone(
            id, actor, task.getName() + "：" + ("yes".equals(kept) ? "协议履行良好" : "协议未履行"), null);
        lifecycle.noteInternal(id, actor, "回访情况", notes);
      }
      case MediationTasks.GUIDE_LITIGATION -> {
        String guidance = choice(task, MediationVariables.GUIDANCE, GUIDANCE.keySet(), "请选择引导途径");
        String notes = required(task, MediationVariables.GUIDANCE_NOTES, "请填写引导说明");
        lifecycle.guided(id, actor, guidance, GUIDANCE.get(guidance), notes);
      }
      case MediationTasks.COUNSELLING ->
          lifecycle.noteInternal(
              id, actor, "心理疏导", required(task, MediationVariables.COUNSELLING_NOTES, "请填写疏导情况"));
      case MediationTasks.POLICE_ALERT ->
          lifecycle.noteInternal(
              id,
              actor,
              "公安风险处置",
              required(task, MediationVariables.POLICE_MEASURES, "请填写已采取的防控措施"));
      default -> lifecycle.stepDone(id, actor, task.getName(), null);
    }
  }

  private static String text(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static String required(DelegateTask task, String variable, String message) {
    String value = text(task, variable);
    if (value == null) {
      throw new IllegalArgumentException(message);
    }
    return value;
  }

  private static String choice(
      DelegateTask task, String variable, Set<String> allowed, String message) {
    String value = required(task, variable, message);
    if (!allowed.contains(value)) {
      throw new IllegalArgumentException(message + "（无效的取值 " + value + "）");
    }
    return value;
  }
}
