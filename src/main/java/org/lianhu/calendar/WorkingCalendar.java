package org.lianhu.calendar;

import java.time.DayOfWeek;
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

  private final ZoneId zone;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingWeekends;

  public WorkingCalendar(CountyClock clock, List<String> holidays, List<String> workingWeekends) {
    this.zone = clock.zone();
    this.holidays = days(holidays);
    this.workingWeekends = days(workingWeekends);
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
}
