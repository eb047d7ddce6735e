package org.lianhu.org;

/** 职能部门: a functional department of the county. */
public record Department(String code, String name, String groupId) {}
