package org.lianhu.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** A time limit: when the yellow reminder (催办) goes out and when the red escalation (督办) starts. */
public record Deadline(Instant warnAt, Instant due) {

  /** The reminder comes when {@code warningShare} of the time between start and due has passed. */
  public static Deadline between(Instant start, Instant due, double warningShare) {
    long millis = Duration.between(start, due).toMillis();
    return new Deadline(start.plusMillis(Math.round(millis * warningShare)), due);
  }

  public Date warnAtDate() {
    return Date.from(warnAt);
  }

  public Date dueDate() {
    return Date.from(due);
  }
}
