package org.lianhu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Tasklist's way in, as the browser takes it: session login and CSRF token, then {@code
 * /camunda/api/engine/...}.
 */
public class TasklistSession {

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;

  private String token = "";

  public TasklistSession(int port, String user) throws Exception {
    base = "http://localhost:" + port + "/camunda";
    get("/app/tasklist/default/");
    HttpResponse<String> login =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    get("/app/tasklist/default/"); // the login starts a new session, with a new token
  }

  public HttpResponse<String> submitForm(String taskId, String body) throws Exception {
    return post("/engine/default/task/" + taskId + "/submit-form", body);
  }

  /** A POST to Tasklist's engine API, {@code /camunda/api/engine} + {@code path}. */
  public HttpResponse<String> post(String path, String body) throws Exception {
    return post(path, body, null);
  }

  /** The same, as a page of {@code origin} would send it (null: no Origin header). */
  public HttpResponse<String> post(String path, String body, String origin) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/engine" + path))
            .header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return send(request);
  }

  /** A GET of {@code /camunda} + {@code path} in this session. */
  public HttpResponse<String> get(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    response
        .headers()
        .firstValue("X-XSRF-TOKEN")
        .filter(value -> !value.equals("Required"))
        .ifPresent(value -> token = value);
    return response;
  }
}
