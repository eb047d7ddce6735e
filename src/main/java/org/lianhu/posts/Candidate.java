package org.lianhu.posts;

import java.time.Instant;

/**
 * A candidate for a head's post, nominated for {@code postId}; reviewed and not appointed, they
 * stay in the community's reserve pool. {@code supporters}: the households that nominated them.
 */
public record Candidate(
    long id,
    long postId,
    String communityCode,
    String name,
    String phone,
    String address,
    String profile,
    String nomination,
    String status,
    String reviewNote,
    String reviewedBy,
    Instant reviewedAt,
    Instant createdAt,
    int supporters) {

  public CandidateStatus state() {
    return CandidateStatus.of(status);
  }
}
