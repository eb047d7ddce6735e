package org.lianhu.posts;

/** Published (synchronously) when a head's term ends: what waits on the head stops. */
public record TermEnded(long termId, String headUserId, String reason) {}
