package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Values that are well-formed but absurd (a latitude of 1e-1000000000, a report for the year
 * 999999999) or that carry control characters: each is a 400 naming the field, and nothing is
 * stored.
 */
class HostileValuesTest extends CaseLoopTestSupport {

  private static final String REPORT =
      """
      {"category":"sanitation","description":"%s","location":{"address":"%s","latitude":%s,"longitude":120.002},
       "reporter":{"name":"%s","phone":"13812345678"}}""";

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;

  private ResponseEntity<JsonNode> report(
      String description, String address, String latitude, String name) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(
        "/api/cases",
        HttpMethod.POST,
        new HttpEntity<>(REPORT.formatted(description, address, latitude, name), headers),
        JsonNode.class);
  }

  private long cases() {
    return jdbc.queryForObject("select count(*) from case_record", Long.class);
  }

  @Test
  void aLatitudeWithAThousandMillionDecimalsIsABadRequestAndNothingIsStored() {
    long before = cases();

    ResponseEntity<JsonNode> answer = report("垃圾堆积", "和平里东街12号", "1e-1000000000", "张三");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody().toString()).contains("纬度");
    assertThat(cases()).isEqualTo(before);
    assertThat(report("垃圾堆积", "和平里东街12号", "30.001234567891", "张三").getStatusCode().value())
        .isEqualTo(201);
  }

  @Test
  void open311RefusesACoordinateWithAThousandMillionDecimals() {
    long before = cases();

    ResponseEntity<String> answer = open311("路灯不亮", "1e-1000000000");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("lat");
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void controlCharactersInDescriptionsNamesAndAddressesAreRefusedWithTheFieldNamed() {
    long before = cases();

    ResponseEntity<JsonNode> description = report("垃圾\\u0000堆积", "和平里东街12号", "30.001", "张三");
    ResponseEntity<JsonNode> address = report("垃圾堆积", "和平里\\u001b[31m东街", "30.001", "张三");
    ResponseEntity<JsonNode> name = report("垃圾堆积", "和平里东街12号", "30.001", "张\\u0007三");

    assertThat(description.getStatusCode().value()).isEqualTo(400);
    assertThat(description.getBody().get("detail").asText())
        .contains("description")
        .contains("控制字符");
    assertThat(address.getStatusCode().value()).isEqualTo(400);
    assertThat(address.getBody().get("detail").asText()).contains("location.address");
    assertThat(name.getStatusCode().value()).isEqualTo(400);
    assertThat(name.getBody().get("detail").asText()).contains("reporter.name");
    assertThat(cases()).isEqualTo(before);
    assertThat(report("第一行\\n第二行\\t制表", "和平里东街12号", "30.001", "张三").getStatusCode().value())
        .isEqualTo(201);
  }

  @Test
  void aReportForTheYear999999999IsABadRequest() {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("majie", "demo");
    for (String path :
        new String[] {
          "/api/stats/report.csv?date=%2B999999999-12-31",
          "/api/stats/report.xlsx?period=month&date=1000-01-01",
          "/api/stats/kpis?to=%2B999999999-12-31"
        }) {
      ResponseEntity<JsonNode> answer =
          http.exchange(
              URI.create(http.getRootUri() + path),
              HttpMethod.GET,
              new HttpEntity<>(headers),
              JsonNode.class);
      assertThat(answer.getStatusCode().value()).as(path).isEqualTo(400);
      assertThat(answer.getBody().get("type").asText())
          .as(path)
          .isEqualTo("/problems/invalid-request");
    }
  }

  private ResponseEntity<JsonNode> reportAs(String source, String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (user != null) {
      headers.setBasicAuth(user, "demo");
    }
    String body =
        REPORT
            .formatted("垃圾堆积", "和平里东街12号", "30.001", "张三")
            .replace("}}", "},\"source\":\"" + source + "\"}");
    return http.exchange(
        "/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void aResidentCannotClaimToBeASensorAGridWorkerTheHotlineOrALiaisonHead() {
    long before = cases();

    assertThat(reportAs("sensor", null).getStatusCode().value()).isEqualTo(403);
    assertThat(reportAs("liaison_head", null).getStatusCode().value()).isEqualTo(401);
    // A staff member is not a head, not even the grid worker of the unit.
    assertThat(reportAs("liaison_head", "wangli").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> gridWorker = reportAs("grid_worker", null);
    assertThat(gridWorker.getStatusCode().value()).isEqualTo(401);
    assertThat(gridWorker.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    assertThat(reportAs("hotline", null).getStatusCode().value()).isEqualTo(401);
    assertThat(reportAs("grid_worker", "hanxue").getStatusCode().value()).isEqualTo(403);
    assertThat(reportAs("hotline", "wangli").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<JsonNode> wrongPassword =
        http.exchange(
            "/api/cases",
            HttpMethod.POST,
            new HttpEntity<>(
                REPORT
                    .formatted("垃圾堆积", "和平里东街12号", "30.001", "张三")
                    .replace("}}", "},\"source\":\"grid_worker\"}"),
                basicJson("wuhua", "guess")),
            JsonNode.class);
    assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void aSignedInHeadReportsFromTheirOwnUnitWhateverTheBodySays() {
    HttpHeaders headers = basicJson("lixiuying", "demo");
    String body =
        REPORT
            .formatted("垃圾堆积", "和平里东街12号", "30.001", "张三")
            .replace("120.002}", "120.002,\"liaisonUnit\":\"taoyuan2b\"}")
            .replace("}}", "},\"source\":\"liaison_head\"}");
    ResponseEntity<JsonNode> head =
        http.exchange(
            "/api/cases", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);

    assertThat(head.getStatusCode().value()).isEqualTo(201);
    Map<String, Object> stored =
        jdbc.queryForMap(
            "select source, liaison_unit_code, grid_code from case_record where case_no = ?",
            head.getBody().get("caseNo").asText());
    assertThat(stored)
        .containsEntry("SOURCE", "liaison_head")
        .containsEntry("LIAISON_UNIT_CODE", "hepingli1a")
        .containsEntry("GRID_CODE", "hepingli1");
  }

  @Test
  void aSignedInGridWorkerOrHotlineOperatorReportsAsOne() {
    ResponseEntity<JsonNode> gridWorker = reportAs("grid_worker", "wangli");
    ResponseEntity<JsonNode> hotline = reportAs("hotline", "majie");

    assertThat(gridWorker.getStatusCode().value()).isEqualTo(201);
    assertThat(hotline.getStatusCode().value()).isEqualTo(201);
    assertThat(
            jdbc.queryForObject(
                "select source from case_record where case_no = ?",
                String.class,
                gridWorker.getBody().get("caseNo").asText()))
        .isEqualTo("grid_worker");
    assertThat(
            jdbc.queryForObject(
                "select source from case_record where case_no = ?",
                String.class,
                hotline.getBody().get("caseNo").asText()))
        .isEqualTo("hotline");
  }

  @Test
  void open311RefusesControlCharactersInItsTextFields() {
    long before = cases();

    ResponseEntity<String> answer = open311("路灯\u0000不亮", "30.001");

    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("description");
    assertThat(cases()).isEqualTo(before);
  }

  /** An Open311 report of a streetlight at 和平里东街30号 with this description and latitude. */
  private ResponseEntity<String> open311(String description, String latitude) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("api_key", "demo-open311-key");
    form.add("service_code", "streetlight");
    form.add("address_string", "和平里东街30号");
    form.add("lat", latitude);
    form.add("long", "120.001");
    form.add("description", description);
    form.add("first_name", "李");
    form.add("phone", "13812345678");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(
        "/open311/v2/requests.json", new HttpEntity<>(form, headers), String.class);
  }

  private static HttpHeaders basicJson(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, password);
    return headers;
  }
}
