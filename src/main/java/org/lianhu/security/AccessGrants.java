package org.lianhu.security;

import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.lianhu.org.Option;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * The Camunda authorizations of the organisation. Every unit may use Tasklist, read the shared
 * filters and the process models; which tasks a unit sees and completes is decided by the engine
 * itself, which grants a task to the users and groups it names as assignee or candidates. Nobody
 * but Camunda's administrators get Cockpit or Admin, or instances and tasks beyond their own.
 * Granted at every start, from {@link org.lianhu.startup.StartupSync}, under the start-up lock.
 */
@Component
public class AccessGrants {

  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final OrganisationDirectory directory;

  public AccessGrants(
      AuthorizationService authorizationService,
      FilterService filterService,
      OrganisationDirectory directory) {
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.directory = directory;
  }

  public void grant() {
    Set<String> supervisors = directory.countySupervisorGroups();
    for (Option unit : directory.allGroups()) {
      grantUnit(unit.value(), supervisors);
    }
    for (Filter filter : filterService.createTaskFilterQuery().list()) {
      if (filter.getOwner() == null) {
        grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  /**
   * The grants of one organisation group: Tasklist and the models for every unit, Cockpit read-only
   * for the county's supervisors ({@link OrganisationDirectory#countySupervisorGroups()}, read once
   * for many groups). Called at start for every group and by the organisation module for a group it
   * creates or changes, in the same transaction, so a new unit works at once.
   */
  public void grantUnit(String groupId, Set<String> supervisors) {
    grantGroup(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantGroup(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
    grantGroup(groupId, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
    // The county's supervisors watch every case in Cockpit, read-only; Camunda's administrators
    // hold every permission already.
    if (!Groups.CAMUNDA_ADMIN.equals(groupId) && supervisors.contains(groupId)) {
      grantSupervisor(groupId);
    }
  }

  private void grantSupervisor(String group) {
    grantGroup(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grantGroup(
        group,
        Resources.PROCESS_DEFINITION,
        Authorization.ANY,
        ProcessDefinitionPermissions.READ_INSTANCE);
    grantGroup(
        group,
        Resources.PROCESS_DEFINITION,
        Authorization.ANY,
        ProcessDefinitionPermissions.READ_HISTORY);
    grantGroup(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
    grantGroup(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);
    grantGroup(group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
  }

  private void grantGroup(
      String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization existing =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .singleResult();
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    // One authorization per group and resource: a further permission is added to it.
    Authorization authorization =
        existing != null
            ? existing
            : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    authorizationService.saveAuthorization(authorization);
  }

  private void grantEveryone(Resource resource, String resourceId, Permission permission) {
    boolean granted =
        authorizationService
                .createAuthorizationQuery()
                .userIdIn(Authorization.ANY)
                .resourceType(resource)
                .resourceId(resourceId)
                .hasPermission(permission)
                .count()
            > 0;
    if (!granted) {
      Authorization authorization =
          authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
      authorization.addPermission(permission);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
