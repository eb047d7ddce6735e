package org.lianhu.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/** A head's evaluation of one quarter, read-only ({@link EvaluationLifecycle} writes it). */
public record Evaluation(
    long id,
    long termId,
    String headUserId,
    String headName,
    String unitCode,
    String communityCode,
    String streetCode,
    String quarter,
    LocalDate periodFrom,
    LocalDate periodTo,
    String status,
    Double visitCoverage,
    Double reportTimeliness,
    Double inUnitResolution,
    Double satisfaction,
    int mediationJoined,
    int activities,
    Double suggestedScore,
    Double organisationScore,
    String organisationNote,
    String scoredBy,
    Double residentScore,
    Integer residentRatings,
    Double totalScore,
    String grade,
    Instant ratingClosesAt,
    Instant appealClosesAt,
    String appealText,
    Instant appealedAt,
    String appealNote,
    String appealDecidedBy,
    String finalGrade,
    Instant finalisedAt,
    String removalDecision,
    String removalNote,
    Instant createdAt) {

  /** The quarter as people read it: 2026年第四季度. */
  public String quarterLabel() {
    return Quarters.label(quarter);
  }

  public boolean is(EvaluationStatus state) {
    return state.code().equals(status);
  }
}
