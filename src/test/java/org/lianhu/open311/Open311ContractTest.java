package org.lianhu.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.w3c.dom.Document;

/**
 * GeoReport v2 as its clients read it (wiki.open311.org/GeoReport_v2, and mySociety's
 * servicerequestupdates): one test per endpoint in both formats, and Open311's {@code errors} list
 * for every error under /open311/, XML or JSON by the extension.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class Open311ContractTest {

  private static final String V2 = "/open311/v2/";

  @Autowired private TestRestTemplate http;
  @Autowired private ObjectMapper json;
  @Autowired private TaskService taskService;

  private ResponseEntity<String> get(String path) {
    return http.getForEntity(V2 + path, String.class);
  }

  private JsonNode jsonOf(ResponseEntity<String> answer) throws Exception {
    assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
        .as(answer.getBody())
        .isTrue();
    return json.readTree(answer.getBody());
  }

  private static Document xmlOf(ResponseEntity<String> answer) throws Exception {
    assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/xml");
    assertThat(answer.getBody()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(answer.getBody().getBytes(StandardCharsets.UTF_8)));
  }

  private static String x(Document doc, String path) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(path, doc);
  }

  private void assertJsonError(ResponseEntity<String> answer, int status) throws Exception {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    JsonNode errors = jsonOf(answer);
    assertThat(errors.isArray()).isTrue();
    assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
    assertThat(errors.get(0).get("description").asText()).isNotBlank();
  }

  private void assertXmlError(ResponseEntity<String> answer, int status) throws Exception {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    Document errors = xmlOf(answer);
    assertThat(x(errors, "/errors/error/code")).isEqualTo(String.valueOf(status));
    assertThat(x(errors, "/errors/error/description")).isNotBlank();
  }

  private ResponseEntity<String> post(String format, MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return http.postForEntity(
        V2 + "requests." + format, new HttpEntity<>(form, headers), String.class);
  }

  private static MultiValueMap<String, String> request(String address) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("api_key", "demo-open311-key");
    form.add("service_code", "streetlight");
    form.add("address_string", address);
    form.add("description", "路灯不亮（Open311 合约测试）");
    form.add("first_name", "明");
    form.add("last_name", "李");
    form.add("phone", "13512340000");
    return form;
  }

  private String postedId(MultiValueMap<String, String> form) throws Exception {
    ResponseEntity<String> created = post("json", form);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    return jsonOf(created).get(0).get("service_request_id").asText();
  }

  @Test
  void discoveryNamesTheEndpointAndItsFormats() throws Exception {
    JsonNode discovery = jsonOf(get("discovery.json"));
    assertThat(discovery.get("changeset").asText()).isNotBlank();
    JsonNode endpoint = discovery.get("endpoints").get(0);
    assertThat(endpoint.get("specification").asText())
        .isEqualTo("http://wiki.open311.org/GeoReport_v2");
    assertThat(endpoint.get("url").asText()).endsWith("/open311/v2");
    assertThat(endpoint.get("type").asText()).isEqualTo("production");
    assertThat(endpoint.get("formats"))
        .extracting(JsonNode::asText)
        .contains("text/xml", "application/json");

    Document xml = xmlOf(get("discovery.xml"));
    assertThat(x(xml, "/discovery/endpoints/endpoint/url")).endsWith("/open311/v2");
    assertThat(x(xml, "count(/discovery/endpoints/endpoint/formats/format)")).isEqualTo("2");
  }

  @Test
  void servicesAndDefinitionsAnswerInBothFormatsAndTakeOurJurisdictionOnly() throws Exception {
    assertThat(jsonOf(get("services.json?jurisdiction_id=lianhu")).size()).isPositive();
    assertThat(x(xmlOf(get("services.xml?jurisdiction_id=")), "count(/services/service)"))
        .isNotEqualTo("0");
    assertThat(jsonOf(get("services/streetlight.json")).get(0).get("service_code").asText())
        .isEqualTo("streetlight");
    assertThat(
            x(
                xmlOf(get("services/streetlight.xml")),
                "/service_definition/service_definition/service_code"))
        .isEqualTo("streetlight");
    assertJsonError(get("services.json?jurisdiction_id=another.gov"), 404);
    assertXmlError(get("services.xml?jurisdiction_id=another.gov"), 404);
  }

  @Test
  void aPostKeepsItsMediaUrlAndAnswersItWithTheRequest() throws Exception {
    MultiValueMap<String, String> form = request("和平里东街31号");
    form.add("media_url", "https://photos.example.org/lamp-31.jpg");
    form.add("jurisdiction_id", "lianhu");
    String id = postedId(form);

    assertThat(jsonOf(get("requests/" + id + ".json")).get(0).get("media_url").asText())
        .isEqualTo("https://photos.example.org/lamp-31.jpg");
    Document xml = xmlOf(get("requests/" + id + ".xml"));
    assertThat(x(xml, "/service_requests/request/media_url"))
        .isEqualTo("https://photos.example.org/lamp-31.jpg");
    assertThat(x(xml, "/service_requests/request/expected_datetime")).isNotBlank();

    MultiValueMap<String, String> script = request("和平里东街32号");
    script.add("media_url", "javascript:alert(1)");
    assertJsonError(post("json", script), 400);
    MultiValueMap<String, String> elsewhere = request("和平里东街33号");
    elsewhere.add("jurisdiction_id", "another.gov");
    assertXmlError(post("xml", elsewhere), 404);
  }

  @Test
  void aTokenLookupAnswersTheIdOrOpen311s404() throws Exception {
    String id = postedId(request("和平里东街34号"));
    assertThat(jsonOf(get("tokens/" + id + ".json")).get(0).get("service_request_id").asText())
        .isEqualTo(id);
    assertThat(
            x(xmlOf(get("tokens/" + id + ".xml")), "/service_requests/request/service_request_id"))
        .isEqualTo(id);
    assertJsonError(get("tokens/no-such-token.json"), 404);
    assertXmlError(get("tokens/no-such-token.xml"), 404);
  }

  @Test
  void requestsArePagedWithPageAndPageSize() throws Exception {
    postedId(request("和平里东街35号"));
    postedId(request("和平里东街36号"));
    JsonNode first = jsonOf(get("requests.json?page=1&page_size=1"));
    JsonNode second = jsonOf(get("requests.json?page=2&page_size=1"));
    assertThat(first.size()).isOne();
    assertThat(second.size()).isOne();
    assertThat(first.get(0).get("service_request_id"))
        .isNotEqualTo(second.get(0).get("service_request_id"));
    assertJsonError(get("requests.json?page=0"), 400);
    assertXmlError(get("requests.xml?page_size=5000"), 400);
  }

  @Test
  void theUpdateFeedFollowsACaseFromReportToItsState() throws Exception {
    String id = postedId(request("和平里东街37号"));
    String task =
        taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
    taskService.complete(task, Map.of("acceptDecision", "reject", "rejectReason", "重复上报"));

    JsonNode updates = jsonOf(get("servicerequestupdates.json?jurisdiction_id=lianhu"));
    List<JsonNode> mine =
        java.util.stream.StreamSupport.stream(updates.spliterator(), false)
            .filter(u -> id.equals(u.get("service_request_id").asText()))
            .toList();
    assertThat(mine).extracting(u -> u.get("description").asText()).contains("事件上报", "不予受理");
    assertThat(mine).allSatisfy(u -> assertThat(u.get("update_id").asText()).isNotBlank());
    assertThat(mine.get(mine.size() - 1).get("status").asText()).isEqualTo("CLOSED");
    assertThat(mine.get(0).get("status").asText()).isEqualTo("OPEN");
    // The reason is for the reporter, not for the public feed.
    assertThat(updates.toString()).doesNotContain("重复上报");

    Document xml = xmlOf(get("servicerequestupdates.xml"));
    assertThat(
            x(
                xml,
                "count(/service_request_updates/request_update[service_request_id='" + id + "'])"))
        .isNotEqualTo("0");
    assertXmlError(get("servicerequestupdates.xml?start_date=yesterday"), 400);
  }

  @Test
  void everyErrorUnderOpen311IsOpen311sErrorListInTheRequestedFormat() throws Exception {
    assertXmlError(get("no-such-resource.xml"), 404);
    assertJsonError(get("no-such-resource.json"), 404);
    assertJsonError(
        http.exchange(V2 + "services.json", HttpMethod.DELETE, null, String.class), 405);
    assertXmlError(http.exchange(V2 + "requests.xml", HttpMethod.PUT, null, String.class), 405);

    HttpHeaders asJson = new HttpHeaders();
    asJson.setContentType(MediaType.APPLICATION_JSON);
    assertXmlError(
        http.postForEntity(
            V2 + "requests.xml",
            new HttpEntity<>("{\"service_code\":\"streetlight\"}", asJson),
            String.class),
        415);

    MultiValueMap<String, String> huge = request("和平里东街38号");
    huge.set("description", "灯".repeat(70_000));
    assertJsonError(post("json", huge), 413);
  }
}
