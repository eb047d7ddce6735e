package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseStatus;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriUtils;

/**
 * Hostile input on every public door (cases, ratings, disputes, staff, engine REST): oversize,
 * wrong types, script and EL injection, SQL metacharacters, wrong codes, replayed ratings and
 * broken logins. Each gets a clear answer (problem details on Lianhu's API, 401 on the engine's)
 * and leaves nothing behind: no rows, no timeline entries, no process instances, no text evaluated.
 */
class HostileInputTest extends CaseLoopTestSupport {

  private static final String HEPINGLI = "和平里东街12号";

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "<img src=x onerror=alert(1)>";
  private static final String MUSTACHE = "{{7*7}}";
  private static final String JUEL = "${7*7}";
  private static final String DEFERRED_EL = "#{7*7}";
  private static final String ALL_INJECTIONS = SCRIPT + IMG + MUSTACHE + JUEL + DEFERRED_EL;

  private static final String DROP_TABLE = "'; DROP TABLE case_record; --";
  private static final String OR_TRUE = "\" OR 1=1 --";
  private static final String SQL_TEXT =
      DROP_TABLE + "\n" + OR_TRUE + "\n反斜杠\\' \\\\ \\n 百分之百% 下划线_ %_%";

  /**
   * A moment whose deadlines have no 4 or 9 next to each other, so that a "49" could only come from
   * 7*7.
   */
  private static final Instant QUIET_MOMENT = Instant.parse("2026-03-10T02:00:00Z");

  @Autowired private TestRestTemplate http;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private ObjectMapper json;
  @Autowired private HistoryService historyService;

  @AfterEach
  void resetEngineClock() {
    ClockUtil.reset();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Requests and answers

  /** What came back, read as JSON when it says it is JSON, as text otherwise. */
  private record Answer(
      int status, MediaType contentType, HttpHeaders headers, String body, JsonNode json) {}

  private Answer call(HttpMethod method, String pathAndQuery, Object body, HttpHeaders headers) {
    ResponseEntity<String> response =
        http.exchange(
            URI.create(http.getRootUri() + pathAndQuery),
            method,
            new HttpEntity<>(body, headers),
            String.class);
    MediaType type = response.getHeaders().getContentType();
    JsonNode parsed = null;
    if (response.getBody() != null && type != null && type.getSubtype().endsWith("json")) {
      try {
        parsed = json.readTree(response.getBody());
      } catch (Exception e) {
        throw new AssertionError("a JSON answer that is not JSON: " + response.getBody(), e);
      }
    }
    return new Answer(
        response.getStatusCode().value(), type, response.getHeaders(), response.getBody(), parsed);
  }

  /**
   * A request whose headers Tomcat refuses unread: it answers 400 and closes the connection with
   * the rest of the request still unread, which makes the kernel reset it. On a busy machine the
   * reset can reach the client before it has read the answer (the client then sees no bytes at
   * all), so a transport failure is tried again; the answer itself is asserted as always.
   */
  private Answer callOversized(HttpMethod method, String path, Object body, HttpHeaders headers) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call(method, path, body, headers);
      } catch (org.springframework.web.client.ResourceAccessException reset) {
        if (attempt == 3) {
          throw reset;
        }
      }
    }
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private static HttpHeaders jsonHeaders(String idempotencyKey) {
    HttpHeaders headers = jsonHeaders();
    headers.set("Idempotency-Key", idempotencyKey);
    return headers;
  }

  private static HttpHeaders basic(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password);
    return headers;
  }

  private static HttpHeaders authorization(String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, value);
    return headers;
  }

  private static HttpHeaders trackingHeader(String code) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Tracking-Code", code);
    return headers;
  }

  private Answer postCase(Object body) {
    return call(HttpMethod.POST, "/api/cases", body, jsonHeaders());
  }

  private Answer postDispute(Object body) {
    return call(HttpMethod.POST, "/api/disputes", body, jsonHeaders());
  }

  private Answer viewCase(String caseNo, String code) {
    return call(HttpMethod.GET, "/api/cases/" + segment(caseNo), null, trackingHeader(code));
  }

  private Answer viewCaseByParameter(String caseNo, String code) {
    return call(
        HttpMethod.GET,
        "/api/cases/" + segment(caseNo) + "?trackingCode=" + parameter(code),
        null,
        new HttpHeaders());
  }

  private Answer viewDispute(String disputeNo, String code) {
    return call(HttpMethod.GET, "/api/disputes/" + segment(disputeNo), null, trackingHeader(code));
  }

  private Answer rateOverHttp(String caseNo, String code, String verdict, String comment) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("trackingCode", code);
    body.put("rating", verdict);
    body.put("comment", comment);
    return call(HttpMethod.POST, "/api/cases/" + segment(caseNo) + "/rating", body, jsonHeaders());
  }

  private Answer staffGet(String pathAndQuery, String user) {
    return call(HttpMethod.GET, pathAndQuery, null, basic(user, "demo"));
  }

  /**
   * A path segment as a client library would send it, {@code ;} included (Tomcat would cut it off
   * raw).
   */
  private static String segment(String value) {
    return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8).replace(";", "%3B");
  }

  private static String parameter(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * A problem-details answer with this status and type, and nothing of the server's insides in it.
   */
  private static void assertProblem(Answer answer, int status, String type) {
    assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).as("content type of %s", answer.body()).isNotNull();
    assertThat(answer.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .as("content type %s of %s", answer.contentType(), answer.body())
        .isTrue();
    assertThat(answer.json().path("status").asInt()).isEqualTo(status);
    assertThat(answer.json().path("type").asText())
        .as("problem type of %s", answer.body())
        .isNotBlank();
    assertThat(answer.json().path("title").asText()).isNotBlank();
    if (type != null) {
      assertThat(answer.json().path("type").asText())
          .as("problem type of %s", answer.body())
          .isEqualTo(type);
    }
    assertNoInternals(answer);
  }

  private static void assertNoInternals(Answer answer) {
    if (answer.body() != null) {
      assertThat(answer.body())
          .doesNotContain(
              "Exception",
              "\tat ",
              "at org.",
              "at java.",
              "org.lianhu.",
              "org.h2",
              "SQL statement",
              "### ");
    }
  }

  private static List<String> errorFields(Answer answer) {
    List<String> fields = new ArrayList<>();
    answer.json().path("errors").fieldNames().forEachRemaining(fields::add);
    return fields;
  }

  private static void assertFieldNamed(Answer answer, String field) {
    assertThat(answer.json().path("errors").has(field))
        .as("errors of %s name %s", answer.body(), field)
        .isTrue();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Bodies

  private static Map<String, Object> caseBody(
      String description, String address, String reporterName) {
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("address", address);
    location.put("latitude", 30.001);
    location.put("longitude", 120.002);
    Map<String, Object> reporter = new LinkedHashMap<>();
    reporter.put("name", reporterName);
    reporter.put("phone", "13812345678");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("category", "streetlight");
    body.put("description", description);
    body.put("location", location);
    body.put("urgency", "normal");
    body.put("reporter", reporter);
    body.put("source", "resident");
    return body;
  }

  private static Map<String, Object> validCase() {
    return caseBody("路灯不亮已经三天", HEPINGLI, "张三丰");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> location(Map<String, Object> body) {
    return (Map<String, Object>) body.get("location");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> reporter(Map<String, Object> body) {
    return (Map<String, Object>) body.get("reporter");
  }

  private static Map<String, Object> party(String role, String name, String phone) {
    Map<String, Object> party = new LinkedHashMap<>();
    party.put("role", role);
    party.put("name", name);
    if (phone != null) {
      party.put("phone", phone);
    }
    return party;
  }

  private static Map<String, Object> disputeBody(
      String description, String address, List<Object> parties) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "neighbour");
    body.put("description", description);
    body.put("location", new LinkedHashMap<>(Map.of("address", address)));
    body.put("parties", parties);
    body.put("riskFlags", new ArrayList<>(List.of("emotional")));
    return body;
  }

  private static Map<String, Object> validDispute() {
    return disputeBody(
        "楼上漏水，多次协商未果",
        "和平里东街20号",
        new ArrayList<>(
            List.of(party("applicant", "孙小红", "13600000001"), party("respondent", "周大伟", null))));
  }

  private String text(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // What is written

  /** Everything a request could leave behind. */
  private record Footprint(
      long cases,
      long caseTimeline,
      long disputes,
      long parties,
      long disputeTimeline,
      long runningInstances,
      long allInstances) {}

  private Footprint footprint() {
    return new Footprint(
        count("case_record"),
        count("case_timeline"),
        count("dispute"),
        count("dispute_party"),
        count("dispute_timeline"),
        runtimeService.createProcessInstanceQuery().count(),
        historyService.createHistoricProcessInstanceQuery().count());
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  private void assertNothingWritten(Footprint before) {
    assertThat(footprint()).as("rows and process instances").isEqualTo(before);
  }

  private CaseReceipt sentinelCase() {
    return reportCase("streetlight", "normal", HEPINGLI);
  }

  /** The case is still there and reads as before: the tables survived whatever was sent. */
  private void assertStillReadable(CaseReceipt receipt) {
    Answer view = viewCase(receipt.caseNo(), receipt.trackingCode());
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().get("caseNo").asText()).isEqualTo(receipt.caseNo());
    assertThat(view.json().get("description").asText())
        .isEqualTo("  路灯不亮已经三天了，晚上出行很不方便。\n请尽快处理！  ");
  }

  private CaseReceipt awaitingRating() {
    CaseReceipt receipt = sentinelCase();
    completeAs(
        "wangli",
        openTask(receipt, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已更换灯泡，路灯恢复照明"));
    assertThat(recordOf(receipt).caseStatus()).isEqualTo(CaseStatus.AWAITING_RATING);
    return receipt;
  }

  private List<TimelineEntry> ratingEntries(CaseReceipt receipt) {
    return cases.timeline(recordOf(receipt).id()).stream()
        .filter(entry -> entry.action().startsWith("评价"))
        .toList();
  }

  /** The remarks that say something (steps without a remark have null). */
  private static List<String> remarks(List<String> remarks) {
    return remarks.stream().filter(java.util.Objects::nonNull).toList();
  }

  private Object historicVariable(String instanceId, String name) {
    var variable =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instanceId)
            .variableName(name)
            .singleResult();
    return variable == null ? null : variable.getValue();
  }

  // =========================================================================================================
  // Oversize

  @Test
  void aDescriptionOfTwoThousandAndOneCharactersIsRefusedAndNothingIsWrittenWhileTwoThousandFit() {
    Footprint before = footprint();

    Answer tooLong = postCase(caseBody("很".repeat(2001), HEPINGLI, "张三丰"));
    Answer disputeTooLong =
        postDispute(
            disputeBody(
                "很".repeat(2001),
                "和平里东街20号",
                new ArrayList<>(List.of(party("applicant", "孙小红", "13600000001")))));

    assertProblem(tooLong, 400, "/problems/invalid-request");
    assertFieldNamed(tooLong, "description");
    assertProblem(disputeTooLong, 400, "/problems/invalid-request");
    assertFieldNamed(disputeTooLong, "description");
    assertNothingWritten(before);

    Answer exactly = postCase(caseBody("很".repeat(2000), HEPINGLI, "张三丰"));
    assertThat(exactly.status()).isEqualTo(201);
    assertThat(cases.byNo(exactly.json().get("caseNo").asText()).orElseThrow().description())
        .hasSize(2000);
  }

  @Test
  void anAddressOfTwoHundredAndOneCharactersIsRefusedForCasesAndDisputesAndNothingIsWritten() {
    Footprint before = footprint();
    String address = HEPINGLI + "楼".repeat(201 - HEPINGLI.length());

    Answer report = postCase(caseBody("路灯不亮", address, "张三丰"));
    Map<String, Object> dispute = validDispute();
    dispute.put("location", Map.of("address", address));
    Answer registration = postDispute(dispute);

    assertThat(address).hasSize(201);
    assertProblem(report, 400, "/problems/invalid-request");
    assertFieldNamed(report, "location.address");
    assertProblem(registration, 400, "/problems/invalid-request");
    assertFieldNamed(registration, "location.address");
    assertNothingWritten(before);
  }

  @Test
  void aTwoMegabyteDescriptionIsRefusedAsAProblemAndNothingIsWritten() {
    Footprint before = footprint();
    String twoMegabytes = "x".repeat(2 * 1024 * 1024);

    Answer report = postCase(caseBody(twoMegabytes, HEPINGLI, "张三丰"));
    Answer registration =
        postDispute(
            disputeBody(
                twoMegabytes,
                "和平里东街20号",
                new ArrayList<>(List.of(party("applicant", "孙小红", "13600000001")))));

    // Refused by size before the body is even parsed.
    assertProblem(report, 413, "/problems/payload-too-large");
    assertProblem(registration, 413, "/problems/payload-too-large");
    assertNothingWritten(before);
  }

  @Test
  void aTwoMegabyteBodyIsRefusedWhicheverFieldCarriesTheBulk() {
    Footprint before = footprint();
    Map<String, Object> padded = validCase();
    padded.put("pad", "x".repeat(2 * 1024 * 1024));
    Map<String, Object> paddedDispute = validDispute();
    paddedDispute.put("pad", "x".repeat(2 * 1024 * 1024));

    Answer report = postCase(padded);
    Answer registration = postDispute(paddedDispute);

    assertThat(report.status()).as(report.body()).isIn(400, 413);
    assertProblem(report, report.status(), null);
    assertThat(registration.status()).as(registration.body()).isIn(400, 413);
    assertProblem(registration, registration.status(), null);
    assertNothingWritten(before);
  }

  @Test
  void deeplyNestedJsonIsUnreadableNotAStackOverflowAndNothingIsWritten() {
    Footprint before = footprint();
    String validCase = text(validCase());
    String validDispute = text(validDispute());
    String deepArrays = "[".repeat(100_000) + "]".repeat(100_000);
    String deepObjects = "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000);

    List<Answer> answers =
        List.of(
            postCase(validCase.replace("\"source\"", "\"nested\":" + deepArrays + ",\"source\"")),
            postCase(validCase.replace("\"source\"", "\"nested\":" + deepObjects + ",\"source\"")),
            postCase(deepArrays),
            postDispute(
                validDispute.replace(
                    "\"riskFlags\"", "\"nested\":" + deepObjects + ",\"riskFlags\"")),
            call(HttpMethod.POST, "/api/cases/2026-000001/rating", deepArrays, jsonHeaders()));

    for (Answer answer : answers) {
      // A nesting that is also too big is refused by size; a smaller one is unreadable.
      if (answer.status() == 413) {
        assertProblem(answer, 413, "/problems/payload-too-large");
      } else {
        assertProblem(answer, 400, "/problems/unreadable-request");
      }
    }
    assertNothingWritten(before);
  }

  @Test
  void tenThousandPartiesToADisputeAreRefusedAndNothingIsWritten() {
    Footprint before = footprint();
    List<Object> parties = new ArrayList<>();
    parties.add(party("applicant", "孙小红", "13600000001"));
    parties.addAll(Collections.nCopies(9_999, party("respondent", "周大伟", null)));

    Answer answer = postDispute(disputeBody("楼上漏水", "和平里东街20号", parties));

    assertProblem(answer, 413, "/problems/payload-too-large");
    assertNothingWritten(before);
  }

  @Test
  void anOversizeIdempotencyKeyIsRefusedForCasesAndDisputesAndNothingIsWritten() {
    Footprint before = footprint();

    List<Answer> answers =
        List.of(
            call(HttpMethod.POST, "/api/cases", validCase(), jsonHeaders("k".repeat(101))),
            call(HttpMethod.POST, "/api/cases", validCase(), jsonHeaders("k".repeat(5_000))),
            call(HttpMethod.POST, "/api/disputes", validDispute(), jsonHeaders("k".repeat(101))),
            call(HttpMethod.POST, "/api/disputes", validDispute(), jsonHeaders("k".repeat(5_000))));

    for (Answer answer : answers) {
      assertProblem(answer, 400, "/problems/invalid-request");
      assertFieldNamed(answer, "Idempotency-Key");
    }
    assertNothingWritten(before);
    Answer hundred = call(HttpMethod.POST, "/api/cases", validCase(), jsonHeaders("k".repeat(100)));
    assertThat(hundred.status()).isEqualTo(201);
  }

  /**
   * Requests the servlet container itself refuses (a header beyond its 8 KB limit, an undecodable
   * or backslashed path) never reach Lianhu: they are answered 400 before anything can be written.
   */
  @Test
  void requestsTheServerRefusesBeforeTheApplicationAreBadRequestsAndWriteNothing() {
    CaseReceipt known = sentinelCase();
    Footprint before = footprint();

    List<Answer> answers =
        List.of(
            callOversized(
                HttpMethod.POST, "/api/cases", validCase(), jsonHeaders("k".repeat(20_000))),
            call(HttpMethod.POST, "/api/disputes", validDispute(), jsonHeaders("k".repeat(20_000))),
            call(
                HttpMethod.GET,
                "/api/cases/" + known.caseNo() + "?trackingCode=" + "A".repeat(20_000),
                null,
                new HttpHeaders()),
            call(
                HttpMethod.GET,
                "/api/cases/%FF%FE?trackingCode=" + known.trackingCode(),
                null,
                new HttpHeaders()),
            call(
                HttpMethod.GET,
                "/api/cases/" + known.caseNo() + "%5C?trackingCode=" + known.trackingCode(),
                null,
                new HttpHeaders()));

    for (Answer answer : answers) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertNoInternals(answer);
    }
    assertNothingWritten(before);
    assertStillReadable(known);
  }

  @Test
  void requestsTheServerRefusesBeforeTheApplicationStillGetProblemDetails() {
    CaseReceipt known = sentinelCase();

    List<Answer> answers =
        List.of(
            callOversized(
                HttpMethod.POST, "/api/cases", validCase(), jsonHeaders("k".repeat(20_000))),
            call(
                HttpMethod.GET,
                "/api/cases/" + known.caseNo() + "?trackingCode=" + "A".repeat(20_000),
                null,
                new HttpHeaders()),
            call(
                HttpMethod.GET,
                "/api/cases/%FF%FE?trackingCode=" + known.trackingCode(),
                null,
                new HttpHeaders()),
            call(
                HttpMethod.GET,
                "/api/cases/" + known.caseNo() + "%5C?trackingCode=" + known.trackingCode(),
                null,
                new HttpHeaders()));

    for (Answer answer : answers) {
      assertProblem(answer, 400, null);
    }
  }

  // =========================================================================================================
  // Wrong types

  @Test
  void arraysAndObjectsForTextAndTextOrBooleansForNumbersAreUnreadableAndNothingIsWritten() {
    Footprint before = footprint();
    Map<String, Object> arrayDescription = validCase();
    arrayDescription.put("description", List.of("路灯", "不亮"));
    Map<String, Object> objectCategory = validCase();
    objectCategory.put("category", Map.of("code", "streetlight"));
    Map<String, Object> wordLatitude = validCase();
    location(wordLatitude).put("latitude", "north");
    Map<String, Object> booleanLongitude = validCase();
    location(booleanLongitude).put("longitude", true);
    Map<String, Object> textLocation = validCase();
    textLocation.put("location", HEPINGLI);
    Map<String, Object> arrayReporterName = validCase();
    reporter(arrayReporterName).put("name", List.of("张", "三"));
    Map<String, Object> textParties = validDispute();
    textParties.put("parties", "孙小红");
    Map<String, Object> objectRiskFlags = validDispute();
    objectRiskFlags.put("riskFlags", Map.of("violence", true));

    List<Map.Entry<Answer, String>> answers =
        List.of(
            Map.entry(postCase(arrayDescription), "description"),
            Map.entry(postCase(objectCategory), "category"),
            Map.entry(postCase(wordLatitude), "location.latitude"),
            Map.entry(postCase(booleanLongitude), "location.longitude"),
            Map.entry(postCase(textLocation), "location"),
            Map.entry(postCase(arrayReporterName), "reporter.name"),
            Map.entry(postDispute(textParties), "parties"),
            Map.entry(postDispute(objectRiskFlags), "riskFlags"));

    for (Map.Entry<Answer, String> answer : answers) {
      assertProblem(answer.getKey(), 400, "/problems/unreadable-request");
      assertThat(answer.getKey().json().get("detail").asText()).contains(answer.getValue());
    }
    assertNothingWritten(before);
  }

  @Test
  void scalarsOfTheWrongTypeAreRefusedNotCoerced() {
    Footprint before = footprint();
    Map<String, Object> textLatitude = validCase();
    location(textLatitude).put("latitude", "30.001");
    Map<String, Object> numberPhone = validCase();
    reporter(numberPhone).put("phone", 13812345678L);
    Map<String, Object> booleanDescription = validCase();
    booleanDescription.put("description", true);
    Map<String, Object> numberDescription = validCase();
    numberDescription.put("description", 12345);

    for (Map<String, Object> body :
        List.of(textLatitude, numberPhone, booleanDescription, numberDescription)) {
      assertProblem(postCase(body), 400, "/problems/unreadable-request");
    }
    assertNothingWritten(before);
  }

  @Test
  void nullOrBlankRequiredFieldsAreEachNamedAndNothingIsWritten() {
    Footprint before = footprint();
    Map<String, Object> nulls = validCase();
    nulls.put("category", null);
    nulls.put("description", null);
    nulls.put("reporter", null);
    location(nulls).put("address", null);
    Map<String, Object> blanks = validCase();
    blanks.put("description", " \n\t ");
    reporter(blanks).put("name", "   ");
    reporter(blanks).put("phone", null);
    Map<String, Object> noLocation = validCase();
    noLocation.put("location", null);
    Map<String, Object> disputeNulls = validDispute();
    disputeNulls.put("type", null);
    disputeNulls.put("parties", null);
    disputeNulls.put("description", null);
    Map<String, Object> partyNulls = validDispute();
    partyNulls.put("parties", new ArrayList<>(List.of(party(null, null, "13600000001"))));

    Answer nullCase = postCase(nulls);
    Answer blankCase = postCase(blanks);
    Answer noPlace = postCase(noLocation);
    Answer nullDispute = postDispute(disputeNulls);
    Answer nullParty = postDispute(partyNulls);
    Answer nullRating =
        call(
            HttpMethod.POST,
            "/api/cases/2026-000001/rating",
            "{\"trackingCode\":null,\"rating\":null}",
            jsonHeaders());

    assertProblem(nullCase, 400, "/problems/invalid-request");
    assertThat(errorFields(nullCase))
        .contains("category", "description", "reporter", "location.address");
    assertProblem(blankCase, 400, "/problems/invalid-request");
    assertThat(errorFields(blankCase)).contains("description", "reporter.name", "reporter.phone");
    assertProblem(noPlace, 400, "/problems/invalid-request");
    assertFieldNamed(noPlace, "location");
    assertProblem(nullDispute, 400, "/problems/invalid-request");
    assertThat(errorFields(nullDispute)).contains("type", "parties", "description");
    assertProblem(nullParty, 400, "/problems/invalid-request");
    assertThat(errorFields(nullParty)).contains("parties[0].role", "parties[0].name");
    assertProblem(nullRating, 400, "/problems/invalid-request");
    assertThat(errorFields(nullRating)).contains("trackingCode", "rating");
    assertNothingWritten(before);
  }

  @Test
  void aNullPartyInADisputeIsAProblemNotACrash() {
    Footprint before = footprint();
    Map<String, Object> body = validDispute();
    List<Object> parties = new ArrayList<>();
    parties.add(party("applicant", "孙小红", "13600000001"));
    parties.add(null);
    body.put("parties", parties);

    Answer answer = postDispute(body);

    assertProblem(answer, 400, "/problems/invalid-request");
    assertNothingWritten(before);
  }

  @Test
  void unknownCodesForEveryChoiceAreRefusedWithTheFieldNamedAndNothingIsWritten() {
    CaseReceipt receipt = awaitingRating();
    Footprint before = footprint();
    Map<String, Object> category = validCase();
    category.put("category", "ufo_sighting");
    Map<String, Object> urgency = validCase();
    urgency.put("urgency", "URGENT");
    Map<String, Object> source = validCase();
    source.put("source", "pigeon");
    Map<String, Object> liaisonUnit = validCase();
    location(liaisonUnit).put("liaisonUnit", "' OR '1'='1");
    Map<String, Object> type = validDispute();
    type.put("type", "alien");
    Map<String, Object> role = validDispute();
    role.put(
        "parties", List.of(party("applicant", "孙小红", "13600000001"), party("judge", "周大伟", null)));
    Map<String, Object> riskFlag = validDispute();
    riskFlag.put("riskFlags", List.of("zombies"));
    Map<String, Object> nullRiskFlag = validDispute();
    nullRiskFlag.put("riskFlags", Collections.singletonList(null));

    List<Map.Entry<Answer, String>> answers =
        List.of(
            Map.entry(postCase(category), "category"),
            Map.entry(postCase(urgency), "urgency"),
            Map.entry(postCase(source), "source"),
            Map.entry(postCase(liaisonUnit), "location.liaisonUnit"),
            Map.entry(postDispute(type), "type"),
            Map.entry(postDispute(role), "parties.role"),
            Map.entry(postDispute(riskFlag), "riskFlags"),
            Map.entry(postDispute(nullRiskFlag), "riskFlags[0]"),
            Map.entry(
                rateOverHttp(receipt.caseNo(), receipt.trackingCode(), "great", null), "rating"),
            Map.entry(
                rateOverHttp(receipt.caseNo(), receipt.trackingCode(), "SATISFIED", null),
                "rating"));

    for (Map.Entry<Answer, String> answer : answers) {
      assertProblem(answer.getKey(), 400, "/problems/invalid-request");
      assertFieldNamed(answer.getKey(), answer.getValue());
    }
    assertNothingWritten(before);
    assertThat(recordOf(receipt).rating()).isNull();
    assertThat(recordOf(receipt).caseStatus()).isEqualTo(CaseStatus.AWAITING_RATING);
  }

  @Test
  void coordinatesOutOfRangeOrHalfGivenAreRefusedAndNothingIsWritten() {
    Footprint before = footprint();
    Map<String, Object> latitude = validCase();
    location(latitude).put("latitude", 999);
    Map<String, Object> longitude = validCase();
    location(longitude).put("longitude", -180.5);
    Map<String, Object> astronomical = validCase();
    Map<String, Object> onlyLatitude = validCase();
    location(onlyLatitude).remove("longitude");
    Map<String, Object> disputeLatitude = validDispute();
    disputeLatitude.put(
        "location", Map.of("address", "和平里东街20号", "latitude", -91, "longitude", 120));

    Answer tooNorth = postCase(latitude);
    Answer tooWest = postCase(longitude);
    Answer huge = postCase(text(astronomical).replace("30.001", "1e400"));
    Answer notANumber = postCase(text(astronomical).replace("30.001", "NaN"));
    Answer half = postCase(onlyLatitude);
    Answer dispute = postDispute(disputeLatitude);

    assertProblem(tooNorth, 400, "/problems/invalid-request");
    assertFieldNamed(tooNorth, "location.latitude");
    assertProblem(tooWest, 400, "/problems/invalid-request");
    assertFieldNamed(tooWest, "location.longitude");
    assertProblem(huge, 400, "/problems/invalid-request");
    assertFieldNamed(huge, "location.latitude");
    assertProblem(notANumber, 400, "/problems/unreadable-request");
    assertProblem(half, 400, "/problems/invalid-request");
    assertFieldNamed(half, "location");
    assertProblem(dispute, 400, "/problems/invalid-request");
    assertFieldNamed(dispute, "location.latitude");
    assertNothingWritten(before);
  }

  @Test
  void bodiesThatAreNotJsonAreUnsupportedMediaTypesAndNothingIsWritten() {
    CaseReceipt receipt = awaitingRating();
    Footprint before = footprint();
    String report = text(validCase());
    HttpHeaders plain = new HttpHeaders();
    plain.setContentType(MediaType.TEXT_PLAIN);
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    HttpHeaders xml = new HttpHeaders();
    xml.setContentType(MediaType.APPLICATION_XML);
    HttpHeaders none = new HttpHeaders();
    String rating =
        "{\"trackingCode\":\"" + receipt.trackingCode() + "\",\"rating\":\"satisfied\"}";

    List<Answer> answers =
        List.of(
            call(HttpMethod.POST, "/api/cases", report, plain),
            call(
                HttpMethod.POST,
                "/api/cases",
                "category=streetlight&description=x&location.address=" + HEPINGLI,
                form),
            call(
                HttpMethod.POST,
                "/api/cases",
                "<case><category>streetlight</category></case>",
                xml),
            call(HttpMethod.POST, "/api/cases", report.getBytes(StandardCharsets.UTF_8), none),
            call(HttpMethod.POST, "/api/disputes", text(validDispute()), plain),
            call(HttpMethod.POST, "/api/disputes", "type=neighbour", form),
            call(HttpMethod.POST, "/api/cases/" + receipt.caseNo() + "/rating", rating, plain),
            call(
                HttpMethod.POST,
                "/api/cases/" + receipt.caseNo() + "/rating",
                "trackingCode=" + receipt.trackingCode() + "&rating=satisfied",
                form));

    for (Answer answer : answers) {
      assertProblem(answer, 415, null);
    }
    assertNothingWritten(before);
    assertThat(recordOf(receipt).rating()).isNull();
  }

  @Test
  void emptyTruncatedOrNonObjectBodiesAreUnreadableAndNothingIsWritten() {
    CaseReceipt receipt = awaitingRating();
    Footprint before = footprint();
    String report = text(validCase());

    List<Answer> answers = new ArrayList<>();
    for (String body :
        List.of(
            "",
            "   ",
            "null",
            "[]",
            "\"report\"",
            "42",
            report.substring(0, report.length() / 2),
            "{'category':'streetlight'}")) {
      answers.add(call(HttpMethod.POST, "/api/cases", body, jsonHeaders()));
      answers.add(call(HttpMethod.POST, "/api/disputes", body, jsonHeaders()));
      answers.add(
          call(HttpMethod.POST, "/api/cases/" + receipt.caseNo() + "/rating", body, jsonHeaders()));
    }

    for (Answer answer : answers) {
      // A nesting that is also too big is refused by size; a smaller one is unreadable.
      if (answer.status() == 413) {
        assertProblem(answer, 413, "/problems/payload-too-large");
      } else {
        assertProblem(answer, 400, "/problems/unreadable-request");
      }
    }
    assertNothingWritten(before);
    assertThat(recordOf(receipt).caseStatus()).isEqualTo(CaseStatus.AWAITING_RATING);
  }

  @Test
  void textAfterTheJsonBodyMakesItUnreadable() {
    Footprint before = footprint();
    String report = text(validCase());
    String dispute = text(validDispute());

    List<Answer> answers =
        List.of(
            call(HttpMethod.POST, "/api/cases", report + "}", jsonHeaders()),
            call(
                HttpMethod.POST, "/api/cases", report + " {\"category\":\"other\"}", jsonHeaders()),
            call(HttpMethod.POST, "/api/disputes", dispute + "]", jsonHeaders()));

    for (Answer answer : answers) {
      // A nesting that is also too big is refused by size; a smaller one is unreadable.
      if (answer.status() == 413) {
        assertProblem(answer, 413, "/problems/payload-too-large");
      } else {
        assertProblem(answer, 400, "/problems/unreadable-request");
      }
    }
    assertNothingWritten(before);
  }

  @Test
  void invalidUtf8BytesAreUnreadableAndNothingIsWritten() {
    Footprint before = footprint();
    List<Answer> answers = new ArrayList<>();
    for (String body :
        List.of(
            text(caseBody("@@@@", HEPINGLI, "张三丰")),
            text(
                disputeBody(
                    "@@@@", "和平里东街20号", List.of(party("applicant", "孙小红", "13600000001")))))) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      int at = body.indexOf("@@@@");
      // A lone continuation byte, a truncated two-byte sequence and the bytes UTF-8 never uses.
      bytes[at] = (byte) 0x80;
      bytes[at + 1] = (byte) 0xC3;
      bytes[at + 2] = (byte) 0xFF;
      bytes[at + 3] = (byte) 0xFE;
      answers.add(
          call(
              HttpMethod.POST,
              body.contains("parties") ? "/api/disputes" : "/api/cases",
              bytes,
              jsonHeaders()));
    }

    for (Answer answer : answers) {
      // A nesting that is also too big is refused by size; a smaller one is unreadable.
      if (answer.status() == 413) {
        assertProblem(answer, 413, "/problems/payload-too-large");
      } else {
        assertProblem(answer, 400, "/problems/unreadable-request");
      }
    }
    assertNothingWritten(before);
  }

  // =========================================================================================================
  // Script and EL injection

  @Test
  void scriptAndExpressionTextInAReportIsStoredAndShownVerbatimAsDataAndNeverEvaluated() {
    ClockUtil.setCurrentTime(Date.from(QUIET_MOMENT));
    String description = "路灯不亮 " + ALL_INJECTIONS + "\n第二行 " + JUEL;
    String address = HEPINGLI + IMG + JUEL + DEFERRED_EL;
    String reporterName = SCRIPT + MUSTACHE + JUEL;
    Footprint before = footprint();

    Answer created = postCase(caseBody(description, address, reporterName));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNo = created.json().get("caseNo").asText();
    CaseRecord stored = cases.byNo(caseNo).orElseThrow();
    assertThat(stored.description()).isEqualTo(description);
    assertThat(stored.address()).isEqualTo(address);
    assertThat(stored.reporterName()).isEqualTo(reporterName);
    assertThat(stored.gridCode()).as("still placed by its address").isEqualTo("hepingli1");

    Answer view = viewCase(caseNo, created.json().get("trackingCode").asText());
    assertThat(view.contentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(view.json().get("description").isTextual()).isTrue();
    assertThat(view.json().get("description").asText()).isEqualTo(description);
    assertThat(view.json().get("address").asText()).isEqualTo(address);
    assertThat(view.json().get("reporterName").asText())
        .isEqualTo("<" + "*".repeat(reporterName.length() - 1));

    String instanceId = stored.processInstanceId();
    assertThat(runtimeService.getVariable(instanceId, "description")).isEqualTo(description);
    assertThat(runtimeService.getVariable(instanceId, "address")).isEqualTo(address);
    // What Tasklist loads for the grid worker's form.
    Task accept =
        taskService
            .createTaskQuery()
            .processInstanceId(instanceId)
            .taskDefinitionKey("acceptCase")
            .singleResult();
    Answer formVariables =
        call(
            HttpMethod.GET,
            "/engine-rest/task/"
                + accept.getId()
                + "/form-variables?variableNames=description,address",
            null,
            basic("wangli", "demo"));
    assertThat(formVariables.status()).isEqualTo(200);
    assertThat(formVariables.json().at("/description/value").asText()).isEqualTo(description);
    assertThat(formVariables.json().at("/address/value").asText()).isEqualTo(address);
    // What a member of staff sees.
    Answer staff = staffGet("/api/staff/cases/" + caseNo, "wangli");
    assertThat(staff.json().get("description").asText()).isEqualTo(description);
    assertThat(staff.json().get("reporterName").asText()).isEqualTo(reporterName);

    assertThat(remarks(cases.timeline(stored.id()).stream().map(TimelineEntry::remark).toList()))
        .isNotEmpty()
        .allSatisfy(remark -> assertThat(remark).doesNotContain("49"));
    Footprint after = footprint();
    assertThat(after.cases()).isEqualTo(before.cases() + 1);
    assertThat(after.allInstances()).isEqualTo(before.allInstances() + 1);
  }

  @Test
  void expressionTextInAResolutionAndARatingCommentTravelsTheWholeLoopUnevaluated() {
    ClockUtil.setCurrentTime(Date.from(QUIET_MOMENT));
    String result = "已处理 " + JUEL + " " + DEFERRED_EL + " " + MUSTACHE + " " + SCRIPT;
    String comment = "满意 " + JUEL + DEFERRED_EL + MUSTACHE + IMG;
    CaseReceipt receipt = sentinelCase();
    String instanceId = instanceIdOf(receipt);
    completeAs(
        "wangli",
        openTask(receipt, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", result));

    Answer rated = rateOverHttp(receipt.caseNo(), receipt.trackingCode(), "satisfied", comment);

    assertThat(rated.status()).as(rated.body()).isEqualTo(204);
    CaseRecord record = recordOf(receipt);
    assertThat(record.result()).isEqualTo(result);
    assertThat(record.caseStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(
            jdbc.queryForObject(
                "select rating_comment from case_record where id = ?", String.class, record.id()))
        .isEqualTo(comment);
    assertThat(historicVariable(instanceId, "ratingComment")).isEqualTo(comment);
    assertThat(historicVariable(instanceId, "acceptComment")).isEqualTo(result);
    List<String> remarks = cases.timeline(record.id()).stream().map(TimelineEntry::remark).toList();
    assertThat(remarks).contains(result, comment);
    assertThat(remarks(remarks)).allSatisfy(remark -> assertThat(remark).doesNotContain("49"));
    Answer view = viewCase(receipt.caseNo(), receipt.trackingCode());
    assertThat(view.json().get("result").asText()).isEqualTo(result);
    assertThat(view.json().get("timeline"))
        .extracting(step -> step.path("remark").asText())
        .contains(comment);
  }

  @Test
  void scriptAndExpressionTextInADisputeIsStoredVerbatimIncludingPartyNamesAndNeverEvaluated() {
    ClockUtil.setCurrentTime(Date.from(QUIET_MOMENT));
    String description = "漏水 " + ALL_INJECTIONS;
    String address = "和平里东街20号" + SCRIPT + JUEL;
    String applicant = IMG + JUEL;
    String respondent = SCRIPT + DEFERRED_EL + MUSTACHE;
    Footprint before = footprint();

    Answer created =
        postDispute(
            disputeBody(
                description,
                address,
                List.of(
                    party("applicant", applicant, "13600000001"),
                    party("respondent", respondent, null))));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String disputeNo = created.json().get("disputeNo").asText();
    Map<String, Object> row =
        jdbc.queryForMap(
            "select id, description, address, process_instance_id from dispute where dispute_no = ?",
            disputeNo);
    assertThat(row.get("description")).isEqualTo(description);
    assertThat(row.get("address")).isEqualTo(address);
    assertThat(
            jdbc.queryForList(
                "select name from dispute_party where dispute_id = ? order by id",
                String.class,
                row.get("id")))
        .containsExactly(applicant, respondent);
    String instanceId = (String) row.get("process_instance_id");
    assertThat(runtimeService.getVariable(instanceId, "description")).isEqualTo(description);
    assertThat(runtimeService.getVariable(instanceId, "address")).isEqualTo(address);
    assertThat((String) runtimeService.getVariable(instanceId, "partiesSummary"))
        .contains(applicant, respondent);

    Answer view = viewDispute(disputeNo, created.json().get("trackingCode").asText());
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().get("description").asText()).isEqualTo(description);
    assertThat(view.json().get("address").asText()).isEqualTo(address);
    assertThat(view.json().get("parties"))
        .extracting(p -> p.get("name").asText())
        .containsExactly(
            "<" + "*".repeat(applicant.length() - 1), "<" + "*".repeat(respondent.length() - 1));
    assertThat(
            remarks(
                jdbc.queryForList(
                    "select remark from dispute_timeline where dispute_id = ?",
                    String.class,
                    row.get("id"))))
        .isNotEmpty()
        .allSatisfy(remark -> assertThat(remark).doesNotContain("49"));
    Footprint after = footprint();
    assertThat(after.disputes()).isEqualTo(before.disputes() + 1);
    assertThat(after.parties()).isEqualTo(before.parties() + 2);
  }

  // =========================================================================================================
  // SQL metacharacters

  @Test
  void sqlMetacharactersInTextAreStoredVerbatimAndTheTablesSurvive() {
    CaseReceipt known = sentinelCase();
    Footprint before = footprint();
    String address = HEPINGLI + DROP_TABLE;
    String reporterName = "O'Brien\" OR 1=1 --\\%_";

    Answer created = postCase(caseBody(SQL_TEXT, address, reporterName));
    Answer dispute =
        postDispute(
            disputeBody(
                SQL_TEXT,
                "和平里东街20号" + OR_TRUE,
                List.of(
                    party("applicant", reporterName, "13600000001"),
                    party("respondent", DROP_TABLE, null))));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(dispute.status()).as(dispute.body()).isEqualTo(201);
    CaseRecord stored = cases.byNo(created.json().get("caseNo").asText()).orElseThrow();
    assertThat(stored.description()).isEqualTo(SQL_TEXT);
    assertThat(stored.address()).isEqualTo(address);
    assertThat(stored.reporterName()).isEqualTo(reporterName);
    assertThat(viewCase(stored.caseNo(), stored.trackingCode()).json().get("description").asText())
        .isEqualTo(SQL_TEXT);
    long disputeId =
        jdbc.queryForObject(
            "select id from dispute where dispute_no = ?",
            Long.class,
            dispute.json().get("disputeNo").asText());
    assertThat(
            jdbc.queryForObject(
                "select description from dispute where id = ?", String.class, disputeId))
        .isEqualTo(SQL_TEXT);
    assertThat(
            jdbc.queryForList(
                "select name from dispute_party where dispute_id = ? order by id",
                String.class,
                disputeId))
        .containsExactly(reporterName, DROP_TABLE);
    Footprint after = footprint();
    assertThat(after.cases()).isEqualTo(before.cases() + 1);
    assertThat(after.disputes()).isEqualTo(before.disputes() + 1);
    assertStillReadable(known);
  }

  @Test
  void sqlMetacharactersInCaseNumbersFindNothingAndAnswerLikeAnUnknownCase() {
    CaseReceipt known = sentinelCase();
    Footprint before = footprint();
    String no = known.caseNo();
    String code = known.trackingCode();
    Answer unknown = viewCase("1999-999999", code);

    List<String> hostileNumbers =
        List.of(
            no + "' OR '1'='1",
            "' OR 1=1 --",
            no + DROP_TABLE,
            no + OR_TRUE,
            no.substring(0, no.length() - 1) + "_",
            no.substring(0, no.length() - 2) + "%",
            "%",
            "_%",
            "2026-00000' UNION SELECT tracking_code FROM case_record --");
    for (String hostile : hostileNumbers) {
      Answer view = viewCase(hostile, code);
      Answer byParameter = viewCaseByParameter(hostile, code);
      Answer rating = rateOverHttp(hostile, code, "satisfied", null);
      Answer staff = staffGet("/api/staff/cases/" + segment(hostile), "majie");
      for (Answer answer : List.of(view, byParameter, rating)) {
        assertProblem(answer, 404, "/problems/not-found");
        assertThat(answer.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(answer.json().get("title")).isEqualTo(unknown.json().get("title"));
      }
      assertProblem(staff, 404, "/problems/not-found");
    }
    assertNothingWritten(before);
    assertStillReadable(known);
  }

  @Test
  void sqlMetacharactersInTrackingCodesOpenNothing() {
    CaseReceipt known = awaitingRating();
    Footprint before = footprint();
    Answer unknown = viewCase("1999-999999", known.trackingCode());

    List<String> hostileCodes =
        List.of(
            "' OR '1'='1",
            "' OR 1=1 --",
            "\" OR 1=1 --",
            "%",
            "________",
            "%%%%%%%%",
            known.trackingCode() + "' --",
            known.trackingCode().substring(0, 7) + "_",
            "\\' OR 1=1 --",
            "\\",
            known.trackingCode() + "\\",
            "中文查询码");
    for (String hostile : hostileCodes) {
      Answer byParameter = viewCaseByParameter(known.caseNo(), hostile);
      Answer rating = rateOverHttp(known.caseNo(), hostile, "satisfied", null);
      assertProblem(byParameter, 404, "/problems/not-found");
      assertThat(byParameter.json().get("detail")).isEqualTo(unknown.json().get("detail"));
      assertProblem(rating, 404, "/problems/not-found");
      if (hostile.chars().allMatch(c -> c < 128)) {
        assertProblem(viewCase(known.caseNo(), hostile), 404, "/problems/not-found");
      }
    }
    assertNothingWritten(before);
    assertThat(recordOf(known).rating()).isNull();
    assertThat(recordOf(known).caseStatus()).isEqualTo(CaseStatus.AWAITING_RATING);
  }

  @Test
  void sqlMetacharactersInDisputeNumbersAndCodesFindNothing() {
    Answer created = postDispute(validDispute());
    String no = created.json().get("disputeNo").asText();
    String code = created.json().get("trackingCode").asText();
    Footprint before = footprint();
    Answer unknown = viewDispute("1999-T999999", code);

    List<Answer> answers = new ArrayList<>();
    for (String hostile :
        List.of(
            no + "' OR '1'='1",
            "' OR 1=1 --",
            no + DROP_TABLE,
            "%",
            "2026-T%",
            no.substring(0, no.length() - 1) + "_")) {
      answers.add(viewDispute(hostile, code));
    }
    for (String hostile : List.of("' OR '1'='1", "%", "________", "\" OR 1=1 --", code + "' --")) {
      answers.add(viewDispute(no, hostile));
    }

    for (Answer answer : answers) {
      assertProblem(answer, 404, "/problems/not-found");
      assertThat(answer.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }
    assertNothingWritten(before);
    assertThat(viewDispute(no, code).status()).isEqualTo(200);
  }

  @Test
  void sqlMetacharactersInTheStaffStatusFilterAreRefusedAndTheTablesSurvive() {
    CaseReceipt known = sentinelCase();
    Footprint before = footprint();

    for (String status :
        List.of(
            "REPORTED' OR '1'='1",
            "REPORTED'; DROP TABLE case_record; --",
            "%",
            "_%",
            "REPORTED%",
            "reported",
            " REPORTED",
            "\" OR 1=1 --",
            "\\")) {
      Answer answer = staffGet("/api/staff/cases?status=" + parameter(status), "majie");
      assertProblem(answer, 400, "/problems/invalid-request");
      assertFieldNamed(answer, "status");
    }
    Answer reported = staffGet("/api/staff/cases?status=REPORTED&size=200", "majie");
    assertThat(reported.status()).isEqualTo(200);
    assertThat(reported.json().findValuesAsText("status")).containsOnly("REPORTED");
    assertNothingWritten(before);
    assertStillReadable(known);
  }

  @Test
  void sqlMetacharactersInEngineRestQueriesMatchNothing() {
    CaseReceipt known = sentinelCase();
    Footprint before = footprint();

    Answer tasks =
        call(
            HttpMethod.GET,
            "/engine-rest/task?processInstanceBusinessKey="
                + parameter(known.caseNo() + "' OR '1'='1"),
            null,
            basic("demo", "demo"));
    Answer instances =
        call(
            HttpMethod.GET,
            "/engine-rest/process-instance?businessKey=" + parameter("' OR 1=1 --"),
            null,
            basic("demo", "demo"));

    assertThat(tasks.status()).isEqualTo(200);
    assertThat(tasks.json().size()).isZero();
    assertThat(instances.status()).isEqualTo(200);
    assertThat(instances.json().size()).isZero();
    assertNothingWritten(before);
    assertStillReadable(known);
  }

  // =========================================================================================================
  // Wrong codes

  @Test
  void aWrongCodeAnswersExactlyLikeAnUnknownCaseAndTheRightCodeWorksInAnyCaseAndPadding() {
    CaseReceipt known = sentinelCase();
    CaseReceipt other = sentinelCase();
    Footprint before = footprint();
    String code = known.trackingCode();

    Answer unknownCase = viewCase("1999-999999", code);
    Answer wrongCode = viewCase(known.caseNo(), "AAAAAAAA".equals(code) ? "BBBBBBBB" : "AAAAAAAA");
    Answer otherCasesCode = viewCase(known.caseNo(), other.trackingCode());
    Answer truncated = viewCase(known.caseNo(), code.substring(0, 7));
    Answer longer = viewCase(known.caseNo(), code + "A");
    Answer veryLong = viewCaseByParameter(known.caseNo(), code.repeat(600));
    Answer veryLongHeader = viewCase(known.caseNo(), "A".repeat(5_000));

    for (Answer answer :
        List.of(
            unknownCase, wrongCode, otherCasesCode, truncated, longer, veryLong, veryLongHeader)) {
      assertProblem(answer, 404, "/problems/not-found");
      assertThat(answer.json().get("type")).isEqualTo(unknownCase.json().get("type"));
      assertThat(answer.json().get("title")).isEqualTo(unknownCase.json().get("title"));
      assertThat(answer.json().get("detail")).isEqualTo(unknownCase.json().get("detail"));
      assertThat(answer.json().has("errors")).isFalse();
      assertThat(answer.contentType()).isEqualTo(unknownCase.contentType());
    }
    for (String variant :
        List.of(
            code.toLowerCase(),
            "  " + code + "  ",
            "\t" + code.toLowerCase(),
            code.substring(0, 4).toLowerCase() + code.substring(4))) {
      Answer view = viewCaseByParameter(known.caseNo(), variant);
      assertThat(view.status()).as("code %s", variant).isEqualTo(200);
      assertThat(view.json().get("caseNo").asText()).isEqualTo(known.caseNo());
    }
    assertThat(viewCase(known.caseNo(), code.toLowerCase()).status()).isEqualTo(200);
    assertNothingWritten(before);
  }

  @Test
  void aMissingOrBlankCodeIsABadRequestNamingTheCode() {
    CaseReceipt known = sentinelCase();
    Footprint before = footprint();

    List<Answer> answers =
        List.of(
            call(HttpMethod.GET, "/api/cases/" + known.caseNo(), null, new HttpHeaders()),
            viewCase(known.caseNo(), "   "),
            viewCaseByParameter(known.caseNo(), ""),
            call(HttpMethod.GET, "/api/disputes/2026-T000001", null, new HttpHeaders()),
            rateOverHttp(known.caseNo(), "", "satisfied", null),
            rateOverHttp(known.caseNo(), null, "satisfied", null),
            rateOverHttp(
                known.caseNo(), known.trackingCode() + "A".repeat(5_000), "satisfied", null));

    for (Answer answer : answers) {
      assertProblem(answer, 400, "/problems/invalid-request");
      assertFieldNamed(answer, "trackingCode");
    }
    assertNothingWritten(before);
  }

  @Test
  void aDisputeCodeIsCheckedLikeACaseCode() {
    Answer created = postDispute(validDispute());
    CaseReceipt someCase = sentinelCase();
    String no = created.json().get("disputeNo").asText();
    String code = created.json().get("trackingCode").asText();
    Footprint before = footprint();

    Answer unknown = viewDispute("1999-T999999", code);
    for (Answer answer :
        List.of(
            viewDispute(no, "ZZZZZZZZ".equals(code) ? "YYYYYYYY" : "ZZZZZZZZ"),
            viewDispute(no, someCase.trackingCode()),
            viewDispute(someCase.caseNo(), someCase.trackingCode()),
            viewDispute(no, "A".repeat(5_000)))) {
      assertProblem(answer, 404, "/problems/not-found");
      assertThat(answer.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }
    assertThat(viewDispute(no, " " + code.toLowerCase() + " ").status()).isEqualTo(200);
    assertNothingWritten(before);
  }

  // =========================================================================================================
  // Replayed ratings

  @Test
  void aSecondRatingIsAConflictAndTheFirstStandsAlone() {
    CaseReceipt receipt = awaitingRating();

    Answer first =
        rateOverHttp(receipt.caseNo(), receipt.trackingCode(), "basically_satisfied", "还行");
    Footprint afterFirst = footprint();
    Answer replayed =
        rateOverHttp(receipt.caseNo(), receipt.trackingCode(), "basically_satisfied", "还行");
    Answer changedMind =
        rateOverHttp(receipt.caseNo(), receipt.trackingCode().toLowerCase(), "unsatisfied", "不行");

    assertThat(first.status()).isEqualTo(204);
    assertProblem(replayed, 409, "/problems/rating-not-open");
    assertProblem(changedMind, 409, "/problems/rating-not-open");
    assertNothingWritten(afterFirst);
    CaseRecord record = recordOf(receipt);
    assertThat(record.rating()).isEqualTo("basically_satisfied");
    assertThat(record.caseStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(record.reopenCount()).isZero();
    assertThat(ratingEntries(receipt)).hasSize(1);
  }

  @Test
  void fiveConcurrentRatingsOfOneCaseLetExactlyOneWin() throws Exception {
    CaseReceipt receipt = awaitingRating();
    Footprint before = footprint();
    List<String> verdicts =
        List.of(
            "satisfied", "basically_satisfied", "satisfied", "basically_satisfied", "satisfied");
    ExecutorService threads = Executors.newFixedThreadPool(verdicts.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Answer>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < verdicts.size(); i++) {
        String verdict = verdicts.get(i);
        String comment = "第" + (i + 1) + "位";
        futures.add(
            threads.submit(
                () -> {
                  start.await();
                  return rateOverHttp(receipt.caseNo(), receipt.trackingCode(), verdict, comment);
                }));
      }
      start.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }

      List<Integer> winners = new ArrayList<>();
      for (int i = 0; i < answers.size(); i++) {
        if (answers.get(i).status() == 204) {
          winners.add(i);
        } else {
          assertProblem(answers.get(i), 409, "/problems/rating-not-open");
        }
      }
      assertThat(winners).as("204 answers").hasSize(1);
      int winner = winners.get(0);
      CaseRecord record = recordOf(receipt);
      assertThat(record.rating()).isEqualTo(verdicts.get(winner));
      assertThat(record.caseStatus()).isEqualTo(CaseStatus.CLOSED);
      assertThat(
              jdbc.queryForObject(
                  "select rating_comment from case_record where id = ?", String.class, record.id()))
          .isEqualTo("第" + (winner + 1) + "位");
      assertThat(ratingEntries(receipt)).hasSize(1);
      assertThat(ratingEntries(receipt).get(0).remark()).isEqualTo("第" + (winner + 1) + "位");
      Footprint after = footprint();
      assertThat(after.cases()).isEqualTo(before.cases());
      assertThat(after.runningInstances()).isEqualTo(before.runningInstances() - 1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aRatingBeforeTheResultOrAfterTheCaseClosedUnratedIsAConflictAndWritesNothing() {
    CaseReceipt open = sentinelCase();
    CaseReceipt lapsed = awaitingRating();
    fireTimer(lapsed, "ratingTimeout");
    assertThat(recordOf(lapsed).caseStatus()).isEqualTo(CaseStatus.CLOSED);
    Footprint before = footprint();

    Answer tooEarly = rateOverHttp(open.caseNo(), open.trackingCode(), "satisfied", null);
    Answer tooLate = rateOverHttp(lapsed.caseNo(), lapsed.trackingCode(), "unsatisfied", "太迟了");

    assertProblem(tooEarly, 409, "/problems/rating-not-open");
    assertProblem(tooLate, 409, "/problems/rating-not-open");
    assertNothingWritten(before);
    assertThat(recordOf(open).rating()).isNull();
    assertThat(recordOf(lapsed).rating()).isNull();
    assertThat(recordOf(lapsed).caseStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(ratingEntries(lapsed)).isEmpty();
  }

  @Test
  void aRatingWithAnotherCasesCodeIsNotFoundAndLeavesBothCasesOpen() {
    CaseReceipt target = awaitingRating();
    CaseReceipt mine = awaitingRating();
    Footprint before = footprint();

    Answer answer = rateOverHttp(target.caseNo(), mine.trackingCode(), "unsatisfied", "别人的事件");
    Answer unknown = rateOverHttp("1999-999999", mine.trackingCode(), "unsatisfied", null);

    assertProblem(answer, 404, "/problems/not-found");
    assertThat(answer.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    assertNothingWritten(before);
    for (CaseReceipt receipt : List.of(target, mine)) {
      assertThat(recordOf(receipt).caseStatus()).isEqualTo(CaseStatus.AWAITING_RATING);
      assertThat(recordOf(receipt).rating()).isNull();
      assertThat(ratingEntries(receipt)).isEmpty();
    }
  }

  // =========================================================================================================
  // Logins

  private static List<HttpHeaders> brokenLogins() {
    Base64.Encoder base64 = Base64.getEncoder();
    return List.of(
        new HttpHeaders(),
        basic("huangmin", "wrong"),
        basic("nobody", "demo"),
        basic("' OR '1'='1", "' OR '1'='1"),
        authorization("Basic !!!not-base64$$$"),
        authorization(
            "Basic " + base64.encodeToString("majiedemo".getBytes(StandardCharsets.UTF_8))),
        authorization("Basic " + base64.encodeToString(":demo".getBytes(StandardCharsets.UTF_8))),
        authorization(
            "Basic "
                + base64.encodeToString(
                    ("u".repeat(3_000) + ":demo").getBytes(StandardCharsets.UTF_8))),
        authorization("Basic"),
        authorization("Basic "),
        authorization("Bearer majie:demo"),
        authorization("Digest username=\"majie\""));
  }

  @Test
  void staffEndpointsAnswerEveryBrokenLoginWithAnUnauthenticatedProblem() {
    CaseReceipt known = sentinelCase();
    Footprint before = footprint();

    for (HttpHeaders login : brokenLogins()) {
      for (String path :
          List.of("/api/staff/cases", "/api/staff/cases/" + known.caseNo(), "/api/stats/kpis")) {
        Answer answer = call(HttpMethod.GET, path, null, login);
        assertProblem(answer, 401, "/problems/unauthenticated");
        assertThat(answer.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(answer.body()).doesNotContain(known.caseNo());
      }
    }
    assertNothingWritten(before);
    assertThat(staffGet("/api/staff/cases/" + known.caseNo(), "majie").status()).isEqualTo(200);
  }

  @Test
  void theEngineRestApiAnswersEveryBrokenLoginWith401AndDoesNothing() {
    CaseReceipt known = sentinelCase();
    Task accept = openTask(known, "acceptCase");
    Footprint before = footprint();

    for (HttpHeaders login : brokenLogins()) {
      Answer read = call(HttpMethod.GET, "/engine-rest/task", null, login);
      HttpHeaders postLogin = new HttpHeaders();
      postLogin.addAll(login);
      postLogin.setContentType(MediaType.APPLICATION_JSON);
      Answer start =
          call(
              HttpMethod.POST,
              "/engine-rest/process-definition/key/caseHandling/start",
              "{\"businessKey\":\"hostile\"}",
              postLogin);
      Answer complete =
          call(
              HttpMethod.POST,
              "/engine-rest/task/" + accept.getId() + "/complete",
              "{\"variables\":{\"acceptDecision\":{\"value\":\"reject\"}}}",
              postLogin);
      for (Answer answer : List.of(read, start, complete)) {
        assertThat(answer.status()).as("answer to %s", login).isEqualTo(401);
        assertNoInternals(answer);
        assertThat(answer.body() == null ? "" : answer.body()).doesNotContain(accept.getId());
      }
    }
    assertNothingWritten(before);
    assertThat(openTask(known, "acceptCase").getId()).isEqualTo(accept.getId());
    assertThat(recordOf(known).caseStatus()).isEqualTo(CaseStatus.REPORTED);
  }

  // =========================================================================================================
  // Staff list paging

  @Test
  void nonNumericOrOutOfBoundsPagingIsABadRequestProblem() {
    Footprint before = footprint();

    for (String query :
        List.of(
            "page=abc",
            "page=-1",
            "size=0",
            "size=201",
            "size=-5",
            "size=1e3",
            "page=1%27%20OR%20%271%27%3D%271",
            "page=99999999999999999999")) {
      Answer answer = staffGet("/api/staff/cases?" + query, "majie");
      assertProblem(answer, 400, null);
    }
    assertNothingWritten(before);
  }

  @Test
  void aPageFarBeyondTheEndIsEmptyOrAProblemNeverACrash() {
    Footprint before = footprint();

    for (String query :
        List.of("page=2147483647&size=200", "page=99999999&size=200", "page=10737419&size=200")) {
      Answer answer = staffGet("/api/staff/cases?" + query, "majie");
      assertThat(answer.status()).as(answer.body()).isIn(200, 400);
      if (answer.status() == 200) {
        assertThat(answer.json().isArray()).isTrue();
        assertThat(answer.json().size()).isZero();
      } else {
        assertProblem(answer, 400, null);
      }
    }
    assertNothingWritten(before);
  }
}
