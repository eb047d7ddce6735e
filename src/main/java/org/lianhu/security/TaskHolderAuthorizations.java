package org.lianhu.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Camunda grants a task to whoever it names as assignee or candidate. Reading the task's case data
 * (the variables Tasklist lists and the forms show) also needs READ on the process instance, which
 * Camunda does not grant. This plugin adds exactly that: the holders of a task may read the one
 * instance the task belongs to, never the instances of other units; {@link InstanceGrants} takes
 * the grant away again once they hold no task of it.
 */
@Component
public class TaskHolderAuthorizations extends AbstractProcessEnginePlugin {

  private final InstanceGrants grants;

  public TaskHolderAuthorizations(InstanceGrants grants) {
    this.grants = grants;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new Provider(grants));
  }

  static class Provider extends DefaultAuthorizationProvider {

    private final InstanceGrants grants;

    Provider(InstanceGrants grants) {
      this.grants = grants;
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(
        Task task, String oldAssignee, String newAssignee) {
      if (oldAssignee != null) {
        grants.reviewBeforeCommit(task.getProcessInstanceId());
      }
      return withInstanceRead(
          super.newTaskAssignee(task, oldAssignee, newAssignee), task, newAssignee, null);
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
      grants.reviewBeforeCommit(task.getProcessInstanceId());
      return super.deleteTaskUserIdentityLink(task, userId, type);
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(
        Task task, String groupId, String type) {
      grants.reviewBeforeCommit(task.getProcessInstanceId());
      return super.deleteTaskGroupIdentityLink(task, groupId, type);
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
      return withInstanceRead(
          super.newTaskUserIdentityLink(task, userId, type), task, userId, null);
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
      return withInstanceRead(
          super.newTaskGroupIdentityLink(task, groupId, type), task, null, groupId);
    }

    private AuthorizationEntity[] withInstanceRead(
        AuthorizationEntity[] granted, Task task, String userId, String groupId) {
      String instanceId = task.getProcessInstanceId();
      if (instanceId == null
          || (userId == null && groupId == null)
          || alreadyGranted(userId, groupId, instanceId)) {
        return granted;
      }
      List<AuthorizationEntity> all =
          new ArrayList<>(granted == null ? List.of() : Arrays.asList(granted));
      all.add(
          createGrantAuthorization(
              userId, groupId, Resources.PROCESS_INSTANCE, instanceId, Permissions.READ));
      return all.toArray(new AuthorizationEntity[0]);
    }

    /** Granted before (in the database) or earlier in this command (not yet flushed). */
    private boolean alreadyGranted(String userId, String groupId, String instanceId) {
      AuthorizationEntity stored =
          userId != null
              ? getGrantAuthorizationByUserId(userId, Resources.PROCESS_INSTANCE, instanceId)
              : getGrantAuthorizationByGroupId(groupId, Resources.PROCESS_INSTANCE, instanceId);
      if (stored != null) {
        return true;
      }
      return Context.getCommandContext()
          .getDbEntityManager()
          .getCachedEntitiesByType(AuthorizationEntity.class)
          .stream()
          .anyMatch(
              pending ->
                  pending.getResourceType() == Resources.PROCESS_INSTANCE.resourceType()
                      && instanceId.equals(pending.getResourceId())
                      && Objects.equals(userId, pending.getUserId())
                      && Objects.equals(groupId, pending.getGroupId()));
    }
  }
}
