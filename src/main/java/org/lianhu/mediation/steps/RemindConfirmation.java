package org.lianhu.mediation.steps;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.mediation.DisputeTimeline;
import org.lianhu.mediation.MediationVariables;
import org.lianhu.timeline.PublicTimeline;
import org.springframework.stereotype.Component;

/** 司法确认提醒: the parties are reminded that the window for judicial confirmation is about to close. */
@Component("remindConfirmation")
public class RemindConfirmation implements JavaDelegate {

  private final DisputeTimeline timeline;
  private final CountyClock clock;

  public RemindConfirmation(DisputeTimeline timeline, CountyClock clock) {
    this.timeline = timeline;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date deadline = (Date) execution.getVariable(MediationVariables.CONFIRMATION_DEADLINE);
    timeline.record(MediationVariables.disputeId(execution), PublicTimeline.SYSTEM, "司法确认提醒",
        "申请司法确认的期限将于 " + clock.minute(deadline.toInstant()) + " 届满");
  }
}
