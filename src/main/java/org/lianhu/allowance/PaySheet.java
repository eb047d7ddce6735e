package org.lianhu.allowance;

import java.time.Instant;

/** A street's pay sheet of a month: a draft until the street approves it, then final for good. */
public record PaySheet(
    long id,
    String streetCode,
    String payMonth,
    String status,
    Instant computedAt,
    String computedBy,
    String approvedBy,
    Instant approvedAt) {

  static final String DRAFT = "draft";
  static final String FINAL = "final";

  public boolean isFinal() {
    return FINAL.equals(status);
  }
}
