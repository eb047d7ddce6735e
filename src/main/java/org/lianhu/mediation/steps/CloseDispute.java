package org.lianhu.mediation.steps;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.EngineClock;
import org.lianhu.mediation.Dispute;
import org.lianhu.mediation.DisputeClosed;
import org.lianhu.mediation.DisputeMapper;
import org.lianhu.mediation.DisputeStatus;
import org.lianhu.mediation.DisputeTimeline;
import org.lianhu.mediation.MediationVariables;
import org.lianhu.timeline.PublicTimeline;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * 结案: the dispute ends resolved (agreement kept through the follow-ups), withdrawn, or with guidance to
 * litigation or arbitration. The case it came from, if any, hears of it on its own timeline.
 */
@Component("closeDispute")
public class CloseDispute implements JavaDelegate {

  private static final Map<String, DisputeStatus> BY_ACTIVITY = Map.of(
      "closeResolved", DisputeStatus.RESOLVED,
      "closeWithdrawn", DisputeStatus.WITHDRAWN,
      "closeDispute", DisputeStatus.GUIDED);

  private final DisputeMapper disputes;
  private final DisputeTimeline timeline;
  private final ApplicationEventPublisher events;

  public CloseDispute(DisputeMapper disputes, DisputeTimeline timeline, ApplicationEventPublisher events) {
    this.disputes = disputes;
    this.timeline = timeline;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DisputeStatus status = BY_ACTIVITY.get(execution.getCurrentActivityId());
    if (status == null) {
      throw new IllegalStateException("no dispute closing at activity " + execution.getCurrentActivityId());
    }
    long id = MediationVariables.disputeId(execution);
    disputes.close(id, status.name(), EngineClock.now());
    String result = "纠纷" + status.label();
    execution.setVariable(MediationVariables.MEDIATION_RESULT, result);
    timeline.record(id, PublicTimeline.SYSTEM, "结案：" + status.label(), null);
    Dispute dispute = disputes.findById(id);
    if (dispute.caseId() != null) {
      events.publishEvent(new DisputeClosed(dispute.caseId(), dispute.disputeNo(), status.label()));
    }
  }
}
