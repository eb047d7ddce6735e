package org.lianhu.orgadmin;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.org.TaskHandedOver;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Hands the open tasks a staff member holds to their successor, or back to the tasks' candidate
 * groups unassigned, when they retire or move to another unit; each hand-over is published as
 * {@link TaskHandedOver} for the timeline of its case or dispute. Runs in the staff change's
 * transaction.
 */
@Component
class TaskHandOver {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final IdentityStep identity;
  private final ApplicationEventPublisher events;

  TaskHandOver(
      TaskService tasks,
      RuntimeService runtime,
      RepositoryService repository,
      IdentityStep identity,
      ApplicationEventPublisher events) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.repository = repository;
    this.identity = identity;
    this.events = events;
  }

  /** The number of tasks handed over. */
  int handOver(String userId, String successor, String actor) {
    return identity.asSystem(
        () -> {
          List<Task> held = tasks.createTaskQuery().taskAssignee(userId).list();
          for (Task task : held) {
            tasks.setAssignee(task.getId(), successor);
            if (task.getProcessInstanceId() == null) {
              continue;
            }
            ProcessInstance instance =
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId())
                    .singleResult();
            String processKey =
                repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
            events.publishEvent(
                new TaskHandedOver(
                    processKey,
                    instance == null ? null : instance.getBusinessKey(),
                    task.getName(),
                    userId,
                    successor,
                    actor));
          }
          return held.size();
        });
  }
}
