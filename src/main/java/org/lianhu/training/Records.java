package org.lianhu.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The training tables' rows, read-only. */
public final class Records {

  private Records() {}

  /** A course; street and community null: county-wide. */
  public record Course(
      long id,
      String title,
      String level,
      String streetCode,
      String communityCode,
      String createdBy,
      Instant createdAt) {}

  public record Session(
      long id,
      long courseId,
      LocalDate heldOn,
      String mode,
      String place,
      BigDecimal hours,
      String createdBy,
      Instant createdAt) {}

  /** A head's attendance, with its session and course. */
  public record Attended(
      long sessionId,
      long termId,
      String headUserId,
      String communityCode,
      LocalDate heldOn,
      String mode,
      BigDecimal hours,
      String title,
      String level) {}

  public record Shadowing(
      long id,
      long termId,
      long mentorTermId,
      LocalDate startsOn,
      LocalDate endsOn,
      String note,
      String createdBy) {}
}
