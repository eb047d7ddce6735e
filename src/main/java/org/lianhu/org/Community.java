package org.lianhu.org;

/** 社区 / 村: a residents' committee or a village. */
public record Community(
    String code,
    String streetCode,
    String name,
    String kind,
    String groupId,
    String addressKeywords) {}
