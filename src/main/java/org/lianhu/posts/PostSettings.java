package org.lianhu.posts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The head's post's figures (../shared/liaison-rules.md), each a default: {@code lianhu.posts.*}.
 *
 * @param noticeWorkingDays how long the chosen candidate's name is published (公示), in working days
 * @param backfillDays a vacant post is filled within this many calendar days (7日内补充到位); at the end
 *     the street is told to supervise
 * @param backfillReminderDays the community office is reminded this many calendar days after the
 *     post fell vacant
 * @param poolShare the reserve pool a community keeps, as a share of its posts (备选库 10%)
 */
@ConfigurationProperties("lianhu.posts")
public record PostSettings(
    @DefaultValue("5") int noticeWorkingDays,
    @DefaultValue("7") int backfillDays,
    @DefaultValue("5") int backfillReminderDays,
    @DefaultValue("0.1") double poolShare) {

  public PostSettings {
    if (noticeWorkingDays < 1 || noticeWorkingDays > 30) {
      throw new IllegalArgumentException(
          "lianhu.posts.notice-working-days must be 1 to 30: " + noticeWorkingDays);
    }
    if (backfillDays < 1 || backfillReminderDays < 1 || backfillReminderDays >= backfillDays) {
      throw new IllegalArgumentException(
          "lianhu.posts.backfill-reminder-days must be at least 1 and before"
              + " lianhu.posts.backfill-days: "
              + backfillReminderDays
              + " / "
              + backfillDays);
    }
    if (poolShare < 0 || poolShare > 1) {
      throw new IllegalArgumentException("lianhu.posts.pool-share must be 0 to 1: " + poolShare);
    }
  }

  /** The pool a community with this many posts keeps: the share, rounded up. */
  public int poolTarget(int posts) {
    return (int) Math.ceil(posts * poolShare - 1e-9);
  }
}
