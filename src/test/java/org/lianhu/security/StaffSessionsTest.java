package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The dashboard's login: the password once, then a session cookie that scripts cannot read and
 * other sites do not send, and a CSRF token for whatever changes something.
 */
class StaffSessionsTest extends CaseLoopTestSupport {

  @Autowired private TestRestTemplate http;

  private ResponseEntity<JsonNode> login(String user, String password) {
    return http.postForEntity(
        "/api/session", Map.of("user", user, "password", password), JsonNode.class);
  }

  private static HttpHeaders withCookie(String cookie) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.COOKIE, cookie);
    headers.set("X-Requested-With", "XMLHttpRequest");
    return headers;
  }

  private ResponseEntity<String> kpis(HttpHeaders headers) {
    return http.exchange(
        "/api/stats/kpis", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  @Test
  void aSessionOpensWithThePasswordOnceAndItsCookieIsHttpOnlyAndSameSite() {
    // Another account: a wrong password delays the next login of its own account by seconds.
    assertThat(login("wuhua", "wrong").getStatusCode().value()).isEqualTo(401);

    ResponseEntity<JsonNode> opened = login("majie", "demo");

    assertThat(opened.getStatusCode().value()).isEqualTo(200);
    assertThat(opened.getBody().get("user").asText()).isEqualTo("majie");
    assertThat(opened.getBody().get("csrfToken").asText()).hasSize(48);
    assertThat(opened.getBody().toString()).doesNotContain("demo");
    String setCookie = opened.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
    assertThat(setCookie)
        .startsWith("JSESSIONID=")
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
    String cookie = setCookie.split(";", 2)[0];

    assertThat(kpis(withCookie(cookie)).getStatusCode().value()).isEqualTo(200);
    assertThat(
            http.exchange(
                    "/api/session",
                    HttpMethod.GET,
                    new HttpEntity<>(withCookie(cookie)),
                    JsonNode.class)
                .getBody()
                .get("user")
                .asText())
        .isEqualTo("majie");
  }

  @Test
  void withoutASessionThePageGets401WithoutABasicChallengeAndOtherClientsWithOne() {
    ResponseEntity<String> page = kpis(withCookie("JSESSIONID=none"));
    ResponseEntity<String> client = http.getForEntity("/api/stats/kpis", String.class);

    assertThat(page.getStatusCode().value()).isEqualTo(401);
    assertThat(page.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    assertThat(client.getStatusCode().value()).isEqualTo(401);
    assertThat(client.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
  }

  @Test
  void loggingOutNeedsTheCsrfTokenAndEndsTheSession() {
    ResponseEntity<JsonNode> opened = login("majie", "demo");
    String cookie = opened.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";", 2)[0];
    String token = opened.getBody().get("csrfToken").asText();

    ResponseEntity<String> forged =
        http.exchange(
            "/api/session", HttpMethod.DELETE, new HttpEntity<>(withCookie(cookie)), String.class);
    assertThat(forged.getStatusCode().value()).isEqualTo(403);
    assertThat(kpis(withCookie(cookie)).getStatusCode().value()).isEqualTo(200);

    HttpHeaders withToken = withCookie(cookie);
    withToken.set("X-CSRF-Token", token);
    assertThat(
            http.exchange(
                    "/api/session", HttpMethod.DELETE, new HttpEntity<>(withToken), String.class)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    assertThat(kpis(withCookie(cookie)).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void aSessionsChangeToTheStaffApiNeedsTheCsrfToken() {
    ResponseEntity<JsonNode> opened = login("wangli", "demo");
    String cookie = opened.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";", 2)[0];

    ResponseEntity<String> forged =
        http.exchange(
            "/api/staff/cases",
            HttpMethod.POST,
            new HttpEntity<>("{}", withCookie(cookie)),
            String.class);

    assertThat(forged.getStatusCode().value()).isEqualTo(403);
    assertThat(forged.getBody()).contains("/problems/csrf");
  }
}
