package org.lianhu.timeline;

import java.time.Instant;
import org.lianhu.calendar.EngineClock;

/**
 * One step on the audit trail of a case or a dispute (the subject): who did what, when, with what
 * remark. Public entries are what the reporter or the parties see; internal ones stay with the
 * staff.
 */
public record TimelineEntry(
    Long id,
    Long subjectId,
    Instant occurredAt,
    String actor,
    String action,
    String remark,
    Boolean publicEntry) {

  /**
   * A new entry about {@code subjectId}, happening now on the engine's clock; no actor is the
   * system.
   */
  public static TimelineEntry now(
      long subjectId, String actor, String action, String remark, boolean publicEntry) {
    return new TimelineEntry(
        null,
        subjectId,
        EngineClock.now(),
        actor == null ? PublicTimeline.SYSTEM : actor,
        action,
        remark,
        publicEntry);
  }
}
