package org.lianhu.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.notifications}: the server's public address for links in messages, the sender of
 * e-mails, how often and how patiently the outbox worker delivers (lease on a claimed message,
 * attempts, backoff from the first retry doubling up to the longest), and the SMS gateway.
 */
@Validated
@ConfigurationProperties("lianhu.notifications")
public record NotificationSettings(
    @NotNull @DefaultValue("http://localhost:8080") String baseUrl,
    @NotNull @DefaultValue("lianhu@localhost") String mailFrom,
    @DefaultValue("true") boolean workerEnabled,
    @NotNull @DefaultValue("PT1S") Duration pollInterval,
    @Positive @Max(1000) @DefaultValue("100") int batchSize,
    @NotNull @DefaultValue("PT2M") Duration lease,
    @Positive @Max(50) @DefaultValue("8") int maxAttempts,
    @NotNull @DefaultValue("PT30S") Duration firstRetry,
    @NotNull @DefaultValue("PT1H") Duration longestRetry,
    @NotNull @DefaultValue Sms sms) {

  /**
   * The SMS gateway (Alibaba Cloud SMS, {@code SendSms} of API version 2017-05-25): off unless an
   * endpoint is set; without one, SMS are written to the log.
   */
  public record Sms(
      String endpoint,
      String accessKeyId,
      String accessKeySecret,
      String signName,
      String templateCode) {

    public boolean configured() {
      return endpoint != null && !endpoint.isBlank();
    }
  }

  /**
   * The wait before attempt {@code attempts + 1}: first-retry, doubled each time, at most longest.
   */
  public Duration backoff(int attempts) {
    Duration wait = firstRetry;
    for (int i = 1; i < attempts && wait.compareTo(longestRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
  }
}
