package org.lianhu.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * 部门排名: each department scored on what its own offices did (docs/kpis.md, "Department score"):
 * their response to a dispatch (claim, return or result within the office response limit), handling
 * within the limit, returns the centre upheld against them, reopens, and satisfaction. The grid's
 * acceptance time is the grid's figure (KPIs by grid), not the department's.
 */
@Service
public class DepartmentRanking {

  /** One department's figures and score; rates are fractions or null with nothing to count. */
  public record DepartmentScore(
      int rank,
      String department,
      String departmentName,
      double score,
      Double officeResponseRate,
      Double handledInTimeRate,
      long returns,
      long upheldReturns,
      Double returnRate,
      Double reopenRate,
      Double satisfactionRate,
      long cases) {

    DepartmentScore ranked(int rank) {
      return new DepartmentScore(
          rank,
          department,
          departmentName,
          score,
          officeResponseRate,
          handledInTimeRate,
          returns,
          upheldReturns,
          returnRate,
          reopenRate,
          satisfactionRate,
          cases);
    }
  }

  /** A department's returns of cases reported in the period, as the centres decided them. */
  public record DepartmentReturns(
      String department, long returns, long upheld, long redispatched) {}

  private final Statistics statistics;
  private final StatsMapper stats;
  private final Names names;
  private final StatsSettings.ScoreWeights weights;

  public DepartmentRanking(
      Statistics statistics, StatsMapper stats, Names names, StatsSettings settings) {
    this.statistics = statistics;
    this.stats = stats;
    this.names = names;
    this.weights = settings.departmentScore();
  }

  /** Departments by score, best first, over the cases reported on the days [from, to]. */
  public List<DepartmentScore> ranking(LocalDate from, LocalDate to) {
    Map<String, Kpi> kpis = new HashMap<>();
    for (Kpi kpi :
        statistics.kpis(Statistics.GroupBy.department, Statistics.Period.all, from, to)) {
      if (kpi.group() != null) {
        kpis.put(kpi.group(), kpi);
      }
    }
    Map<String, DepartmentReturns> returns = new HashMap<>();
    for (DepartmentReturns r : stats.returnsByDepartment(from, to.plusDays(1))) {
      returns.put(r.department(), r);
    }
    Map<String, String> departmentNames = names.of(Statistics.GroupBy.department);
    TreeSet<String> departments = new TreeSet<>(kpis.keySet());
    departments.addAll(returns.keySet());

    List<DepartmentScore> scores = new ArrayList<>();
    for (String department : departments) {
      scores.add(
          score(
              department,
              departmentNames.getOrDefault(department, department),
              kpis.get(department),
              returns.getOrDefault(department, new DepartmentReturns(department, 0, 0, 0))));
    }
    scores.sort(
        Comparator.comparingDouble(DepartmentScore::score)
            .reversed()
            .thenComparing(DepartmentScore::department));
    List<DepartmentScore> ranked = new ArrayList<>();
    for (int i = 0; i < scores.size(); i++) {
      ranked.add(scores.get(i).ranked(i + 1));
    }
    return ranked;
  }

  DepartmentScore score(String department, String name, Kpi kpi, DepartmentReturns returns) {
    long dispatched = kpi == null ? 0 : kpi.dispatched();
    // Cases the department received: those it kept, and those it returned and the centre sent on.
    long received = dispatched + returns.redispatched();
    Double officeResponse = kpi == null ? null : kpi.officeResponseRate();
    Double handledInTime = kpi == null ? null : kpi.handledInTimeRate();
    Double returnRate = Kpi.rate(returns.returns(), received);
    Double upheldRate = Kpi.rate(returns.upheld(), received);
    Double reopenRate = kpi == null ? null : Kpi.rate(kpi.reopenedCases(), received);
    Double satisfaction = kpi == null ? null : kpi.satisfactionRate();
    return new DepartmentScore(
        0,
        department,
        name,
        score(officeResponse, handledInTime, upheldRate, reopenRate, satisfaction),
        officeResponse,
        handledInTime,
        returns.returns(),
        returns.upheld(),
        returnRate,
        reopenRate,
        satisfaction,
        received);
  }

  /**
   * 100 x the weighted mean of the components that have something to count: a component with
   * nothing yet (no ratings, no returns decided) neither helps nor hurts.
   */
  double score(
      Double officeResponse,
      Double handledInTime,
      Double upheldRate,
      Double reopenRate,
      Double satisfaction) {
    double weighted = 0;
    double total = 0;
    double[][] parts = {
      {weights.officeResponse(), officeResponse == null ? -1 : officeResponse},
      {weights.handledInTime(), handledInTime == null ? -1 : handledInTime},
      {weights.returnsUpheld(), upheldRate == null ? -1 : 1 - upheldRate},
      {weights.reopens(), reopenRate == null ? -1 : 1 - reopenRate},
      {weights.satisfaction(), satisfaction == null ? -1 : satisfaction}
    };
    for (double[] part : parts) {
      if (part[1] >= 0) {
        weighted += part[0] * part[1];
        total += part[0];
      }
    }
    return total == 0 ? 0 : Kpi.round(100 * weighted / total);
  }
}
