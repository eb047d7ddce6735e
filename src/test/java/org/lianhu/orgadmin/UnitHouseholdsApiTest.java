package org.lianhu.orgadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lianhu.support.DemoCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The roster of demo unit 新华一村东片 (xinhua1a) kept by its head zhoulihua and the community office of
 * 新华村 (fengxia): they add, correct and move out households, with the organisation's rules and
 * audit; the grid worker (yangfan), another unit's head and the county's administrators may not,
 * and a bad value or a field outside the roster's writes nothing.
 */
@OrganisationTest
class UnitHouseholdsApiTest {

  private static final String BASE = "/api/staff/units/xinhua1a/households";

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, String user, Object body) {
    return DemoCalls.call(http, method, path, user, body);
  }

  private List<String> rosterOf(String head) {
    return call(HttpMethod.GET, "/api/unit", head, null)
        .getBody()
        .get("households")
        .findValues("code")
        .stream()
        .map(JsonNode::asText)
        .toList();
  }

  private String phoneOf(String code) {
    return jdbc.queryForObject("select phone from household where code = ?", String.class, code);
  }

  @Test
  void theHeadAddsAHouseholdAndMarksItMovedOutTheCommunityOfficeCorrectsOne() {
    ResponseEntity<JsonNode> added =
        call(
            HttpMethod.POST,
            BASE,
            "zhoulihua",
            Map.of(
                "fields",
                Map.of(
                    "address", "新华一村东片20号",
                    "headName", "钱新户",
                    "phone", "13900029999",
                    "members", "3",
                    "careFlags", "独居老人")));
    assertThat(added.getStatusCode().value()).isEqualTo(201);
    String code = added.getBody().get("code").asText();
    assertThat(code).startsWith("xinhua1a-");
    assertThat(added.getBody().get("careFlags").asText()).isEqualTo("elderly_alone");
    assertThat(rosterOf("zhoulihua")).contains(code);
    assertThat(
            jdbc.queryForObject(
                "select actor from organisation_audit where entity = 'households' and code = ?"
                    + " order by id desc limit 1",
                String.class,
                code))
        .isEqualTo("zhoulihua");

    ResponseEntity<JsonNode> corrected =
        call(
            HttpMethod.PATCH,
            BASE + "/xinhua1a-01",
            "fengxia",
            Map.of("fields", Map.of("phone", "13900021111")));
    assertThat(corrected.getStatusCode().value()).isEqualTo(200);
    assertThat(phoneOf("xinhua1a-01")).isEqualTo("13900021111");
    assertThat(corrected.getBody().get("headName").asText()).isEqualTo("胡淑芬");
    assertThat(corrected.getBody().get("members").isInt()).isTrue();

    ResponseEntity<JsonNode> movedOut =
        call(HttpMethod.POST, BASE + "/" + code + "/retire", "zhoulihua", null);
    assertThat(movedOut.getStatusCode().value()).isEqualTo(200);
    assertThat(movedOut.getBody().get("retired").asBoolean()).isTrue();
    assertThat(rosterOf("zhoulihua")).doesNotContain(code);
    JsonNode again =
        call(
                HttpMethod.PATCH,
                BASE + "/" + code,
                "zhoulihua",
                Map.of("fields", Map.of("members", "2")))
            .getBody();
    assertThat(again.get("status").asInt()).isEqualTo(409);
    assertThat(again.get("type").asText()).endsWith("/household-moved-out");
  }

  @Test
  void othersAreRefusedAndABadEditWritesNothing() {
    String phone = phoneOf("xinhua1a-02");
    Map<String, Object> edit = Map.of("fields", Map.of("phone", "13900022222"));
    for (String outsider : List.of("yangfan", "zhangjianguo", "qinfang")) {
      JsonNode refused = call(HttpMethod.PATCH, BASE + "/xinhua1a-02", outsider, edit).getBody();
      assertThat(refused.get("status").asInt()).as(outsider).isEqualTo(403);
      assertThat(refused.get("detail").asText()).as(outsider).contains("可修改");
    }
    assertThat(
            call(
                    HttpMethod.PATCH,
                    BASE + "/xinhua1a-02",
                    "zhoulihua",
                    Map.of("fields", Map.of("phone", "12345")))
                .getStatusCode()
                .value())
        .isEqualTo(422);
    JsonNode outside =
        call(
                HttpMethod.PATCH,
                BASE + "/xinhua1a-02",
                "zhoulihua",
                Map.of("fields", Map.of("idNumber", "110101199001011234")))
            .getBody();
    assertThat(outside.get("status").asInt()).isEqualTo(400);
    assertThat(outside.toString()).contains("fields.idNumber");
    assertThat(
            call(
                    HttpMethod.PATCH,
                    BASE + "/xinhua1a-02",
                    "zhoulihua",
                    Map.of("fields", Map.of("unitCode", "xinhua1b")))
                .getStatusCode()
                .value())
        .isEqualTo(400);
    assertThat(
            call(HttpMethod.PATCH, BASE + "/xinhua1b-01", "zhoulihua", edit)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(phoneOf("xinhua1a-02")).isEqualTo(phone);
    assertThat(phoneOf("xinhua1b-01")).isNotEqualTo("13900022222");
  }
}
