package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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

/** The residents' API over HTTP: reports, tracking, rating, and the problems bad input gets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseApiTest {

  private static final String VALID =
      """
      {"category":"streetlight","description":"  和平里东街路灯不亮\\n已经三天  ","urgency":"urgent",
       "location":{"address":"和平里东街12号","latitude":30.001,"longitude":120.002},
       "reporter":{"name":"张三丰","phone":"13812345678"},"source":"resident"}
      """;

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private RuntimeService runtimeService;
  @Autowired private ObjectMapper json;

  private ResponseEntity<JsonNode> post(String body, HttpHeaders extra) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.addAll(extra);
    return http.exchange(
        "/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String body) {
    return post(body, new HttpHeaders());
  }

  private ResponseEntity<JsonNode> view(String caseNo, String code) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Tracking-Code", code);
    return http.exchange(
        "/api/cases/" + caseNo, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  private long caseRows() {
    return jdbc.queryForObject("select count(*) from case_record", Long.class);
  }

  private long processInstances() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("caseHandling").count();
  }

  @Test
  void aReportAnswersWithACaseNumberAndTrackingCodeAndStartsTheCaseLoop() {
    ResponseEntity<JsonNode> response = post(VALID);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNo = response.getBody().get("caseNo").asText();
    assertThat(caseNo).matches("\\d{4}-\\d{6}");
    assertThat(response.getBody().get("trackingCode").asText()).matches("[A-Z2-9]{8}");
    assertThat(response.getHeaders().getLocation()).hasPath("/api/cases/" + caseNo);
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count())
        .isOne();
  }

  @Test
  void
      theReporterFollowsTheCaseWithTheTrackingCodeAndSeesTheDescriptionVerbatimAndThePhoneMasked() {
    JsonNode receipt = post(VALID).getBody();
    String caseNo = receipt.get("caseNo").asText();

    ResponseEntity<JsonNode> response =
        view(caseNo, receipt.get("trackingCode").asText().toLowerCase());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode view = response.getBody();
    assertThat(view.get("description").asText()).isEqualTo("  和平里东街路灯不亮\n已经三天  ");
    assertThat(view.get("reporterPhone").asText()).isEqualTo("138****5678");
    assertThat(view.get("reporterName").asText()).isEqualTo("张**");
    assertThat(view.get("statusName").asText()).isEqualTo("待受理");
    assertThat(view.get("urgencyName").asText()).isEqualTo("紧急");
    assertThat(view.get("timeline"))
        .extracting(step -> step.get("action").asText())
        .containsExactly("事件上报", "分派受理");
    assertThat(view.get("timeline").get(1).get("remark").asText()).contains("和平里第一网格");
    assertThat(view.toString()).doesNotContain("13812345678");
  }

  @Test
  void aWrongTrackingCodeAndAnUnknownCaseLookTheSame() {
    String caseNo = post(VALID).getBody().get("caseNo").asText();

    ResponseEntity<JsonNode> wrongCode = view(caseNo, "AAAAAAAA");
    ResponseEntity<JsonNode> unknownCase = view("1999-999999", "AAAAAAAA");

    assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(wrongCode.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(wrongCode.getBody().get("detail")).isEqualTo(unknownCase.getBody().get("detail"));
    assertThat(wrongCode.getBody().get("type")).isEqualTo(unknownCase.getBody().get("type"));
  }

  @Test
  void aMissingTrackingCodeIsABadRequest() {
    String caseNo = post(VALID).getBody().get("caseNo").asText();
    ResponseEntity<JsonNode> response = http.getForEntity("/api/cases/" + caseNo, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("type").asText()).isEqualTo("/problems/invalid-request");
  }

  @Test
  void missingFieldsAreEachNamedAndNothingIsCreated() {
    long rows = caseRows();
    long instances = processInstances();

    ResponseEntity<JsonNode> response = post("{\"category\":\"streetlight\",\"location\":{}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode errors = response.getBody().get("errors");
    assertThat(errors.has("description")).isTrue();
    assertThat(errors.has("reporter")).isTrue();
    assertThat(errors.has("location.address")).isTrue();
    assertThat(caseRows()).isEqualTo(rows);
    assertThat(processInstances()).isEqualTo(instances);
  }

  @Test
  void anUnknownCategoryIsRefusedWithTheFieldNamed() throws Exception {
    long rows = caseRows();
    Map<String, Object> body = json.readValue(VALID, Map.class);
    body.put("category", "ufo_sighting");

    ResponseEntity<JsonNode> response = post(json.writeValueAsString(body));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").has("category")).isTrue();
    assertThat(response.getBody().get("detail").asText()).contains("ufo_sighting");
    assertThat(caseRows()).isEqualTo(rows);
  }

  @Test
  void anOversizeDescriptionIsRefused() throws Exception {
    long rows = caseRows();
    Map<String, Object> body = json.readValue(VALID, Map.class);
    body.put("description", "很".repeat(ReportCaseRequest.MAX_DESCRIPTION + 1));

    ResponseEntity<JsonNode> response = post(json.writeValueAsString(body));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").has("description")).isTrue();
    assertThat(caseRows()).isEqualTo(rows);
  }

  @Test
  void malformedJsonAndWrongTypesAreProblemsNotCrashes() {
    ResponseEntity<JsonNode> broken = post("{\"category\": ");
    ResponseEntity<JsonNode> wrongType = post(VALID.replace("30.001", "\"north\""));

    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(broken.getBody().get("type").asText()).isEqualTo("/problems/unreadable-request");
    assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongType.getBody().get("detail").asText()).contains("location.latitude");
  }

  @Test
  void unknownUrgencySourceAndLiaisonUnitAreRefused() {
    assertThat(
            post(VALID.replace("\"urgent\"", "\"whenever\""))
                .getBody()
                .get("errors")
                .has("urgency"))
        .isTrue();
    assertThat(
            post(VALID.replace("\"resident\"", "\"pigeon\"")).getBody().get("errors").has("source"))
        .isTrue();
    String withUnit =
        VALID.replace("\"longitude\":120.002", "\"longitude\":120.002,\"liaisonUnit\":\"nowhere\"");
    assertThat(post(withUnit).getBody().get("errors").has("location.liaisonUnit")).isTrue();
  }

  @Test
  void resendingTheSameReportWithTheSameIdempotencyKeyReturnsTheSameCase() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Idempotency-Key", "app-7f3a-0001");
    ResponseEntity<JsonNode> first = post(VALID, headers);
    long rows = caseRows();

    ResponseEntity<JsonNode> again = post(VALID, headers);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().get("caseNo")).isEqualTo(first.getBody().get("caseNo"));
    assertThat(again.getBody().get("trackingCode")).isEqualTo(first.getBody().get("trackingCode"));
    assertThat(caseRows()).isEqualTo(rows);
  }

  @Test
  void anIdempotencyKeyReusedForADifferentReportIsRefusedWithoutNamingTheFirstCase() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("Idempotency-Key", "app-7f3a-0002");
    String first = post(VALID, headers).getBody().get("caseNo").asText();

    ResponseEntity<JsonNode> different = post(VALID.replace("三天", "五天"), headers);

    assertThat(different.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(different.getBody().get("type").asText())
        .isEqualTo("/problems/idempotency-key-reused");
    assertThat(different.getBody().toString())
        .doesNotContain(first)
        .doesNotContain(first.substring(5));
  }

  @Test
  void ratingThroughTheApiNeedsTheTrackingCodeAndAnOpenRating() {
    JsonNode receipt = post(VALID).getBody();
    String caseNo = receipt.get("caseNo").asText();
    String code = receipt.get("trackingCode").asText();

    ResponseEntity<JsonNode> notYet =
        http.postForEntity(
            "/api/cases/" + caseNo + "/rating",
            Map.of("trackingCode", code, "rating", "satisfied"),
            JsonNode.class);
    ResponseEntity<JsonNode> wrongCode =
        http.postForEntity(
            "/api/cases/" + caseNo + "/rating",
            Map.of("trackingCode", "WRONGCOD", "rating", "satisfied"),
            JsonNode.class);
    ResponseEntity<JsonNode> badVerdict =
        http.postForEntity(
            "/api/cases/" + caseNo + "/rating",
            Map.of("trackingCode", code, "rating", "great"),
            JsonNode.class);

    assertThat(notYet.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notYet.getBody().get("type").asText()).isEqualTo("/problems/rating-not-open");
    assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(badVerdict.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theCategoriesAreListedForClients() {
    ResponseEntity<JsonNode> response = http.getForEntity("/api/categories", JsonNode.class);
    assertThat(response.getBody())
        .extracting(c -> c.get("code").asText())
        .contains("streetlight", "dispute", "other");
  }
}
