package org.lianhu.mediation.steps;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.mediation.DisputeLifecycle;
import org.lianhu.mediation.MediationVariables;
import org.springframework.stereotype.Component;

/** 司法确认提醒: the parties are reminded that the window for judicial confirmation is about to close. */
@Component("remindConfirmation")
public class RemindConfirmation implements JavaDelegate {

  private final DisputeLifecycle lifecycle;
  private final CountyClock clock;

  public RemindConfirmation(DisputeLifecycle lifecycle, CountyClock clock) {
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date deadline = (Date) execution.getVariable(MediationVariables.CONFIRMATION_DEADLINE);
    lifecycle.noted(
        MediationVariables.disputeId(execution),
        "司法确认提醒",
        "申请司法确认的期限将于 " + clock.minute(deadline.toInstant()) + " 届满");
  }
}
