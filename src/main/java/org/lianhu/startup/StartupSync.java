package org.lianhu.startup;

import org.lianhu.evaluation.EvaluationRound;
import org.lianhu.liaison.DemoVisits;
import org.lianhu.liaison.VisitDuties;
import org.lianhu.org.IdentitySync;
import org.lianhu.security.AccessGrants;
import org.lianhu.tasklist.TasklistFilters;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lianhu's start-up writers, in their order, once the application is ready: the organisation into
 * Camunda's groups, logins and memberships; the shared Tasklist filters; then the authorizations,
 * which refer to both; then the liaison heads' monthly visit duties and the quarterly evaluation
 * round, started once, and with the demo organisation the demo's visits. Each checks, then writes,
 * so the node runs them while it holds the {@link StartupLock}, and gives the lock back when they
 * are done or one of them failed.
 */
@Component
public class StartupSync {

  private final StartupLock lock;
  private final IdentitySync identitySync;
  private final TasklistFilters tasklistFilters;
  private final AccessGrants accessGrants;
  private final VisitDuties visitDuties;
  private final DemoVisits demoVisits;
  private final EvaluationRound evaluationRound;

  public StartupSync(
      StartupLock lock,
      IdentitySync identitySync,
      TasklistFilters tasklistFilters,
      AccessGrants accessGrants,
      VisitDuties visitDuties,
      DemoVisits demoVisits,
      EvaluationRound evaluationRound) {
    this.visitDuties = visitDuties;
    this.evaluationRound = evaluationRound;
    this.demoVisits = demoVisits;
    this.lock = lock;
    this.identitySync = identitySync;
    this.tasklistFilters = tasklistFilters;
    this.accessGrants = accessGrants;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void run() {
    try {
      identitySync.synchronise();
      tasklistFilters.ensureFilters();
      accessGrants.grant();
      visitDuties.ensureRunning();
      evaluationRound.ensureRunning();
      demoVisits.recordOnce();
    } finally {
      lock.release();
    }
  }
}
