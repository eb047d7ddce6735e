package org.lianhu.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The visits' statements on the MySQL-compatible server: a visit, the month's coverage row written
 * once, the head's page and the supervisors' coverage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "mysqltest"})
class VisitsMySqlIT {

  @Autowired private TestRestTemplate http;
  @Autowired private CountyClock clock;

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, String user, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, "demo");
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void aVisitIsCountedOnceInTheMonthsCoverage() {
    JsonNode start = call(HttpMethod.GET, "/api/unit", "huangyongfu", null).getBody();
    long before = start.at("/coverage/visited").asLong();
    // A household not visited this month yet (the database may hold earlier runs' visits).
    String household = null;
    for (JsonNode due : start.get("visitsDue")) {
      if (due.get("reason").asText().equals("本月未走访")) {
        household = due.get("household").asText();
      }
    }
    assertThat(household).as("a household not visited this month").isNotNull();
    Map<String, Object> visit =
        Map.of("household", household, "visitedOn", clock.today().toString(), "kind", "care");
    assertThat(
            call(HttpMethod.POST, "/api/unit/visits", "huangyongfu", visit).getStatusCode().value())
        .isEqualTo(201);
    assertThat(
            call(HttpMethod.POST, "/api/unit/visits", "huangyongfu", visit).getStatusCode().value())
        .isEqualTo(201);

    JsonNode page = call(HttpMethod.GET, "/api/unit", "huangyongfu", null).getBody();
    assertThat(page.at("/coverage/visited").asLong()).isEqualTo(before + 1);
    assertThat(page.get("visitsDue").findValues("household").stream().map(JsonNode::asText))
        .doesNotContain(household);
    JsonNode grids =
        call(
                HttpMethod.GET,
                "/api/stats/visit-coverage?groupBy=grid&communityCode=qingnianlu&month="
                    + YearMonth.from(clock.today()),
                "majie",
                null)
            .getBody();
    assertThat(grids.get("rows").findValues("code").stream().map(JsonNode::asText))
        .containsExactly("qingnianlu1", "qingnianlu2");

    // The heads' KPIs' statements (time differences per database) on MySQL.
    ResponseEntity<JsonNode> kpis =
        call(
            HttpMethod.GET,
            "/api/stats/unit-kpis?groupBy=unit&streetCode=dongcheng",
            "majie",
            null);
    assertThat(kpis.getStatusCode().value()).isEqualTo(200);
    assertThat(kpis.getBody().get("rows").findValues("code").stream().map(JsonNode::asText))
        .contains("qingnianlu2b");
  }
}
