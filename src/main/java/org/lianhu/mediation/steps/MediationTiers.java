package org.lianhu.mediation.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.lianhu.calendar.EngineClock;
import org.lianhu.engine.DecisionTables;
import org.lianhu.mediation.MediationVariables;
import org.springframework.stereotype.Component;

/**
 * Puts a dispute at a tier: the tier's name, and its time limit in calendar days from the DMN table
 * {@code mediationDeadlines} (tier x type). The previous tier's outcome is cleared, so that a tier
 * that runs out of time is told apart from one that failed.
 */
@Component
class MediationTiers {

  static final String DECISION = MediationVariables.DEADLINES_DECISION;

  private final DecisionTables decisionTables;

  MediationTiers(DecisionTables decisionTables) {
    this.decisionTables = decisionTables;
  }

  Instant enter(DelegateExecution execution, int tier) {
    Map<String, Object> inputs =
        Variables.createVariables()
            .putValue("tier", tier)
            .putValue("disputeType", execution.getVariable(MediationVariables.DISPUTE_TYPE));
    Map<String, Object> limit = decisionTables.evaluate(DECISION, inputs);
    if (limit == null) {
      throw new IllegalStateException(DECISION + " has no rule for " + inputs);
    }
    Number days = (Number) limit.get("days");
    Instant due = EngineClock.now().plus(Duration.ofDays(days.longValue()));
    execution.setVariable(MediationVariables.TIER, tier);
    execution.setVariable(MediationVariables.TIER_NAME, MediationVariables.tierName(tier));
    execution.setVariable(MediationVariables.TIER_DUE, Date.from(due));
    execution.removeVariable(MediationVariables.OUTCOME);
    return due;
  }
}
