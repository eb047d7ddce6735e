package org.lianhu.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lianhu.calendar.EngineClock;
import org.lianhu.refusal.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox, the one writer of {@code notification}, its templates and contacts. A
 * step tells people ({@link #tell}) in its own transaction: one row per person and channel, the
 * inbox's delivered by the commit itself, e-mail and SMS waiting for {@link OutboxWorker}, which
 * claims each with a lease, delivers it and marks it sent, or schedules it again with backoff, and
 * after max-attempts moves it to the dead letters.
 */
@Service
public class Outbox {

  /** Published when a transaction queued messages, so the worker runs after its commit. */
  public record Queued() {}

  private final NotificationMapper rows;
  private final NotificationSettings settings;
  private final ApplicationEventPublisher events;

  Outbox(NotificationMapper rows, NotificationSettings settings, ApplicationEventPublisher events) {
    this.rows = rows;
    this.settings = settings;
    this.events = events;
  }

  /**
   * Queues the event's message for each recipient on each of their channels, in the caller's
   * transaction: if it rolls back, no one is told; if it commits, everyone will be.
   */
  @Transactional
  public void tell(
      NoticeEvent event,
      Long caseId,
      String caseNo,
      Collection<Recipient> recipients,
      Map<String, String> values) {
    if (recipients.isEmpty()) {
      return;
    }
    Template template = rows.template(event.name());
    if (template == null) {
      throw new IllegalStateException("no notification template for " + event);
    }
    Instant now = EngineClock.now();
    boolean queued = false;
    for (Recipient recipient : recipients) {
      Map<String, String> mine = new HashMap<>(values);
      mine.put("recipientName", recipient.name() == null ? "" : recipient.name());
      String subject = clip(Templates.fill(template.subject(), mine), 200);
      String body = clip(Templates.fill(template.body(), mine), 2000);
      for (Channel channel : recipient.channels()) {
        boolean inbox = channel == Channel.INBOX;
        rows.insert(
            new Notification(
                null,
                event.name(),
                caseId,
                caseNo,
                recipient.inbox(),
                recipient.name(),
                channel.name(),
                recipient.address(channel),
                subject,
                body,
                (inbox ? NoticeStatus.SENT : NoticeStatus.PENDING).name(),
                0,
                now,
                null,
                now,
                inbox ? now : null,
                null,
                null));
        queued |= !inbox;
      }
    }
    if (queued) {
      events.publishEvent(new Queued());
    }
  }

  /** The e-mail address a reporter gave, kept for the messages about their case. */
  @Transactional
  public void remember(String recipient, String email) {
    if (email != null && !email.isBlank()) {
      rows.insertContact(recipient, email.trim(), EngineClock.now());
    }
  }

  // ------------------------------------------------------------------------------------ the worker

  List<Long> due(int limit) {
    return rows.due(
        NoticeStatus.PENDING.name(), NoticeStatus.SENDING.name(), EngineClock.now(), limit);
  }

  /**
   * Claims those of the due messages no other worker has taken, until the lease ends: one update
   * and one read for the whole run, committed before anything is delivered.
   */
  List<Notification> claim(List<Long> ids) {
    Instant now = EngineClock.now();
    String token = UUID.randomUUID().toString();
    if (rows.claim(
            ids,
            token,
            NoticeStatus.PENDING.name(),
            NoticeStatus.SENDING.name(),
            now,
            now.plus(settings.lease()))
        == 0) {
      return List.of();
    }
    return rows.claimed(token, NoticeStatus.SENDING.name());
  }

  void sent(Notification n) {
    rows.sent(n.id(), NoticeStatus.SENT.name(), NoticeStatus.SENDING.name(), EngineClock.now());
  }

  void failed(Notification n, String error) {
    boolean dead = n.attempts() >= settings.maxAttempts();
    rows.failed(
        n.id(),
        (dead ? NoticeStatus.DEAD : NoticeStatus.PENDING).name(),
        NoticeStatus.SENDING.name(),
        EngineClock.now().plus(settings.backoff(n.attempts())),
        clip(error, 500));
  }

  // ------------------------------------------------------------------------------------ the inbox

  public List<Notification> inbox(String recipient, boolean unreadOnly, int limit) {
    return rows.inbox(recipient, Channel.INBOX.name(), unreadOnly, limit);
  }

  public int unread(String recipient) {
    return rows.unread(recipient, Channel.INBOX.name());
  }

  /** Marks one of the recipient's own messages read; not found for anyone else's. */
  @Transactional
  public void markRead(String recipient, long id) {
    if (rows.markRead(id, recipient, Channel.INBOX.name(), EngineClock.now()) == 1) {
      return;
    }
    Notification n = rows.byId(id);
    if (n == null || !recipient.equals(n.recipient()) || n.channelOf() != Channel.INBOX) {
      throw Refusal.notFound("没有编号为 " + id + " 的消息");
    }
  }

  // ------------------------------------------------------------------------------ administration

  public List<Notification> dead(int limit) {
    return rows.withStatus(NoticeStatus.DEAD.name(), limit);
  }

  /** Sends a dead letter again, from its first attempt. */
  @Transactional
  public void retry(long id) {
    if (rows.retry(id, NoticeStatus.PENDING.name(), NoticeStatus.DEAD.name(), EngineClock.now())
        != 1) {
      throw Refusal.notFound("没有编号为 " + id + " 的失败消息");
    }
    events.publishEvent(new Queued());
  }

  public List<Template> templates() {
    return rows.templates();
  }

  /** Changes one event's texts; only the documented placeholders may appear in them. */
  @Transactional
  public Template updateTemplate(String event, String subject, String body, String user) {
    if (rows.template(event) == null) {
      throw Refusal.notFound("没有事件 " + event + " 的消息模板");
    }
    check("subject", subject, 200);
    check("body", body, 2000);
    rows.updateTemplate(event, subject.strip(), body.strip(), user, EngineClock.now());
    return rows.template(event);
  }

  private static void check(String field, String text, int max) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid(field, "不能为空");
    }
    if (text.length() > max) {
      throw Refusal.invalid(field, "不能超过 " + max + " 字");
    }
    var unknown = Templates.unknown(text);
    if (!unknown.isEmpty()) {
      throw Refusal.invalid(
          field, "未知的占位符 " + unknown + "，可用: " + new java.util.TreeSet<>(Templates.PLACEHOLDERS));
    }
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
