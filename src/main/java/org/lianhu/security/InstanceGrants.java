package org.lianhu.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the READ grants on a process instance ({@link TaskHolderAuthorizations} adds one per task
 * holder) to those who hold one of its open tasks now: when a task is completed or deleted (an
 * instance that ends deletes its open tasks), handed to someone else or loses a candidate, the
 * grants of everyone who no longer holds a task of it are deleted. A closed case leaves no grant
 * behind, and a hand-off takes the old holder's access away.
 *
 * <p>The check runs once per instance and transaction, just before the commit: by then the engine
 * has written the command's tasks, so a holder who completes one task and receives the next keeps
 * the grant.
 */
@Component
public class InstanceGrants {

  private static final String PENDING = InstanceGrants.class.getName() + ".pending";

  private final AuthorizationService authorizations;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  public InstanceGrants(
      @Lazy AuthorizationService authorizations,
      @Lazy RuntimeService runtime,
      @Lazy TaskService tasks,
      @Lazy IdentityService identity) {
    this.authorizations = authorizations;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  @EventListener(condition = "#task.eventName == 'complete' or #task.eventName == 'delete'")
  public void taskEnded(DelegateTask task) {
    reviewBeforeCommit(task.getProcessInstanceId());
  }

  /** Also called by the authorization provider when a task's assignee or candidates change. */
  void reviewBeforeCommit(String instanceId) {
    if (instanceId == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      Set<String> instances = new HashSet<>();
      TransactionSynchronizationManager.bindResource(PENDING, instances);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              for (String instance : List.copyOf(instances)) {
                review(instance);
              }
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
          });
      pending = instances;
    }
    pending.add(instanceId);
  }

  /**
   * Deletes the instance's grants of everyone who holds none of its open tasks (all, once it
   * ended).
   */
  void review(String instanceId) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      List<Authorization> grants =
          authorizations
              .createAuthorizationQuery()
              .resourceType(Resources.PROCESS_INSTANCE)
              .resourceId(instanceId)
              .list();
      if (grants.isEmpty()) {
        return;
      }
      Set<String> users = new HashSet<>();
      Set<String> groups = new HashSet<>();
      if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
        for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
          if (task.getAssignee() != null) {
            users.add(task.getAssignee());
          }
          for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                || IdentityLinkType.ASSIGNEE.equals(link.getType())) {
              if (link.getUserId() != null) {
                users.add(link.getUserId());
              }
              if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
              }
            }
          }
        }
      }
      for (Authorization grant : grants) {
        boolean holds =
            grant.getUserId() != null
                ? users.contains(grant.getUserId())
                : groups.contains(grant.getGroupId());
        if (!holds) {
          authorizations.deleteAuthorization(grant.getId());
        }
      }
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
