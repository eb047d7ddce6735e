package org.lianhu.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.support.DemoCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A need found on a visit (新华一村西片, head wuguoqing, grid worker yangfan): recorded with the visit in
 * one step, listed for the grid worker, and part of the week's report, which can then no longer say
 * 无新增; a bad need refuses the visit too.
 */
class NeedsFromVisitsApiTest extends CaseLoopTestSupport {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private CountyClock clock;

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, String user, Object body) {
    return DemoCalls.call(http, method, path, user, body);
  }

  private Map<String, Object> visit(String household, Map<String, Object> need) {
    Map<String, Object> visit = new HashMap<>();
    visit.put("household", household);
    visit.put("visitedOn", clock.today().toString());
    visit.put("kind", "care");
    visit.put("raiseNeed", need);
    return visit;
  }

  /** The visits of the needs in the head's weekly report on their page. */
  private List<Long> weeksNeedsVisits() {
    return call(HttpMethod.GET, "/api/unit", "wuguoqing", null)
        .getBody()
        .at("/weeklyReport/needs")
        .findValues("visitId")
        .stream()
        .map(JsonNode::asLong)
        .toList();
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  @Test
  void aNeedFoundOnAVisitIsRecordedWithItListedForTheGridWorkerAndJoinsTheWeeksReport() {
    int visitsBefore = count("select count(*) from household_visit where unit_code = 'xinhua1b'");
    ResponseEntity<JsonNode> refused =
        call(
            HttpMethod.POST,
            "/api/unit/visits",
            "wuguoqing",
            visit("xinhua1b-02", Map.of("category", "no_such_category", "text", "想办老年卡")));
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("raiseNeed.category");
    assertThat(count("select count(*) from household_visit where unit_code = 'xinhua1b'"))
        .isEqualTo(visitsBefore);

    ResponseEntity<JsonNode> recorded =
        call(
            HttpMethod.POST,
            "/api/unit/visits",
            "wuguoqing",
            visit(
                "xinhua1b-02",
                Map.of("category", "elderly_assistance", "text", "老人想办理老年卡", "urgency", "normal")));
    assertThat(recorded.getStatusCode().value()).isEqualTo(201);
    long visitId = recorded.getBody().get("id").asLong();
    assertThat(
            count(
                "select count(*) from resident_need where visit_id = ? and household_code ="
                    + " 'xinhua1b-02' and report_id is null",
                visitId))
        .isEqualTo(1);

    JsonNode listed =
        call(HttpMethod.GET, "/api/staff/grids/xinhua1/needs", "yangfan", null).getBody();
    assertThat(listed.findValues("visitId").stream().map(JsonNode::asLong)).contains(visitId);
    assertThat(
            call(HttpMethod.GET, "/api/staff/grids/xinhua1/needs", "wangli", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);

    assertThat(weeksNeedsVisits())
        .as("the week's visit needs before the report is filed")
        .contains(visitId);

    ResponseEntity<JsonNode> nothingNew =
        call(HttpMethod.POST, "/api/unit/needs-reports", "wuguoqing", Map.of("nothingNew", true));
    assertThat(nothingNew.getStatusCode().value()).isEqualTo(400);
    assertThat(nothingNew.getBody().get("detail").asText()).contains("本周走访已登记 1 条需求");

    ResponseEntity<JsonNode> filed =
        call(HttpMethod.POST, "/api/unit/needs-reports", "wuguoqing", Map.of("nothingNew", false));
    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    assertThat(filed.getBody().get("needs").findValues("visitId").stream().map(JsonNode::asLong))
        .containsExactly(visitId);
    assertThat(
            count(
                "select count(*) from resident_need where visit_id = ? and report_id is null",
                visitId))
        .isZero();

    // After the report is filed, a need from a visit joins it at once.
    long later =
        call(
                HttpMethod.POST,
                "/api/unit/visits",
                "wuguoqing",
                visit("xinhua1b-03", Map.of("category", "elderly_assistance", "text", "想申请助餐")))
            .getBody()
            .get("id")
            .asLong();
    assertThat(weeksNeedsVisits()).contains(visitId, later);
  }
}
