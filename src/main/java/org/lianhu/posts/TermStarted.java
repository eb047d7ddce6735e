package org.lianhu.posts;

/**
 * Published (synchronously, in the transaction of the change) when a head's term begins; {@code
 * postId} is the post the selection filled with it, null for a head an administrator or a workbook
 * wrote (a county's heads already in post when it starts using Lianhu).
 */
public record TermStarted(
    long termId, String unitCode, String communityCode, String headUserId, Long postId) {

  /** Appointed through the selection: a new head, whose induction's clock starts now. */
  public boolean appointed() {
    return postId != null;
  }
}
