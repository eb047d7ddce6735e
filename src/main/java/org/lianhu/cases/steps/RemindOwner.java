package org.lianhu.cases.steps;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseNotices;
import org.lianhu.cases.CaseVariables;
import org.lianhu.notifications.NoticeEvent;
import org.springframework.stereotype.Component;

/**
 * 催办 (yellow): the stage is close to its limit. Its open tasks move up in Tasklist (priority 75)
 * and the timeline says so, so the reporter sees that the case is being chased.
 */
@Component("remindOwner")
public class RemindOwner implements JavaDelegate {

  static final int YELLOW_PRIORITY = 75;

  private final StageTasks stageTasks;
  private final CaseLifecycle lifecycle;
  private final CaseNotices notices;

  public RemindOwner(StageTasks stageTasks, CaseLifecycle lifecycle, CaseNotices notices) {
    this.notices = notices;
    this.stageTasks = stageTasks;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Stage stage = Stage.of(execution.getCurrentActivityId());
    List<Task> open = stageTasks.open(execution.getProcessInstanceId(), stage.ownedTasks());
    stageTasks.raisePriority(open, YELLOW_PRIORITY);
    long caseId = CaseVariables.caseId(execution);
    lifecycle.reminded(caseId, stage.label() + "即将超过时限，已提醒办理人");
    notices.holders(NoticeEvent.STAGE_YELLOW, caseId, open, StageFacts.of(notices, stage, open));
  }
}
