package org.lianhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.Rating;
import org.lianhu.cases.ReportCaseRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox end to end against a real SMTP server (GreenMail): a reporter who gave an e-mail
 * address hears of acceptance, dispatch, the result and the close; the handling office of its new
 * case, the copied office at dispatch; staff read their inbox; texts come from the editable
 * templates, with phones masked; a message that cannot be delivered is retried with backoff and
 * ends on the administrators' dead-letter list, from which it can be sent again.
 */
class NotificationsTest extends CaseLoopTestSupport {

  /** Started before the context, which reads its port; stopped with the JVM. */
  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    smtp.start();
  }

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  private static final String HEPINGLI = "东城街道和平里东街12号";

  @Autowired OutboxWorker worker;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  private CaseReceipt reportWithEmail(String email) {
    ReportCaseRequest r = report("sanitation", "normal", HEPINGLI);
    return intake.report(
        new ReportCaseRequest(
            r.category(),
            r.description(),
            r.location(),
            r.urgency(),
            new ReportCaseRequest.Reporter(r.reporter().name(), r.reporter().phone(), email),
            null),
        null);
  }

  private List<MimeMessage> mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> GreenMailUtil.getAddressList(uncheck(m)).contains(address))
        .toList();
  }

  private static jakarta.mail.Address[] uncheck(MimeMessage m) {
    try {
      return m.getAllRecipients();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<JsonNode> as(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void aReporterIsToldByEmailFromDispatchToCloseAndStaffOfTheirNewWork() throws Exception {
    String email = "resident-" + System.nanoTime() + "@example.org";
    CaseReceipt receipt = reportWithEmail(email);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleAction", "result", "closureOutcome", "resolved", "handleResult", "垃圾已清运"));
    rate(receipt, Rating.satisfied, null);

    assertThat(mailTo(email)).as("nothing is sent before the worker runs").isEmpty();
    assertThat(worker.deliverDue()).isPositive();

    List<String> subjects = mailTo(email).stream().map(NotificationsTest::subject).toList();
    assertThat(subjects)
        .containsExactlyInAnyOrder(
            "您反映的问题已受理（" + receipt.caseNo() + "）",
            "您反映的问题已派单（" + receipt.caseNo() + "）",
            "事件 " + receipt.caseNo() + " 已有办理结果，请评价",
            "事件 " + receipt.caseNo() + " 已结案");
    MimeMessage dispatched =
        mailTo(email).stream().filter(m -> subject(m).contains("已派单")).findFirst().orElseThrow();
    String body = GreenMailUtil.getBody(dispatched);
    assertThat(dispatched.getMessageID()).matches("<notice-\\d+@localhost>");
    assertThat(dispatched.getHeader("Content-Type")[0]).contains("UTF-8");
    assertThat(subject(dispatched)).contains(receipt.caseNo());
    assertThat(dispatched.getContent().toString())
        .contains("城管东城中队")
        .doesNotContain(receipt.trackingCode());

    // The handling office's members hear of their new case, phones masked; the copied office too.
    MimeMessage assigned =
        mailTo("hanxue@demo.lianhu.local").stream()
            .filter(m -> subject(m).contains(receipt.caseNo()))
            .findFirst()
            .orElseThrow();
    assertThat(subject(assigned)).startsWith("新的待办：处置");
    String text = assigned.getContent().toString();
    assertThat(text).contains("138****5678").doesNotContainPattern("138\\d{4}5678");
    assertThat(body).isNotBlank();
    assertThat(mailTo("duchao@demo.lianhu.local").stream().map(NotificationsTest::subject))
        .anyMatch(s -> s.startsWith("抄送：" + receipt.caseNo()));

    // Delivered once: a second run finds nothing due.
    int before = smtp.getReceivedMessages().length;
    worker.deliverDue();
    assertThat(smtp.getReceivedMessages()).hasSize(before);

    // The reporter's inbox is on the tracking page.
    HttpHeaders tracking = new HttpHeaders();
    tracking.set("X-Tracking-Code", receipt.trackingCode());
    JsonNode view =
        http.exchange(
                "/api/cases/" + receipt.caseNo(),
                HttpMethod.GET,
                new HttpEntity<>(tracking),
                JsonNode.class)
            .getBody();
    assertThat(view.get("messages")).hasSize(4);
    assertThat(view.get("messages").get(0).get("subject").asText()).contains("已结案");
  }

  @Test
  void staffReadTheirOwnInboxAndNoOneElses() {
    CaseReceipt receipt = reportWithEmail(null);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));

    JsonNode unread = as("hanxue", HttpMethod.GET, "/api/staff/inbox/unread", null).getBody();
    assertThat(unread.get("unread").asInt()).isPositive();
    JsonNode inbox = as("hanxue", HttpMethod.GET, "/api/staff/inbox?unread=true", null).getBody();
    JsonNode mine =
        java.util.stream.StreamSupport.stream(inbox.spliterator(), false)
            .filter(m -> receipt.caseNo().equals(m.get("caseNo").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(mine.get("eventName").asText()).isEqualTo("新的待办");
    long id = mine.get("id").asLong();

    assertThat(
            as("wangli", HttpMethod.POST, "/api/staff/inbox/" + id + "/read", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            as("hanxue", HttpMethod.POST, "/api/staff/inbox/" + id + "/read", null).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            as("hanxue", HttpMethod.GET, "/api/staff/inbox/unread", null)
                .getBody()
                .get("unread")
                .asInt())
        .isEqualTo(unread.get("unread").asInt() - 1);
    assertThat(http.getForEntity("/api/staff/inbox", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> tooMany =
        as("hanxue", HttpMethod.GET, "/api/staff/inbox?size=201", null);
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getHeaders().getContentType().toString()).contains("problem+json");
  }

  @Test
  void anAdministratorEditsATemplateWithKnownPlaceholdersOnly() {
    Map<String, String> bad = Map.of("subject", "派单 {caseNo}", "body", "电话 {reporterPhoneFull}");
    ResponseEntity<JsonNode> refused =
        as("demo", HttpMethod.PUT, "/api/admin/notification-templates/CASE_DISPATCHED", bad);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors").get("body").asText()).contains("reporterPhoneFull");
    assertThat(
            as(
                    "wangli",
                    HttpMethod.PUT,
                    "/api/admin/notification-templates/CASE_DISPATCHED",
                    Map.of("subject", "x", "body", "y"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    String original =
        jdbc.queryForObject(
            "select subject from notification_template where event = 'CASE_DISPATCHED'",
            String.class);
    try {
      ResponseEntity<JsonNode> changed =
          as(
              "demo",
              HttpMethod.PUT,
              "/api/admin/notification-templates/CASE_DISPATCHED",
              Map.of(
                  "subject", "已转{handlerName}：{caseNo}", "body", "{reporterName}您好，{caseNo} 已派单。"));
      assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(changed.getBody().get("updatedBy").asText()).isEqualTo("demo");
      String email = "template-" + System.nanoTime() + "@example.org";
      CaseReceipt receipt = reportWithEmail(email);
      completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
      worker.deliverDue();
      assertThat(mailTo(email).stream().map(NotificationsTest::subject))
          .contains("已转城管东城中队：" + receipt.caseNo());
    } finally {
      jdbc.update(
          "update notification_template set subject = ? where event = 'CASE_DISPATCHED'", original);
      jdbc.update(
          "update notification_template set body = '{reporterName}您好：事件 {caseNo}（{categoryName}，{address}）已派至{handlerName}办理，处置时限 {handleDue}。进度查询：{link}' where event = 'CASE_DISPATCHED'");
    }
  }

  @Test
  void anUndeliverableMessageIsRetriedWithBackoffThenDeadAndSentAgainByAnAdministrator() {
    jdbc.update(
        "update staff set email = 'not an address', notify_by = 'EMAIL' where user_id = 'duchao'");
    try {
      CaseReceipt receipt = reportWithEmail(null);
      completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
      Long id =
          jdbc.queryForObject(
              "select id from notification where case_no = ? and recipient = 'user:duchao' and channel = 'EMAIL'",
              Long.class,
              receipt.caseNo());
      worker.deliverDue();
      Map<String, Object> row = jdbc.queryForMap("select * from notification where id = ?", id);
      assertThat(row.get("STATUS")).isEqualTo("PENDING");
      assertThat(row.get("ATTEMPTS")).isEqualTo(1);
      assertThat(row.get("LAST_ERROR").toString()).contains("Address");
      for (int attempt = 2; attempt <= 8; attempt++) {
        ClockUtil.setCurrentTime(
            Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(1))));
        worker.deliverDue();
      }
      assertThat(
              jdbc.queryForObject("select status from notification where id = ?", String.class, id))
          .isEqualTo("DEAD");
      JsonNode dead = as("demo", HttpMethod.GET, "/api/admin/notifications/dead", null).getBody();
      assertThat(dead.findValues("id").stream().map(JsonNode::asLong)).contains(id);
      assertThat(
              as("wangli", HttpMethod.GET, "/api/admin/notifications/dead", null).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);

      jdbc.update("update notification set address = 'duchao@demo.lianhu.local' where id = ?", id);
      assertThat(
              as("demo", HttpMethod.POST, "/api/admin/notifications/" + id + "/retry", null)
                  .getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
      worker.deliverDue();
      assertThat(
              jdbc.queryForObject("select status from notification where id = ?", String.class, id))
          .isEqualTo("SENT");
    } finally {
      jdbc.update(
          "update staff set email = 'duchao@demo.lianhu.local', notify_by = 'EMAIL' where user_id = 'duchao'");
    }
  }

  @Test
  void theBackoffDoublesFromTheFirstRetryUpToTheLongest() {
    NotificationSettings settings =
        new NotificationSettings(
            "http://x",
            "a@b",
            false,
            Duration.ofSeconds(1),
            10,
            Duration.ofMinutes(2),
            8,
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            new NotificationSettings.Sms(null, null, null, null, null));
    assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.backoff(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.backoff(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(settings.backoff(20)).isEqualTo(Duration.ofHours(1));
  }
}
