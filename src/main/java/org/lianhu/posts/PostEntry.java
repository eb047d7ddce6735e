package org.lianhu.posts;

import java.time.Instant;

/** A step on a post's timeline; {@code shown}: residents see it on the public notice too. */
public record PostEntry(
    long id,
    long postId,
    Instant enteredAt,
    String actor,
    String action,
    String remark,
    boolean shown) {}
