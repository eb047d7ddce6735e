package org.lianhu.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.cases.CaseLoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The weekly needs report (每周报送1次居民需求信息) through the head's API: one per unit and week, with needs
 * or 无新增, late for last week at most; filing twice is a 409; a bad report writes nothing. Demo
 * heads chenyuzhen (qingnianlu1a), zhaoshufen (qingnianlu2a), yangzhiqiang (qingnianlu1b).
 */
class NeedsReportsApiTest extends CaseLoopTestSupport {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private CountyClock clock;

  private ResponseEntity<JsonNode> file(String head, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(head, "demo");
    return http.exchange(
        "/api/unit/needs-reports",
        HttpMethod.POST,
        new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private JsonNode unit(String head) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(head, "demo");
    return http.exchange("/api/unit", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
        .getBody();
  }

  private int rows(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Integer.class);
  }

  private static Map<String, Object> need(String household, String category, String text) {
    Map<String, Object> need = new HashMap<>();
    need.put("household", household);
    need.put("category", category);
    need.put("text", text);
    return need;
  }

  @Test
  void aHeadFilesOneReportAWeekWithTheNeedsCollected() {
    assertThat(unit("chenyuzhen").at("/weeklyReport/filed").asBoolean()).isFalse();
    Map<String, Object> report =
        Map.of(
            "needs",
            List.of(
                need("qingnianlu1a-03", "elderly_assistance", "独居老人希望有人每周帮忙买菜"),
                need(null, "shared_facility", "楼道扶手松动")));

    ResponseEntity<JsonNode> filed = file("chenyuzhen", report);
    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    assertThat(filed.getBody().get("onTime").asBoolean()).isTrue();
    assertThat(filed.getBody().get("needs").size()).isEqualTo(2);
    assertThat(unit("chenyuzhen").at("/weeklyReport/filed").asBoolean()).isTrue();

    int needs = rows("resident_need");
    ResponseEntity<JsonNode> again = file("chenyuzhen", Map.of("nothingNew", true));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("type").asText()).isEqualTo("/problems/needs-report-filed");
    assertThat(rows("resident_need")).isEqualTo(needs);
  }

  @Test
  void theGridWorkerTurnsANeedIntoOneCaseLinkedToIt() {
    ResponseEntity<JsonNode> filed =
        file(
            "huangyongfu",
            Map.of("needs", List.of(need("qingnianlu2b-05", "shared_facility", "单元门禁坏了"))));
    long id = filed.getBody().at("/needs/0/id").asLong();
    String path = "/api/staff/needs/" + id + "/case";

    // chenjing is the worker of qingnianlu2; liuyang of another grid, the head is no staff.
    assertThat(post(path, "liuyang").getStatusCode().value()).isEqualTo(403);
    assertThat(post(path, "huangyongfu").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> made = post(path, "chenjing");
    assertThat(made.getStatusCode().value()).isEqualTo(201);
    String caseNo = made.getBody().get("caseNo").asText();
    assertThat(
            jdbc.queryForMap(
                "select source, liaison_unit_code, category from case_record where case_no = ?",
                caseNo))
        .containsEntry("SOURCE", "grid_worker")
        .containsEntry("LIAISON_UNIT_CODE", "qingnianlu2b")
        .containsEntry("CATEGORY", "shared_facility");
    assertThat(
            jdbc.queryForObject("select case_no from resident_need where id = ?", String.class, id))
        .isEqualTo(caseNo);
    ResponseEntity<JsonNode> again = post(path, "chenjing");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("type").asText()).isEqualTo("/problems/need-already-a-case");
    assertThat(post("/api/staff/needs/999999/case", "chenjing").getStatusCode().value())
        .isEqualTo(404);
  }

  private ResponseEntity<JsonNode> post(String path, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(headers), JsonNode.class);
  }

  @Test
  void lastWeeksReportFiledNowIsLateAndOlderWeeksAreRefused() {
    String lastWeek = clock.today().minusWeeks(1).toString();
    ResponseEntity<JsonNode> late =
        file("zhaoshufen", Map.of("week", lastWeek, "nothingNew", true));
    assertThat(late.getStatusCode().value()).isEqualTo(201);
    assertThat(late.getBody().get("onTime").asBoolean()).isFalse();
    assertThat(late.getBody().get("needs").size()).isZero();
    assertThat(late.getBody().get("nothingNew").asBoolean()).isTrue();

    ResponseEntity<JsonNode> old =
        file(
            "zhaoshufen",
            Map.of("week", clock.today().minusWeeks(2).toString(), "nothingNew", true));
    assertThat(old.getStatusCode().value()).isEqualTo(400);
    assertThat(old.getBody().at("/errors/week").asText()).contains("上周");
  }

  @Test
  void aBadReportIsRefusedWholeAndWritesNothing() {
    int reports = rows("needs_report");
    int needs = rows("resident_need");
    Map<String, Object> both = new HashMap<>();
    both.put("nothingNew", true);
    both.put("needs", List.of(need(null, "other", "x")));
    assertThat(file("yangzhiqiang", both).getStatusCode().value()).isEqualTo(400);
    assertThat(file("yangzhiqiang", Map.of()).getBody().at("/errors/needs").asText())
        .contains("无新增");
    ResponseEntity<JsonNode> badSecond =
        file(
            "yangzhiqiang",
            Map.of("needs", List.of(need(null, "other", "好的"), need(null, "nonsense", "坏的"))));
    assertThat(badSecond.getStatusCode().value()).isEqualTo(400);
    assertThat(badSecond.getBody().at("/errors/needs[1].category").asText()).contains("nonsense");
    assertThat(
            file("yangzhiqiang", Map.of("needs", List.of(need("hepingli1a-01", "other", "别家"))))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            file("yangzhiqiang", Map.of("needs", List.of(need(null, "other", "长".repeat(2001)))))
                .getStatusCode()
                .value())
        .isEqualTo(400);
    Map<String, Object> urgency = need(null, "other", "x");
    urgency.put("urgency", "someday");
    assertThat(file("yangzhiqiang", Map.of("needs", List.of(urgency))).getStatusCode().value())
        .isEqualTo(400);
    assertThat(file("wangli", Map.of("nothingNew", true)).getStatusCode().value()).isEqualTo(403);
    assertThat(rows("needs_report")).isEqualTo(reports);
    assertThat(rows("resident_need")).isEqualTo(needs);
  }
}
