package org.lianhu.org;

/** 街道 / 乡镇: township-level office with its coordination and mediation centre. */
public record Street(String code, String name, String groupId, String addressKeywords) {}
