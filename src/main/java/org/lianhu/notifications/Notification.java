package org.lianhu.notifications;

import java.time.Instant;

/** One message on one channel, as the outbox holds it. */
public record Notification(
    Long id,
    String event,
    Long caseId,
    String caseNo,
    String recipient,
    String recipientName,
    String channel,
    String address,
    String subject,
    String body,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Instant leaseUntil,
    Instant createdAt,
    Instant sentAt,
    Instant readAt,
    String lastError) {

  public Channel channelOf() {
    return Channel.valueOf(channel);
  }
}
