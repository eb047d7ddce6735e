package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the engine REST API and Tasklist's API refuse before Camunda runs: other sites' pages acting
 * with a caseworker's login, oversize and deeply nested bodies, negative paging. Each is a clear
 * 4xx in Camunda's error JSON and writes nothing.
 */
class HostileEngineRestTest extends CaseLoopTestSupport {

  @Autowired private TestRestTemplate http;
  @LocalServerPort private int port;

  private ResponseEntity<String> asWangli(
      HttpMethod method, String path, String body, HttpHeaders extra) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("wangli", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.addAll(extra);
    return http.exchange(
        URI.create(http.getRootUri() + path),
        method,
        new HttpEntity<>(body, headers),
        String.class);
  }

  private Task acceptTask() {
    CaseReceipt receipt = reportCase("sanitation", "normal", "和平里东街12号");
    Task task = openTask(receipt, "acceptCase");
    taskService.claim(task.getId(), "wangli");
    return task;
  }

  @Test
  void anotherSitesPageCannotUseACaseworkersLoginAndTheSameSiteStillCan() {
    Task task = acceptTask();
    HttpHeaders evil = new HttpHeaders();
    evil.setOrigin("http://evil.example");
    HttpHeaders same = new HttpHeaders();
    same.setOrigin("http://localhost:" + port);

    ResponseEntity<String> crossSite =
        asWangli(
            HttpMethod.POST,
            "/engine-rest/task/" + task.getId() + "/complete",
            "{\"variables\":{\"acceptDecision\":{\"value\":\"dispatch\"}}}",
            evil);
    ResponseEntity<String> read =
        asWangli(HttpMethod.GET, "/engine-rest/task?assignee=wangli", null, evil);

    assertThat(crossSite.getStatusCode().value()).isEqualTo(403);
    assertThat(crossSite.getHeaders().getAccessControlAllowOrigin()).isNull();
    assertThat(read.getStatusCode().value()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(
            asWangli(HttpMethod.GET, "/engine-rest/task?assignee=wangli", null, same)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  @Test
  void aRefusedCrossSitePostLeavesTheTasklistSessionLoggedIn() throws Exception {
    TasklistSession session = new TasklistSession(port, "wangli");
    // The attacker's page cannot read the session cookie, but the browser would send it: simulated
    // by
    // posting from the session with another Origin.
    HttpResponse<String> attack =
        session.post("/engine/default/task/none/complete", "{}", "http://evil.example");
    HttpResponse<String> after = session.post("/engine/default/task/count", "{}", null);

    assertThat(attack.statusCode()).isEqualTo(403);
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
  }

  @Test
  void cockpitsCountyWideStatisticsAreForThoseWhoMayOpenCockpit() throws Exception {
    String statistics = "/api/cockpit/plugin/base/default/process-definition/statistics";

    HttpResponse<String> gridWorker = new TasklistSession(port, "wangli").get(statistics);
    HttpResponse<String> supervisor = new TasklistSession(port, "majie").get(statistics);

    assertThat(gridWorker.statusCode()).as(gridWorker.body()).isEqualTo(403);
    assertThat(supervisor.statusCode()).as(supervisor.body()).isEqualTo(200);
    assertThat(supervisor.body()).contains("caseHandling");
  }

  @Test
  void aTwoMegabyteVariableIsRefusedBeforeItReachesTheEngine() {
    Task task = acceptTask();
    String huge = "{\"variables\":{\"acceptComment\":{\"value\":\"" + "长".repeat(700_000) + "\"}}}";

    ResponseEntity<String> answer =
        asWangli(
            HttpMethod.POST,
            "/engine-rest/task/" + task.getId() + "/complete",
            huge,
            new HttpHeaders());

    assertThat(answer.getStatusCode().value()).isEqualTo(413);
    assertThat(answer.getBody()).contains("InvalidRequestException");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  @Test
  void tenThousandLevelsOfJsonAreABadRequestNotACrash() {
    Task task = acceptTask();
    String deep =
        "{\"modifications\":{\"acceptComment\":{\"value\":"
            + "[".repeat(10_000)
            + "]".repeat(10_000)
            + "}}}";

    ResponseEntity<String> answer =
        asWangli(
            HttpMethod.POST,
            "/engine-rest/task/" + task.getId() + "/localVariables",
            deep,
            new HttpHeaders());

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("嵌套");
    assertThat(taskService.getVariablesLocal(task.getId())).isEmpty();
  }

  @Test
  void negativePagingIsABadRequestAndPositivePagingStillWorks() {
    ResponseEntity<String> negative =
        asWangli(HttpMethod.GET, "/engine-rest/task?firstResult=-5", null, new HttpHeaders());
    ResponseEntity<String> negativeMax =
        asWangli(HttpMethod.GET, "/engine-rest/task?maxResults=%2D1", null, new HttpHeaders());
    ResponseEntity<String> fine =
        asWangli(
            HttpMethod.GET,
            "/engine-rest/task?firstResult=0&maxResults=5",
            null,
            new HttpHeaders());

    assertThat(negative.getStatusCode().value()).isEqualTo(400);
    assertThat(negative.getBody()).contains("firstResult");
    assertThat(negativeMax.getStatusCode().value()).isEqualTo(400);
    assertThat(fine.getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theGatesJsonDepthCountsOnlyBracketsOutsideStrings() {
    assertThat(EngineRestGate.depth("{\"a\":[{\"b\":\"[[[[\"}]}".getBytes())).isEqualTo(3);
    assertThat(EngineRestGate.depth("{\"a\":\"\\\"{{{\"}".getBytes())).isEqualTo(1);
    assertThat(EngineRestGate.negativePaging("maxResults=10&firstResult=%2D3"))
        .isEqualTo("firstResult");
    assertThat(EngineRestGate.negativePaging("sortBy=created&firstResult=3")).isNull();
  }
}
