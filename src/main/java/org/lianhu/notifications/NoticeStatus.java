package org.lianhu.notifications;

/** Where a message is in the outbox. */
public enum NoticeStatus {
  /** Waiting to be delivered (again, after a failure, at its next attempt). */
  PENDING,
  /** Claimed by a worker until its lease ends; a crashed worker's claim ends with its lease. */
  SENDING,
  SENT,
  /** Failed max-attempts times: on the administrator's dead-letter list. */
  DEAD
}
