package org.lianhu.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The county's days: the one place where an instant becomes a calendar day, week, month or year,
 * and where the zone that timestamps are stored in is decided. Nothing in Lianhu reads the JVM's
 * default zone.
 *
 * <p>The zone ({@code lianhu.calendar.zone}) must have a fixed offset from now on (Asia/Shanghai
 * and every other Chinese zone have had no daylight saving since 1991): the database keeps the
 * county's wall-clock time, which is unambiguous only in such a zone. See docs/architecture.md,
 * "Time".
 */
public class CountyClock {

  public static final String ZONE_PROPERTY = "lianhu.calendar.zone";
  public static final String DEFAULT_ZONE = "Asia/Shanghai";

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ZoneId zone;

  public CountyClock(String zone) {
    this.zone = zoneOf(zone);
  }

  /**
   * The county zone named by {@code id}, refused when it is unknown or still changes its offset
   * (daylight saving): a stored wall-clock time would then name two instants once a year.
   */
  public static ZoneId zoneOf(String id) {
    ZoneId zone;
    try {
      zone = ZoneId.of(id == null ? "" : id.trim());
    } catch (DateTimeException e) {
      throw new IllegalStateException(ZONE_PROPERTY + " is not a time zone: '" + id + "'", e);
    }
    if (zone.getRules().nextTransition(Instant.now()) != null) {
      throw new IllegalStateException(
          ZONE_PROPERTY
              + " = "
              + id
              + " changes its offset (daylight saving);"
              + " Lianhu stores the county's wall-clock time and needs a zone with a fixed offset, such as Asia/Shanghai");
    }
    return zone;
  }

  /** The zone's offset, as databases take it for a session ("+08:00"). */
  public static String offsetOf(ZoneId zone) {
    ZoneOffset offset = zone.getRules().getOffset(Instant.now());
    int minutes = offset.getTotalSeconds() / 60;
    return String.format(
        "%s%02d:%02d", minutes < 0 ? "-" : "+", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The engine's clock (which tests move), so that days follow a moved clock too. */
  public Instant now() {
    return EngineClock.now();
  }

  public LocalDate today() {
    return day(now());
  }

  /** The county day an instant falls on. */
  public LocalDate day(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** The county year an instant falls in, as case and dispute numbers carry it. */
  public int year(Instant instant) {
    return instant.atZone(zone).getYear();
  }

  /** The instant a county day begins. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  public ZonedDateTime local(Instant instant) {
    return instant.atZone(zone);
  }

  /** How times read on timelines and in forms: the county's local time, to the minute. */
  public String minute(Instant instant) {
    return MINUTE.format(instant.atZone(zone));
  }

  /** ISO 8601 with the county's offset, as Open311 and other machine clients read it. */
  public String isoDateTime(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
  }
}
