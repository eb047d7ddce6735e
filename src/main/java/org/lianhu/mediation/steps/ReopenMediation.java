package org.lianhu.mediation.steps;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.mediation.DisputeLifecycle;
import org.lianhu.mediation.MediationVariables;
import org.springframework.stereotype.Component;

/**
 * 重启调解: a follow-up visit found the agreement broken; mediation resumes at the tier that reached
 * it.
 */
@Component("reopenMediation")
public class ReopenMediation implements JavaDelegate {

  private final MediationTiers tiers;
  private final DisputeLifecycle lifecycle;
  private final CountyClock clock;

  public ReopenMediation(MediationTiers tiers, DisputeLifecycle lifecycle, CountyClock clock) {
    this.tiers = tiers;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int tier = ((Number) execution.getVariable(MediationVariables.REACHED_TIER)).intValue();
    long id = MediationVariables.disputeId(execution);
    Instant due = tiers.enter(execution, tier);
    lifecycle.reopened(
        id, tier, "由" + MediationVariables.tierName(tier) + "重新调解，调解时限 " + clock.minute(due));
  }
}
