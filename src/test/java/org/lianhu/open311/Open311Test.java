package org.lianhu.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Open311 GeoReport v2 clients use the same case loop. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class Open311Test {

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ObjectMapper json;

  private ResponseEntity<String> post(String format, MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(
        "/open311/v2/requests." + format, new HttpEntity<>(form, headers), String.class);
  }

  private static MultiValueMap<String, String> request() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("api_key", "demo-open311-key");
    form.add("service_code", "streetlight");
    form.add("address_string", "和平里东街30号");
    form.add("lat", "30.001");
    form.add("long", "120.002");
    form.add("description", "路灯不亮 <b>三天</b> & 没人管");
    form.add("first_name", "明");
    form.add("last_name", "李");
    form.add("phone", "13512345678");
    form.add("attribute[urgency]", "urgent");
    return form;
  }

  @Test
  void servicesAreTheCaseCategoriesInJsonAndXml() throws Exception {
    JsonNode services =
        json.readTree(http.getForEntity("/open311/v2/services.json", String.class).getBody());
    String xml = http.getForEntity("/open311/v2/services.xml", String.class).getBody();

    assertThat(services)
        .extracting(s -> s.get("service_code").asText())
        .contains("streetlight", "sanitation");
    assertThat(xml)
        .startsWith("<?xml")
        .contains("<services><service><service_code>road_damage</service_code>");
  }

  @Test
  void aServiceDefinitionOffersUrgencyAndLiaisonUnit() throws Exception {
    JsonNode definition =
        json.readTree(
                http.getForEntity("/open311/v2/services/streetlight.json", String.class).getBody())
            .get(0);
    assertThat(definition.get("attributes"))
        .extracting(a -> a.get("code").asText())
        .containsExactly("urgency", "liaison_unit");
    assertThat(http.getForEntity("/open311/v2/services/ufo.json", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aPostedRequestBecomesACaseThatCanBeReadBack() throws Exception {
    ResponseEntity<String> created = post("json", request());

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = json.readTree(created.getBody()).get(0).get("service_request_id").asText();
    assertThat(
            jdbc.queryForObject(
                "select urgency from case_record where case_no = ?", String.class, id))
        .isEqualTo("urgent");
    assertThat(
            jdbc.queryForObject(
                "select reporter_name from case_record where case_no = ?", String.class, id))
        .isEqualTo("李明");

    JsonNode one =
        json.readTree(
                http.getForEntity("/open311/v2/requests/" + id + ".json", String.class).getBody())
            .get(0);
    assertThat(one.get("status").asText()).isEqualTo("open");
    assertThat(one.get("description").asText()).isEqualTo("路灯不亮 <b>三天</b> & 没人管");
    assertThat(one.has("phone")).isFalse();
    String xml = http.getForEntity("/open311/v2/requests/" + id + ".xml", String.class).getBody();
    assertThat(xml).contains("<description>路灯不亮 &lt;b&gt;三天&lt;/b&gt; &amp; 没人管</description>");
    JsonNode listed =
        json.readTree(
            http.getForEntity(
                    "/open311/v2/requests.json?service_code=streetlight&status=open", String.class)
                .getBody());
    assertThat(listed).extracting(r -> r.get("service_request_id").asText()).contains(id);
  }

  @Test
  void postingNeedsAValidApiKeyAndTheRequiredFields() {
    long rows = jdbc.queryForObject("select count(*) from case_record", Long.class);
    MultiValueMap<String, String> noKey = request();
    noKey.set("api_key", "wrong");
    MultiValueMap<String, String> noPhone = request();
    noPhone.remove("phone");
    MultiValueMap<String, String> noLocation = request();
    noLocation.remove("address_string");
    noLocation.remove("lat");

    assertThat(post("json", noKey).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> phoneMissing = post("json", noPhone);
    assertThat(phoneMissing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(phoneMissing.getBody()).contains("\"code\":400").contains("phone");
    assertThat(post("xml", noLocation).getBody()).contains("<errors><error><code>400</code>");
    MultiValueMap<String, String> badEmail = request();
    badEmail.set("email", "not-an-address");
    ResponseEntity<String> emailRefused = post("json", badEmail);
    assertThat(emailRefused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(emailRefused.getBody()).contains("\"code\":400").contains("email");
    assertThat(jdbc.queryForObject("select count(*) from case_record", Long.class)).isEqualTo(rows);
  }

  @Test
  void theRequestersEmailIsWhereTheyAreToldOfTheirCase() throws Exception {
    MultiValueMap<String, String> withEmail = request();
    withEmail.set("email", "liming@example.org");
    String id =
        json.readTree(post("json", withEmail).getBody()).get(0).get("service_request_id").asText();
    long caseId =
        jdbc.queryForObject("select id from case_record where case_no = ?", Long.class, id);
    assertThat(
            jdbc.queryForObject(
                "select email from notification_contact where recipient = ?",
                String.class,
                "case:" + caseId))
        .isEqualTo("liming@example.org");
  }

  @Test
  void disputesAreNeverListedPublicly() throws Exception {
    MultiValueMap<String, String> dispute = request();
    dispute.set("service_code", "dispute");
    String id =
        json.readTree(post("json", dispute).getBody()).get(0).get("service_request_id").asText();

    assertThat(
            http.getForEntity("/open311/v2/requests/" + id + ".json", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void policeWelfareAndOtherCasesThatMayNameSomeoneAreNeverListedPublicly() throws Exception {
    List<String> hidden = new ArrayList<>();
    for (String code :
        List.of("public_security", "elderly_assistance", "housing_safety", "noise", "other")) {
      MultiValueMap<String, String> report = request();
      report.set("service_code", code);
      report.set("description", "不公开的事件 " + code);
      hidden.add(
          json.readTree(post("json", report).getBody()).get(0).get("service_request_id").asText());
    }

    String listed = http.getForEntity("/open311/v2/requests.json", String.class).getBody();
    for (String id : hidden) {
      assertThat(listed).doesNotContain(id);
      assertThat(
              http.getForEntity("/open311/v2/requests/" + id + ".json", String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(listed).doesNotContain("不公开的事件");
  }

  @Test
  void aRejectionReasonIsForTheReporterNotForThePublicListing() throws Exception {
    String id =
        json.readTree(post("json", request()).getBody()).get(0).get("service_request_id").asText();
    jdbc.update(
        "update case_record set status = 'REJECTED', reject_reason = '举报人王五与邻居有矛盾' where case_no = ?",
        id);

    JsonNode one =
        json.readTree(
                http.getForEntity("/open311/v2/requests/" + id + ".json", String.class).getBody())
            .get(0);

    assertThat(one.get("status").asText()).isEqualTo("closed");
    assertThat(one.toString()).doesNotContain("王五");
    assertThat(one.get("status_notes").asText()).isEqualTo("不予受理");
  }

  @Test
  void badFormatsAndDatesAreOpen311Errors() {
    assertThat(http.getForEntity("/open311/v2/services.yaml", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> badDate =
        http.getForEntity("/open311/v2/requests.json?start_date=yesterday", String.class);
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody()).contains("start_date");
  }
}
