package org.lianhu.org;

/**
 * A body that mediates disputes at tier 2: a street's people's mediation committee ({@code
 * people}), its judicial office for administrative mediation ({@code administrative}) or the
 * court's circuit office ({@code judicial}). A body with no street serves the whole county.
 */
public record MediationBody(
    Long id, String code, String streetCode, String kind, String name, String groupId) {}
