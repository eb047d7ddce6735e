package org.lianhu.cases;

import java.time.Instant;

/** A handling office sends a dispatched case back (退单); the reviewer is the centre that decides. */
public record CaseReturn(
    long caseId,
    String officeGroup,
    String departmentCode,
    String reason,
    String remark,
    String returnedBy,
    Instant returnedAt,
    String reviewerGroup) {}
