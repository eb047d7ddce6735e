package org.lianhu.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in the loop, as the reporter sees it. "Open" is defined here and only here:
 * every query that asks for open or finished cases takes {@link #FINISHED} or {@link #WITH_STAFF}
 * as a parameter instead of spelling statuses out in SQL.
 */
public enum CaseStatus {
  REPORTED("待受理"),
  REJECTED("不予受理"),
  DISPATCHED("处置中"),
  AWAITING_RATING("待评价"),
  STREET_REVIEW("街道复核"),
  CLOSED("已结案"),
  /** A repeat of an open case, merged into it: its reporter follows that case. */
  MERGED("已合并");

  /** The statuses a case ends in; every other status is open. */
  public static final Set<CaseStatus> FINISHED = EnumSet.of(REJECTED, CLOSED, MERGED);

  /**
   * Open and waiting for staff: the reporter's rating is the only open status not on someone's
   * desk.
   */
  public static final Set<CaseStatus> WITH_STAFF = EnumSet.of(REPORTED, DISPATCHED, STREET_REVIEW);

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return !FINISHED.contains(this);
  }
}
