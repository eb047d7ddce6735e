package org.lianhu.org;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Mirrors the organisation into Camunda's identity service so that candidate groups, Tasklist
 * filters and Cockpit see the same units: every organisation unit becomes a group, every staff
 * member a member of their unit's group. With demo data on, staff without a Camunda login get one
 * with password "demo". Runs at every start, from {@link org.lianhu.startup.StartupSync}, under the
 * start-up lock.
 */
@Component
public class IdentitySync {

  static final String GROUP_TYPE = "WORKFLOW";
  static final String DEMO_PASSWORD = "demo";

  private final OrganisationDirectory directory;
  private final IdentityService identityService;
  private final boolean demoData;

  public IdentitySync(
      OrganisationDirectory directory, IdentityService identityService, DemoSettings settings) {
    this.directory = directory;
    this.identityService = identityService;
    this.demoData = settings.demoData();
  }

  public void synchronise() {
    for (Option unit : directory.allGroups()) {
      Group group = identityService.createGroupQuery().groupId(unit.value()).singleResult();
      if (group == null) {
        group = identityService.newGroup(unit.value());
      } else if (unit.label().equals(group.getName())) {
        continue;
      }
      group.setName(unit.label());
      group.setType(GROUP_TYPE);
      identityService.saveGroup(group);
    }
    for (Staff person : directory.staff()) {
      boolean exists = identityService.createUserQuery().userId(person.userId()).count() > 0;
      if (!exists && demoData) {
        User user = identityService.newUser(person.userId());
        // Camunda shows "first last"; a Chinese name reads whole, family name first.
        user.setFirstName(person.name());
        user.setLastName("");
        user.setPassword(DEMO_PASSWORD);
        identityService.saveUser(user);
        exists = true;
      }
      if (exists
          && identityService
                  .createUserQuery()
                  .userId(person.userId())
                  .memberOfGroup(person.groupId())
                  .count()
              == 0) {
        identityService.createMembership(person.userId(), person.groupId());
      }
    }
  }
}
