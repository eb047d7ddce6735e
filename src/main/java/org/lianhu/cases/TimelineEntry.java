package org.lianhu.cases;

import java.time.Instant;

/** One step of a case: who did what, when, with what remark; internal entries stay with the staff. */
public record TimelineEntry(Long id, Long caseId, Instant occurredAt, String actor, String action,
    String remark, Boolean publicEntry) {}
