package org.lianhu.posts;

import java.util.Arrays;

/** Where a candidate stands ({@code head_candidate.status}). */
public enum CandidateStatus {
  /** Nominated, not reviewed yet (组织考察 pending). */
  NOMINATED("nominated", "待考察"),
  /** Reviewed and eligible: may be chosen; not appointed, this is the reserve pool (备选库). */
  ELIGIBLE("eligible", "考察合格"),
  /** Reviewed and not eligible. */
  INELIGIBLE("ineligible", "考察不合格"),
  /** Chosen for a post: in its notice or waiting for the street's appointment. */
  CHOSEN("chosen", "拟任"),
  /** Appointed head. */
  APPOINTED("appointed", "已聘任"),
  /** Not appointed after all: an objection was upheld or the street declined. */
  REJECTED("rejected", "未聘任"),
  /** Withdrew. */
  WITHDRAWN("withdrawn", "已退出");

  private final String code;
  private final String label;

  CandidateStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  static CandidateStatus of(String code) {
    return Arrays.stream(values())
        .filter(s -> s.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown candidate status " + code));
  }
}
