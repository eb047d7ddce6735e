package org.lianhu.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.stats.Kpi;
import org.lianhu.stats.Statistics;
import org.lianhu.support.Workbooks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two reports a minute apart across midnight at the end of a week, a month and a year in the county
 * (Sunday 2034-12-31 23:59:30 and Monday 2035-01-01 00:00:30, Asia/Shanghai; nobody else's dates),
 * with the JVM in another zone (the build runs the tests in America/Los_Angeles). Each must count
 * on its own county day everywhere a day is read: case number, KPIs by week and month, the roll-up
 * rebuilt from scratch, the CSV and XLSX reports, Open311 and the working-day deadline.
 */
class CountyDayEdgesTest extends CaseLoopTestSupport {

  private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
  private static final Instant SUNDAY_NIGHT = county("2034-12-31T23:59:30");
  private static final Instant MONDAY_MORNING = county("2035-01-01T00:00:30");
  private static CaseReceipt lastOfYear;
  private static CaseReceipt firstOfYear;

  @Autowired private Statistics statistics;
  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ObjectMapper json;

  private static Instant county(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(COUNTY).toInstant();
  }

  @BeforeEach
  void reportAcrossMidnight() {
    if (lastOfYear != null) {
      return;
    }
    lastOfYear = reportAndDispatchAt(SUNDAY_NIGHT, "和平里东街7号");
    firstOfYear = reportAndDispatchAt(MONDAY_MORNING, "和平里东街8号");
  }

  private CaseReceipt reportAndDispatchAt(Instant at, String address) {
    ClockUtil.setCurrentTime(Date.from(at));
    try {
      CaseReceipt receipt = reportCase("sanitation", "normal", address);
      completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
      return receipt;
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theTestJvmRunsInAnotherZoneThanTheCounty() {
    assertThat(TimeZone.getDefault().toZoneId().getRules().getOffset(MONDAY_MORNING))
        .isNotEqualTo(COUNTY.getRules().getOffset(MONDAY_MORNING));
  }

  @Test
  void theCaseNumberCarriesTheCountysYear() {
    assertThat(lastOfYear.caseNo()).startsWith("2034-");
    assertThat(firstOfYear.caseNo()).startsWith("2035-");
  }

  @Test
  void eachReportCountsOnItsCountyDayWeekAndMonth() {
    assertThat(reported(Statistics.Period.all, "2034-12-31", "2034-12-31"))
        .containsExactly(Map.entry("all", 1L));
    assertThat(reported(Statistics.Period.all, "2035-01-01", "2035-01-01"))
        .containsExactly(Map.entry("all", 1L));
    assertThat(reported(Statistics.Period.month, "2034-12-01", "2035-01-31"))
        .containsExactly(Map.entry("2034-12", 1L), Map.entry("2035-01", 1L));
    assertThat(reported(Statistics.Period.week, "2034-12-25", "2035-01-07"))
        .containsExactly(Map.entry("2034-W52", 1L), Map.entry("2035-W01", 1L));
    assertThat(reported(Statistics.Period.quarter, "2034-10-01", "2035-03-31"))
        .containsExactly(Map.entry("2034-Q4", 1L), Map.entry("2035-Q1", 1L));
  }

  @Test
  void theRollUpRebuiltFromScratchPutsThemOnTheSameDays() {
    jdbc.update("update kpi_rollup_state set built_at = null");

    assertThat(reported(Statistics.Period.month, "2034-12-01", "2035-01-31"))
        .containsExactly(Map.entry("2034-12", 1L), Map.entry("2035-01", 1L));
    assertThat(
            jdbc.queryForList(
                "select report_day from kpi_day where report_day between ? and ?",
                LocalDate.class,
                LocalDate.parse("2034-12-30"),
                LocalDate.parse("2035-01-02")))
        .containsExactlyInAnyOrder(LocalDate.parse("2034-12-31"), LocalDate.parse("2035-01-01"));
  }

  @Test
  void theMonthlyAndWeeklyReportsCountEachInItsOwnPeriod() throws Exception {
    assertThat(csv("month", "2034-12-31"))
        .contains("月报 2034-12-01 至 2034-12-31")
        .contains("dongcheng,东城街道,1,");
    assertThat(csv("month", "2035-01-01"))
        .contains("月报 2035-01-01 至 2035-01-31")
        .contains("dongcheng,东城街道,1,");
    assertThat(csv("week", "2034-12-31"))
        .contains("周报 2034-12-25 至 2034-12-31")
        .contains("dongcheng,东城街道,1,");
    assertThat(csv("week", "2035-01-01"))
        .contains("周报 2035-01-01 至 2035-01-07")
        .contains("dongcheng,东城街道,1,");
    byte[] january = download("/api/stats/report.xlsx?period=month&date=2035-01-01").getBody();
    List<List<Object>> byStreet = Workbooks.rows(january, 0);
    assertThat(byStreet.get(0).get(0).toString()).contains("2035-01-01 至 2035-01-31");
    assertThat(Workbooks.rowOf(byStreet, "东城街道").get(2)).isEqualTo(1.0);
  }

  @Test
  void open311GivesTheRequestedTimeWithTheCountysOffset() throws Exception {
    assertThat(open311(lastOfYear).get("requested_datetime").asText())
        .isEqualTo("2034-12-31T23:59:30+08:00");
    assertThat(open311(firstOfYear).get("requested_datetime").asText())
        .isEqualTo("2035-01-01T00:00:30+08:00");
    // 2035-01-01 in the county, from midnight to midnight.
    JsonNode listed =
        json.readTree(
            http.getForEntity(
                    "/open311/v2/requests.json?service_code=sanitation"
                        + "&start_date=2034-12-31T16:00:00Z&end_date=2035-01-01T16:00:00Z",
                    String.class)
                .getBody());
    assertThat(listed)
        .extracting(r -> r.get("service_request_id").asText())
        .containsExactly(firstOfYear.caseNo());
  }

  @Test
  void theWorkingDayDeadlineCountsFromTheCountysDay() {
    // Five working days (sanitation, normal). Sunday night is not a working day: the count starts
    // on
    // Monday at 09:00. A minute later it is Monday, and the count starts at once. (The test
    // calendar lists
    // no holidays for 2035.)
    assertThat(recordOf(lastOfYear).handleDue()).isEqualTo(county("2035-01-08T09:00:00"));
    assertThat(recordOf(firstOfYear).handleDue()).isEqualTo(county("2035-01-08T00:00:30"));
  }

  @Test
  void theStoredTimesReadBackAsTheSameInstants() {
    assertThat(recordOf(lastOfYear).createdAt()).isEqualTo(SUNDAY_NIGHT);
    assertThat(recordOf(firstOfYear).createdAt()).isEqualTo(MONDAY_MORNING);
    assertThat(
            jdbc.queryForObject(
                "select cast(created_at as date) from case_record where case_no = ?",
                LocalDate.class,
                firstOfYear.caseNo()))
        .isEqualTo(LocalDate.parse("2035-01-01"));
  }

  private Map<String, Long> reported(Statistics.Period period, String from, String to) {
    List<Kpi> kpis =
        statistics.kpis(
            Statistics.GroupBy.street, period, LocalDate.parse(from), LocalDate.parse(to));
    Map<String, Long> byPeriod = new LinkedHashMap<>();
    kpis.stream()
        .filter(k -> "dongcheng".equals(k.group()))
        .forEach(k -> byPeriod.merge(k.period(), k.reported(), Long::sum));
    return byPeriod;
  }

  private ResponseEntity<byte[]> download(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("majie", "demo");
    ResponseEntity<byte[]> response =
        http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response;
  }

  private String csv(String period, String date) {
    return new String(
        download("/api/stats/report.csv?period=" + period + "&date=" + date).getBody(),
        StandardCharsets.UTF_8);
  }

  private JsonNode open311(CaseReceipt receipt) throws Exception {
    return json.readTree(
            http.getForEntity("/open311/v2/requests/" + receipt.caseNo() + ".json", String.class)
                .getBody())
        .get(0);
  }
}
