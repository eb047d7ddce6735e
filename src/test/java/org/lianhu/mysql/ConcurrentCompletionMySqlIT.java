package org.lianhu.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.Cases;
import org.lianhu.support.TasklistSession;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two caseworkers (or two nodes, or a double click) complete the same task at the same moment
 * through the engine REST API on MySQL: exactly one completion takes effect, the other gets a clear
 * 409 or 404.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // The engine REST API serves the engine named "default", as in production.
    properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles({"mysql", "mysqltest"})
class ConcurrentCompletionMySqlIT {

  private static final int ROUNDS = 30;

  private static final String REPORT =
      """
      {"category":"sanitation","description":"和平里东街垃圾堆积，测试同时办理",
       "location":{"address":"和平里东街12号"},"reporter":{"name":"张三","phone":"13812345678"}}
      """;

  private static final String DISPATCH =
      """
      {"variables":{"acceptDecision":{"value":"dispatch","type":"String"},
                    "acceptComment":{"value":"同时办理测试","type":"String"}}}
      """;

  @Autowired private TestRestTemplate http;
  @Autowired private TaskService taskService;
  @Autowired private HistoryService historyService;
  @Autowired private Cases cases;
  @LocalServerPort private int port;

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopThreads() {
    pool.shutdownNow();
  }

  @Test
  void theSameTaskCompletedTwiceAtOnceTakesEffectOnceAndTheLoserGetsAConflict() throws Exception {
    Map<String, Integer> loserAnswers = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      String caseNo = report();
      CaseRecord record = cases.byNo(caseNo).orElseThrow();
      String taskId =
          taskService
              .createTaskQuery()
              .processInstanceId(record.processInstanceId())
              .taskDefinitionKey("acceptCase")
              .singleResult()
              .getId();
      // Tasklist submits the form; API clients complete. Both endpoints, and both mixed.
      String first = round % 3 == 1 ? "submit-form" : "complete";
      String second = round % 3 == 0 ? "complete" : "submit-form";

      List<ResponseEntity<JsonNode>> answers = both(taskId, first, second);

      int won = 0;
      for (ResponseEntity<JsonNode> answer : answers) {
        int status = answer.getStatusCode().value();
        if (status == 204) {
          won++;
        } else {
          JsonNode body = answer.getBody();
          String type = body == null || body.get("type") == null ? "-" : body.get("type").asText();
          String message =
              body == null || body.get("message") == null ? "-" : body.get("message").asText();
          loserAnswers.merge(
              status
                  + " "
                  + type
                  + " "
                  + message
                      .replace(taskId, "{id}")
                      .replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{uuid}"),
              1,
              Integer::sum);
        }
      }
      if (won != 1
          || answers.stream()
              .anyMatch(
                  a ->
                      a.getStatusCode().value() != 204
                          && a.getStatusCode().value() != 409
                          && a.getStatusCode().value() != 404)) {
        failures.add(caseNo + ": " + answers.stream().map(a -> a.getStatusCode().value()).toList());
      }
      assertTookEffectOnce(caseNo);
    }
    System.out.println("Losers' answers in " + ROUNDS + " races: " + loserAnswers);
    assertThat(failures)
        .as("rounds without exactly one 204 and one 409/404; losers: %s", loserAnswers)
        .isEmpty();
  }

  @Test
  void theLoserGetsCamundasErrorJsonWithAMessageTasklistCanShow() throws Exception {
    String caseNo = report();
    String taskId =
        taskService
            .createTaskQuery()
            .processInstanceId(cases.byNo(caseNo).orElseThrow().processInstanceId())
            .taskDefinitionKey("acceptCase")
            .singleResult()
            .getId();

    List<ResponseEntity<JsonNode>> answers = both(taskId, "submit-form", "submit-form");
    ResponseEntity<JsonNode> loser =
        answers.stream().filter(a -> a.getStatusCode().value() != 204).findFirst().orElseThrow();
    ResponseEntity<JsonNode> late = post(taskId, "complete");

    assertThat(loser.getStatusCode().value()).isIn(409, 404);
    assertThat(loser.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
        .isTrue();
    assertThat(loser.getBody().get("type").asText()).isNotBlank();
    assertThat(loser.getBody().get("message").asText()).contains("该任务已被他人办理");
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(late.getBody().get("message").asText()).contains(taskId);
    assertThat(loser.getBody().get("code").asInt())
        .as("Camunda's code for optimistic locking")
        .isOne();
    assertTookEffectOnce(caseNo);
  }

  @Test
  void tasklistsOwnEngineApiAlsoAnswersNotFoundForATaskCompletedMeanwhile() throws Exception {
    String caseNo = report();
    String taskId =
        taskService
            .createTaskQuery()
            .processInstanceId(cases.byNo(caseNo).orElseThrow().processInstanceId())
            .taskDefinitionKey("acceptCase")
            .singleResult()
            .getId();
    assertThat(post(taskId, "submit-form").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    HttpResponse<String> again = new TasklistSession(port, "wangli").submitForm(taskId, DISPATCH);

    assertThat(again.statusCode()).as(again.headers().map() + " " + again.body()).isEqualTo(404);
    assertThat(again.body()).contains("\"type\"").contains(taskId);
    assertTookEffectOnce(caseNo);
  }

  private List<ResponseEntity<JsonNode>> both(String taskId, String first, String second)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    Future<ResponseEntity<JsonNode>> a =
        pool.submit(
            () -> {
              start.await(10, TimeUnit.SECONDS);
              return post(taskId, first);
            });
    Future<ResponseEntity<JsonNode>> b =
        pool.submit(
            () -> {
              start.await(10, TimeUnit.SECONDS);
              return post(taskId, second);
            });
    return List.of(a.get(90, TimeUnit.SECONDS), b.get(90, TimeUnit.SECONDS));
  }

  private ResponseEntity<JsonNode> post(String taskId, String endpoint) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("wangli", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(
        "/engine-rest/task/" + taskId + "/" + endpoint,
        HttpMethod.POST,
        new HttpEntity<>(DISPATCH, headers),
        JsonNode.class);
  }

  private String report() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> reported =
        http.exchange(
            "/api/cases", HttpMethod.POST, new HttpEntity<>(REPORT, headers), JsonNode.class);
    assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return reported.getBody().get("caseNo").asText();
  }

  /**
   * One 受理 and one 派单 entry, the case dispatched once, one handling task, one completed acceptance.
   */
  private void assertTookEffectOnce(String caseNo) {
    CaseRecord record = cases.byNo(caseNo).orElseThrow();
    List<String> actions = cases.timeline(record.id()).stream().map(TimelineEntry::action).toList();
    assertThat(actions).as(caseNo).filteredOn("受理：转派职能部门"::equals).hasSize(1);
    assertThat(actions).as(caseNo).filteredOn("派单"::equals).hasSize(1);
    assertThat(record.status()).as(caseNo).isEqualTo("DISPATCHED");
    assertThat(record.respondedAt()).as(caseNo).isNotNull();
    String instance = record.processInstanceId();
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("acceptCase")
                .count())
        .as(caseNo)
        .isZero();
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("handleCase")
                .count())
        .as(caseNo)
        .isOne();
    assertThat(
            historyService
                .createHistoricTaskInstanceQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("acceptCase")
                .finished()
                .count())
        .as(caseNo)
        .isOne();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId("acceptCase")
                .finished()
                .count())
        .as(caseNo)
        .isOne();
  }
}
