package org.lianhu.org;

/** 联户单元: 10-15 households and their elected liaison head. */
public record LiaisonUnit(
    String code,
    String gridCode,
    String name,
    String headName,
    String headPhone,
    Integer households) {}
