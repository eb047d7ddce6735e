package org.lianhu.orgadmin;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The admin API as the tests call it, with HTTP Basic of a demo user (password demo). */
final class AdminClient {

  static final String API = "/api/admin/organisation";

  private final TestRestTemplate http;

  AdminClient(TestRestTemplate http) {
    this.http = http;
  }

  ResponseEntity<JsonNode> get(String user, String path) {
    return http.exchange(API + path, HttpMethod.GET, new HttpEntity<>(auth(user)), JsonNode.class);
  }

  ResponseEntity<byte[]> download(String user, String path) {
    return http.exchange(API + path, HttpMethod.GET, new HttpEntity<>(auth(user)), byte[].class);
  }

  ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = auth(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(API + path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  ResponseEntity<JsonNode> upload(String user, byte[] file, boolean dryRun) {
    HttpHeaders headers = auth(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add(
        "file",
        new ByteArrayResource(file) {
          @Override
          public String getFilename() {
            return "county.xlsx";
          }
        });
    return http.exchange(
        API + "/import" + (dryRun ? "?dryRun=true" : ""),
        HttpMethod.POST,
        new HttpEntity<>(parts, headers),
        JsonNode.class);
  }

  byte[] export() {
    return download("demo", "/export.xlsx").getBody();
  }

  private static HttpHeaders auth(String user) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    return headers;
  }
}
