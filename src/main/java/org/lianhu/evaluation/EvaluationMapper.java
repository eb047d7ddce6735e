package org.lianhu.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The evaluations' statements; {@link EvaluationLifecycle} is the one class that writes. */
@Mapper
interface EvaluationMapper {

  /** A community's grades of a quarter: how many of each final grade. */
  record GradeCount(String communityCode, String streetCode, String grade, int heads) {}

  record Ratings(Double average, int count) {}

  void insert(Map<String, Object> row);

  Evaluation evaluation(@Param("id") long id);

  Evaluation ofTermAndQuarter(@Param("termId") long termId, @Param("quarter") String quarter);

  List<Evaluation> ofHead(@Param("headUserId") String headUserId);

  List<Evaluation> ofPlace(
      @Param("communityCode") String communityCode,
      @Param("streetCode") String streetCode,
      @Param("quarter") String quarter);

  Evaluation openOfTerm(@Param("termId") long termId, @Param("status") String status);

  void score(
      @Param("id") long id,
      @Param("score") double score,
      @Param("note") String note,
      @Param("by") String by);

  void grade(
      @Param("id") long id,
      @Param("residentScore") Double residentScore,
      @Param("residentRatings") int residentRatings,
      @Param("total") double total,
      @Param("grade") String grade,
      @Param("appealClosesAt") Instant appealClosesAt,
      @Param("status") String status);

  int appeal(
      @Param("id") long id,
      @Param("text") String text,
      @Param("at") Instant at,
      @Param("status") String status,
      @Param("from") String from);

  void appealDecided(
      @Param("id") long id,
      @Param("note") String note,
      @Param("by") String by,
      @Param("finalGrade") String finalGrade);

  void finalise(@Param("id") long id, @Param("at") Instant at, @Param("status") String status);

  void removal(
      @Param("id") long id, @Param("decision") String decision, @Param("note") String note);

  int finalGradesInYear(
      @Param("headUserId") String headUserId,
      @Param("from") LocalDate from,
      @Param("to") LocalDate to,
      @Param("status") String status,
      @Param("grade") String grade);

  Evaluation latestFinal(
      @Param("headUserId") String headUserId,
      @Param("before") Instant before,
      @Param("status") String status);

  List<Evaluation> finalsInYear(
      @Param("headUserId") String headUserId,
      @Param("from") LocalDate from,
      @Param("to") LocalDate to,
      @Param("status") String status);

  int rated(@Param("evaluationId") long evaluationId, @Param("householdCode") String householdCode);

  void insertRating(
      @Param("evaluationId") long evaluationId,
      @Param("householdCode") String householdCode,
      @Param("stars") int stars,
      @Param("comment") String comment,
      @Param("at") Instant at);

  Ratings ratings(@Param("evaluationId") long evaluationId);

  List<GradeCount> gradeCounts(
      @Param("streetCode") String streetCode,
      @Param("quarter") String quarter,
      @Param("status") String status);
}
