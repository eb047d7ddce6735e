package org.lianhu.org;

/**
 * 职能部门: a functional department of the county. A county-wide one (the supervision office) oversees
 * every case of the county, with its offices.
 */
public record Department(String code, String name, String groupId, boolean countyWide) {}
