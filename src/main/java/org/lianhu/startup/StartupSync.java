package org.lianhu.startup;

import org.lianhu.org.IdentitySync;
import org.lianhu.security.AccessGrants;
import org.lianhu.workflow.TasklistFilters;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lianhu's start-up writers, in their order, once the application is ready: the organisation into
 * Camunda's groups, logins and memberships; the shared Tasklist filters; then the authorizations, which
 * refer to both. One listener, so that their order is explicit.
 */
@Component
public class StartupSync {

  private final IdentitySync identitySync;
  private final TasklistFilters tasklistFilters;
  private final AccessGrants accessGrants;

  public StartupSync(IdentitySync identitySync, TasklistFilters tasklistFilters,
      AccessGrants accessGrants) {
    this.identitySync = identitySync;
    this.tasklistFilters = tasklistFilters;
    this.accessGrants = accessGrants;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void run() {
    identitySync.synchronise();
    tasklistFilters.ensureFilters();
    accessGrants.grant();
  }
}
