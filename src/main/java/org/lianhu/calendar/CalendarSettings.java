package org.lianhu.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.calendar}: the county's zone, its statutory holidays and the weekend days declared
 * working days (调休), as ISO dates, and the office hours that working hours count in. {@link
 * CountyClock} and {@link WorkingCalendar} check the values further.
 */
@Validated
@ConfigurationProperties("lianhu.calendar")
public record CalendarSettings(
    @NotBlank @DefaultValue(CountyClock.DEFAULT_ZONE) String zone,
    @DefaultValue List<String> holidays,
    @DefaultValue List<String> workingWeekends,
    @NotNull @DefaultValue("09:00") LocalTime officeOpens,
    @NotNull @DefaultValue("17:30") LocalTime officeCloses) {}
