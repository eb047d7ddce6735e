package org.lianhu.mediation;

import java.math.BigDecimal;
import java.time.Instant;

/** What registration writes; the database assigns {@link #id}. MyBatis reads the fields. */
class NewDispute {
  Long id;
  String trackingCode;
  String idempotencyKey;
  String requestFingerprint;
  Long caseId;
  String disputeType;
  String description;
  String address;
  BigDecimal latitude;
  BigDecimal longitude;
  String liaisonUnitCode;
  String gridCode;
  String communityCode;
  String streetCode;
  String riskFlags;
  boolean highRisk;
  String status;
  Instant createdAt;
}
