package org.lianhu.mediation;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code dispute}. */
public record Dispute(
    Long id,
    String disputeNo,
    String trackingCode,
    String idempotencyKey,
    String requestFingerprint,
    Long caseId,
    String disputeType,
    String description,
    String address,
    BigDecimal latitude,
    BigDecimal longitude,
    String liaisonUnitCode,
    String gridCode,
    String communityCode,
    String streetCode,
    String riskFlags,
    Boolean highRisk,
    String status,
    Integer tier,
    Integer reachedTier,
    String agreementTerms,
    Instant agreementAt,
    String confirmationResult,
    String guidance,
    String guidanceNotes,
    String processInstanceId,
    Instant createdAt,
    Instant closedAt) {

  public DisputeStatus disputeStatus() {
    return DisputeStatus.valueOf(status);
  }

  public DisputeType type() {
    return DisputeType.valueOf(disputeType);
  }
}
