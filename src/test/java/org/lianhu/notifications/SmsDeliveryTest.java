package org.lianhu.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS adapter against a local HTTP server that checks each request as Alibaba Cloud's SendSms
 * would: the action, version, number, sign name, template and its {@code content}, the outbox id as
 * OutId, and the HMAC-SHA1 signature over the other parameters (recomputed here with an encoding of
 * its own); a refusal is a failure to retry.
 */
class SmsDeliveryTest {

  private HttpServer gateway;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private volatile String answer = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"1\"}";

  @BeforeEach
  void start() throws IOException {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> form = new TreeMap<>();
          for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
          form.put("_method", exchange.getRequestMethod());
          form.put("_type", exchange.getRequestHeaders().getFirst("Content-Type"));
          requests.add(form);
          byte[] out = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop(0);
  }

  private SmsDelivery delivery() {
    NotificationSettings settings =
        new NotificationSettings(
            "http://localhost:8080",
            "lianhu@localhost",
            false,
            Duration.ofSeconds(1),
            100,
            Duration.ofMinutes(2),
            8,
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            new NotificationSettings.Sms(
                "http://127.0.0.1:" + gateway.getAddress().getPort() + "/",
                "test-key-id",
                "test-key-secret",
                "联户",
                "SMS_000001"));
    return new SmsDelivery(settings);
  }

  private static Notification sms(long id, String phone, String body) {
    Instant now = Instant.parse("2026-12-07T08:00:00Z");
    return new Notification(
        id,
        "CASE_CLOSED",
        1L,
        "2026-000001",
        "user:x",
        "张**",
        "SMS",
        phone,
        "事件已结案",
        body,
        "SENDING",
        1,
        now,
        null,
        now,
        null,
        null,
        null);
  }

  private record Result(List<Long> sent, List<String> failed) {}

  private Result deliver(SmsDelivery delivery, List<Notification> batch) {
    List<Long> sent = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    delivery.deliver(
        batch,
        new Delivery.Outcome() {
          @Override
          public void sent(Notification n) {
            sent.add(n.id());
          }

          @Override
          public void failed(Notification n, Exception error) {
            failed.add(n.id() + ": " + error.getMessage());
          }
        });
    return new Result(sent, failed);
  }

  @Test
  void eachMessageIsOneSignedSendSmsRequest() throws Exception {
    Result result =
        deliver(delivery(), List.of(sms(41, "13812345678", "事件 2026-000001 已结案，\"感谢\"支持")));
    assertThat(result.sent()).containsExactly(41L);
    assertThat(requests).hasSize(1);
    Map<String, String> form = new TreeMap<>(requests.get(0));
    assertThat(form.remove("_method")).isEqualTo("POST");
    assertThat(form.remove("_type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form)
        .containsEntry("Action", "SendSms")
        .containsEntry("Version", "2017-05-25")
        .containsEntry("Format", "JSON")
        .containsEntry("PhoneNumbers", "13812345678")
        .containsEntry("SignName", "联户")
        .containsEntry("TemplateCode", "SMS_000001")
        .containsEntry("OutId", "notice-41")
        .containsEntry("AccessKeyId", "test-key-id")
        .containsEntry("SignatureMethod", "HMAC-SHA1")
        .containsEntry("SignatureVersion", "1.0")
        .containsEntry("TemplateParam", "{\"content\":\"事件 2026-000001 已结案，\\\"感谢\\\"支持\"}");
    assertThat(form.get("Timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    String signature = form.remove("Signature");
    StringBuilder canonical = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(form).entrySet()) {
      if (canonical.length() > 0) {
        canonical.append('&');
      }
      canonical.append(rfc3986(e.getKey())).append('=').append(rfc3986(e.getValue()));
    }
    String stringToSign = "POST&%2F&" + rfc3986(canonical.toString());
    assertThat(signature).isEqualTo(hmacSha1("test-key-secret&", stringToSign));
  }

  @Test
  void aRefusalByTheGatewayIsAFailureToRetry() {
    answer = "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发流控\"}";
    Result result = deliver(delivery(), List.of(sms(7, "13812345678", "x")));
    assertThat(result.sent()).isEmpty();
    assertThat(result.failed()).singleElement().asString().contains("BUSINESS_LIMIT_CONTROL");
  }

  /** RFC 3986 percent-encoding, written here independently of the adapter's. */
  private static String rfc3986(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || "-_.~".indexOf(c) >= 0;
      out.append(unreserved ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    return out.toString();
  }

  private static String hmacSha1(String key, String text) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
    mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    return java.util.Base64.getEncoder()
        .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
