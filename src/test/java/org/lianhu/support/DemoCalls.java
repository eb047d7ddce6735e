package org.lianhu.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A JSON call to the API as a demo user (HTTP Basic, password {@code demo}), as a page's script.
 */
public final class DemoCalls {

  private DemoCalls() {}

  public static ResponseEntity<JsonNode> call(
      TestRestTemplate http, HttpMethod method, String path, String user, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("X-Requested-With", "XMLHttpRequest");
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
