package org.lianhu.evaluation;

import java.time.Instant;
import java.util.Map;
import org.lianhu.calendar.CountyClock;
import org.springframework.stereotype.Service;

/**
 * The one class that writes evaluations and ratings: each method is one step of an evaluation. Who
 * may take it, and when, is checked by {@link Evaluations}.
 */
@Service
class EvaluationLifecycle {

  private final EvaluationMapper evaluations;
  private final CountyClock clock;

  EvaluationLifecycle(EvaluationMapper evaluations, CountyClock clock) {
    this.evaluations = evaluations;
    this.clock = clock;
  }

  /** Opened at the quarter's end with the figures counted then. */
  Evaluation opened(Map<String, Object> row) {
    row.put("status", EvaluationStatus.SCORING.code());
    row.put("createdAt", clock.now());
    evaluations.insert(row);
    return evaluations.evaluation(((Number) row.get("id")).longValue());
  }

  void scored(long id, double score, String note, String by) {
    evaluations.score(id, score, note, by);
  }

  void rated(long evaluationId, String householdCode, int stars, String comment) {
    evaluations.insertRating(evaluationId, householdCode, stars, comment, clock.now());
  }

  void graded(
      long id,
      Double residentScore,
      int residentRatings,
      double total,
      Grade grade,
      Instant appealClosesAt) {
    evaluations.grade(
        id,
        residentScore,
        residentRatings,
        total,
        grade.code(),
        appealClosesAt,
        EvaluationStatus.PUBLISHED.code());
  }

  /** False when the evaluation was not open to an appeal (any more). */
  boolean appealed(long id, String text) {
    return evaluations.appeal(
            id,
            text,
            clock.now(),
            EvaluationStatus.APPEALED.code(),
            EvaluationStatus.PUBLISHED.code())
        == 1;
  }

  void appealDecided(long id, String note, String by, Grade finalGrade) {
    evaluations.appealDecided(id, note, by, finalGrade.code());
  }

  void finalised(long id) {
    evaluations.finalise(id, clock.now(), EvaluationStatus.FINAL.code());
  }

  void removalDecided(long id, String decision, String note) {
    evaluations.removal(id, decision, note);
  }
}
