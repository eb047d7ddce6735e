package org.lianhu.posts;

import java.time.Instant;

/**
 * A liaison head's post from the moment it opened (vacant) until it was filled; {@code
 * firstChosenAt}: when a successor was first chosen and published. Read-only.
 */
public record HeadPost(
    long id,
    String unitCode,
    String communityCode,
    String streetCode,
    String status,
    String reason,
    String formerHeadUserId,
    String formerHeadName,
    Instant openedAt,
    String openedBy,
    Instant backfillDue,
    Long chosenCandidateId,
    Instant noticeEndsAt,
    Instant filledAt,
    String headUserId,
    Instant firstChosenAt) {

  public PostStatus state() {
    return PostStatus.of(status);
  }
}
