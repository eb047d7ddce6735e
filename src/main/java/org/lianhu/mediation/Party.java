package org.lianhu.mediation;

/** A party to a dispute. */
public record Party(Long id, Long disputeId, String role, String name, String phone) {}
