package org.lianhu.cases.steps;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times read on the timeline: local time of the county, to the minute. */
final class Formats {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Formats() {}

  static String minute(Instant instant, ZoneId zone) {
    return MINUTE.format(instant.atZone(zone));
  }
}
