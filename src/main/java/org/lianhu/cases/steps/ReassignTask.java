package org.lianhu.cases.steps;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * 改派: carries out the supervisor's decision. A new group replaces the candidate group of the
 * stage's open tasks (and clears their assignee); a named user becomes the assignee. Without
 * either, the owner keeps the task and only the supervision remark is recorded.
 */
@Component("reassignTask")
public class ReassignTask implements JavaDelegate {

  private final StageTasks stageTasks;
  private final TaskService taskService;
  private final CaseLifecycle lifecycle;
  private final OrganisationDirectory directory;
  private final CaseDeadlines deadlines;

  public ReassignTask(
      StageTasks stageTasks,
      TaskService taskService,
      CaseLifecycle lifecycle,
      OrganisationDirectory directory,
      CaseDeadlines deadlines) {
    this.deadlines = deadlines;
    this.stageTasks = stageTasks;
    this.taskService = taskService;
    this.lifecycle = lifecycle;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Stage stage = Stage.of(execution.getCurrentActivityId());
    long caseId = CaseVariables.caseId(execution);
    String group = CaseVariables.text(execution, CaseVariables.REASSIGN_GROUP);
    String user = CaseVariables.text(execution, CaseVariables.REASSIGN_USER);
    List<Task> open = stageTasks.open(execution.getProcessInstanceId(), stage.reassignableTasks());
    if (open.isEmpty() || (group == null && user == null)) {
      lifecycle.supervised(caseId, "督办", stage.label() + "仍由原办理人办理");
      clearDecision(execution);
      return;
    }
    for (Task task : open) {
      if (group != null) {
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
            taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
          }
        }
        taskService.addCandidateGroup(task.getId(), group);
      }
      taskService.setAssignee(task.getId(), user);
    }
    if (group != null) {
      if (stage == Stage.ACCEPTANCE) {
        execution.setVariable(CaseVariables.ACCEPTOR_GROUP, group);
      } else if (open.stream()
          .anyMatch(task -> CaseTasks.HANDLE.equals(task.getTaskDefinitionKey()))) {
        execution.setVariable(CaseVariables.HANDLER_GROUP, group);
        String department = directory.departmentOfOffice(group);
        execution.setVariable(CaseVariables.DEPARTMENT, department);
        lifecycle.handlerChanged(
            caseId, department, group, deadlines.officeResponse(EngineClock.now()));
      }
    }
    if (stage == Stage.ACCEPTANCE) {
      execution.setVariable(CaseVariables.ACCEPTOR_USER, user);
    }
    String to = group != null ? directory.groupName(group) : "";
    if (user != null) {
      to += (to.isEmpty() ? "" : " ") + "指定办理人";
    }
    lifecycle.supervised(caseId, "督办改派", stage.label() + "改由" + to + "办理");
    clearDecision(execution);
  }

  /** A later supervision of the same case starts from an empty form. */
  private static void clearDecision(DelegateExecution execution) {
    execution.removeVariable(CaseVariables.REASSIGN_GROUP);
    execution.removeVariable(CaseVariables.REASSIGN_USER);
    execution.removeVariable(CaseVariables.SUPERVISE_COMMENT);
  }
}
