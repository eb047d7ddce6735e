package org.lianhu.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** Registering and following a dispute over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DisputeApiTest {

  private static final String VALID =
      """
      {"type":"neighbour","description":"楼上漏水，多次协商未果",
       "location":{"address":"和平里东街20号"},
       "parties":[{"role":"applicant","name":"孙小红","phone":"13600000001"},
                  {"role":"respondent","name":"周大伟"}],
       "riskFlags":["emotional"]}
      """;

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;

  private ResponseEntity<JsonNode> post(String body, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return http.exchange(
        "/api/disputes", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private long disputeRows() {
    return jdbc.queryForObject("select count(*) from dispute", Long.class);
  }

  @Test
  void aRegisteredDisputeIsFollowedWithItsTrackingCodeWithNamesMasked() {
    ResponseEntity<JsonNode> created = post(VALID, null);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String no = created.getBody().get("disputeNo").asText();
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Tracking-Code", created.getBody().get("trackingCode").asText());
    JsonNode view =
        http.exchange(
                "/api/disputes/" + no, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class)
            .getBody();

    assertThat(view.get("statusName").asText()).isEqualTo("调解中");
    assertThat(view.get("tier").asInt()).isEqualTo(1);
    assertThat(view.get("parties"))
        .extracting(p -> p.get("name").asText())
        .containsExactly("孙**", "周**");
    assertThat(view.get("timeline"))
        .extracting(s -> s.get("action").asText())
        .contains("纠纷登记", "研判分级", "安排心理疏导");
    assertThat(view.toString()).doesNotContain("13600000001");
  }

  @Test
  void aWrongCodeIsNotFound() {
    String no = post(VALID, null).getBody().get("disputeNo").asText();
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Tracking-Code", "ZZZZZZZZ");
    assertThat(
            http.exchange(
                    "/api/disputes/" + no,
                    HttpMethod.GET,
                    new HttpEntity<>(headers),
                    JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void badRegistrationsAreProblemsAndLeaveNothingBehind() {
    long rows = disputeRows();

    ResponseEntity<JsonNode> unknownType = post(VALID.replace("\"neighbour\"", "\"alien\""), null);
    ResponseEntity<JsonNode> unknownFlag =
        post(VALID.replace("\"emotional\"", "\"dragons\""), null);
    ResponseEntity<JsonNode> noContact =
        post(VALID.replace(",\"phone\":\"13600000001\"", ""), null);
    ResponseEntity<JsonNode> noParties =
        post(VALID.replaceAll("\"parties\":\\[[^\\]]*\\]", "\"parties\":[]"), null);

    assertThat(unknownType.getBody().get("errors").has("type")).isTrue();
    assertThat(unknownFlag.getBody().get("errors").has("riskFlags")).isTrue();
    assertThat(noContact.getBody().get("errors").has("parties")).isTrue();
    assertThat(noParties.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noParties.getBody().get("errors").has("parties")).isTrue();
    assertThat(disputeRows()).isEqualTo(rows);
  }

  @Test
  void aResendWithTheSameKeyReturnsTheSameDispute() {
    ResponseEntity<JsonNode> first = post(VALID, "dispute-key-1");
    ResponseEntity<JsonNode> again = post(VALID, "dispute-key-1");

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("disputeNo")).isEqualTo(first.getBody().get("disputeNo"));
  }

  @Test
  void theTypesAreListed() {
    JsonNode types = http.getForEntity("/api/disputes/types", JsonNode.class).getBody();
    assertThat(types)
        .extracting(t -> t.get("code").asText())
        .contains("neighbour", "family", "land");
  }
}
