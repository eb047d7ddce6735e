package org.lianhu.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
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
 * Visits (走访) through the head's API: recorded for a household of the head's own unit, counted in
 * the month's coverage, raising a case in the same step; bad visits refused with nothing written.
 * Demo unit 和平里二区6号楼 (hepingli2b, head liudeming, 15 households; -12 and -15 live alone).
 */
class VisitsApiTest extends CaseLoopTestSupport {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private CountyClock clock;

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, String user, Object body) {
    return DemoCalls.call(http, method, path, user, body);
  }

  private ResponseEntity<JsonNode> visit(Map<String, Object> fields) {
    return call(HttpMethod.POST, "/api/unit/visits", "liudeming", fields);
  }

  private static Map<String, Object> visitOf(String household, LocalDate day) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("household", household);
    fields.put("visitedOn", day.toString());
    fields.put("kind", "routine");
    fields.put("notes", "家中一切正常");
    return fields;
  }

  private int visits() {
    return jdbc.queryForObject("select count(*) from household_visit", Integer.class);
  }

  private List<String> due() {
    return call(HttpMethod.GET, "/api/unit", "liudeming", null)
        .getBody()
        .get("visitsDue")
        .findValues("household")
        .stream()
        .map(JsonNode::asText)
        .toList();
  }

  @Test
  void aVisitCoversTheHouseholdForTheMonthAndAppearsInTheUnitsVisits() {
    LocalDate today = clock.today();
    JsonNode before = call(HttpMethod.GET, "/api/unit", "liudeming", null).getBody();
    long visitedBefore = before.at("/coverage/visited").asLong();
    assertThat(before.at("/coverage/households").asLong()).isEqualTo(15);

    ResponseEntity<JsonNode> recorded = visit(visitOf("hepingli2b-03", today));
    assertThat(recorded.getStatusCode().value()).isEqualTo(201);
    assertThat(recorded.getBody().get("id").asLong()).isPositive();
    // A second visit in the month covers nothing more.
    assertThat(visit(visitOf("hepingli2b-03", today)).getStatusCode().value()).isEqualTo(201);

    JsonNode after = call(HttpMethod.GET, "/api/unit", "liudeming", null).getBody();
    assertThat(after.at("/coverage/visited").asLong()).isEqualTo(visitedBefore + 1);
    assertThat(due()).doesNotContain("hepingli2b-03");
    JsonNode list = call(HttpMethod.GET, "/api/unit/visits", "liudeming", null).getBody();
    assertThat(list.findValues("householdCode").stream().map(JsonNode::asText))
        .contains("hepingli2b-03");
  }

  @Test
  void aHouseholdLivingAloneIsDueAgainAWeekAfterItsLastVisit() {
    LocalDate today = clock.today();
    visit(visitOf("hepingli2b-15", today.minusDays(8)));
    assertThat(due()).contains("hepingli2b-15");
    JsonNode reason =
        call(HttpMethod.GET, "/api/unit", "liudeming", null).getBody().get("visitsDue");
    for (JsonNode item : reason) {
      if (item.get("household").asText().equals("hepingli2b-15")) {
        assertThat(item.get("reason").asText()).isEqualTo("独居老人每 7 天走访一次");
      }
    }
    visit(visitOf("hepingli2b-15", today));
    assertThat(due()).doesNotContain("hepingli2b-15");
  }

  @Test
  void aCaseRaisedFromAVisitIsTheHeadsAndLinkedToTheVisit() {
    Map<String, Object> fields = visitOf("hepingli2b-12", clock.today());
    fields.put("needs", "楼道灯坏了，老人夜里上下楼不便");
    fields.put("raiseCase", Map.of("category", "streetlight", "description", "6号楼楼道灯坏了，独居老人上下楼不便"));
    ResponseEntity<JsonNode> recorded = visit(fields);
    assertThat(recorded.getStatusCode().value()).isEqualTo(201);
    String caseNo = recorded.getBody().get("caseNo").asText();
    Map<String, Object> stored =
        jdbc.queryForMap(
            "select source, liaison_unit_code, reporter_name from case_record where case_no = ?",
            caseNo);
    assertThat(stored)
        .containsEntry("SOURCE", "liaison_head")
        .containsEntry("LIAISON_UNIT_CODE", "hepingli2b")
        .containsEntry("REPORTER_NAME", "刘永福");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from household_visit where case_no = ?", Integer.class, caseNo))
        .isOne();

    // An unknown category refuses the case and with it the visit.
    int before = visits();
    fields.put("raiseCase", Map.of("category", "nonsense", "description", "x"));
    ResponseEntity<JsonNode> refused = visit(fields);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().at("/errors/raiseCase.category").asText()).contains("nonsense");
    assertThat(visits()).isEqualTo(before);
  }

  @Test
  void badVisitsAreRefusedAndNothingIsWritten() {
    LocalDate today = clock.today();
    int before = visits();
    Map<String, Object> otherUnit = visitOf("hepingli2a-01", today);
    assertThat(visit(otherUnit).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> future = visit(visitOf("hepingli2b-01", today.plusDays(1)));
    assertThat(future.getStatusCode().value()).isEqualTo(400);
    assertThat(future.getBody().at("/errors/visitedOn").asText()).contains("不能晚于今天");
    assertThat(visit(visitOf("hepingli2b-01", today.minusDays(40))).getStatusCode().value())
        .isEqualTo(400);
    Map<String, Object> longNotes = visitOf("hepingli2b-01", today);
    longNotes.put("notes", "长".repeat(2001));
    assertThat(visit(longNotes).getBody().at("/errors/notes").asText()).contains("2000");
    Map<String, Object> badKind = visitOf("hepingli2b-01", today);
    badKind.put("kind", "party");
    assertThat(visit(badKind).getStatusCode().value()).isEqualTo(400);
    Map<String, Object> badDate = visitOf("hepingli2b-01", today);
    badDate.put("visitedOn", "2026-13-45");
    assertThat(visit(badDate).getStatusCode().value()).isEqualTo(400);
    assertThat(
            call(HttpMethod.POST, "/api/unit/visits", "wangli", visitOf("hepingli2b-01", today))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(visits()).isEqualTo(before);
  }

  @Test
  void supervisorsReadTheCoverageByLevelWithItsLight() {
    visit(visitOf("hepingli2b-04", clock.today()));
    JsonNode streets =
        call(HttpMethod.GET, "/api/stats/visit-coverage?groupBy=street", "majie", null).getBody();
    assertThat(streets.get("target").asDouble()).isEqualTo(0.9);
    JsonNode dongcheng = null;
    for (JsonNode row : streets.get("rows")) {
      if (row.get("code").asText().equals("dongcheng")) {
        dongcheng = row;
      }
    }
    assertThat(dongcheng).isNotNull();
    assertThat(dongcheng.get("visited").asLong()).isPositive();
    assertThat(dongcheng.get("light").asText()).isEqualTo("red");
    JsonNode units =
        call(
                HttpMethod.GET,
                "/api/stats/visit-coverage?groupBy=unit&gridCode=hepingli2",
                "majie",
                null)
            .getBody();
    assertThat(units.get("rows").findValues("code").stream().map(JsonNode::asText))
        .containsExactly("hepingli2a", "hepingli2b");

    assertThat(
            call(HttpMethod.GET, "/api/stats/visit-coverage", "wangli", null)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    JsonNode kpis =
        call(
                HttpMethod.GET,
                "/api/stats/unit-kpis?groupBy=grid&streetCode=dongcheng",
                "majie",
                null)
            .getBody();
    assertThat(kpis.get("rows").findValues("code").stream().map(JsonNode::asText))
        .contains("hepingli1", "hepingli2");
    assertThat(
            call(HttpMethod.GET, "/api/stats/unit-kpis", "lixiuying", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(
            call(HttpMethod.GET, "/api/stats/visit-coverage?groupBy=house", "majie", null)
                .getStatusCode()
                .value())
        .isEqualTo(400);
    assertThat(
            call(HttpMethod.GET, "/api/stats/visit-coverage?month=12-2026", "majie", null)
                .getStatusCode()
                .value())
        .isEqualTo(400);
    String nextMonth = java.time.YearMonth.from(clock.today()).plusMonths(1).toString();
    JsonNode future =
        call(HttpMethod.GET, "/api/stats/unit-kpis?month=" + nextMonth, "majie", null).getBody();
    assertThat(future.get("status").asInt()).isEqualTo(400);
    assertThat(future.get("detail").asText()).contains("不能晚于本月");
  }
}
