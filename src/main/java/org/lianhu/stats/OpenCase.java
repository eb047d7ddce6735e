package org.lianhu.stats;

import java.time.Instant;

/** A case still running against a time limit. */
public record OpenCase(
    String caseNo,
    String category,
    String status,
    String streetCode,
    String communityCode,
    String departmentCode,
    String handlerGroup,
    String processInstanceId,
    Instant createdAt,
    Instant responseDue,
    Instant respondedAt,
    Instant handleDue,
    Boolean overdue) {}
