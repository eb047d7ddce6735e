package org.lianhu.liaison;

import java.time.Instant;

/** A resident's need a head collected (household optional), reported in a weekly report. */
public record ResidentNeed(
    long id,
    long reportId,
    String unitCode,
    String householdCode,
    String category,
    String text,
    String urgency,
    String caseNo,
    Instant createdAt) {}
