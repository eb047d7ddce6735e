package org.lianhu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lianhu.support.DemoCalls;
import org.lianhu.support.PostsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The evaluation's HTTP API: only the county's administrators run a quarter's round by hand, and
 * twice opens nothing more; a household of 桃园东组二片 (taoyuan1b, head zhuchanglin, whom no other test
 * grades) rates its head once on the open API with problem details for the rest; the head lists
 * their evaluations; staff outside the community are refused its list.
 */
@PostsTest
class EvaluationApiTest {

  @Autowired private TestRestTemplate http;

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, String user, Object body) {
    return DemoCalls.call(http, method, path, user, body);
  }

  @Test
  void theCountyRunsARoundHouseholdsRateAndTheHeadReadsTheirEvaluation() {
    String quarterStart =
        Quarters.start(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).toString();
    Map<String, Object> round = Map.of("street", "xicheng", "quarterStart", quarterStart);
    assertThat(
            call(HttpMethod.POST, "/api/admin/head-evaluations/rounds", "linlin", round)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> bad =
        call(
            HttpMethod.POST,
            "/api/admin/head-evaluations/rounds",
            "qinfang",
            Map.of("street", "xicheng", "quarterStart", "2026-11-15"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("errors").has("quarterStart")).isTrue();
    assertThat(
            call(HttpMethod.POST, "/api/admin/head-evaluations/rounds", "qinfang", round)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            call(HttpMethod.POST, "/api/admin/head-evaluations/rounds", "qinfang", round)
                .getBody()
                .get("opened")
                .asInt())
        .isZero();

    JsonNode open =
        call(HttpMethod.GET, "/api/head-ratings/open?household=taoyuan1b-01&last4=0163", null, null)
            .getBody();
    assertThat(open.get("headName").asText()).isEqualTo("朱长林");
    Map<String, Object> rating = new HashMap<>();
    rating.put("householdCode", "taoyuan1b-01");
    rating.put("householdPhoneLast4", "0163");
    rating.put("stars", 5);
    rating.put("comment", "<b>很负责</b>");
    assertThat(call(HttpMethod.POST, "/api/head-ratings", null, rating).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    ResponseEntity<JsonNode> again = call(HttpMethod.POST, "/api/head-ratings", null, rating);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("type").asText()).isEqualTo("/problems/already-rated");
    rating.put("householdPhoneLast4", "1111");
    ResponseEntity<JsonNode> wrong = call(HttpMethod.POST, "/api/head-ratings", null, rating);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(wrong.getBody().get("type").asText()).isEqualTo("/problems/household-not-verified");

    JsonNode mine = call(HttpMethod.GET, "/api/unit/evaluations", "zhuchanglin", null).getBody();
    assertThat(mine.findValuesAsText("quarter"))
        .contains(Quarters.of(java.time.LocalDate.parse(quarterStart)));
    assertThat(mine.get(0).has("organisationScore")).as("no score before grading").isFalse();
    ResponseEntity<JsonNode> early =
        call(
            HttpMethod.POST,
            "/api/unit/evaluations/" + mine.get(0).get("id").asLong() + "/appeal",
            "zhuchanglin",
            Map.of("text", "我对评分有意见"));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("type").asText()).isEqualTo("/problems/appeal-closed");

    assertThat(
            call(HttpMethod.GET, "/api/staff/head-evaluations?community=taoyuan", "hejun", null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            call(HttpMethod.GET, "/api/staff/head-evaluations?community=taoyuan", "fengxia", null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
