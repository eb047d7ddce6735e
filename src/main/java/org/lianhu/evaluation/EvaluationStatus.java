package org.lianhu.evaluation;

/** Where an evaluation stands ({@code head_evaluation.status}). */
public enum EvaluationStatus {
  /** Residents rate and the community office scores. */
  SCORING("scoring"),
  /** Graded: the head sees the result and may appeal until the window closes. */
  PUBLISHED("published"),
  /** The head appealed: the street decides. */
  APPEALED("appealed"),
  /** The final grade. */
  FINAL("final");

  private final String code;

  EvaluationStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
