package org.lianhu.allowance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.lianhu.calendar.CountyClock;
import org.lianhu.evaluation.Grade;

/**
 * A head's allowance for a month, worked out as docs/liaison-heads.md says: a day counts when the
 * head held the post at any time of it (county days); the base, the grade's amount and the honour
 * allowance are paid for the days in post over the month's days; the activities' amount is paid for
 * each activity held in the month, up to its maximum. Amounts round half up to the fen.
 */
final class PayCalculator {

  /** The amounts of one head and month. */
  record Amounts(int days, BigDecimal base, BigDecimal performance, BigDecimal honour) {
    BigDecimal total() {
      return base.add(performance).add(honour);
    }
  }

  private final AllowanceSettings settings;
  private final CountyClock clock;

  PayCalculator(AllowanceSettings settings, CountyClock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** The days of the month the head held the post at some time. */
  int daysInPost(YearMonth month, Instant startedAt, Instant endedAt) {
    int days = 0;
    for (LocalDate day = month.atDay(1);
        !day.isAfter(month.atEndOfMonth());
        day = day.plusDays(1)) {
      Instant dayStarts = clock.startOf(day);
      Instant dayEnds = clock.startOf(day.plusDays(1));
      boolean started = startedAt == null || startedAt.isBefore(dayEnds);
      boolean notEnded = endedAt == null || endedAt.isAfter(dayStarts);
      if (started && notEnded) {
        days++;
      }
    }
    return days;
  }

  Amounts amounts(
      YearMonth month,
      Instant startedAt,
      Instant endedAt,
      Optional<Grade> grade,
      int activities,
      boolean honoured) {
    int days = daysInPost(month, startedAt, endedAt);
    int monthDays = month.lengthOfMonth();
    BigDecimal base = share(settings.base(), days, monthDays);
    BigDecimal gradePart = share(grade.map(this::amountOf).orElse(0), days, monthDays);
    BigDecimal activityPart =
        days == 0
            ? BigDecimal.ZERO
            : BigDecimal.valueOf(
                Math.min(activities * settings.perActivity(), settings.activitiesMax()));
    BigDecimal honour = honoured ? share(settings.honour(), days, monthDays) : BigDecimal.ZERO;
    return new Amounts(
        days, base, gradePart.add(activityPart).setScale(2, RoundingMode.HALF_UP), honour);
  }

  int amountOf(Grade grade) {
    return switch (grade) {
      case EXCELLENT -> settings.excellent();
      case COMPETENT -> settings.competent();
      case BASIC -> settings.basic();
      case INCOMPETENT -> settings.incompetent();
    };
  }

  private static BigDecimal share(int amount, int days, int monthDays) {
    return BigDecimal.valueOf(amount)
        .multiply(BigDecimal.valueOf(days))
        .divide(BigDecimal.valueOf(monthDays), 2, RoundingMode.HALF_UP);
  }
}
