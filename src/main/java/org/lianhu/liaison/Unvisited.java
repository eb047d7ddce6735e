package org.lianhu.liaison;

/** A household not visited in a month, with whom its visit is owed: its unit's head and grid. */
record Unvisited(
    String householdCode,
    String address,
    String unitCode,
    String unitName,
    String headUserId,
    String gridCode,
    String workerUserId,
    String gridGroup) {}
