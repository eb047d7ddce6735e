package org.lianhu.posts;

import java.time.Instant;

/**
 * A head's term in a unit; {@code startedAt} null: in post since before Lianhu recorded terms;
 * {@code endedAt} null: in post now. Read-only.
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
    String endReason) {

  public boolean open() {
    return endedAt == null;
  }
}
