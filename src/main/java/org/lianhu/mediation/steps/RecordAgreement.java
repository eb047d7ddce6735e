package org.lianhu.mediation.steps;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.EngineClock;
import org.lianhu.mediation.DisputeLifecycle;
import org.lianhu.mediation.MediationVariables;
import org.springframework.stereotype.Component;

/**
 * 记录调解协议: keeps the agreement and the tier that reached it, and sets the dates that follow from it:
 * follow-up visits one week and one month later, and the 30-day window for judicial confirmation
 * with a reminder five days before it closes.
 */
@Component("recordAgreement")
public class RecordAgreement implements JavaDelegate {

  static final int CONFIRMATION_WINDOW_DAYS = 30;
  static final int CONFIRMATION_REMINDER_DAYS = 25;

  private final DisputeLifecycle lifecycle;
  private final CountyClock clock;

  public RecordAgreement(DisputeLifecycle lifecycle, CountyClock clock) {
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int tier = MediationVariables.tier(execution);
    Instant now = EngineClock.now();
    ZonedDateTime local = clock.local(now);
    execution.setVariable(MediationVariables.REACHED_TIER, tier);
    execution.setVariable(MediationVariables.AGREEMENT_AT, Date.from(now));
    execution.setVariable(
        MediationVariables.FOLLOW_UP_WEEK_AT, Date.from(local.plusWeeks(1).toInstant()));
    execution.setVariable(
        MediationVariables.FOLLOW_UP_MONTH_AT, Date.from(local.plusMonths(1).toInstant()));
    execution.setVariable(
        MediationVariables.CONFIRMATION_REMINDER_AT,
        Date.from(local.plusDays(CONFIRMATION_REMINDER_DAYS).toInstant()));
    Instant deadline = local.plusDays(CONFIRMATION_WINDOW_DAYS).toInstant();
    execution.setVariable(MediationVariables.CONFIRMATION_DEADLINE, Date.from(deadline));
    long id = MediationVariables.disputeId(execution);
    lifecycle.agreed(
        id,
        tier,
        (String) execution.getVariable(MediationVariables.AGREEMENT_TERMS),
        now,
        MediationVariables.tierName(tier)
            + "达成协议；可于 "
            + clock.minute(deadline)
            + " 前申请司法确认，一周和一个月后回访");
  }
}
