package org.lianhu.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who is told, from the organisation data: the staff of a group (each by their own {@code
 * notify_by}), one member of staff or a unit's head, and a case's reporter by what they gave.
 */
@Component
public class Recipients {

  /** A person's contact as the organisation holds it. */
  public record Contact(String userId, String name, String phone, String email, String notifyBy) {}

  private final NotificationMapper rows;
  private final NotificationSettings settings;

  Recipients(NotificationMapper rows, NotificationSettings settings) {
    this.rows = rows;
    this.settings = settings;
  }

  /** The staff in post of these groups, each once. */
  public List<Recipient> ofGroups(List<String> groups) {
    Map<String, Recipient> people = new LinkedHashMap<>();
    for (String group : groups) {
      if (group == null) {
        continue;
      }
      for (Contact c : rows.staffOfGroup(group)) {
        people.putIfAbsent(c.userId(), staff(c));
      }
    }
    return new ArrayList<>(people.values());
  }

  /** A user by id: a member of staff, else a unit's head; empty when neither. */
  public List<Recipient> ofUser(String userId) {
    if (userId == null) {
      return List.of();
    }
    Contact c = rows.staffMember(userId);
    if (c == null) {
      c = rows.unitHead(userId);
    }
    return c == null ? List.of() : List.of(staff(c));
  }

  /** A case's reporter: the masked name messages show, the phone (SMS), the e-mail they gave. */
  public Recipient reporter(long caseId, String maskedName, String phone) {
    String inbox = Recipient.reporterInbox(caseId);
    return Recipient.reporter(
        caseId, maskedName, rows.contactEmail(inbox), phone, settings.sms().configured());
  }

  private Recipient staff(Contact c) {
    String notifyBy = c.notifyBy();
    if ("SMS".equals(notifyBy) && !settings.sms().configured()) {
      notifyBy = "INBOX"; // no gateway: the inbox (and the log) only
    }
    return Recipient.staff(c.userId(), c.name(), c.email(), c.phone(), notifyBy);
  }
}
