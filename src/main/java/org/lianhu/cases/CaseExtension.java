package org.lianhu.cases;

import java.time.Instant;

/** A handler asks for a later handling deadline (延期申请). */
public record CaseExtension(
    long caseId,
    String officeGroup,
    Instant previousDue,
    Instant requestedDue,
    String reason,
    String requestedBy,
    Instant requestedAt) {}
