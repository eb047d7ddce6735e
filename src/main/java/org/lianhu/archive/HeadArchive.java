package org.lianhu.archive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lianhu.allowance.Award;
import org.lianhu.allowance.Awards;
import org.lianhu.allowance.PayLine;
import org.lianhu.allowance.PaySheets;
import org.lianhu.calendar.CountyClock;
import org.lianhu.evaluation.Evaluation;
import org.lianhu.evaluation.Evaluations;
import org.lianhu.evaluation.Grade;
import org.lianhu.liaison.Activities;
import org.lianhu.liaison.HeadDuties;
import org.lianhu.mediation.HeadMediation;
import org.lianhu.org.Community;
import org.lianhu.org.LiaisonUnit;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.PostAccess;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.lianhu.training.TrainingViews;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 履职档案: everything a head did in their terms, in one view: appointment and units, visits, weekly
 * reports, in-unit cases, mediations joined, activities, training, evaluations and appeals, awards,
 * pay. For the head themself, the offices of the communities and streets of their terms, and the
 * county's groups; everyone else is refused (403).
 */
@Service
@Transactional(readOnly = true)
public class HeadArchive {

  public record TermEntry(
      long termId,
      String unitCode,
      String unitName,
      String communityName,
      String startedAt,
      String endedAt,
      String endReason,
      Map<String, Integer> visitsByMonth,
      int reportsFiled,
      int reportsOnTime,
      int inUnitCases,
      int resolvedInUnit,
      int mediationsJoined) {}

  public record EvaluationEntry(
      String quarter,
      String quarterLabel,
      Double totalScore,
      String gradeLabel,
      String finalGradeLabel,
      boolean appealed,
      String appealNote) {}

  public record Archive(
      String headUserId,
      String headName,
      List<TermEntry> terms,
      List<Activities.Activity> activities,
      TrainingViews.HeadTraining training,
      List<EvaluationEntry> evaluations,
      List<Award> awards,
      List<PayLine> pay,
      BigDecimal paidTotal) {}

  private final Terms terms;
  private final HeadDuties duties;
  private final HeadMediation mediation;
  private final Activities activities;
  private final TrainingViews training;
  private final Evaluations evaluations;
  private final Awards awards;
  private final PaySheets pay;
  private final PostAccess access;
  private final OrganisationDirectory directory;
  private final CountyClock clock;

  HeadArchive(
      Terms terms,
      HeadDuties duties,
      HeadMediation mediation,
      Activities activities,
      TrainingViews training,
      Evaluations evaluations,
      Awards awards,
      PaySheets pay,
      PostAccess access,
      OrganisationDirectory directory,
      CountyClock clock) {
    this.terms = terms;
    this.duties = duties;
    this.mediation = mediation;
    this.activities = activities;
    this.training = training;
    this.evaluations = evaluations;
    this.awards = awards;
    this.pay = pay;
    this.access = access;
    this.directory = directory;
    this.clock = clock;
  }

  public Archive of(String headUserId) {
    List<HeadTerm> all = terms.termsOf(headUserId);
    if (all.isEmpty()) {
      throw Refusal.notFound("联户长 " + headUserId + " 没有任职记录");
    }
    PostAccess.Caller caller = access.caller();
    boolean allowed =
        caller.userId().equals(headUserId)
            || access.countyWide(caller)
            || all.stream()
                .anyMatch(
                    t ->
                        access.inCommunity(caller, t.communityCode())
                            || access.inStreet(caller, t.streetCode()));
    if (!allowed) {
      throw Refusal.forbidden("履职档案仅本人、所在社区、街道和县级工作人员可查看");
    }
    Instant now = clock.now();
    List<TermEntry> entries = new ArrayList<>();
    for (HeadTerm t : all) {
      Instant until = t.endedAt() == null ? now : t.endedAt();
      HeadDuties.Record record = duties.of(headUserId, t.unitCode(), t.startedAt(), until);
      entries.add(
          new TermEntry(
              t.id(),
              t.unitCode(),
              directory.liaisonUnit(t.unitCode()).map(LiaisonUnit::name).orElse(t.unitCode()),
              directory.community(t.communityCode()).map(Community::name).orElse(t.communityCode()),
              t.startedAt() == null ? "（记录之前已在任）" : clock.minute(t.startedAt()),
              t.endedAt() == null ? null : clock.minute(t.endedAt()),
              t.endReason(),
              new TreeMap<>(record.visitsByMonth()),
              record.reportsFiled(),
              record.reportsOnTime(),
              record.inUnitCases(),
              record.resolvedInUnit(),
              mediation.joinedBetween(
                  headUserId, t.startedAt() == null ? Instant.EPOCH : t.startedAt(), until)));
    }
    List<EvaluationEntry> graded =
        evaluations.ofHead(headUserId).stream().map(HeadArchive::evaluation).toList();
    List<PayLine> lines = pay.ofHead(headUserId);
    return new Archive(
        headUserId,
        all.get(all.size() - 1).headName(),
        entries,
        activities.ofHead(headUserId, LocalDate.of(2000, 1, 1), clock.today().plusDays(1)),
        training.recordOf(headUserId),
        graded,
        awards.ofHead(headUserId),
        lines,
        lines.stream().map(PayLine::total).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static EvaluationEntry evaluation(Evaluation e) {
    return new EvaluationEntry(
        e.quarter(),
        e.quarterLabel(),
        e.totalScore(),
        Grade.of(e.grade()).map(Grade::label).orElse(null),
        Grade.of(e.finalGrade()).map(Grade::label).orElse(null),
        e.appealedAt() != null,
        e.appealNote());
  }
}
