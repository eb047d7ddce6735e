package org.lianhu.posts;

/** A community's posts, vacant posts and reserve pool, as the pool's KPI counts them. */
record PoolRow(
    String communityCode,
    String communityName,
    String streetCode,
    int posts,
    int vacant,
    int pool) {}
