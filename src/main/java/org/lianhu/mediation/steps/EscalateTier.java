package org.lianhu.mediation.steps;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.mediation.DisputeLifecycle;
import org.lianhu.mediation.MediationVariables;
import org.springframework.stereotype.Component;

/** 升级调解: a tier failed or ran out of time; the next tier takes over, and the timeline says why. */
@Component("escalateTier")
public class EscalateTier implements JavaDelegate {

  private final MediationTiers tiers;
  private final DisputeLifecycle lifecycle;
  private final CountyClock clock;

  public EscalateTier(MediationTiers tiers, DisputeLifecycle lifecycle, CountyClock clock) {
    this.tiers = tiers;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int from = MediationVariables.tier(execution);
    String reason =
        "failed".equals(execution.getVariable(MediationVariables.OUTCOME)) ? "调解不成" : "超过调解时限";
    execution.setVariable(MediationVariables.ESCALATION_REASON, reason);
    Instant due = tiers.enter(execution, from + 1);
    lifecycle.escalated(
        MediationVariables.disputeId(execution),
        from + 1,
        "升级至" + MediationVariables.tierName(from + 1),
        MediationVariables.tierName(from) + reason + "，自动升级；调解时限 " + clock.minute(due));
  }
}
