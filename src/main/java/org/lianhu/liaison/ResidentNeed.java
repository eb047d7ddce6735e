package org.lianhu.liaison;

import java.time.Instant;

/**
 * A resident's need a head collected (household optional), reported in a weekly report; one found
 * on a visit carries its visit and joins the week's report when that is filed.
 */
public record ResidentNeed(
    long id,
    Long reportId,
    String unitCode,
    String householdCode,
    String category,
    String text,
    String urgency,
    String caseNo,
    Instant createdAt,
    Long visitId) {}
