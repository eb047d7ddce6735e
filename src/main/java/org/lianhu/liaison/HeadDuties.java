package org.lianhu.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lianhu.calendar.CountyClock;
import org.lianhu.cases.UnitOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a head did of their duties in a unit over a period, for their archive (履职档案): visits by
 * month, weekly reports filed (on time: within their week), the unit's in-unit cases and how many
 * were settled in the unit.
 */
@Service
public class HeadDuties {

  /** A head's duties in a unit over a period. */
  public record Record(
      String unitCode,
      Map<String, Integer> visitsByMonth,
      int reportsFiled,
      int reportsOnTime,
      int inUnitCases,
      int resolvedInUnit) {}

  /** A weekly report's week and when it was filed. */
  public record WeekFiled(LocalDate weekStart, Instant filedAt) {}

  private final DutyMapper duties;
  private final CountyClock clock;

  HeadDuties(DutyMapper duties, CountyClock clock) {
    this.duties = duties;
    this.clock = clock;
  }

  /** The head's duties in the unit from {@code from} (null: any time) until {@code to}. */
  @Transactional(readOnly = true)
  public Record of(String headUserId, String unitCode, Instant from, Instant to) {
    LocalDate firstDay = from == null ? LocalDate.of(2000, 1, 1) : clock.day(from);
    LocalDate lastDay = clock.day(to).plusDays(1);
    Map<String, Integer> byMonth = new TreeMap<>();
    for (LocalDate day : duties.visitDays(headUserId, unitCode, firstDay, lastDay)) {
      byMonth.merge(YearMonth.from(day).toString(), 1, Integer::sum);
    }
    List<WeekFiled> reports = duties.reports(headUserId, unitCode, firstDay, lastDay);
    int onTime =
        (int)
            reports.stream()
                .filter(r -> clock.day(r.filedAt()).isBefore(r.weekStart().plusDays(7)))
                .count();
    Instant since = from == null ? Instant.EPOCH : from;
    return new Record(
        unitCode,
        byMonth,
        reports.size(),
        onTime,
        duties.inUnitCases(unitCode, since, to, null),
        duties.inUnitCases(unitCode, since, to, UnitOutcome.RESOLVED.code()));
  }
}
