package org.lianhu.cases;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What intake writes for a new report; the database assigns {@link #id}. MyBatis reads the fields.
 */
public class NewCase {
  Long id;
  String trackingCode;
  String idempotencyKey;
  String requestFingerprint;
  String category;
  String description;
  String address;
  String addressKey;
  String mediaUrl;
  BigDecimal latitude;
  BigDecimal longitude;
  String liaisonUnitCode;
  String gridCode;
  String communityCode;
  String streetCode;
  String urgency;
  String reporterName;
  String reporterPhone;
  String source;
  String status;
  String deviceId;
  Instant createdAt;

  public Long id() {
    return id;
  }
}
