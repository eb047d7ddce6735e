package org.lianhu.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.Cases;
import org.lianhu.cases.NewCaseFixture;
import org.lianhu.stats.Kpi;
import org.lianhu.stats.Statistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The time convention on the MySQL-compatible server, with the JVM in another zone than the
 * county's: every connection stores the county's wall-clock time (Lianhu's columns and Camunda's),
 * and rows as the releases before it wrote them (the county's wall-clock time, the JVM having been
 * set to the county's zone by {@code main}) keep their instant and their county day. No stored
 * value needed converting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "mysqltest"})
class CountyTimeMySqlIT {

  /** 2035-06-30 23:59:30 in the county. */
  private static final Instant JUNE_30_LATE = Instant.parse("2035-06-30T15:59:30Z");

  /** 2035-07-01 00:00:30 in the county. */
  private static final Instant JULY_1_EARLY = Instant.parse("2035-06-30T16:00:30Z");

  @Autowired private Cases cases;
  @Autowired private ApplicationContext context;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private Statistics statistics;
  @Autowired private TestRestTemplate http;
  @Autowired private ManagementService managementService;

  @Test
  void eachSessionRunsOnTheCountysOffset() {
    assertThat(jdbc.queryForObject("select @@session.time_zone", String.class)).isEqualTo("+08:00");
  }

  @Test
  void aCaseWrittenNowIsStoredAsTheCountysWallClockAndARowOfAnEarlierReleaseKeepsItsDay() {
    // This test's days are its own; a rerun on a database kept from a previous run starts clean.
    jdbc.update(
        "delete from case_record where created_at >= '2035-06-30' and created_at < '2035-07-02'");
    long written = NewCaseFixture.insert(context, "时区：本版本写入", JUNE_30_LATE);
    long earlier = NewCaseFixture.insert(context, "时区：旧版本写入", JUNE_30_LATE);
    // What the releases before this one stored for 2035-07-01 00:00:30 in the county.
    jdbc.update(
        "update case_record set created_at = '2035-07-01 00:00:30.000', updated_at = localtimestamp(3)"
            + " where id = ?",
        earlier);

    assertThat(
            jdbc.queryForObject(
                "select date_format(created_at, '%Y-%m-%d %H:%i:%s') from case_record where id = ?",
                String.class, written))
        .isEqualTo("2035-06-30 23:59:30");
    assertThat(cases.byId(written).createdAt()).isEqualTo(JUNE_30_LATE);
    assertThat(cases.byId(earlier).createdAt()).isEqualTo(JULY_1_EARLY);
    assertThat(reportedOn("2035-06-30")).isOne();
    assertThat(reportedOn("2035-07-01")).isOne();

    jdbc.update("update kpi_rollup_state set built_at = null");
    assertThat(reportedOn("2035-06-30")).isOne();
    assertThat(reportedOn("2035-07-01")).isOne();
  }

  @Test
  void camundasTimersAreStoredInTheSameWallClock() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    JsonNode receipt =
        http.exchange(
                "/api/cases",
                HttpMethod.POST,
                new HttpEntity<>(
                    """
        {"category":"sanitation","description":"时区：响应计时器","location":{"address":"和平里东街12号"},
         "reporter":{"name":"张三","phone":"13812345678"}}""",
                    headers),
                JsonNode.class)
            .getBody();
    String instanceId =
        cases.byNo(receipt.get("caseNo").asText()).orElseThrow().processInstanceId();
    Job timer =
        managementService.createJobQuery().processInstanceId(instanceId).timers().list().get(0);

    Date due = timer.getDuedate();
    String stored =
        jdbc.queryForObject(
            "select date_format(DUEDATE_, '%Y-%m-%d %H:%i:%s') from ACT_RU_JOB where ID_ = ?",
            String.class, timer.getId());
    assertThat(stored)
        .isEqualTo(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(due.toInstant().atZone(ZoneId.of("Asia/Shanghai"))));
  }

  private long reportedOn(String day) {
    LocalDate date = LocalDate.parse(day);
    return statistics.kpis(Statistics.GroupBy.category, Statistics.Period.all, date, date).stream()
        .filter(k -> "streetlight".equals(k.group()))
        .mapToLong(Kpi::reported)
        .sum();
  }
}
