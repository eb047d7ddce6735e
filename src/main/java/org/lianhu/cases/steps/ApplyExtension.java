package org.lianhu.cases.steps;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.cases.CaseVariables;
import org.lianhu.engine.WithoutCaller;
import org.springframework.stereotype.Component;

/**
 * 调整处置时限: after an approved extension the handling stage's yellow and red timers move to the new
 * dates, and the co-handlers' open tasks show the new deadline (the lead's task is created anew
 * with it). A timer that has already fired is not armed again: the reminder was given, and an
 * overdue stays on the case's record.
 */
@Component("applyExtension")
public class ApplyExtension implements JavaDelegate {

  static final String WARNING_TIMER = "handleWarningTimer";
  static final String OVERDUE_TIMER = "handleOverdueTimer";

  private final ManagementService managementService;
  private final TaskService taskService;
  private final IdentityService identityService;

  public ApplyExtension(
      ManagementService managementService,
      TaskService taskService,
      IdentityService identityService) {
    this.managementService = managementService;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (!HandlerRequests.APPROVE.equals(
        CaseVariables.text(execution, CaseVariables.EXTENSION_DECISION))) {
      return;
    }
    Date due = (Date) execution.getVariable(CaseVariables.HANDLE_DUE);
    Date warnAt = (Date) execution.getVariable(CaseVariables.HANDLE_WARN_AT);
    String instance = execution.getProcessInstanceId();
    // The reviewer may not change jobs or other offices' tasks in Camunda; Lianhu does it for them.
    WithoutCaller.run(
        identityService,
        () -> {
          move(instance, WARNING_TIMER, warnAt);
          move(instance, OVERDUE_TIMER, due);
          for (Task task :
              taskService
                  .createTaskQuery()
                  .processInstanceId(instance)
                  .taskDefinitionKey(CaseTasks.CO_HANDLE)
                  .list()) {
            task.setDueDate(due);
            taskService.saveTask(task);
          }
          return null;
        });
  }

  private void move(String instance, String timer, Date to) {
    for (Job job :
        managementService
            .createJobQuery()
            .processInstanceId(instance)
            .activityId(timer)
            .timers()
            .list()) {
      managementService.setJobDuedate(job.getId(), to);
    }
  }
}
