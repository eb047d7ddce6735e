package org.lianhu.org;

import java.util.ArrayList;
import java.util.List;
import org.lianhu.org.IdentityWrites.Wanted;
import org.lianhu.org.IdentityWrites.WantedGroup;
import org.lianhu.org.IdentityWrites.WantedLogin;
import org.springframework.stereotype.Component;

/**
 * Mirrors the organisation into Camunda's identity service so that candidate groups, Tasklist
 * filters and Cockpit see the same units: every organisation unit, liaison unit and community's
 * heads become a group; every staff member a member of their unit's group; every head with a login
 * a member of their unit's and their community's heads' group. A missing login is created, with
 * password "demo" when demo data is on, else with one nobody knows (an administrator sets it). It
 * also completes what an organisation import left undone when the node stopped after its commit.
 * Runs at every start, from {@link org.lianhu.startup.StartupSync}, under the start-up lock.
 */
@Component
public class IdentitySync {

  static final String DEMO_PASSWORD = "demo";

  private final OrganisationDirectory directory;
  private final IdentityWrites writes;
  private final boolean demoData;

  public IdentitySync(
      OrganisationDirectory directory, IdentityWrites writes, DemoSettings settings) {
    this.directory = directory;
    this.writes = writes;
    this.demoData = settings.demoData();
  }

  public void synchronise() {
    List<Wanted> wanted = new ArrayList<>();
    for (Option unit : directory.allGroups()) {
      wanted.add(new WantedGroup(unit.value(), unit.label()));
    }
    for (Option unit : directory.unitGroups()) {
      wanted.add(new WantedGroup(unit.value(), unit.label()));
    }
    String password = demoData ? DEMO_PASSWORD : null;
    for (Staff person : directory.staff()) {
      wanted.add(WantedLogin.staff(person.userId(), person.name(), password, person.groupId()));
    }
    for (LiaisonHead head : directory.heads()) {
      wanted.add(WantedLogin.head(head, password));
    }
    writes.write(wanted);
  }
}
