package org.lianhu.cases.steps;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseNotices;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.lianhu.engine.FormValues;
import org.lianhu.notifications.NoticeEvent;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Placement;
import org.springframework.stereotype.Component;

/**
 * 督办 (red): the stage passed its limit. The case is marked overdue, its tasks go to the top of
 * Tasklist, and the supervisor gets a task offering whom the work can be handed to.
 */
@Component("escalateOverdue")
public class EscalateOverdue implements JavaDelegate {

  static final int RED_PRIORITY = 100;

  private final StageTasks stageTasks;
  private final Cases cases;
  private final CaseLifecycle lifecycle;
  private final OrganisationDirectory directory;
  private final CaseNotices notices;

  public EscalateOverdue(
      StageTasks stageTasks,
      Cases cases,
      CaseLifecycle lifecycle,
      OrganisationDirectory directory,
      CaseNotices notices) {
    this.notices = notices;
    this.stageTasks = stageTasks;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Stage stage = Stage.of(execution.getCurrentActivityId());
    long caseId = CaseVariables.caseId(execution);
    List<Task> open = stageTasks.open(execution.getProcessInstanceId(), stage.ownedTasks());
    stageTasks.raisePriority(open, RED_PRIORITY);
    CaseRecord record = cases.byId(caseId);
    String street = record.streetCode();
    String supervisor;
    if (stage == Stage.ACCEPTANCE) {
      supervisor = CaseVariables.text(execution, CaseVariables.ACCEPT_SUPERVISOR_GROUP);
      Placement placement = new Placement(street, record.communityCode(), record.gridCode());
      execution.setVariable(
          CaseVariables.REASSIGN_OPTIONS,
          FormValues.options(directory.acceptanceOptions(placement)));
    } else {
      supervisor = CaseVariables.text(execution, CaseVariables.SUPERVISOR_GROUP);
      execution.setVariable(
          CaseVariables.REASSIGN_OPTIONS, FormValues.options(directory.departmentOptions(street)));
    }
    execution.setVariable(CaseVariables.OVERDUE_STAGE, stage.label());
    lifecycle.escalated(
        caseId,
        stage == Stage.HANDLING,
        stage.label() + "已超过时限，已提交" + directory.groupName(supervisor) + "督办");
    Map<String, String> facts = StageFacts.of(notices, stage, open);
    notices.holders(NoticeEvent.STAGE_RED, caseId, open, facts);
    notices.groups(NoticeEvent.SUPERVISE_RED, caseId, List.of(supervisor), facts);
  }
}
