package org.lianhu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.CaseScope;
import org.lianhu.cases.Rating;
import org.lianhu.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * KPIs over June 2031 in a database of this class's own: four cases whose every figure is known. A:
 * sanitation at 和平里, answered and handled in time, rated satisfied, closed. B: streetlight at 和平里,
 * resolved on the spot, rated unsatisfied, reopened and dispatched to municipal works. C: noise at
 * 新华, rejected. D: road damage at 新华, never answered, escalated overdue.
 */
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:statistics-test;DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true"
    })
class StatisticsTest extends CaseLoopTestSupport {

  private static final LocalDate FROM = LocalDate.parse("2031-06-01");
  private static final LocalDate TO = LocalDate.parse("2031-06-30");
  private static boolean loaded;

  @Autowired private Statistics statistics;
  @Autowired private DepartmentRanking departmentRanking;
  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;

  @BeforeEach
  void loadJune2031() {
    if (loaded) {
      return;
    }
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-06-11T02:00:00Z")));
    CaseReceipt a = reportCase("sanitation", "normal", "和平里东街1号");
    CaseReceipt b = reportCase("streetlight", "normal", "和平里东街2号");
    CaseReceipt c = reportCase("noise", "normal", "新华路东段3号");
    CaseReceipt d = reportCase("road_damage", "normal", "新华路东段4号");
    advance(Duration.ofHours(1));
    completeAs("wangli", openTask(a, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    completeAs(
        "wangli",
        openTask(b, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已修"));
    completeAs(
        "yangfan",
        openTask(c, "acceptCase"),
        Map.of("acceptDecision", "reject", "rejectReason", "重复"));
    advance(Duration.ofHours(2));
    withEvidence(a, "hanxue");
    completeAs(
        "hanxue",
        openTask(a, "handleCase"),
        Map.of("handleResult", "已清运", "closureOutcome", "resolved"));
    rate(a, Rating.satisfied, null);
    rate(b, Rating.unsatisfied, "又坏了");
    fireTimer(d, "responseOverdueTimer");
    loaded = true;
  }

  private void advance(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private Kpi row(List<Kpi> kpis, String group) {
    return kpis.stream().filter(k -> group.equals(k.group())).findFirst().orElseThrow();
  }

  @Test
  void ratesByStreetCountEachCaseOnce() {
    List<Kpi> kpis = statistics.kpis(Statistics.GroupBy.street, Statistics.Period.month, FROM, TO);

    assertThat(kpis).extracting(Kpi::period).containsOnly("2031-06");
    Kpi dongcheng = row(kpis, "dongcheng");
    assertThat(dongcheng.groupName()).isEqualTo("东城街道");
    assertThat(dongcheng.reported()).isEqualTo(2);
    assertThat(dongcheng.responseRate()).isEqualTo(1.0);
    // A is closed as resolved; B was reopened and is not closed.
    assertThat(dongcheng.closed()).isEqualTo(1);
    assertThat(dongcheng.resolved()).isEqualTo(1);
    assertThat(dongcheng.resolutionRate()).isEqualTo(1.0);
    assertThat(dongcheng.satisfactionRate()).isEqualTo(1.0);
    assertThat(dongcheng.reopens()).isEqualTo(1);
    assertThat(dongcheng.avgResponseMinutes()).isEqualTo(60.0);

    Kpi xicheng = row(kpis, "xicheng");
    assertThat(xicheng.reported()).isEqualTo(2);
    assertThat(xicheng.rejected()).isEqualTo(1);
    // C was answered (rejected) in time; D never, and its response limit passed.
    assertThat(xicheng.dueToRespond()).isEqualTo(2);
    assertThat(xicheng.responseRate()).isEqualTo(0.5);
    assertThat(xicheng.resolutionRate()).isNull();
    assertThat(xicheng.satisfactionRate()).isNull();
    assertThat(xicheng.overdue()).isEqualTo(1);
  }

  @Test
  void periodsGroupByIsoWeekAndQuarterToo() {
    assertThat(statistics.kpis(Statistics.GroupBy.category, Statistics.Period.week, FROM, TO))
        .extracting(Kpi::period)
        .containsOnly("2031-W24");
    assertThat(statistics.kpis(Statistics.GroupBy.community, Statistics.Period.quarter, FROM, TO))
        .extracting(Kpi::period)
        .containsOnly("2031-Q2");
  }

  @Test
  void departmentsAreRankedOnWhatTheirOwnOfficesDid() {
    List<DepartmentRanking.DepartmentScore> ranking = departmentRanking.ranking(FROM, TO);

    assertThat(ranking)
        .extracting(DepartmentRanking.DepartmentScore::department)
        .containsExactly("urban", "municipal");
    // Urban works answered A within its office response limit, in time, and the reporter was
    // satisfied.
    DepartmentRanking.DepartmentScore urban = ranking.get(0);
    assertThat(urban.rank()).isEqualTo(1);
    assertThat(urban.officeResponseRate()).isEqualTo(1.0);
    assertThat(urban.handledInTimeRate()).isEqualTo(1.0);
    assertThat(urban.satisfactionRate()).isEqualTo(1.0);
    assertThat(urban.score()).isEqualTo(100.0);
    // Municipal works received B when it was reopened and has not acted yet (nor is it due to):
    // no return upheld against it (0.10 x 1) and one reopen in one case (0.15 x 0), over 0.25.
    DepartmentRanking.DepartmentScore municipal = ranking.get(1);
    assertThat(municipal.reopenRate()).isEqualTo(1.0);
    assertThat(municipal.officeResponseRate()).isNull();
    assertThat(municipal.satisfactionRate()).isNull();
    assertThat(municipal.score()).isEqualTo(40.0);
  }

  @Test
  void statisticsAreForSupervisorsNotForGridWorkersOrHandlers() {
    assertThat(download("/api/stats/kpis", "wangli").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(download("/api/stats/kpis", "hanxue").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(download("/api/stats/kpis", "gaofeng").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download("/api/stats/kpis", "duchao").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void openCasesCarryTrafficLights() {
    Map<String, Statistics.Light> lights =
        statistics.openCases(CaseScope.countyWide(), 5000).stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    Statistics.OpenCaseLight::caseNo, Statistics.OpenCaseLight::light));
    List<String> june =
        cases.inScope(CaseScope.countyWide(), null, 0, 10000).stream()
            .filter(r -> r.createdAt().isAfter(Instant.parse("2031-06-01T00:00:00Z")))
            .map(r -> r.caseNo() + ":" + r.category())
            .toList();
    String overdue =
        june.stream()
            .filter(s -> s.endsWith(":road_damage"))
            .findFirst()
            .orElseThrow()
            .split(":")[0];
    String reopened =
        june.stream()
            .filter(s -> s.endsWith(":streetlight"))
            .findFirst()
            .orElseThrow()
            .split(":")[0];
    assertThat(lights.get(overdue)).isEqualTo(Statistics.Light.red);
    assertThat(statistics.openCases(CaseScope.countyWide(), 5000))
        .filteredOn(c -> c.caseNo().equals(overdue))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.categoryName()).isEqualTo("道路损坏");
              assertThat(c.streetName()).isEqualTo("西城街道");
              assertThat(c.reportedAt()).isNotNull();
            });
    assertThat(lights.get(reopened)).isEqualTo(Statistics.Light.green);
  }

  @Test
  void aCaseIsYellowOnceTheWarningShareHasPassed() {
    Instant start = Instant.parse("2031-06-11T00:00:00Z");
    Instant due = start.plus(Duration.ofHours(24));
    assertThat(statistics.light(false, start, due, start.plus(Duration.ofHours(17))))
        .isEqualTo(Statistics.Light.green);
    assertThat(statistics.light(false, start, due, start.plus(Duration.ofHours(18))))
        .isEqualTo(Statistics.Light.yellow);
    assertThat(statistics.light(false, start, due, due)).isEqualTo(Statistics.Light.red);
    assertThat(statistics.light(true, start, due, start)).isEqualTo(Statistics.Light.red);
  }

  @Test
  void hotspotsAndMediationAreCounted() {
    assertThat(statistics.hotspots(FROM, TO))
        .anySatisfy(
            row -> {
              assertThat(row.get("communityName")).isEqualTo("和平里社区");
              assertThat(((Number) row.get("cases")).intValue()).isEqualTo(1);
            });
    assertThat(statistics.mediation(FROM, TO)).containsEntry("decided", 0L);
  }

  private ResponseEntity<byte[]> download(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  @Test
  void theMonthlyReportDownloadsAsCsvAndXlsx() throws Exception {
    ResponseEntity<byte[]> csv =
        download("/api/stats/report.csv?period=month&date=2031-06-15", "majie");
    ResponseEntity<byte[]> xlsx =
        download("/api/stats/report.xlsx?period=month&date=2031-06-15", "majie");

    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).contains("月报 2031-06-01 至 2031-06-30").contains("dongcheng,东城街道,2,0,2,2,1.0");
    assertThat(csv.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("lianhu-month-2031-06-01.csv");
    List<List<Object>> byStreet = Workbooks.rows(xlsx.getBody(), 0);
    assertThat(Workbooks.sheetName(xlsx.getBody(), 0)).isEqualTo("按街道");
    assertThat(byStreet.get(0).get(0).toString()).contains("月报 2031-06-01 至 2031-06-30");
    assertThat(Workbooks.rowOf(byStreet, "东城街道").get(2)).isEqualTo(2.0);
    assertThat(Workbooks.sheetName(xlsx.getBody(), 1)).isEqualTo("按部门");

    // The heads' KPIs by street and by community: no visits and no in-unit case in June 2031.
    long households =
        jdbc.queryForObject(
            "select count(*) from household h join liaison_unit u on u.code = h.unit_code"
                + " join grid g on g.code = u.grid_code"
                + " join community c on c.code = g.community_code"
                + " where c.street_code = 'dongcheng' and h.retired_at is null",
            Long.class);
    assertThat(households).isPositive();
    assertThat(Workbooks.sheetName(xlsx.getBody(), 2)).isEqualTo("联户（按街道）");
    List<List<Object>> headsByStreet = Workbooks.rows(xlsx.getBody(), 2);
    assertThat(headsByStreet.get(1)).containsExactlyElementsOf(PeriodReport.UNIT_HEADER);
    assertThat(Workbooks.rowOf(headsByStreet, "东城街道").subList(2, 5))
        .containsExactly((double) households, 0.0, 0.0);
    assertThat(Workbooks.sheetName(xlsx.getBody(), 3)).isEqualTo("联户（按社区）");
    assertThat(Workbooks.rowOf(Workbooks.rows(xlsx.getBody(), 3), "和平里社区").get(8)).isEqualTo(0.0);
    assertThat(text).contains("月报 2031-06-01 至 2031-06-30（联户，按街道），走访覆盖率为 2031-06 月");
  }

  @Test
  void statisticsNeedAStaffLoginAndCheckTheirParameters() {
    assertThat(download("/api/stats/kpis", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(download("/api/stats/kpis?groupBy=planet", "majie").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(download("/api/stats/kpis?from=2031-07-01&to=2031-06-01", "majie").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(download("/api/stats/kpis?from=yesterday", "majie").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(download("/api/stats/report.csv?period=quarter", "majie").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void csvCellsCannotCarryFormulas() {
    assertThat(PeriodReport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(PeriodReport.cell("东城,街道")).isEqualTo("\"东城,街道\"");
    assertThat(PeriodReport.cell(-1)).isEqualTo("-1");
  }
}
