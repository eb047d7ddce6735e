package org.lianhu.cases;

import java.util.List;
import org.lianhu.calendar.EngineClock;
import org.lianhu.timeline.PublicTimeline;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.stereotype.Service;

/** The audit trail of a case: every step appends, nothing is ever changed or removed. */
@Service
public class CaseTimeline {

  public static final String SYSTEM = PublicTimeline.SYSTEM;
  public static final String REPORTER = PublicTimeline.REPORTER;

  private final CaseMapper cases;

  public CaseTimeline(CaseMapper cases) {
    this.cases = cases;
  }

  /** A step the reporter sees on the tracking page. */
  public void record(long caseId, String actor, String action, String remark) {
    append(caseId, actor, action, remark, true);
  }

  /** A step only staff see (supervision remarks, internal notes). */
  public void recordInternal(long caseId, String actor, String action, String remark) {
    append(caseId, actor, action, remark, false);
  }

  private void append(long caseId, String actor, String action, String remark, boolean publicEntry) {
    cases.appendTimeline(new TimelineEntry(null, caseId, EngineClock.now(), actor == null ? SYSTEM : actor,
        action, remark, publicEntry));
  }

  public List<TimelineEntry> of(long caseId) {
    return cases.timeline(caseId);
  }
}
