package org.lianhu.cases;

import java.time.Instant;

/** A return (退单) as recorded, with the centre's decision once it is made. */
public record ReturnRecord(
    String officeGroup,
    String departmentCode,
    String reason,
    String remark,
    String returnedBy,
    Instant returnedAt,
    String reviewerGroup,
    String decision,
    String decidedBy,
    Instant decidedAt) {}
