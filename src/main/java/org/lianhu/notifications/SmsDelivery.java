package org.lianhu.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lianhu.calendar.EngineClock;
import org.lianhu.privacy.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * SMS through a gateway that follows Alibaba Cloud SMS's published API ({@code SendSms}, version
 * 2017-05-25, RPC style: form parameters signed with HMAC-SHA1, answer {@code {"Code":"OK"}}). The
 * template code names a template with one variable {@code content}; the outbox id goes as {@code
 * OutId}. Without an endpoint, messages are written to the log, number masked.
 */
@Component
class SmsDelivery implements Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(SmsDelivery.class);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final NotificationSettings settings;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  SmsDelivery(NotificationSettings settings) {
    this.settings = settings;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public void deliver(List<Notification> batch, Outcome done) {
    for (Notification n : batch) {
      if (!settings.sms().configured()) {
        LOG.info("SMS (no gateway configured) to {}: {}", Masking.phone(n.address()), n.subject());
        done.sent(n);
        continue;
      }
      try {
        send(n);
        done.sent(n);
      } catch (IOException | RuntimeException failed) {
        done.failed(n, failed);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        done.failed(n, interrupted);
        return;
      }
    }
  }

  void send(Notification n) throws IOException, InterruptedException {
    NotificationSettings.Sms sms = settings.sms();
    Map<String, String> params = new TreeMap<>();
    params.put("AccessKeyId", sms.accessKeyId());
    params.put("Action", "SendSms");
    params.put("Format", "JSON");
    params.put("OutId", "notice-" + n.id());
    params.put("PhoneNumbers", n.address());
    params.put("RegionId", "cn-hangzhou");
    params.put("SignName", sms.signName());
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureNonce", UUID.randomUUID().toString());
    params.put("SignatureVersion", "1.0");
    params.put("TemplateCode", sms.templateCode());
    params.put("TemplateParam", "{\"content\":" + jsonString(n.body()) + "}");
    params.put("Timestamp", TIMESTAMP.format(EngineClock.now()));
    params.put("Version", "2017-05-25");
    String query = canonical(params);
    String signature = sign(sms.accessKeySecret(), "POST&" + encode("/") + "&" + encode(query));
    String body = "Signature=" + encode(signature) + "&" + query;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sms.endpoint()))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    String text = answer.body() == null ? "" : answer.body();
    if (answer.statusCode() != 200 || !text.replace(" ", "").contains("\"Code\":\"OK\"")) {
      throw new IOException("SMS gateway answered " + answer.statusCode() + " " + text);
    }
  }

  /** The parameters sorted by name, each percent-encoded as the API's signature wants. */
  static String canonical(Map<String, String> sorted) {
    return sorted.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  static String sign(String secret, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
