package org.lianhu.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.DeadlineSettings;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseScope;
import org.lianhu.cases.CaseStatus;
import org.lianhu.mediation.DisputeStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI views supervisors watch: rates by unit and period and traffic lights ({@link
 * DepartmentRanking} ranks the departments).
 */
@Service
public class Statistics {

  /** What a KPI can be grouped by, and the column it groups on. */
  public enum GroupBy {
    street("street_code"),
    community("community_code"),
    grid("grid_code"),
    department("department_code"),
    category("category");

    final String column;

    GroupBy(String column) {
      this.column = column;
    }
  }

  public enum Period {
    week,
    month,
    quarter,
    all
  }

  public enum Light {
    red,
    yellow,
    green
  }

  public record OpenCaseLight(
      String caseNo,
      String category,
      String categoryName,
      String status,
      String streetCode,
      String streetName,
      String communityCode,
      String communityName,
      String departmentCode,
      String departmentName,
      String handlerGroup,
      Instant reportedAt,
      Instant due,
      Light light,
      String cockpitLink) {}

  private final StatsMapper stats;
  private final KpiRollup rollup;
  private final Names names;
  private final CountyClock clock;
  private final double warningShare;

  public Statistics(
      StatsMapper stats,
      KpiRollup rollup,
      Names names,
      CountyClock clock,
      DeadlineSettings deadlines) {
    this.stats = stats;
    this.rollup = rollup;
    this.names = names;
    this.clock = clock;
    this.warningShare = deadlines.warningShare();
  }

  /**
   * KPIs per group and period over the days [from, to], read from the roll-up after bringing it up
   * to date.
   */
  public List<Kpi> kpis(GroupBy groupBy, Period period, LocalDate from, LocalDate to) {
    rollup.refresh();
    Map<String, String> groupNames = names.of(groupBy);
    return stats.kpis(groupBy.column, period.name(), from, to.plusDays(1)).stream()
        .map(
            row ->
                Kpi.of(
                    row,
                    row.groupCode() == null
                        ? "未确定"
                        : groupNames.getOrDefault(row.groupCode(), row.groupCode())))
        .toList();
  }

  /**
   * Every open case with its light: red when overdue or past its due date, yellow once the warning
   * share of its time limit has passed, green otherwise. Only the cases of the scope: a community
   * sees its community's, a department office those it handles or is copied on.
   */
  @Transactional(readOnly = true)
  public List<OpenCaseLight> openCases(CaseScope scope, int limit) {
    if (scope.nothing()) {
      return List.of();
    }
    Instant now = EngineClock.now();
    Map<String, String> categories = names.of(GroupBy.category);
    Map<String, String> streets = names.of(GroupBy.street);
    Map<String, String> communities = names.of(GroupBy.community);
    Map<String, String> departments = names.of(GroupBy.department);
    return stats.openCases(scope, limit).stream()
        .map(
            c -> {
              boolean accepting = CaseStatus.REPORTED.name().equals(c.status());
              Instant start =
                  accepting
                      ? c.createdAt()
                      : (c.respondedAt() != null ? c.respondedAt() : c.createdAt());
              Instant due = accepting ? c.responseDue() : c.handleDue();
              return new OpenCaseLight(
                  c.caseNo(),
                  c.category(),
                  categories.get(c.category()),
                  c.status(),
                  c.streetCode(),
                  streets.get(c.streetCode()),
                  c.communityCode(),
                  communities.get(c.communityCode()),
                  c.departmentCode(),
                  departments.get(c.departmentCode()),
                  c.handlerGroup(),
                  c.createdAt(),
                  due,
                  light(Boolean.TRUE.equals(c.overdue()), start, due, now),
                  c.processInstanceId() == null
                      ? null
                      : "/camunda/app/cockpit/default/#/process-instance/"
                          + c.processInstanceId()
                          + "/runtime");
            })
        .toList();
  }

  Light light(boolean overdue, Instant start, Instant due, Instant now) {
    if (overdue || (due != null && !now.isBefore(due))) {
      return Light.red;
    }
    if (due != null && start != null) {
      Instant warnAt =
          start.plusMillis(Math.round(Duration.between(start, due).toMillis() * warningShare));
      if (!now.isBefore(warnAt)) {
        return Light.yellow;
      }
    }
    return Light.green;
  }

  public List<Map<String, Object>> hotspots(LocalDate from, LocalDate to) {
    rollup.refresh();
    Map<String, String> communities = names.of(GroupBy.community);
    Map<String, String> categories = names.of(GroupBy.category);
    return stats.hotspots(from, to.plusDays(1)).stream()
        .map(
            row -> {
              Map<String, Object> named = new LinkedHashMap<>(row);
              named.put("cases", ((Number) row.get("cases")).longValue());
              named.put(
                  "communityName",
                  communities.getOrDefault((String) row.get("communityCode"), "未确定"));
              named.put(
                  "categoryName",
                  categories.getOrDefault(
                      (String) row.get("category"), (String) row.get("category")));
              return named;
            })
        .toList();
  }

  /**
   * Mediation success rate: disputes that reached an agreement among those no longer being
   * mediated.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> mediation(LocalDate from, LocalDate to) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (Map<String, Object> row : stats.disputesByStatus(start(from), start(to.plusDays(1)))) {
      byStatus.put((String) row.get("status"), ((Number) row.get("disputes")).longValue());
    }
    long agreed =
        byStatus.getOrDefault(DisputeStatus.AGREED.name(), 0L)
            + byStatus.getOrDefault(DisputeStatus.RESOLVED.name(), 0L);
    long decided =
        byStatus.values().stream().mapToLong(Long::longValue).sum()
            - byStatus.getOrDefault(DisputeStatus.MEDIATING.name(), 0L);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("byStatus", byStatus);
    result.put("agreed", agreed);
    result.put("decided", decided);
    result.put("successRate", Kpi.rate(agreed, decided));
    return result;
  }

  private Instant start(LocalDate day) {
    return clock.startOf(day);
  }
}
