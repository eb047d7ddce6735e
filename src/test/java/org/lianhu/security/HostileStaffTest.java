package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.CaseStatus;
import org.lianhu.org.OrganisationDirectory;
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
 * A hostile member of staff working through their own tasks, on the engine REST API and on
 * Tasklist's own API: each attempt to reach another case, reroute a case, move a deadline or widen
 * a task's audience is refused with a clear error and changes nothing; the form's own fields still
 * go through.
 */
class HostileStaffTest extends CaseLoopTestSupport {

  private static final String WANGLIS_GRID = "和平里东街12号";
  private static final String ZHAOQIANGS_GRID = "和平里西街3号";

  @Autowired private TestRestTemplate http;
  @Autowired private ObjectMapper json;
  @LocalServerPort private int port;
  @Autowired private OrganisationDirectory directory;

  private ResponseEntity<String> asWangli(HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("wangli", "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(
        URI.create(http.getRootUri() + path),
        method,
        new HttpEntity<>(body, headers),
        String.class);
  }

  private Task wanglisAcceptTask() {
    CaseReceipt own = reportCase("sanitation", "normal", WANGLIS_GRID);
    Task task = openTask(own, "acceptCase");
    taskService.claim(task.getId(), "wangli");
    return task;
  }

  private CaseReceipt caseOf(Task task) {
    String caseNo =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult()
            .getBusinessKey();
    return new CaseReceipt(caseNo, null, null, null, false);
  }

  private String message(ResponseEntity<String> answer) throws Exception {
    return json.readTree(answer.getBody()).path("message").asText();
  }

  @Test
  void completingOnesOwnTaskWithAnotherCasesIdIsRefusedAndNeitherCaseChanges() throws Exception {
    CaseReceipt other = reportCase("sanitation", "normal", ZHAOQIANGS_GRID);
    Task task = wanglisAcceptTask();

    ResponseEntity<String> answer =
        asWangli(
            HttpMethod.POST,
            "/engine-rest/task/" + task.getId() + "/submit-form",
            """
        {"variables":{"acceptDecision":{"value":"reject"},"rejectReason":{"value":"恶意驳回"},
                      "caseId":{"value":%d,"type":"Long"}}}"""
                .formatted(recordOf(other).id()));

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(message(answer)).contains("caseId");
    assertThat(recordOf(other).caseStatus()).isEqualTo(CaseStatus.REPORTED);
    assertThat(actions(other)).doesNotContain("不予受理");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  @Test
  void aCaseIdThatReachesTheProcessAnywayIsIgnoredTheCaseIsFoundByItsBusinessKey() {
    CaseReceipt other = reportCase("sanitation", "normal", ZHAOQIANGS_GRID);
    Task task = wanglisAcceptTask();
    CaseReceipt own = caseOf(task);

    completeAs(
        "wangli",
        task,
        Map.of("acceptDecision", "reject", "rejectReason", "重复上报", "caseId", recordOf(other).id()));

    assertThat(recordOf(own).caseStatus()).isEqualTo(CaseStatus.REJECTED);
    assertThat(recordOf(other).caseStatus()).isEqualTo(CaseStatus.REPORTED);
    assertThat(actions(other)).doesNotContain("不予受理");
  }

  @Test
  void reroutingThroughCompletionVariablesIsRefusedOnEngineRestAndOnTasklistsApi()
      throws Exception {
    Task task = wanglisAcceptTask();
    String reroute =
        """
        {"variables":{"acceptDecision":{"value":"dispatch"},
                      "category":{"value":"public_security"},"streetCode":{"value":"xicheng"}}}""";

    ResponseEntity<String> rest =
        asWangli(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete", reroute);
    HttpResponse<String> tasklist =
        new TasklistSession(port, "wangli").submitForm(task.getId(), reroute);

    assertThat(rest.getStatusCode().value()).isEqualTo(400);
    assertThat(message(rest)).contains("category").contains("streetCode");
    assertThat(tasklist.statusCode()).isEqualTo(400);
    assertThat(json.readTree(tasklist.body()).path("message").asText()).contains("category");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "category"))
        .isEqualTo("sanitation");
  }

  @Test
  void theFormsOwnFieldsGoThroughAndItsReadOnlyFieldsOnlyUnchanged() throws Exception {
    Task changed = wanglisAcceptTask();
    ResponseEntity<String> refused =
        asWangli(
            HttpMethod.POST,
            "/engine-rest/task/" + changed.getId() + "/submit-form",
            """
        {"variables":{"acceptDecision":{"value":"dispatch"},"categoryName":{"value":"治安"}}}""");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(message(refused)).contains("categoryName");

    Task task = wanglisAcceptTask();
    String categoryName =
        (String) runtimeService.getVariable(task.getProcessInstanceId(), "categoryName");
    String caseNo = caseOf(task).caseNo();
    HttpResponse<String> submitted =
        new TasklistSession(port, "wangli")
            .submitForm(
                task.getId(),
                """
        {"variables":{"acceptDecision":{"value":"dispatch"},"acceptComment":{"value":"转城管"},
                      "caseNo":{"value":"%s"},"categoryName":{"value":"%s"}}}"""
                    .formatted(caseNo, categoryName));

    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(recordOf(caseOf(task)).caseStatus()).isEqualTo(CaseStatus.DISPATCHED);
  }

  @Test
  void taskVariableWritesOutsideTheFormAreRefusedAndTheProcessVariableKeepsItsValue()
      throws Exception {
    Task task = wanglisAcceptTask();
    String id = task.getId();

    List<ResponseEntity<String>> answers =
        List.of(
            asWangli(
                HttpMethod.PUT,
                "/engine-rest/task/" + id + "/variables/urgency",
                "{\"value\":\"emergency\"}"),
            asWangli(
                HttpMethod.POST,
                "/engine-rest/task/" + id + "/variables",
                "{\"modifications\":{\"handlerGroup\":{\"value\":\"officePoliceXicheng\"}}}"),
            asWangli(
                HttpMethod.POST,
                "/engine-rest/task/" + id + "/variables",
                "{\"deletions\":[\"caseNo\"]}"),
            asWangli(HttpMethod.DELETE, "/engine-rest/task/" + id + "/variables/responseDue", null),
            asWangli(
                HttpMethod.PUT,
                "/engine-rest/task/" + id + "/localVariables/caseNo",
                "{\"value\":\"2026-999999\"}"));

    assertThat(answers)
        .allSatisfy(
            answer ->
                assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400));
    Map<String, Object> variables = runtimeService.getVariables(task.getProcessInstanceId());
    assertThat(variables)
        .containsEntry("urgency", "normal")
        .containsEntry("caseNo", caseOf(task).caseNo())
        .containsKey("responseDue")
        .doesNotContainKey("handlerGroup");
    assertThat(taskService.getVariablesLocal(id)).isEmpty();
    // Even the form's own field: a holder (TASK_WORK) writes variables only by completing the task.
    ResponseEntity<String> ownField =
        asWangli(
            HttpMethod.PUT,
            "/engine-rest/task/" + id + "/localVariables/acceptComment",
            "{\"value\":\"草稿\"}");
    assertThat(ownField.getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aHolderCannotMoveTheDueDateRaiseThePriorityHandTheTaskOnOrAddAnAudience() throws Exception {
    Task task = wanglisAcceptTask();
    String id = task.getId();
    Date due = task.getDueDate();

    ResponseEntity<String> moved =
        asWangli(
            HttpMethod.PUT,
            "/engine-rest/task/" + id,
            "{\"name\":\"受理\",\"due\":\"2030-01-01T00:00:00.000+0800\",\"priority\":100}");
    ResponseEntity<String> handedOn =
        asWangli(
            HttpMethod.POST, "/engine-rest/task/" + id + "/assignee", "{\"userId\":\"zhaoqiang\"}");
    ResponseEntity<String> widened =
        asWangli(
            HttpMethod.POST,
            "/engine-rest/task/" + id + "/identity-links",
            "{\"groupId\":\"officePoliceXicheng\",\"type\":\"candidate\"}");

    assertThat(moved.getStatusCode().value()).isEqualTo(403);
    assertThat(handedOn.getStatusCode().value()).isEqualTo(403);
    assertThat(widened.getStatusCode().value()).isEqualTo(403);
    Task after = taskService.createTaskQuery().taskId(id).singleResult();
    assertThat(after.getDueDate()).isEqualTo(due);
    assertThat(after.getPriority()).isEqualTo(task.getPriority());
    assertThat(after.getAssignee()).isEqualTo("wangli");
    assertThat(candidateGroups(after)).doesNotContain("officePoliceXicheng");
  }

  @Test
  void theHolderStillClaimsAndCompletesThroughTheRestApi() throws Exception {
    CaseReceipt receipt = reportCase("sanitation", "normal", WANGLIS_GRID);
    Task task = openTask(receipt, "acceptCase");
    String id = task.getId();

    ResponseEntity<String> claimed =
        asWangli(HttpMethod.POST, "/engine-rest/task/" + id + "/claim", "{\"userId\":\"wangli\"}");
    ResponseEntity<String> completed =
        asWangli(
            HttpMethod.POST,
            "/engine-rest/task/" + id + "/complete",
            "{\"variables\":{\"acceptDecision\":{\"value\":\"dispatch\"}}}");

    assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
    assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
    assertThat(recordOf(receipt).caseStatus()).isEqualTo(CaseStatus.DISPATCHED);
  }

  @Test
  void wrongPasswordsSlowTheNextTryButNeverLockTheAccountForGood() {
    Instant start = Instant.parse("2026-04-14T02:00:00Z");
    ClockUtil.setCurrentTime(Date.from(start));
    for (int attempt = 1; attempt <= 12; attempt++) {
      ClockUtil.setCurrentTime(Date.from(start.plusSeconds(61L * attempt)));
      assertThat(identityService.checkPassword("zhaoqiang", "guess" + attempt)).isFalse();
    }
    assertThat(identityService.checkPassword("zhaoqiang", "demo")).as("within the delay").isFalse();

    ClockUtil.setCurrentTime(Date.from(start.plusSeconds(61L * 14)));
    assertThat(identityService.checkPassword("zhaoqiang", "demo")).as("after the delay").isTrue();
  }

  @Test
  void aCommunityOfficeListsOnlyItsOwnCommunitysOpenCases() throws Exception {
    CaseReceipt own = reportCase("sanitation", "normal", WANGLIS_GRID);
    CaseReceipt elsewhere = reportCase("sanitation", "normal", "新华路东段5号");
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("sunli", "demo");

    JsonNode listed =
        json.readTree(
            http.exchange(
                    "/api/stats/open-cases?limit=5000",
                    HttpMethod.GET,
                    new HttpEntity<>(headers),
                    String.class)
                .getBody());

    assertThat(listed)
        .extracting(c -> c.get("caseNo").asText())
        .contains(own.caseNo())
        .doesNotContain(elsewhere.caseNo());
    assertThat(listed)
        .allSatisfy(c -> assertThat(c.get("communityCode").asText()).isEqualTo("hepingli"));
  }

  @Test
  void aCountyWideDepartmentMarkedInTheOrganisationDataSeesEveryStreetsOpenCases()
      throws Exception {
    assertThat(directory.countyWideGroups())
        .containsExactlyInAnyOrder(
            "camunda-admin", "countyCentre", "deptSupervision", "officeSupervision");
    CaseReceipt dongcheng = reportCase("sanitation", "normal", WANGLIS_GRID);
    CaseReceipt xicheng = reportCase("sanitation", "normal", "新华路东段6号");
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("duchao", "demo");

    JsonNode listed =
        json.readTree(
            http.exchange(
                    "/api/stats/open-cases?limit=5000",
                    HttpMethod.GET,
                    new HttpEntity<>(headers),
                    String.class)
                .getBody());

    assertThat(listed)
        .extracting(c -> c.get("caseNo").asText())
        .contains(dongcheng.caseNo(), xicheng.caseNo());
  }

  private ResponseEntity<String> as(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(
        URI.create(http.getRootUri() + path),
        HttpMethod.POST,
        new HttpEntity<>(body, headers),
        String.class);
  }

  @Test
  void anEmptyReadOnlyFieldMayComeBackEmptyButNotFilledIn() throws Exception {
    // An address of its own: no open case repeats it, so 可能重复的在办事件 stays empty.
    CaseReceipt own =
        reportCase("streetlight", "normal", "和平里东街" + (System.nanoTime() % 1_000_000) + "号");
    Task task = openTask(own, "acceptCase");
    taskService.claim(task.getId(), "wangli");
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "duplicateSummary"))
        .isNull();

    ResponseEntity<String> filledIn =
        asWangli(
            HttpMethod.POST,
            "/engine-rest/task/" + task.getId() + "/submit-form",
            """
        {"variables":{"acceptDecision":{"value":"dispatch"},"duplicateSummary":{"value":"伪造"}}}""");
    assertThat(filledIn.getStatusCode().value()).isEqualTo(400);
    assertThat(message(filledIn)).contains("duplicateSummary");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();

    ResponseEntity<String> asTasklistSendsIt =
        asWangli(
            HttpMethod.POST,
            "/engine-rest/task/" + task.getId() + "/submit-form",
            """
        {"variables":{"acceptDecision":{"value":"dispatch"},"duplicateSummary":{"value":""}}}""");
    assertThat(asTasklistSendsIt.getStatusCode().value()).isEqualTo(204);
    assertThat(recordOf(own).caseStatus()).isEqualTo(CaseStatus.DISPATCHED);
  }

  @Test
  void aReturnAfterItsWindowIsABadRequestWithTheReasonAndChangesNothing() throws Exception {
    CaseReceipt receipt = reportCase("sanitation", "normal", WANGLIS_GRID);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    Task handle = openTask(receipt, "handleCase");
    taskService.claim(handle.getId(), "hanxue");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(java.time.Duration.ofDays(5))));
    try {
      ResponseEntity<String> late =
          as(
              "hanxue",
              "/engine-rest/task/" + handle.getId() + "/complete",
              """
          {"variables":{"handleAction":{"value":"return"},"returnReason":{"value":"notOurDuty"},
                        "returnComment":{"value":"不归我们"}}}""");
      assertThat(late.getStatusCode().value()).isEqualTo(400);
      assertThat(message(late)).startsWith("已超过退单时限").doesNotContain("ENGINE-");
    } finally {
      ClockUtil.reset();
    }
    assertThat(taskService.createTaskQuery().taskId(handle.getId()).count()).isOne();
    assertThat(recordOf(receipt).returnCount()).isZero();
    assertThat(openTasks(receipt, "reviewReturn")).isEmpty();
  }

  @Test
  void anExtensionOfAClosedCaseFindsNoTaskAndChangesNothing() throws Exception {
    CaseReceipt receipt = reportCase("sanitation", "normal", WANGLIS_GRID);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    Task handle = openTask(receipt, "handleCase");
    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        handle,
        Map.of("handleAction", "result", "closureOutcome", "resolved", "handleResult", "已清运"));
    rate(receipt, org.lianhu.cases.Rating.satisfied, null);
    java.time.Instant due = recordOf(receipt).handleDue();

    ResponseEntity<String> extension =
        as(
            "hanxue",
            "/engine-rest/task/" + handle.getId() + "/complete",
            """
        {"variables":{"handleAction":{"value":"extend"},"extensionDue":{"value":"2030-01-07"},
                      "extensionReason":{"value":"再给点时间"}}}""");
    assertThat(extension.getStatusCode().value()).isEqualTo(404);
    assertThat(recordOf(receipt).caseStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(recordOf(receipt).handleDue()).isEqualTo(due);
    assertThat(recordOf(receipt).extensionCount()).isZero();
  }
}
