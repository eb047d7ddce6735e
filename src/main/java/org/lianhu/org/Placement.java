package org.lianhu.org;

/**
 * Where a report belongs in the organisation tree; finer levels may be null when they are unknown.
 */
public record Placement(String streetCode, String communityCode, String gridCode) {

  public static final Placement UNKNOWN = new Placement(null, null, null);
}
