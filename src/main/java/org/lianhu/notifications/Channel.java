package org.lianhu.notifications;

/** How a message reaches its person: the in-app inbox (always), e-mail, SMS. */
public enum Channel {
  INBOX,
  EMAIL,
  SMS
}
