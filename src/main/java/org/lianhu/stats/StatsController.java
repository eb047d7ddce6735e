package org.lianhu.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.calendar.CountyClock;
import org.lianhu.cases.CaseScope;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.OrganisationMapper;
import org.lianhu.web.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPIs for supervisors (staff login required): rates by unit and period, department ranking, the
 * traffic lights of open cases, hotspots, mediation success, and the weekly/monthly report as CSV
 * or XLSX.
 */
@RestController
@RequestMapping("/api/stats")
public class StatsController {

  static final int MAX_RANGE_DAYS = 3 * 366;
  static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);

  private final Statistics statistics;
  private final PeriodReport report;
  private final CountyClock clock;
  private final IdentityService identityService;
  private final OrganisationDirectory directory;
  private final OrganisationMapper organisation;
  private final DepartmentRanking departmentRanking;
  private final StatsSettings.Targets targets;

  public StatsController(
      Statistics statistics,
      PeriodReport report,
      CountyClock clock,
      IdentityService identityService,
      OrganisationDirectory directory,
      OrganisationMapper organisation,
      DepartmentRanking ranking,
      StatsSettings settings) {
    this.organisation = organisation;
    this.departmentRanking = ranking;
    this.targets = settings.targets();
    this.statistics = statistics;
    this.report = report;
    this.clock = clock;
    this.identityService = identityService;
    this.directory = directory;
  }

  /**
   * Statistics are for supervisors (county centre, supervision office, departments, streets,
   * communities).
   */
  @ModelAttribute
  void supervisorsOnly() {
    Authentication caller = identityService.getCurrentAuthentication();
    Set<String> supervisors = directory.supervisorGroups();
    if (caller == null
        || caller.getGroupIds() == null
        || caller.getGroupIds().stream().noneMatch(supervisors::contains)) {
      throw Problems.forbidden("统计数据仅向县综治中心、督查室、职能部门、街道和社区开放");
    }
  }

  @GetMapping("/kpis")
  public List<Kpi> kpis(
      @RequestParam(defaultValue = "street") Statistics.GroupBy groupBy,
      @RequestParam(defaultValue = "month") Statistics.Period period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate[] range = range(from, to);
    return statistics.kpis(groupBy, period, range[0], range[1]);
  }

  @GetMapping("/departments/ranking")
  public List<DepartmentRanking.DepartmentScore> ranking(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate[] range = range(from, to);
    return departmentRanking.ranking(range[0], range[1]);
  }

  /** What each headline rate should reach (lianhu.stats.targets), for the dashboard's colours. */
  @GetMapping("/targets")
  public StatsSettings.Targets targets() {
    return targets;
  }

  @GetMapping("/open-cases")
  public List<Statistics.OpenCaseLight> openCases(@RequestParam(defaultValue = "500") int limit) {
    if (limit < 1 || limit > 5000) {
      throw Problems.invalid("limit", "limit 须在 1 到 5000 之间");
    }
    return statistics.openCases(
        CaseScope.of(
            identityService.getCurrentAuthentication().getGroupIds(),
            organisation,
            directory.countyWideGroups()),
        limit);
  }

  @GetMapping("/hotspots")
  public List<Map<String, Object>> hotspots(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate[] range = range(from, to);
    return statistics.hotspots(range[0], range[1]);
  }

  @GetMapping("/mediation")
  public Map<String, Object> mediation(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    LocalDate[] range = range(from, to);
    return statistics.mediation(range[0], range[1]);
  }

  @GetMapping("/report.csv")
  public ResponseEntity<byte[]> csv(
      @RequestParam(defaultValue = "week") Statistics.Period period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date) {
    LocalDate day = checked(date);
    return download(report.csv(checked(period), day), "text/csv;charset=UTF-8", period, day, "csv");
  }

  @GetMapping("/report.xlsx")
  public ResponseEntity<byte[]> xlsx(
      @RequestParam(defaultValue = "week") Statistics.Period period,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate date) {
    LocalDate day = checked(date);
    return download(
        report.xlsx(checked(period), day),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        period,
        day,
        "xlsx");
  }

  private static Statistics.Period checked(Statistics.Period period) {
    if (period != Statistics.Period.week && period != Statistics.Period.month) {
      throw Problems.invalid("period", "报表周期只能是 week 或 month");
    }
    return period;
  }

  private ResponseEntity<byte[]> download(
      byte[] body, String type, Statistics.Period period, LocalDate day, String extension) {
    LocalDate start = PeriodReport.range(period, day)[0];
    String name = "lianhu-" + period + "-" + start + "." + extension;
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }

  /**
   * A report's day: today by default; a day outside the years Lianhu can hold cases for is refused.
   */
  private LocalDate checked(LocalDate date) {
    return inRange(date != null ? date : clock.today(), "date");
  }

  private static LocalDate inRange(LocalDate day, String field) {
    if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
      throw Problems.invalid(field, "日期须在 " + FIRST_DAY + " 至 " + LAST_DAY + " 之间");
    }
    return day;
  }

  /** Defaults to the last twelve months; refuses inverted or over-long ranges. */
  private LocalDate[] range(LocalDate from, LocalDate to) {
    LocalDate end = inRange(to != null ? to : clock.today(), "to");
    LocalDate start = inRange(from != null ? from : end.minusMonths(12).plusDays(1), "from");
    if (start.isAfter(end)) {
      throw Problems.invalid("from", "起始日期不能晚于结束日期");
    }
    if (start.plusDays(MAX_RANGE_DAYS).isBefore(end)) {
      throw Problems.invalid("from", "统计区间不能超过三年");
    }
    return new LocalDate[] {start, end};
  }
}
