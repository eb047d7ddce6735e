package org.lianhu.org;

/**
 * 联户单元: 10-15 households and their elected liaison head; {@code groupId} is the unit's Camunda
 * group, {@code headUserId} the head's login (null until the head has one).
 */
public record LiaisonUnit(
    String code,
    String gridCode,
    String name,
    String headName,
    String headPhone,
    Integer households,
    String groupId,
    String headUserId) {}
