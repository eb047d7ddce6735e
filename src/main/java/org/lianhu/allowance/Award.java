package org.lianhu.allowance;

import java.time.Instant;

/** 年度评优: a head nominated as an outstanding head of a year, and the street's decision. */
public record Award(
    long id,
    int awardYear,
    long termId,
    String headUserId,
    String communityCode,
    String streetCode,
    String status,
    String note,
    String nominatedBy,
    Instant nominatedAt,
    String decisionNote,
    String decidedBy,
    Instant decidedAt) {

  static final String NOMINATED = "nominated";
  static final String APPROVED = "approved";
  static final String DECLINED = "declined";
}
