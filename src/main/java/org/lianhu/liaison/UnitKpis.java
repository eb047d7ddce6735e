package org.lianhu.liaison;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lianhu.calendar.CountyClock;
import org.springframework.stereotype.Service;

/**
 * The liaison heads' KPIs of a month by unit, grid, community or street (formulas in
 * docs/liaison-units.md, "KPIs"): 小事不出户率 (in-unit cases resolved in the unit / in-unit cases),
 * satisfaction of in-unit cases (satisfied / rated), the heads' response time (report to their
 * decision), 信息收集及时率 (weekly reports filed within their week / reports due) and visit coverage.
 */
@Service
public class UnitKpis {

  /** One row: a unit, grid, community or street and its figures; a rate is null without a base. */
  public record Row(
      String code,
      String name,
      long inUnitCases,
      long resolvedInUnit,
      Double inUnitResolutionRate,
      Double satisfactionRate,
      Double headResponseHours,
      long headTimedOut,
      long reportsDue,
      long reportsOnTime,
      Double reportTimeliness,
      long households,
      long visited,
      double visitCoverage,
      String coverageLight) {}

  private final UnitKpiMapper kpis;
  private final Visits visits;
  private final CountyClock clock;
  private final LiaisonSettings settings;

  public UnitKpis(UnitKpiMapper kpis, Visits visits, CountyClock clock, LiaisonSettings settings) {
    this.kpis = kpis;
    this.settings = settings;
    this.visits = visits;
    this.clock = clock;
  }

  public List<Row> of(CoverageLevel level, YearMonth month, String streetCode) {
    return of(level, month.atDay(1), month.atEndOfMonth(), streetCode);
  }

  /**
   * The figures of the days {@code first} to {@code last} (a week or a month of the period
   * reports): the cases reported and the weeks beginning in them; coverage is monthly, so it is
   * that of the month {@code last} lies in.
   */
  public List<Row> of(CoverageLevel level, LocalDate first, LocalDate last, String streetCode) {
    Map<String, InUnitCases> cases = new TreeMap<>();
    for (InUnitCases row :
        kpis.inUnitCases(
            level.caseColumn(),
            clock.startOf(first),
            clock.startOf(last.plusDays(1)),
            "street_code",
            streetCode)) {
      cases.put(row.code(), row);
    }
    List<LocalDate> weeks = weeksDue(first, last);
    Map<String, long[]> reports = new TreeMap<>();
    if (!weeks.isEmpty()) {
      Map<String, Set<String>> unitsOf = new TreeMap<>();
      for (WeekFiling filing : kpis.reports(level.column(), weeks, "c.street_code", streetCode)) {
        unitsOf.computeIfAbsent(filing.code(), c -> new HashSet<>()).add(filing.unitCode());
        long[] counts = reports.computeIfAbsent(filing.code(), c -> new long[2]);
        if (filing.weekStart() != null
            && filing.filedAt().isBefore(clock.startOf(filing.weekStart().plusWeeks(1)))) {
          counts[1]++;
        }
      }
      // Every active unit owes one report a week: the due count is units x weeks.
      unitsOf.forEach((code, units) -> reports.get(code)[0] = (long) units.size() * weeks.size());
    }
    List<Row> rows = new ArrayList<>();
    for (Coverage coverage : visits.coverage(level, YearMonth.from(last), streetCode, null, null)) {
      InUnitCases in = cases.getOrDefault(coverage.code(), none(coverage.code()));
      long[] filed = reports.getOrDefault(coverage.code(), new long[2]);
      rows.add(
          new Row(
              coverage.code(),
              coverage.name(),
              in.cases(),
              in.resolved(),
              share(in.resolved(), in.cases()),
              share(in.satisfied(), in.rated()),
              in.answered() == 0 ? null : in.answerSeconds() / 3600.0 / in.answered(),
              in.timedOut(),
              filed[0],
              filed[1],
              share(filed[1], filed[0]),
              coverage.households(),
              coverage.visited(),
              coverage.rate(),
              settings.coverageLight(coverage.rate())));
    }
    return rows;
  }

  /** The weeks whose Monday lies in the month and which have ended by today. */
  List<LocalDate> weeksDue(YearMonth month) {
    return weeksDue(month.atDay(1), month.atEndOfMonth());
  }

  private List<LocalDate> weeksDue(LocalDate first, LocalDate last) {
    LocalDate today = clock.today();
    List<LocalDate> weeks = new ArrayList<>();
    for (LocalDate monday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        !monday.isAfter(last);
        monday = monday.plusWeeks(1)) {
      if (!monday.plusWeeks(1).isAfter(today)) {
        weeks.add(monday);
      }
    }
    return weeks;
  }

  private static InUnitCases none(String code) {
    return new InUnitCases(code, 0, 0, 0, 0, 0, 0, 0);
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
