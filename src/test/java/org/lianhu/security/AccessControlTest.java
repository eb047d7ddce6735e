package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseIntake;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.org.Location;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Only the right people in: engine REST and staff endpoints need a login, and a login sees its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessControlTest {

  @Autowired private TestRestTemplate http;
  @Autowired private CaseIntake intake;

  private CaseReceipt report(String address) {
    return intake.report(
        new ReportCaseRequest(
            "sanitation",
            "垃圾堆积",
            new Location(address, null, null, null),
            null,
            new ReportCaseRequest.Reporter("王五", "13912345678"),
            null),
        null);
  }

  private ResponseEntity<JsonNode> get(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String path, String user, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private String acceptTaskId(CaseReceipt receipt) {
    JsonNode tasks =
        get("/engine-rest/task?processInstanceBusinessKey=" + receipt.caseNo(), "demo").getBody();
    return tasks.get(0).get("id").asText();
  }

  @Test
  void theEngineRestApiNeedsALogin() {
    assertThat(get("/engine-rest/process-definition", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    HttpHeaders wrong = new HttpHeaders();
    // An account with a wrong password is locked for a few seconds (Camunda's throttling): use one
    // no test needs.
    wrong.setBasicAuth("zhouwei", "wrong");
    assertThat(
            http.exchange(
                    "/engine-rest/process-definition",
                    HttpMethod.GET,
                    new HttpEntity<>(wrong),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/engine-rest/process-definition", "demo").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void probesAnswerWithoutALoginAndTellNothingElse() {
    ResponseEntity<JsonNode> readiness = get("/actuator/health/readiness", null);
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(readiness.getBody().path("status").asText()).isEqualTo("UP");
    assertThat(get("/actuator/health/liveness", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> health = get("/actuator/health", null);
    assertThat(health.getBody().has("components")).as("no details").isFalse();
    assertThat(get("/actuator/env", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/actuator/env", "demo").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aGridWorkerSeesTheTasksOfTheirGridOnly() {
    CaseReceipt mine = report("和平里东街5号");
    CaseReceipt other = report("新华路东段9号");

    JsonNode tasks = get("/engine-rest/task", "wangli").getBody();

    List<String> keys = tasks.findValuesAsText("processInstanceId");
    assertThat(tasks.toString()).contains(acceptTaskId(mine)).doesNotContain(acceptTaskId(other));
    assertThat(keys).isNotEmpty();
  }

  @Test
  void aDepartmentCannotCompleteAnotherUnitsTask() {
    CaseReceipt receipt = report("和平里东街6号");
    String taskId = acceptTaskId(receipt);

    ResponseEntity<JsonNode> foreign =
        post(
            "/engine-rest/task/" + taskId + "/complete",
            "hanxue",
            Map.of("variables", Map.of("acceptDecision", Map.of("value", "dispatch"))));
    ResponseEntity<JsonNode> own =
        post(
            "/engine-rest/task/" + taskId + "/complete",
            "wangli",
            Map.of("variables", Map.of("acceptDecision", Map.of("value", "dispatch"))));

    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void aTaskHolderReadsTheCaseDataOfTheirOwnCaseOnly() {
    CaseReceipt mine = report("和平里东街11号");
    CaseReceipt other = report("新华路东段12号");
    String mineInstance =
        get("/engine-rest/task/" + acceptTaskId(mine), "demo")
            .getBody()
            .get("processInstanceId")
            .asText();
    String otherInstance =
        get("/engine-rest/task/" + acceptTaskId(other), "demo")
            .getBody()
            .get("processInstanceId")
            .asText();

    ResponseEntity<JsonNode> own =
        get("/engine-rest/process-instance/" + mineInstance + "/variables/caseNo", "wangli");
    ResponseEntity<JsonNode> foreign =
        get("/engine-rest/process-instance/" + otherInstance + "/variables/caseNo", "wangli");

    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody().get("value").asText()).isEqualTo(mine.caseNo());
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theCountySupervisorsWatchEveryCaseInCockpitButGridWorkersDoNot() {
    CaseReceipt receipt = report("新华路东段13号");
    String instance =
        get("/engine-rest/task/" + acceptTaskId(receipt), "demo")
            .getBody()
            .get("processInstanceId")
            .asText();

    assertThat(get("/engine-rest/process-instance/" + instance, "majie").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/engine-rest/process-instance/" + instance, "duchao").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // Not the grid worker's case: for them it does not exist.
    assertThat(get("/engine-rest/process-instance/" + instance, "wangli").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void staffEndpointsNeedALogin() {
    ResponseEntity<JsonNode> anonymous = get("/api/staff/cases", null);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.getBody().get("type").asText()).isEqualTo("/problems/unauthenticated");
  }

  @Test
  void aCommunitySeesOnlyItsOwnCasesAndTheCountySeesAll() {
    CaseReceipt hepingli = report("和平里东街7号");
    CaseReceipt xinhua = report("新华路东段10号");

    String community = get("/api/staff/cases?size=200", "sunli").getBody().toString();
    String county = get("/api/staff/cases?size=200", "majie").getBody().toString();

    assertThat(community).contains(hepingli.caseNo()).doesNotContain(xinhua.caseNo());
    assertThat(county).contains(hepingli.caseNo(), xinhua.caseNo());
    assertThat(get("/api/staff/cases/" + xinhua.caseNo(), "sunli").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theReportersPhoneIsShownOnlyToWhoeverHoldsATaskOfTheCase() {
    CaseReceipt receipt = report("和平里东街8号");

    JsonNode handler = get("/api/staff/cases/" + receipt.caseNo(), "wangli").getBody();
    JsonNode supervisor = get("/api/staff/cases/" + receipt.caseNo(), "sunli").getBody();

    assertThat(handler.get("reporterPhone").asText()).isEqualTo("13912345678");
    assertThat(supervisor.get("reporterPhone").asText()).isEqualTo("139****5678");
    assertThat(supervisor.get("timeline")).isNotEmpty();
  }

  @Test
  void aBadStatusFilterIsAProblem() {
    ResponseEntity<JsonNode> response = get("/api/staff/cases?status=LOST", "majie");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("/api/staff/cases?size=100000", "majie").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }
}
