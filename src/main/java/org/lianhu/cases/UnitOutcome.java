package org.lianhu.cases;

/**
 * What became of a case in its liaison unit ({@code case_record.unit_outcome}); null for a case
 * that never went to a head. The in-unit KPIs count these (docs/liaison-units.md).
 */
public enum UnitOutcome {
  /** With the head. */
  PENDING("pending"),
  /** Settled by the head in the unit (小事不出户). */
  RESOLVED("resolved"),
  /** Passed up to the grid worker. */
  PASSED_UP("passed_up"),
  /** Referred to the community's deliberation meeting (议事会). */
  REFERRED("referred"),
  /** A dispute: the head handed it to tier-1 mediation (and may join it, 联户长调解). */
  MEDIATED("mediated"),
  /** The head's time limit ran out and the grid worker took it over. */
  TIMED_OUT("timed_out"),
  /** The head left the post before deciding, and the grid worker took it over. */
  VACATED("vacated");

  private final String code;

  UnitOutcome(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
