package org.lianhu.posts;

/**
 * Published (synchronously, in the transaction of the appointment) when a head's term begins: the
 * induction's clock starts with it.
 */
public record TermStarted(long termId, String unitCode, String communityCode, String headUserId) {}
