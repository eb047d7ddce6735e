package org.lianhu.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.CaseStatus;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.org.Location;
import org.lianhu.support.DemoCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The head's API behind /unit/ and the household readers: a head sees their own unit, its
 * households and its in-unit cases, and decides them; the households of a unit are for its head,
 * its grid worker and its community office only. Demo unit 和平里二区5号楼 (hepingli2a): head wangguilan,
 * grid worker zhaoqiang, community office sunli.
 */
class HeadsUnitApiTest extends CaseLoopTestSupport {

  @Autowired private TestRestTemplate http;

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, String user, Object body) {
    return DemoCalls.call(http, method, path, user, body);
  }

  private CaseReceipt reportInUnit(String unit, String description) {
    return intake.report(
        new ReportCaseRequest(
            "neighbour_noise",
            description,
            new Location("和平里二区5号楼", null, null, unit),
            "normal",
            new ReportCaseRequest.Reporter("张三", "13812345678"),
            "resident"),
        null);
  }

  private List<String> openCaseNos(String head) {
    return call(HttpMethod.GET, "/api/unit", head, null)
        .getBody()
        .get("openCases")
        .findValues("caseNo")
        .stream()
        .map(JsonNode::asText)
        .toList();
  }

  @Test
  void aHeadSeesTheirUnitItsHouseholdsAndOnlyItsOwnCases() {
    CaseReceipt mine = reportInUnit("hepingli2a", "楼上拖动家具声音很大");
    CaseReceipt other = reportInUnit("hepingli1a", "别的单元的事");

    JsonNode page = call(HttpMethod.GET, "/api/unit", "wangguilan", null).getBody();
    assertThat(page.at("/unit/code").asText()).isEqualTo("hepingli2a");
    assertThat(page.at("/unit/gridName").asText()).isEqualTo("和平里第二网格");
    JsonNode households = page.get("households");
    assertThat(households.size()).isEqualTo(11);
    assertThat(households.get(0).get("careFlags").size()).isPositive();
    assertThat(households.get(0).get("phone").asText()).matches("1\\d{10}");
    assertThat(households.get(0).has("idNumber")).isFalse();
    assertThat(openCaseNos("wangguilan")).contains(mine.caseNo()).doesNotContain(other.caseNo());

    assertThat(call(HttpMethod.GET, "/api/unit", "zhaoqiang", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call(HttpMethod.GET, "/api/unit", null, null).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void aHeadDecidesTheirCaseAndBadDecisionsAreRefusedWithoutEffect() {
    CaseReceipt receipt = reportInUnit("hepingli2a", "楼道里堆了旧家具");
    String path = "/api/unit/cases/" + receipt.caseNo() + "/decision";

    ResponseEntity<JsonNode> unknown =
        call(HttpMethod.POST, path, "wangguilan", Map.of("decision", "ignore", "text", "x"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody().at("/errors/decision").asText()).contains("resolve");
    ResponseEntity<JsonNode> empty =
        call(HttpMethod.POST, path, "wangguilan", Map.of("decision", "resolve", "text", "  "));
    assertThat(empty.getBody().at("/errors/text").asText()).contains("处理结果");
    ResponseEntity<JsonNode> tooLong =
        call(
            HttpMethod.POST,
            path,
            "wangguilan",
            Map.of("decision", "passUp", "text", "长".repeat(2001)));
    assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
    ResponseEntity<JsonNode> notTheirs =
        call(HttpMethod.POST, path, "lixiuying", Map.of("decision", "resolve", "text", "已处理"));
    assertThat(notTheirs.getStatusCode().value()).isEqualTo(404);
    assertThat(openCaseNos("wangguilan")).contains(receipt.caseNo());

    ResponseEntity<JsonNode> resolved =
        call(HttpMethod.POST, path, "wangguilan", Map.of("decision", "resolve", "text", "已清走旧家具"));
    assertThat(resolved.getStatusCode().value()).isEqualTo(204);
    assertThat(openCaseNos("wangguilan")).doesNotContain(receipt.caseNo());
    assertThat(recordOf(receipt).caseStatus()).isEqualTo(CaseStatus.AWAITING_RATING);
    assertThat(recordOf(receipt).result()).isEqualTo("已清走旧家具");
  }

  @Test
  void aUnitsHouseholdsAreForItsHeadItsGridWorkerAndItsCommunityOfficeOnly() {
    String path = "/api/staff/units/hepingli2a/households";
    for (String reader : List.of("wangguilan", "zhaoqiang", "sunli")) {
      ResponseEntity<JsonNode> answer = call(HttpMethod.GET, path, reader, null);
      assertThat(answer.getStatusCode().value()).as(reader).isEqualTo(200);
      assertThat(answer.getBody().size()).as(reader).isEqualTo(11);
      assertThat(answer.getBody().get(0).get("phone").asText()).as(reader).doesNotContain("*");
    }
    // Another unit's head, a grid worker of another grid, the county's administrator.
    for (String refused : List.of("lixiuying", "wangli", "qinfang")) {
      ResponseEntity<JsonNode> answer = call(HttpMethod.GET, path, refused, null);
      assertThat(answer.getStatusCode().value()).as(refused).isEqualTo(403);
      assertThat(answer.getBody().toString()).as(refused).doesNotContain("1390002");
    }
    assertThat(
            call(HttpMethod.GET, "/api/staff/units/nosuchunit/households", "sunli", null)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }
}
