package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * 抄送: the supervising department's office is told at dispatch by a non-blocking 抄送知悉 task, lists
 * the cases copied to it, and adds supervision remarks the handler reads; no one else may.
 */
class CopyToApiTest extends CaseLoopTestSupport {

  private static final String HEPINGLI = "东城街道和平里东街12号";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;

  private CaseReceipt dispatched() {
    CaseReceipt receipt = reportCase("sanitation", "normal", HEPINGLI);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    return receipt;
  }

  private ResponseEntity<String> as(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private JsonNode body(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  private long remarks(CaseReceipt receipt) {
    return cases.timeline(recordOf(receipt).id()).stream()
        .map(TimelineEntry::action)
        .filter(action -> action.startsWith("抄送督办意见"))
        .count();
  }

  @Test
  void theCopiedOfficeIsToldAtDispatchWithoutHoldingTheCaseUp() {
    CaseReceipt receipt = dispatched();

    Task copy = openTask(receipt, "acknowledgeCopy");
    assertThat(candidateGroups(copy)).containsExactly("officeSupervision");
    assertThat(copy.getPriority()).isEqualTo(10);
    assertThat(recordOf(receipt).copyGroup()).isEqualTo("officeSupervision");
    // The handler's work is not held up by the copy, and closing the case ends it.
    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleAction", "result", "closureOutcome", "resolved", "handleResult", "已清运"));
    rate(receipt, Rating.satisfied, null);
    BpmnAwareTests.assertThat(instanceOf(receipt)).isNull();
    assertThat(openTasks(receipt, "acknowledgeCopy")).isEmpty();
  }

  @Test
  void aRemarkFromTasklistOrTheApiGoesOnTheTimelineAndIntoTheHandlersForm() throws Exception {
    CaseReceipt receipt = dispatched();
    completeAs(
        "duchao", openTask(receipt, "acknowledgeCopy"), Map.of("supervisionRemark", "请于今日内清运并反馈"));

    ResponseEntity<String> added =
        as(
            "duchao",
            HttpMethod.POST,
            "/api/staff/cases/" + receipt.caseNo() + "/supervision-remarks",
            Map.of("remark", "  已电话督促城管中队  "));
    assertThat(added.getStatusCode().value()).isEqualTo(204);

    assertThat(runtimeService.getVariable(instanceIdOf(receipt), "copyRemark"))
        .isEqualTo("督查室督办科：请于今日内清运并反馈\n督查室督办科：已电话督促城管中队");
    assertThat(cases.timeline(recordOf(receipt).id()))
        .filteredOn(e -> e.action().startsWith("抄送督办意见"))
        .extracting(TimelineEntry::remark, TimelineEntry::publicEntry)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("请于今日内清运并反馈", false),
            org.assertj.core.groups.Tuple.tuple("已电话督促城管中队", false));

    ResponseEntity<String> copied = as("duchao", HttpMethod.GET, "/api/staff/cases/copied", null);
    assertThat(copied.getStatusCode().value()).isEqualTo(200);
    assertThat(body(copied).findValuesAsText("caseNo")).contains(receipt.caseNo());
    assertThat(body(copied).findValuesAsText("handlerName")).contains("城管东城中队");
    ResponseEntity<String> notMine =
        as("hanxue", HttpMethod.GET, "/api/staff/cases/copied?size=200", null);
    assertThat(body(notMine).findValuesAsText("caseNo")).doesNotContain(receipt.caseNo());
  }

  @Test
  void anOfficeThatIsNotCopiedMayNotRemarkAndNeitherMayAnyoneOnAClosedCase() throws Exception {
    CaseReceipt receipt = dispatched();
    String path = "/api/staff/cases/" + receipt.caseNo() + "/supervision-remarks";

    ResponseEntity<String> handler = as("hanxue", HttpMethod.POST, path, Map.of("remark", "我也来督办"));
    assertThat(handler.getStatusCode().value()).isEqualTo(403);
    assertThat(body(handler).get("type").asText()).endsWith("/problems/forbidden");
    ResponseEntity<String> blank = as("duchao", HttpMethod.POST, path, Map.of("remark", "   "));
    assertThat(blank.getStatusCode().value()).isEqualTo(400);
    assertThat(body(blank).at("/errors/remark").asText()).contains("督办意见");
    ResponseEntity<String> tooLong =
        as("duchao", HttpMethod.POST, path, Map.of("remark", "督".repeat(501)));
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    ResponseEntity<String> unknown =
        as(
            "duchao",
            HttpMethod.POST,
            "/api/staff/cases/2026-999999/supervision-remarks",
            Map.of("remark", "督办"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(remarks(receipt)).isZero();

    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleAction", "result", "closureOutcome", "resolved", "handleResult", "已清运"));
    rate(receipt, Rating.satisfied, null);
    ResponseEntity<String> closed = as("duchao", HttpMethod.POST, path, Map.of("remark", "迟到的督办"));
    assertThat(closed.getStatusCode().value()).isEqualTo(409);
    assertThat(remarks(receipt)).isZero();
  }
}
