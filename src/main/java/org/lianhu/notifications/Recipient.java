package org.lianhu.notifications;

import java.util.EnumSet;
import java.util.Set;

/**
 * Someone to tell: an inbox id ({@code user:<id>} for staff and heads, {@code case:<id>} for a
 * case's reporter), their name as messages show it, where e-mail and SMS reach them, and the
 * channels they are told on (the inbox always).
 */
public record Recipient(
    String inbox, String name, String email, String phone, Set<Channel> channels) {

  public static Recipient staff(
      String userId, String name, String email, String phone, String notifyBy) {
    Set<Channel> channels = EnumSet.of(Channel.INBOX);
    if ("EMAIL".equals(notifyBy) && email != null && !email.isBlank()) {
      channels.add(Channel.EMAIL);
    }
    if ("SMS".equals(notifyBy) && phone != null && !phone.isBlank()) {
      channels.add(Channel.SMS);
    }
    return new Recipient("user:" + userId, name, email, phone, channels);
  }

  /** A case's reporter: by e-mail when they gave one, by SMS when the county has a gateway. */
  public static Recipient reporter(
      long caseId, String name, String email, String phone, boolean sms) {
    Set<Channel> channels = EnumSet.of(Channel.INBOX);
    if (email != null && !email.isBlank()) {
      channels.add(Channel.EMAIL);
    }
    if (sms && phone != null && !phone.isBlank()) {
      channels.add(Channel.SMS);
    }
    return new Recipient(reporterInbox(caseId), name, email, phone, channels);
  }

  public static String reporterInbox(long caseId) {
    return "case:" + caseId;
  }

  String address(Channel channel) {
    return switch (channel) {
      case EMAIL -> email;
      case SMS -> phone;
      case INBOX -> null;
    };
  }
}
