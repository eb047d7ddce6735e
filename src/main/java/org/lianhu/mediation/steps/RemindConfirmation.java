package org.lianhu.mediation.steps;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.mediation.DisputeTimeline;
import org.lianhu.mediation.MediationVariables;
import org.lianhu.timeline.PublicTimeline;
import org.lianhu.workflow.WorkingCalendar;
import org.springframework.stereotype.Component;

/** 司法确认提醒: the parties are reminded that the window for judicial confirmation is about to close. */
@Component("remindConfirmation")
public class RemindConfirmation implements JavaDelegate {

  private final DisputeTimeline timeline;
  private final WorkingCalendar calendar;

  public RemindConfirmation(DisputeTimeline timeline, WorkingCalendar calendar) {
    this.timeline = timeline;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date deadline = (Date) execution.getVariable(MediationVariables.CONFIRMATION_DEADLINE);
    timeline.record(MediationVariables.disputeId(execution), PublicTimeline.SYSTEM, "司法确认提醒",
        "申请司法确认的期限将于 " + calendar.minute(deadline.toInstant()) + " 届满");
  }
}
