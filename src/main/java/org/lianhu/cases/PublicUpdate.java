package org.lianhu.cases;

import java.time.Instant;

/**
 * A public step of a publicly listed case, with the case's status and outcome now, for the feed of
 * updates other systems poll (Open311 {@code servicerequestupdates}).
 */
public record PublicUpdate(
    Long updateId,
    String caseNo,
    String status,
    String outcome,
    String action,
    Instant occurredAt,
    String mediaUrl) {}
