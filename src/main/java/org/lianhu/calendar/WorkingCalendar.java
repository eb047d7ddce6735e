package org.lianhu.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Working days as the county counts them: Monday to Friday, less statutory holidays, plus the
 * weekend days the State Council declares working days (调休).
 */
public class WorkingCalendar {

  /** A case reported on a non-working day starts its clock when the office opens. */
  static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);

  static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 30);

  private final ZoneId zone;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingWeekends;
  private final LocalTime opens;
  private final LocalTime closes;

  public WorkingCalendar(CountyClock clock, List<String> holidays, List<String> workingWeekends) {
    this(clock, holidays, workingWeekends, OFFICE_OPENS, OFFICE_CLOSES);
  }

  public WorkingCalendar(
      CountyClock clock,
      List<String> holidays,
      List<String> workingWeekends,
      LocalTime opens,
      LocalTime closes) {
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException(
          "the office must open before it closes: " + opens + "-" + closes);
    }
    this.zone = clock.zone();
    this.holidays = days(holidays);
    this.workingWeekends = days(workingWeekends);
    this.opens = opens;
    this.closes = closes;
  }

  /** Parses ISO dates (2026-10-01); blanks are skipped. */
  static Set<LocalDate> days(List<String> list) {
    return list.stream()
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(LocalDate::parse)
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean isWorkingDay(LocalDate day) {
    if (holidays.contains(day)) {
      return false;
    }
    if (workingWeekends.contains(day)) {
      return true;
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /**
   * The moment {@code days} working days after {@code start}, at the same time of day. When the
   * start falls on a non-working day the count begins at 09:00 of the next working day.
   */
  public Instant plusWorkingDays(Instant start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + days);
    }
    ZonedDateTime at = start.atZone(zone);
    if (!isWorkingDay(at.toLocalDate())) {
      LocalDate next = at.toLocalDate().plusDays(1);
      while (!isWorkingDay(next)) {
        next = next.plusDays(1);
      }
      at = next.atTime(OFFICE_OPENS).atZone(zone);
    }
    LocalDate day = at.toLocalDate();
    int counted = 0;
    while (counted < days) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day.atTime(at.toLocalTime()).atZone(zone).toInstant();
  }

  /**
   * The moment {@code hours} of office time after {@code start}: only the office hours of working
   * days count, so two working hours from 16:30 on a Friday end at 10:00 on Monday (office hours
   * 09:00-17:30).
   */
  public Instant plusWorkingHours(Instant start, Duration hours) {
    if (hours.isNegative()) {
      throw new IllegalArgumentException("working hours must not be negative: " + hours);
    }
    ZonedDateTime at = start.atZone(zone);
    LocalDate day = at.toLocalDate();
    LocalTime time = at.toLocalTime();
    Duration left = hours;
    while (true) {
      if (!isWorkingDay(day) || !time.isBefore(closes)) {
        day = day.plusDays(1);
        time = opens;
        continue;
      }
      if (time.isBefore(opens)) {
        time = opens;
      }
      Duration today = Duration.between(time, closes);
      if (left.compareTo(today) <= 0) {
        return day.atTime(time.plus(left)).atZone(zone).toInstant();
      }
      left = left.minus(today);
      day = day.plusDays(1);
      time = opens;
    }
  }
}
