package org.lianhu.notifications;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's inbox ({@code /api/staff/inbox}: the caller's own messages only) and the administrators'
 * outbox: the dead letters, sending one again, and the messages' templates.
 */
@RestController
class NotificationController {

  record Message(
      long id,
      String event,
      String eventName,
      String caseNo,
      String subject,
      String body,
      Instant createdAt,
      Instant readAt) {

    static Message of(Notification n) {
      return new Message(
          n.id(),
          n.event(),
          NoticeEvent.valueOf(n.event()).label(),
          n.caseNo(),
          n.subject(),
          n.body(),
          n.createdAt(),
          n.readAt());
    }
  }

  record Unread(int unread) {}

  record DeadLetter(
      long id,
      String event,
      String caseNo,
      String channel,
      String recipient,
      String subject,
      int attempts,
      String lastError,
      Instant createdAt) {}

  record TemplateText(String subject, String body) {}

  private final Outbox outbox;
  private final IdentityService identity;
  private final OrganisationDirectory directory;

  NotificationController(Outbox outbox, IdentityService identity, OrganisationDirectory directory) {
    this.outbox = outbox;
    this.identity = identity;
    this.directory = directory;
  }

  @GetMapping("/api/staff/inbox")
  List<Message> inbox(
      @RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
    return outbox.inbox(mine(), unread, size).stream().map(Message::of).toList();
  }

  @GetMapping("/api/staff/inbox/unread")
  Unread unread() {
    return new Unread(outbox.unread(mine()));
  }

  @PostMapping("/api/staff/inbox/{id}/read")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void read(@PathVariable long id) {
    outbox.markRead(mine(), id);
  }

  @GetMapping("/api/admin/notifications/dead")
  List<DeadLetter> dead(@RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
    administrator();
    return outbox.dead(size).stream()
        .map(
            n ->
                new DeadLetter(
                    n.id(),
                    n.event(),
                    n.caseNo(),
                    n.channel(),
                    n.recipientName(),
                    n.subject(),
                    n.attempts(),
                    n.lastError(),
                    n.createdAt()))
        .toList();
  }

  @PostMapping("/api/admin/notifications/{id}/retry")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void retry(@PathVariable long id) {
    administrator();
    outbox.retry(id);
  }

  @GetMapping("/api/admin/notification-templates")
  List<Template> templates() {
    administrator();
    return outbox.templates();
  }

  @PutMapping("/api/admin/notification-templates/{event}")
  Template update(@PathVariable String event, @RequestBody TemplateText text) {
    String user = administrator();
    return outbox.updateTemplate(
        event, text == null ? null : text.subject(), text == null ? null : text.body(), user);
  }

  private String mine() {
    return "user:" + caller().getUserId();
  }

  private String administrator() {
    Authentication caller = caller();
    Set<String> administrators = directory.administratorGroups();
    if (caller.getGroupIds() == null
        || caller.getGroupIds().stream().noneMatch(administrators::contains)) {
      throw Refusal.forbidden("仅县级管理员可管理消息");
    }
    return caller.getUserId();
  }

  private Authentication caller() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw Refusal.unauthenticated("需要登录");
    }
    return caller;
  }
}
