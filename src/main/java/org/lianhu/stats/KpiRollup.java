package org.lianhu.stats;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code kpi_day} (counts per day of reporting, unit, department and category) in step with
 * {@code case_record}, so that a KPI reads a few thousand roll-up rows instead of scanning every
 * case of its window. Every write to a case stamps {@code updated_at}; a refresh rebuilds the days
 * of the cases changed since the previous refresh began, less a margin: a transaction that wrote a
 * case before that refresh but committed after it is still caught by the next one, as long as it
 * committed within the margin. The first refresh, and one after {@code built_at} was cleared (after
 * loading cases directly into the table), rebuilds every day.
 */
@Service
public class KpiRollup {

  private static final Logger log = LoggerFactory.getLogger(KpiRollup.class);

  private final StatsMapper stats;
  private final Duration margin;

  public KpiRollup(StatsMapper stats, StatsSettings settings) {
    this.stats = stats;
    this.margin = settings.rollupMargin();
  }

  /** Brings the roll-up up to date; returns the number of days rebuilt (-1: all of them). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public int refresh() {
    LocalDateTime builtAt = stats.lockRollup();
    LocalDateTime now = stats.databaseNow();
    if (builtAt == null) {
      long started = System.nanoTime();
      stats.forgetDays(null, null);
      int rows = stats.rollUpDays(null, null, now);
      stats.markBuilt(now);
      log.info(
          "KPI roll-up built from every case: {} rows in {} ms",
          rows,
          (System.nanoTime() - started) / 1_000_000);
      return -1;
    }
    TreeSet<LocalDate> days = new TreeSet<>(stats.daysChangedSince(builtAt.minus(margin)));
    for (LocalDate[] run : runs(days)) {
      stats.forgetDays(run[0], run[1]);
      stats.rollUpDays(run[0], run[1], now);
    }
    stats.markBuilt(now);
    return days.size();
  }

  /**
   * Consecutive days as half-open ranges [first, last + 1), so that a busy week is one statement,
   * not seven.
   */
  static List<LocalDate[]> runs(TreeSet<LocalDate> days) {
    List<LocalDate[]> runs = new ArrayList<>();
    LocalDate first = null;
    LocalDate next = null;
    for (LocalDate day : days) {
      if (first != null && !day.equals(next)) {
        runs.add(new LocalDate[] {first, next});
        first = null;
      }
      if (first == null) {
        first = day;
      }
      next = day.plusDays(1);
    }
    if (first != null) {
      runs.add(new LocalDate[] {first, next});
    }
    return runs;
  }
}
