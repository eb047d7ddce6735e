package org.lianhu.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The training tables' rows, read-only. */
final class Records {

  private Records() {}

  /** A course; street and community null: county-wide. */
  record Course(
      long id,
      String title,
      String level,
      String streetCode,
      String communityCode,
      String createdBy,
      Instant createdAt) {}

  record Session(
      long id,
      long courseId,
      LocalDate heldOn,
      String mode,
      String place,
      BigDecimal hours,
      String createdBy,
      Instant createdAt) {}

  /** A head's attendance, with its session and course. */
  record Attended(
      long sessionId,
      long termId,
      String headUserId,
      String communityCode,
      LocalDate heldOn,
      String mode,
      BigDecimal hours,
      String title,
      String level) {}

  record Shadowing(
      long id,
      long termId,
      long mentorTermId,
      LocalDate startsOn,
      LocalDate endsOn,
      String note,
      String createdBy) {}
}
