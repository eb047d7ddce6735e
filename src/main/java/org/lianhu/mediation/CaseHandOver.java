package org.lianhu.mediation;

import java.math.BigDecimal;

/**
 * What the case loop hands to mediation when a case turns out to be a dispute: the reporter becomes
 * the applicant and keeps their tracking code. Owned by mediation, so that cases depends on
 * mediation and never the reverse.
 */
public record CaseHandOver(
    long caseId,
    String caseNo,
    String trackingCode,
    String description,
    String address,
    BigDecimal latitude,
    BigDecimal longitude,
    String liaisonUnitCode,
    String streetCode,
    String communityCode,
    String gridCode,
    String reporterName,
    String reporterPhone,
    DisputeType type) {}
