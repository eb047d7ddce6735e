package org.lianhu.timeline;

import java.time.Instant;

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
    Boolean publicEntry) {}
