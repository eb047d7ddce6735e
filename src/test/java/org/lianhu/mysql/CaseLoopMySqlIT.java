package org.lianhu.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseScope;
import org.lianhu.cases.Cases;
import org.lianhu.stats.Kpi;
import org.lianhu.stats.Statistics;
import org.lianhu.support.Multipart;
import org.lianhu.support.TestPhotos;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** The whole case loop on the MySQL-compatible server, profile {@code mysql}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "mysqltest"})
class CaseLoopMySqlIT {

  private static final String REPORT =
      """
      {"category":"sanitation","description":"和平里东街垃圾堆积 🗑️ 已三天；'; DROP TABLE case_record; --",
       "location":{"address":"和平里东街12号"},"reporter":{"name":"张三","phone":"13812345678"}}
      """;

  @Autowired private Cases cases;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private TestRestTemplate http;
  @Autowired private TaskService taskService;
  @Autowired private IdentityService identityService;
  @Autowired private RuntimeService runtimeService;
  @Autowired private HistoryService historyService;
  @Autowired private AuthorizationService authorizationService;
  @Autowired private Statistics statistics;

  @Test
  void theServerIsMySqlCompatibleAndReadCommitted() {
    assertThat(jdbc.queryForObject("select @@version", String.class)).isNotBlank();
    assertThat(isolation()).isEqualTo("READ-COMMITTED");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from flyway_schema_history where success = 1", Integer.class))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aCaseReportedOverHttpWithAPhotoRunsTheWholeLoopToClosedOnMySql() {
    ResponseEntity<JsonNode> reported =
        http.exchange(
            "/api/cases",
            HttpMethod.POST,
            Multipart.form()
                .json("report", REPORT)
                .file("photos", "垃圾.jpg", TestPhotos.jpegWithLocation(800, 600))
                .entity(),
            JsonNode.class);
    assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNo = reported.getBody().get("caseNo").asText();
    String code = reported.getBody().get("trackingCode").asText();
    String instanceId = cases.byNo(caseNo).orElseThrow().processInstanceId();
    long caseId = cases.byNo(caseNo).orElseThrow().id();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from attachment where case_id = ? and purpose = 'REPORT'",
                Integer.class,
                caseId))
        .isOne();

    complete("wangli", instanceId, "acceptCase", Map.of("acceptDecision", "dispatch"));
    // 环境卫生 wants a photo of the result: the handler adds it through the staff API first.
    ResponseEntity<JsonNode> evidence =
        http.exchange(
            "/api/staff/cases/" + caseNo + "/files",
            HttpMethod.POST,
            Multipart.form()
                .file("files", "清运后.png", TestPhotos.png(640, 480))
                .basicAuth("hanxue", "demo")
                .entity(),
            JsonNode.class);
    assertThat(evidence.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    complete(
        "hanxue",
        instanceId,
        "handleCase",
        Map.of("handleResult", "已清运", "closureOutcome", "resolved"));
    ResponseEntity<Void> rated =
        http.postForEntity(
            "/api/cases/" + caseNo + "/rating",
            Map.of("trackingCode", code, "rating", "satisfied"),
            Void.class);
    assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    HttpHeaders tracking = new HttpHeaders();
    tracking.set("X-Tracking-Code", code);
    JsonNode view =
        http.exchange(
                "/api/cases/" + caseNo, HttpMethod.GET, new HttpEntity<>(tracking), JsonNode.class)
            .getBody();
    assertThat(view.get("status").asText()).isEqualTo("CLOSED");
    assertThat(view.get("files"))
        .extracting(file -> file.get("purpose").asText())
        .containsExactly("REPORT", "EVIDENCE");
    assertThat(view.get("description").asText()).contains("🗑️").contains("DROP TABLE");
    assertThat(view.get("timeline"))
        .extracting(step -> step.get("action").asText())
        .contains("事件上报", "受理：转派职能部门", "派单", "处置完成", "结果反馈", "评价：满意", "结案");
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId)
                .singleResult()
                .getEndTime())
        .isNotNull();
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE)
                .resourceId(instanceId)
                .count())
        .as("grants left on the closed case's instance")
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from case_record", Long.class)).isPositive();
  }

  @Test
  void concurrentResendsWithOneIdempotencyKeyCreateOneCase() throws Exception {
    String key = "mysql-it-" + System.nanoTime();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    Callable<ResponseEntity<JsonNode>> send =
        () ->
            http.exchange(
                "/api/cases", HttpMethod.POST, new HttpEntity<>(REPORT, headers), JsonNode.class);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<ResponseEntity<JsonNode>>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        futures.add(pool.submit(send));
      }
      Set<String> caseNumbers = new HashSet<>();
      int created = 0;
      for (Future<ResponseEntity<JsonNode>> future : futures) {
        ResponseEntity<JsonNode> response = future.get();
        assertThat(response.getStatusCode().value()).isIn(200, 201);
        created += response.getStatusCode().value() == 201 ? 1 : 0;
        caseNumbers.add(response.getBody().get("caseNo").asText());
      }
      assertThat(caseNumbers).hasSize(1);
      assertThat(created).isOne();
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from case_record where idempotency_key = ?", Long.class, key))
          .isOne();
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(caseNumbers.iterator().next())
                  .count())
          .isOne();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theKpiQueriesRunOnMySqlForEveryGroupingAndPeriod() {
    http.exchange(
        "/api/cases", HttpMethod.POST, new HttpEntity<>(REPORT, jsonHeaders()), JsonNode.class);
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    for (Statistics.GroupBy groupBy : Statistics.GroupBy.values()) {
      for (Statistics.Period period : Statistics.Period.values()) {
        List<Kpi> kpis = statistics.kpis(groupBy, period, today.minusDays(1), today.plusDays(1));
        assertThat(kpis)
            .as("%s by %s", groupBy, period)
            .isNotEmpty()
            .allSatisfy(kpi -> assertThat(kpi.period()).isNotBlank());
        assertThat(kpis.stream().mapToLong(Kpi::reported).sum()).isPositive();
      }
    }
    assertThat(
            statistics
                .kpis(Statistics.GroupBy.street, Statistics.Period.month, today, today)
                .get(0)
                .period())
        .matches("\\d{4}-\\d{2}");
    assertThat(
            statistics
                .kpis(Statistics.GroupBy.street, Statistics.Period.week, today, today)
                .get(0)
                .period())
        .matches("\\d{4}-W\\d{2}");
    assertThat(statistics.openCases(CaseScope.countyWide(), 100)).isNotEmpty();
  }

  @Test
  void theKpiRollUpFollowsNewCasesAndAgreesWithTheCaseTable() {
    java.time.LocalDate from =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(2);
    java.time.LocalDate to = from.plusDays(4);
    long before = reportedBetween(from, to);

    http.exchange(
        "/api/cases", HttpMethod.POST, new HttpEntity<>(REPORT, jsonHeaders()), JsonNode.class);

    long after = reportedBetween(from, to);
    assertThat(after).isEqualTo(before + 1);
    assertThat(after)
        .isEqualTo(
            jdbc.queryForObject(
                "select count(*) from case_record where created_at >= ? and created_at < ?",
                Long.class,
                from.atStartOfDay(),
                to.plusDays(1).atStartOfDay()));
  }

  private long reportedBetween(java.time.LocalDate from, java.time.LocalDate to) {
    return statistics.kpis(Statistics.GroupBy.street, Statistics.Period.all, from, to).stream()
        .mapToLong(Kpi::reported)
        .sum();
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  /** MySQL 8 calls it transaction_isolation; MariaDB 10.11 still tx_isolation. */
  private String isolation() {
    try {
      return jdbc.queryForObject("select @@transaction_isolation", String.class);
    } catch (org.springframework.dao.DataAccessException e) {
      return jdbc.queryForObject("select @@tx_isolation", String.class);
    }
  }

  private void complete(String user, String instanceId, String taskKey, Map<String, Object> form) {
    Task task =
        taskService
            .createTaskQuery()
            .processInstanceId(instanceId)
            .taskDefinitionKey(taskKey)
            .singleResult();
    identityService.setAuthentication(
        user,
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(group -> group.getId())
            .toList());
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
