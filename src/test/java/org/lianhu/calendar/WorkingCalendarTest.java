package org.lianhu.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  // National Day 2026: 1-7 October off, Saturday 10 October worked.
  private final WorkingCalendar calendar =
      new WorkingCalendar(
          new CountyClock("Asia/Shanghai"),
          List.of(
              "2026-10-01",
              "2026-10-02",
              "2026-10-03",
              "2026-10-04",
              "2026-10-05",
              "2026-10-06",
              "2026-10-07"),
          List.of("2026-10-10"));

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void weekdaysAreWorkingDaysAndWeekendsAreNot() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-25"))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-29"))).isFalse();
  }

  @Test
  void holidaysAreOffAndAdjustedWeekendsAreWorked() {
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
  }

  @Test
  void countingSkipsTheWeekendAndKeepsTheTimeOfDay() {
    // Friday 15:30 + 3 working days = Wednesday 15:30
    assertThat(calendar.plusWorkingDays(at("2026-11-27T15:30"), 3))
        .isEqualTo(at("2026-12-02T15:30"));
  }

  @Test
  void countingSkipsAHolidayWeekAndUsesTheAdjustedSaturday() {
    // Wednesday 30 September + 2 working days: 8 October (Thu) is the first after the holiday, then
    // 9 October.
    assertThat(calendar.plusWorkingDays(at("2026-09-30T10:00"), 2))
        .isEqualTo(at("2026-10-09T10:00"));
    // Friday 9 October + 1 working day = the adjusted Saturday 10 October.
    assertThat(calendar.plusWorkingDays(at("2026-10-09T10:00"), 1))
        .isEqualTo(at("2026-10-10T10:00"));
  }

  @Test
  void aReportOnANonWorkingDayStartsCountingWhenTheOfficeOpens() {
    // Sunday 22:00 + 1 working day: the clock starts Monday 09:00, due Tuesday 09:00.
    assertThat(calendar.plusWorkingDays(at("2026-11-29T22:00"), 1))
        .isEqualTo(at("2026-12-01T09:00"));
  }

  @Test
  void zeroDaysOnAWorkingDayIsNow() {
    assertThat(calendar.plusWorkingDays(at("2026-11-25T11:00"), 0))
        .isEqualTo(at("2026-11-25T11:00"));
  }

  @Test
  void negativeDaysAreRefused() {
    assertThatThrownBy(() -> calendar.plusWorkingDays(at("2026-11-25T11:00"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBadHolidayListFailsAtStartUp() {
    assertThatThrownBy(
            () ->
                new WorkingCalendar(
                    new CountyClock("Asia/Shanghai"), List.of("2026-13-01"), List.of()))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void workingHoursCountOnlyOfficeHoursOfWorkingDays() {
    // Within one day.
    assertThat(calendar.plusWorkingHours(at("2026-11-25T10:00"), Duration.ofHours(2)))
        .isEqualTo(at("2026-11-25T12:00"));
    // Friday 16:30 + 2 h: one hour on Friday, one from Monday's opening.
    assertThat(calendar.plusWorkingHours(at("2026-11-27T16:30"), Duration.ofHours(2)))
        .isEqualTo(at("2026-11-30T10:00"));
    // Received at night or on a holiday: the count starts when the office opens.
    assertThat(calendar.plusWorkingHours(at("2026-11-25T22:15"), Duration.ofHours(2)))
        .isEqualTo(at("2026-11-26T11:00"));
    assertThat(calendar.plusWorkingHours(at("2026-10-03T10:00"), Duration.ofMinutes(30)))
        .isEqualTo(at("2026-10-08T09:30"));
    // Before opening; and an adjusted Saturday (调休) is worked.
    assertThat(calendar.plusWorkingHours(at("2026-10-10T07:00"), Duration.ofHours(1)))
        .isEqualTo(at("2026-10-10T10:00"));
  }

  @Test
  void officeHoursAreTheCountysAndMustMakeSense() {
    WorkingCalendar shortDays =
        new WorkingCalendar(
            new CountyClock("Asia/Shanghai"),
            List.of(),
            List.of(),
            LocalTime.of(8, 30),
            LocalTime.of(12, 0));
    assertThat(shortDays.plusWorkingHours(at("2026-11-25T11:00"), Duration.ofHours(2)))
        .isEqualTo(at("2026-11-26T09:30"));
    assertThatThrownBy(
            () ->
                new WorkingCalendar(
                    new CountyClock("Asia/Shanghai"),
                    List.of(),
                    List.of(),
                    LocalTime.of(18, 0),
                    LocalTime.of(9, 0)))
        .hasMessageContaining("open before it closes");
    assertThatThrownBy(
            () -> calendar.plusWorkingHours(at("2026-11-25T10:00"), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
