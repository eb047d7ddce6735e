package org.lianhu.posts;

import java.time.Instant;

/**
 * A head's term in a unit; {@code startedAt} null: in post since before Lianhu recorded terms;
 * {@code endedAt} null: in post now; {@code bankAccount}: where the head's allowance is paid
 * (personal data: masked on every sheet). Read-only.
 */
public record HeadTerm(
    long id,
    String unitCode,
    String communityCode,
    String streetCode,
    String headUserId,
    String headName,
    Long postId,
    Instant startedAt,
    Instant endedAt,
    String endReason,
    String bankAccount) {

  public boolean open() {
    return endedAt == null;
  }
}
