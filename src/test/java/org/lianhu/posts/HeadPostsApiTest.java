package org.lianhu.posts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.support.DemoCalls;
import org.lianhu.support.PostsTest;
import org.lianhu.support.SelectionDriver;
import org.lianhu.support.TestUnits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The posts' HTTP API as its callers meet it: the community office of 桃园村 (hejun) opens a vacancy
 * and nominates, the street (linlin) and the county read, nobody else; residents nominate and
 * object on the open API and get problem details; the community office alone sets the appointed
 * head's password, with which the new head signs in to the heads' page.
 */
@PostsTest
class HeadPostsApiTest {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ManagementService management;
  @Autowired private RuntimeService runtime;

  private String unit;

  @Autowired private ApplicationContext context;

  private SelectionDriver driver;

  @BeforeEach
  void aUnitOfItsOwn() {
    unit = TestUnits.create(jdbc);
    driver = new SelectionDriver(context);
  }

  private ResponseEntity<JsonNode> call(HttpMethod method, String path, String user, Object body) {
    return DemoCalls.call(http, method, path, user, body);
  }

  private ResponseEntity<JsonNode> open(String user) {
    return call(
        HttpMethod.POST,
        "/api/staff/units/" + unit + "/vacancy",
        user,
        Map.of("reason", "new_unit"));
  }

  private long openPost() {
    ResponseEntity<JsonNode> opened = open("hejun");
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return opened.getBody().get("id").asLong();
  }

  private static Map<String, Object> nomination(String kind, String name, String phone) {
    Map<String, Object> body = new HashMap<>();
    body.put("nomination", kind);
    body.put("name", name);
    body.put("phone", phone);
    body.put("profile", "退休教师，热心公益");
    return body;
  }

  /**
   * Completes the post's task as hejun would in Tasklist. Through this context's engine, not
   * /engine-rest: the test contexts share Camunda's engine name, and engine-rest serves the engine
   * registered last (the browser check drives the tasks through /engine-rest).
   */
  private void completeAsHejun(long post, String taskKey, Map<String, String> form) {
    driver.complete("hejun", driver.task("post" + post, taskKey), new HashMap<>(form));
  }

  private long candidateOf(long post, String name) {
    for (JsonNode c :
        call(HttpMethod.GET, "/api/staff/head-posts/" + post, "hejun", null)
            .getBody()
            .get("candidates")) {
      if (c.get("name").asText().equals(name)) {
        return c.get("id").asLong();
      }
    }
    throw new AssertionError("no candidate " + name);
  }

  @Test
  void onlyTheCommunityOfficeAndTheStreetOpenAVacancyAndOnlyTheyAndTheCountyReadIt() {
    assertThat(open(null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    for (String outsider : List.of("lixiuying", "fengxia", "wuhua")) {
      ResponseEntity<JsonNode> refused = open(outsider);
      assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody().get("type").asText()).isEqualTo("/problems/forbidden");
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from head_post where unit_code = ?", Integer.class, unit))
        .isZero();

    long post = openPost();
    ResponseEntity<JsonNode> again = open("linlin");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("type").asText()).isEqualTo("/problems/post-open");
    call(
        HttpMethod.POST,
        "/api/staff/head-posts/" + post + "/nominations",
        "hejun",
        nomination("community", "沈立群", "13700002020"));

    JsonNode byOffice =
        call(HttpMethod.GET, "/api/staff/head-posts/" + post, "hejun", null).getBody();
    assertThat(byOffice.get("candidates").get(0).get("phone").asText()).isEqualTo("13700002020");
    JsonNode byStreet =
        call(HttpMethod.GET, "/api/staff/head-posts/" + post, "linlin", null).getBody();
    assertThat(byStreet.get("candidates").get(0).get("phone").asText()).isEqualTo("137****2020");
    assertThat(
            call(HttpMethod.GET, "/api/staff/head-posts/" + post, "qinfang", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    for (String outsider : List.of("fengxia", "lixiuying", "wuhua", "gaofeng")) {
      assertThat(
              call(HttpMethod.GET, "/api/staff/head-posts/" + post, outsider, null).getStatusCode())
          .as(outsider)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(
            call(
                    HttpMethod.GET,
                    "/api/staff/head-posts?community=taoyuan&open=true",
                    "fengxia",
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void residentsNominateAndObjectOnTheOpenApiAndBadInputGetsProblemDetails() {
    long post = openPost();
    JsonNode listed =
        call(HttpMethod.GET, "/api/head-posts?community=taoyuan", null, null).getBody();
    assertThat(listed.findValuesAsText("unitCode")).contains(unit);

    ResponseEntity<JsonNode> badPhone =
        call(
            HttpMethod.POST,
            "/api/head-posts/" + post + "/nominations",
            null,
            nomination("self", "韩梅", "110"));
    assertThat(badPhone.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badPhone.getBody().get("errors").has("phone")).isTrue();

    Map<String, Object> byHousehold = nomination("households", "韩梅", "13700003030");
    byHousehold.put("householdCode", unit + "-01");
    byHousehold.put("householdPhoneLast4", "1234");
    ResponseEntity<JsonNode> unverified =
        call(HttpMethod.POST, "/api/head-posts/" + post + "/nominations", null, byHousehold);
    assertThat(unverified.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(unverified.getBody().get("type").asText())
        .isEqualTo("/problems/household-not-verified");

    byHousehold.put("householdPhoneLast4", "0001");
    ResponseEntity<JsonNode> nominated =
        call(HttpMethod.POST, "/api/head-posts/" + post + "/nominations", null, byHousehold);
    assertThat(nominated.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(nominated.getBody().get("candidateName").asText()).isEqualTo("韩梅");

    ResponseEntity<JsonNode> early =
        call(
            HttpMethod.POST,
            "/api/head-posts/" + post + "/objections",
            null,
            Map.of("text", "候选人不合适，理由如下"));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("type").asText()).isEqualTo("/problems/notice-closed");

    completeAsHejun(
        post, "reviewCandidate", Map.of("reviewResult", "eligible", "reviewNote", "符合条件"));
    completeAsHejun(
        post,
        "chooseCandidate",
        Map.of("chosenCandidate", String.valueOf(candidateOf(post, "韩梅"))));

    JsonNode notice = call(HttpMethod.GET, "/api/head-posts/" + post, null, null).getBody();
    assertThat(notice.get("chosenName").asText()).isEqualTo("韩梅");
    assertThat(notice.toString()).doesNotContain("13700003030").doesNotContain("phone");
    ResponseEntity<JsonNode> late =
        call(
            HttpMethod.POST,
            "/api/head-posts/" + post + "/nominations",
            null,
            nomination("self", "许强", "13700004040"));
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody().get("type").asText()).isEqualTo("/problems/post-not-open");

    ResponseEntity<JsonNode> objected =
        call(
            HttpMethod.POST,
            "/api/head-posts/" + post + "/objections",
            null,
            Map.of("text", "候选人去年因占道经营被处罚过"));
    assertThat(objected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String code = objected.getBody().get("code").asText();
    JsonNode pending = call(HttpMethod.GET, "/api/head-objections/" + code, null, null).getBody();
    assertThat(pending.get("answered").asBoolean()).isFalse();
    assertThat(call(HttpMethod.GET, "/api/head-objections/WRONGCODE", null, null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    completeAsHejun(
        post, "answerObjection", Map.of("answerUpheld", "dismissed", "answerText", "经核实无此事"));
    JsonNode answered = call(HttpMethod.GET, "/api/head-objections/" + code, null, null).getBody();
    assertThat(answered.get("answered").asBoolean()).isTrue();
    assertThat(answered.get("answer").asText()).isEqualTo("经核实无此事");
    assertThat(answered.get("upheld").asBoolean()).isFalse();
  }

  @Test
  void theCommunityOfficeAloneSetsTheAppointedHeadsPasswordAndTheHeadSignsIn() {
    long post = openPost();
    call(
        HttpMethod.POST,
        "/api/staff/head-posts/" + post + "/nominations",
        "hejun",
        nomination("community", "秦海波", "13700005050"));
    completeAsHejun(
        post, "reviewCandidate", Map.of("reviewResult", "eligible", "reviewNote", "群众认可"));
    completeAsHejun(
        post,
        "chooseCandidate",
        Map.of("chosenCandidate", String.valueOf(candidateOf(post, "秦海波"))));
    ResponseEntity<JsonNode> tooEarly =
        call(
            HttpMethod.PUT,
            "/api/staff/head-posts/" + post + "/head-password",
            "hejun",
            Map.of("password", "Xin-Tou-2026"));
    assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    runNoticeTimer(post);
    driver.complete(
        "linlin", driver.task("post" + post, "appointHead"), Map.of("appointDecision", "appoint"));
    String head =
        call(HttpMethod.GET, "/api/staff/head-posts/" + post, "hejun", null)
            .getBody()
            .get("headUserId")
            .asText();

    assertThat(
            call(
                    HttpMethod.PUT,
                    "/api/staff/head-posts/" + post + "/head-password",
                    "linlin",
                    Map.of("password", "Xin-Tou-2026"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> weak =
        call(
            HttpMethod.PUT,
            "/api/staff/head-posts/" + post + "/head-password",
            "hejun",
            Map.of("password", "1"));
    assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            call(
                    HttpMethod.PUT,
                    "/api/staff/head-posts/" + post + "/head-password",
                    "hejun",
                    Map.of("password", "Xin-Tou-2026"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(head, "Xin-Tou-2026");
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<JsonNode> page =
        http.exchange("/api/unit", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody().toString()).contains(unit);
  }

  @Test
  void thePoolsKpiShowsEachCallerTheCommunitiesTheyWorkIn() {
    JsonNode county = call(HttpMethod.GET, "/api/stats/reserve-pool", "qinfang", null).getBody();
    assertThat(county.findValuesAsText("communityCode"))
        .containsExactlyInAnyOrder("hepingli", "qingnianlu", "xinhua", "taoyuan");
    JsonNode street = call(HttpMethod.GET, "/api/stats/reserve-pool", "linlin", null).getBody();
    assertThat(street.findValuesAsText("communityCode"))
        .containsExactlyInAnyOrder("xinhua", "taoyuan");
    JsonNode community = call(HttpMethod.GET, "/api/stats/reserve-pool", "hejun", null).getBody();
    assertThat(community.findValuesAsText("communityCode")).containsExactly("taoyuan");
    JsonNode row = community.get(0);
    assertThat(row.get("target").asInt())
        .isEqualTo((int) Math.ceil(row.get("posts").asInt() * 0.1));
    assertThat(row.get("light").asText())
        .isEqualTo(row.get("pool").asInt() >= row.get("target").asInt() ? "green" : "red");
    assertThat(call(HttpMethod.GET, "/api/stats/reserve-pool", "lixiuying", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** The notice's timer, run as the job executor would once the notice period is over. */
  private void runNoticeTimer(long post) {
    Job job =
        management
            .createJobQuery()
            .processInstanceId(
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey("post" + post)
                    .singleResult()
                    .getId())
            .timers()
            .activityId("noticePeriod")
            .singleResult();
    ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
    try {
      management.executeJob(job.getId());
    } finally {
      ClockUtil.reset();
    }
  }
}
