package org.lianhu.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.steps.AssignAcceptor;
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
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A failure between writing the case row and having a running process leaves neither behind: the
 * row, its timeline and every engine row of the half-started instance roll back together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "mysqltest"})
class IntakeAtomicityMySqlIT {

  @MockitoSpyBean private RuntimeService runtimeService;
  @MockitoSpyBean private AssignAcceptor assignAcceptor;
  @Autowired private HistoryService historyService;
  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;

  private ResponseEntity<JsonNode> report(String marker) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body =
        """
        {"category":"road_damage","description":"%s","location":{"address":"和平里东街3号"},
         "reporter":{"name":"李四","phone":"13900000000"}}"""
            .formatted(marker);
    return http.exchange(
        "/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private long rowsWith(String marker) {
    return jdbc.queryForObject(
        "select count(*) from case_record where description = ?", Long.class, marker);
  }

  private long timelineRows() {
    return jdbc.queryForObject("select count(*) from case_timeline", Long.class);
  }

  @Test
  void aFailureBeforeTheProcessStartsLeavesNoCaseRow() {
    String marker = "atomicity-before-start-" + System.nanoTime();
    long timeline = timelineRows();
    doThrow(new IllegalStateException("injected: engine unavailable"))
        .when(runtimeService)
        .startProcessInstanceByKey(eq("caseHandling"), anyString(), anyMap());

    ResponseEntity<JsonNode> response = report(marker);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(rowsWith(marker)).isZero();
    assertThat(timelineRows()).isEqualTo(timeline);
  }

  @Test
  void aFailureInsideTheStartingProcessLeavesNeitherRowNorInstance() {
    String marker = "atomicity-in-process-" + System.nanoTime();
    long instances =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("caseHandling")
            .count();
    doThrow(new IllegalStateException("injected: organisation lookup failed"))
        .when(assignAcceptor)
        .execute(any());

    ResponseEntity<JsonNode> response = report(marker);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(rowsWith(marker)).isZero();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey("caseHandling")
                .count())
        .isEqualTo(instances);
  }

  @Test
  void afterAFailureTheNextReportIsTakenNormally() {
    doThrow(new IllegalStateException("injected")).when(assignAcceptor).execute(any());
    report("atomicity-failed-" + System.nanoTime());
    org.mockito.Mockito.reset(assignAcceptor);

    String marker = "atomicity-after-" + System.nanoTime();
    ResponseEntity<JsonNode> response = report(marker);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(rowsWith(marker)).isOne();
  }
}
