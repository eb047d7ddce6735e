package org.lianhu.mediation;

import java.util.List;
import org.lianhu.calendar.EngineClock;
import org.lianhu.timeline.PublicTimeline;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.stereotype.Service;

/** The audit trail of a dispute, append-only like a case's. */
@Service
public class DisputeTimeline {

  private final DisputeMapper disputes;

  public DisputeTimeline(DisputeMapper disputes) {
    this.disputes = disputes;
  }

  public void record(long disputeId, String actor, String action, String remark) {
    append(disputeId, actor, action, remark, true);
  }

  public void recordInternal(long disputeId, String actor, String action, String remark) {
    append(disputeId, actor, action, remark, false);
  }

  private void append(long disputeId, String actor, String action, String remark, boolean publicEntry) {
    disputes.appendTimeline(disputeId, new TimelineEntry(null, disputeId, EngineClock.now(),
        actor == null ? PublicTimeline.SYSTEM : actor, action, remark, publicEntry));
  }

  public List<TimelineEntry> of(long disputeId) {
    return disputes.timeline(disputeId);
  }
}
