package org.lianhu.mediation.steps;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.mediation.DisputeLifecycle;
import org.lianhu.mediation.DisputeStatus;
import org.lianhu.mediation.MediationVariables;
import org.springframework.stereotype.Component;

/**
 * 结案: the dispute ends resolved (agreement kept through the follow-ups), withdrawn, or with
 * guidance to litigation or arbitration. The case it came from, if any, hears of it on its own
 * timeline.
 */
@Component("closeDispute")
public class CloseDispute implements JavaDelegate {

  private static final Map<String, DisputeStatus> BY_ACTIVITY =
      Map.of(
          "closeResolved", DisputeStatus.RESOLVED,
          "closeWithdrawn", DisputeStatus.WITHDRAWN,
          "closeGuided", DisputeStatus.GUIDED,
          // The id of the guided closing in the definitions deployed before 2026-12.
          "closeDispute", DisputeStatus.GUIDED);

  private final DisputeLifecycle lifecycle;

  public CloseDispute(DisputeLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeStatus status = BY_ACTIVITY.get(execution.getCurrentActivityId());
    if (status == null) {
      throw new IllegalStateException(
          "no dispute closing at activity " + execution.getCurrentActivityId());
    }
    execution.setVariable(MediationVariables.MEDIATION_RESULT, "纠纷" + status.label());
    lifecycle.closed(MediationVariables.disputeId(execution), status);
  }
}
