package org.lianhu.cases.steps;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Finds the open tasks of a stage in one case. */
@Component
class StageTasks {

  private final TaskService taskService;

  StageTasks(TaskService taskService) {
    this.taskService = taskService;
  }

  List<Task> open(String processInstanceId, Set<String> taskKeys) {
    return taskService
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .active()
        .list()
        .stream()
        .filter(task -> taskKeys.contains(task.getTaskDefinitionKey()))
        .toList();
  }

  void raisePriority(List<Task> tasks, int priority) {
    for (Task task : tasks) {
      if (task.getPriority() < priority) {
        taskService.setPriority(task.getId(), priority);
      }
    }
  }
}
