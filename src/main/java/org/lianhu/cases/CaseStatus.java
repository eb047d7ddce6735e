package org.lianhu.cases;

/** Where a case stands in the loop, as the reporter sees it. */
public enum CaseStatus {
  REPORTED("待受理"),
  REJECTED("不予受理"),
  DISPATCHED("处置中"),
  AWAITING_RATING("待评价"),
  STREET_REVIEW("街道复核"),
  CLOSED("已结案");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
