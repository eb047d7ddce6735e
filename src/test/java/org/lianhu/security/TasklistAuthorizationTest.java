package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.support.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Tasklist's reads stay exactly as strict with the per-task authorization check (issue 17): a grid
 * worker of another unit reads neither the task nor its case's variables, through engine-rest or
 * through Tasklist's own API, while the task's holder reads both. Camunda answers a task it does
 * not show with 404, its variables with 403.
 */
class TasklistAuthorizationTest extends CaseLoopTestSupport {

  private static final String WANGLIS_GRID = "和平里东街21号";

  @Autowired private TestRestTemplate http;
  @Autowired private FilterService filters;
  @Autowired private ProcessEngineConfiguration configuration;
  @LocalServerPort private int port;

  private ResponseEntity<String> rest(HttpMethod method, String path, String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    // Tasklist asks for a filter's list in HAL, with the listed tasks' variables embedded.
    headers.setAccept(
        List.of(
            path.startsWith("/filter/")
                ? MediaType.parseMediaType("application/hal+json")
                : MediaType.APPLICATION_JSON));
    return http.exchange(
        URI.create(http.getRootUri() + "/engine-rest" + path),
        method,
        new HttpEntity<>(body, headers),
        String.class);
  }

  private String mine() {
    return filters.createTaskFilterQuery().filterName("我的待办").singleResult().getId();
  }

  private Task wanglisTask(CaseReceipt receipt) {
    Task task = openTask(receipt, "acceptCase");
    assertThat(task.getAssignee()).isEqualTo("wangli");
    return task;
  }

  @Test
  void theCheckIsCamundasPerTaskCheck() {
    assertThat(configuration.getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
  }

  @Test
  void anotherUnitReadsNeitherTheTaskNorItsVariablesThroughEngineRest() {
    CaseReceipt receipt = reportCase("sanitation", "normal", WANGLIS_GRID);
    Task task = wanglisTask(receipt);
    String instance = task.getProcessInstanceId();

    for (String path :
        new String[] {
          "/task/" + task.getId(),
          "/task/" + task.getId() + "/variables",
          "/task/" + task.getId() + "/form-variables",
          "/task/" + task.getId() + "/variables/caseNo",
          "/process-instance/" + instance + "/variables"
        }) {
      ResponseEntity<String> own = rest(HttpMethod.GET, path, "wangli", null);
      ResponseEntity<String> foreign = rest(HttpMethod.GET, path, "yangfan", null);
      assertThat(own.getStatusCode()).as("wangli: " + path).isEqualTo(HttpStatus.OK);
      assertThat(foreign.getStatusCode())
          .as("yangfan: " + path)
          .isEqualTo(path.endsWith(task.getId()) ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN);
      assertThat(foreign.getBody()).as(path).doesNotContain(receipt.caseNo());
    }
    String byInstance = "/variable-instance?processInstanceIdIn=" + instance;
    assertThat(rest(HttpMethod.GET, byInstance, "wangli", null).getBody())
        .contains(receipt.caseNo());
    assertThat(rest(HttpMethod.GET, byInstance, "yangfan", null).getBody()).isEqualTo("[]");
    assertThat(rest(HttpMethod.GET, "/task?taskId=" + task.getId(), "yangfan", null).getBody())
        .isEqualTo("[]");
    assertThat(rest(HttpMethod.POST, "/filter/" + mine() + "/list", "wangli", "{}").getBody())
        .contains(task.getId())
        .contains(receipt.caseNo());
    assertThat(rest(HttpMethod.POST, "/filter/" + mine() + "/list", "yangfan", "{}").getBody())
        .doesNotContain(task.getId())
        .doesNotContain(receipt.caseNo());
  }

  @Test
  void anotherUnitReadsNeitherTheTaskNorItsVariablesThroughTasklistsApi() throws Exception {
    CaseReceipt receipt = reportCase("sanitation", "normal", WANGLIS_GRID);
    Task task = wanglisTask(receipt);
    String api = "/api/engine/engine/default";
    TasklistSession own = new TasklistSession(port, "wangli");
    TasklistSession foreign = new TasklistSession(port, "yangfan");

    for (String path :
        new String[] {
          "/task/" + task.getId(),
          "/task/" + task.getId() + "/form-variables",
          "/task/" + task.getId() + "/variables"
        }) {
      assertThat(own.get(api + path).statusCode()).as("wangli: " + path).isEqualTo(200);
      HttpResponse<String> refused = foreign.get(api + path);
      assertThat(refused.statusCode())
          .as("yangfan: " + path)
          .isEqualTo(path.endsWith(task.getId()) ? 404 : 403);
      assertThat(refused.body()).doesNotContain(receipt.caseNo());
    }
    HttpResponse<String> listed = own.post("/engine/default/filter/" + mine() + "/list", "{}");
    assertThat(listed.body()).contains(task.getId());
    HttpResponse<String> notListed =
        foreign.post("/engine/default/filter/" + mine() + "/list", "{}");
    assertThat(notListed.statusCode()).isEqualTo(200);
    assertThat(notListed.body()).doesNotContain(task.getId());
    HttpResponse<String> variables =
        foreign.get(api + "/variable-instance?processInstanceIdIn=" + task.getProcessInstanceId());
    assertThat(variables.body()).isEqualTo("[]");
  }
}
