package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guessing tracking codes: after ten wrong codes for one case, or fifty from one client (100 and
 * 1,000 in the test profile, whose classes share one client address), the lookup and the rating
 * answer 429 with Retry-After, even for the right code, until the window (15 minutes) ends. The
 * counts are rows in the database, so every node refuses alike.
 */
class HostileTrackingTest extends CaseLoopTestSupport {

  private static final Instant START = Instant.parse("2026-05-20T02:00:00Z");

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;

  @Value("${lianhu.tracking.max-wrong-codes-per-case}")
  private int perCase;

  @Value("${lianhu.tracking.max-wrong-codes-per-client}")
  private int perClient;

  @BeforeEach
  @AfterEach
  void forgetTheGuesses() {
    jdbc.update("delete from code_guess");
  }

  private ResponseEntity<JsonNode> lookup(String caseNo, String code) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Tracking-Code", code);
    return http.exchange(
        "/api/cases/" + caseNo, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> rate(String caseNo, String code) {
    return http.postForEntity(
        "/api/cases/" + caseNo + "/rating",
        Map.of("trackingCode", code, "rating", "satisfied"),
        JsonNode.class);
  }

  private CaseReceipt reportAt(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    return reportCase("sanitation", "normal", "和平里东街12号");
  }

  @Test
  void tooManyWrongCodesForACaseCloseItsLookupAndRatingUntilTheWindowEnds() {
    CaseReceipt target = reportAt(START);
    CaseReceipt other = reportCase("sanitation", "normal", "和平里东街13号");
    for (int i = 0; i < perCase; i++) {
      assertThat(lookup(target.caseNo(), "WRONG" + i).getStatusCode().value()).isEqualTo(404);
    }

    ResponseEntity<JsonNode> refused = lookup(target.caseNo(), target.trackingCode());
    ResponseEntity<JsonNode> ratingRefused = rate(target.caseNo(), target.trackingCode());

    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    assertThat(refused.getBody().get("type").asText()).isEqualTo("/problems/too-many-wrong-codes");
    assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
        .isBetween(1L, 15 * 60L + 1);
    assertThat(ratingRefused.getStatusCode().value()).isEqualTo(429);
    assertThat(lookup(other.caseNo(), other.trackingCode()).getStatusCode().value()).isEqualTo(200);

    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofMinutes(16))));
    assertThat(lookup(target.caseNo(), target.trackingCode()).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void tooManyWrongCodesFromOneClientCloseItsLookupsOfEveryCase() {
    CaseReceipt own = reportAt(START);
    for (int i = 0; i < perClient; i++) {
      assertThat(
              lookup("2026-" + String.format("%06d", 900000 + i), "WRONGCODE")
                  .getStatusCode()
                  .value())
          .isEqualTo(404);
    }

    ResponseEntity<JsonNode> refused = lookup(own.caseNo(), own.trackingCode());

    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
    assertThat(
            jdbc.queryForObject(
                "select max(failures) from code_guess where scope like 'client:%'", Integer.class))
        .isEqualTo(perClient);
  }

  @Test
  void aRightCodeIsNeverCountedAndARatingThatIsNotOpenIsNoGuess() {
    CaseReceipt receipt = reportAt(START);
    for (int i = 0; i < 20; i++) {
      assertThat(lookup(receipt.caseNo(), receipt.trackingCode()).getStatusCode().value())
          .isEqualTo(200);
      assertThat(rate(receipt.caseNo(), receipt.trackingCode()).getStatusCode().value())
          .isEqualTo(409);
    }
    assertThat(jdbc.queryForObject("select count(*) from code_guess", Integer.class)).isZero();
  }
}
