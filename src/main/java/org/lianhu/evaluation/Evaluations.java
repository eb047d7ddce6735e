package org.lianhu.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.lianhu.calendar.CountyClock;
import org.lianhu.engine.DecisionTables;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.liaison.Activities;
import org.lianhu.liaison.CoverageLevel;
import org.lianhu.liaison.UnitKpis;
import org.lianhu.mediation.HeadMediation;
import org.lianhu.org.Community;
import org.lianhu.org.Household;
import org.lianhu.org.LiaisonUnit;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.HouseholdProof;
import org.lianhu.posts.Posts;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly evaluation of the heads (processes/liaison-head-evaluation.bpmn; weights and grade
 * bands in processes/head-evaluation.dmn; formulas in docs/liaison-heads.md): opened for every head
 * in post at the quarter's end with the quarter's figures, rated by the unit's households, scored
 * by the community office, graded, appealed once, finalised; two 不称职 in a year propose the head's
 * removal.
 */
@Service
public class Evaluations {

  static final String PROCESS_KEY = "liaisonHeadEvaluation";
  static final String APPEALED_MESSAGE = "EvaluationAppealed";
  static final String WEIGHTS = "headEvaluationWeights";
  static final String GRADES = "headEvaluationGrade";

  /** A resident's rating as the resident page sends it. */
  public record RatingBody(
      String householdCode, String householdPhoneLast4, Integer stars, String comment) {}

  /** What a household is asked to rate. */
  public record OpenRating(long evaluationId, String headName, String quarter, String closesAt) {}

  private final EvaluationMapper evaluations;
  private final EvaluationLifecycle lifecycle;
  private final EvaluationSettings settings;
  private final Terms terms;
  private final Posts posts;
  private final HouseholdProof households;
  private final UnitKpis kpis;
  private final HeadMediation mediation;
  private final Activities activities;
  private final OrganisationDirectory directory;
  private final DecisionTables decisions;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CountyClock clock;

  Evaluations(
      EvaluationMapper evaluations,
      EvaluationLifecycle lifecycle,
      EvaluationSettings settings,
      Terms terms,
      Posts posts,
      HouseholdProof households,
      UnitKpis kpis,
      HeadMediation mediation,
      Activities activities,
      OrganisationDirectory directory,
      DecisionTables decisions,
      RuntimeService runtime,
      IdentityService identity,
      CountyClock clock) {
    this.evaluations = evaluations;
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.terms = terms;
    this.posts = posts;
    this.households = households;
    this.kpis = kpis;
    this.mediation = mediation;
    this.activities = activities;
    this.directory = directory;
    this.decisions = decisions;
    this.runtime = runtime;
    this.identity = identity;
    this.clock = clock;
  }

  static String businessKey(long evaluationId) {
    return "eval" + evaluationId;
  }

  public Evaluation evaluation(long id) {
    Evaluation evaluation = evaluations.evaluation(id);
    if (evaluation == null) {
      throw Refusal.notFound("考核 " + id + " 不存在");
    }
    return evaluation;
  }

  /**
   * Opens the quarter's evaluation for every head of the street in post now whose term began before
   * the quarter ended; a head already evaluated for it is skipped. The number opened.
   */
  @Transactional
  public int openForStreet(String streetCode, LocalDate quarterStart) {
    LocalDate end = quarterStart.plusMonths(3);
    String quarter = Quarters.of(quarterStart);
    Instant from = clock.startOf(quarterStart);
    Instant to = clock.startOf(end);
    Map<String, UnitKpis.Row> quarterRows = new HashMap<>();
    for (UnitKpis.Row row :
        kpis.of(CoverageLevel.UNIT, quarterStart, end.minusDays(1), streetCode)) {
      quarterRows.put(row.code(), row);
    }
    Map<String, double[]> coverage = new HashMap<>();
    for (int m = 0; m < 3; m++) {
      for (UnitKpis.Row row :
          kpis.of(CoverageLevel.UNIT, YearMonth.from(quarterStart.plusMonths(m)), streetCode)) {
        coverage.computeIfAbsent(row.code(), k -> new double[3])[m] = row.visitCoverage();
      }
    }
    Map<String, Map<String, Object>> weights = new HashMap<>();
    int opened = 0;
    for (HeadTerm term : terms.inPostDuring(null, streetCode, from, to)) {
      if (!term.open() || evaluations.ofTermAndQuarter(term.id(), quarter) != null) {
        continue;
      }
      UnitKpis.Row row = quarterRows.get(term.unitCode());
      double[] months = coverage.getOrDefault(term.unitCode(), new double[3]);
      Map<String, Object> figures = new HashMap<>();
      figures.put("termId", term.id());
      figures.put("headUserId", term.headUserId());
      figures.put("headName", term.headName());
      figures.put("unitCode", term.unitCode());
      figures.put("communityCode", term.communityCode());
      figures.put("streetCode", term.streetCode());
      figures.put("quarter", quarter);
      figures.put("periodFrom", quarterStart);
      figures.put("periodTo", end);
      figures.put("visitCoverage", (months[0] + months[1] + months[2]) / 3);
      figures.put("reportTimeliness", row == null ? null : row.reportTimeliness());
      figures.put("inUnitResolution", row == null ? null : row.inUnitResolutionRate());
      figures.put("satisfaction", row == null ? null : row.satisfactionRate());
      figures.put("mediationJoined", mediation.joinedBetween(term.headUserId(), from, to));
      figures.put("activities", activities.ofHead(term.headUserId(), quarterStart, end).size());
      figures.put(
          "suggestedScore",
          suggested(weights.computeIfAbsent(term.communityCode(), this::weights), figures));
      figures.put(
          "ratingClosesAt", clock.local(clock.now()).plusDays(settings.ratingDays()).toInstant());
      Evaluation evaluation = lifecycle.opened(figures);
      start(evaluation);
      opened++;
    }
    return opened;
  }

  /** The weights of processes/head-evaluation.dmn for a community of that kind. */
  private Map<String, Object> weights(String communityCode) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(
        "communityKind", directory.community(communityCode).map(Community::kind).orElse(null));
    return decide(WEIGHTS, inputs);
  }

  /** The tables are Lianhu's rules, evaluated whoever's step asks. */
  private Map<String, Object> decide(String key, Map<String, Object> inputs) {
    return WithoutCaller.run(identity, () -> decisions.evaluate(key, inputs));
  }

  /**
   * The organisation's suggested score: each figure's points times its rate, over the points of the
   * figures that have a base (a quarter without in-unit cases has no resolution rate), as 0-100.
   */
  static double suggested(Map<String, Object> weights, Map<String, Object> figures) {
    double points = 0;
    double possible = 0;
    Object[][] parts = {
      {"coverageWeight", figures.get("visitCoverage")},
      {"reportsWeight", figures.get("reportTimeliness")},
      {"resolutionWeight", figures.get("inUnitResolution")},
      {"satisfactionWeight", figures.get("satisfaction")},
      {
        "participationWeight",
        ((Number) figures.get("mediationJoined")).intValue()
                    + ((Number) figures.get("activities")).intValue()
                > 0
            ? 1.0
            : 0.0
      }
    };
    for (Object[] part : parts) {
      if (part[1] == null) {
        continue;
      }
      double weight = ((Number) weights.get(part[0])).doubleValue();
      points += weight * ((Number) part[1]).doubleValue();
      possible += weight;
    }
    return possible == 0 ? 0 : Math.round(points / possible * 1000) / 10.0;
  }

  private void start(Evaluation e) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("evaluationId", e.id());
    variables.put("headName", e.headName());
    variables.put(
        "unitName",
        directory.liaisonUnit(e.unitCode()).map(LiaisonUnit::name).orElse(e.unitCode()));
    variables.put("quarterLabel", Quarters.label(e.quarter()));
    variables.put(
        "communityGroup",
        directory.community(e.communityCode()).map(Community::groupId).orElseThrow());
    variables.put("streetGroup", directory.coordinatorGroup(e.streetCode()));
    variables.put("figuresText", figuresText(e));
    variables.put("suggestedScore", String.valueOf(e.suggestedScore()));
    variables.put("ratingClosesAt", Date.from(e.ratingClosesAt()));
    WithoutCaller.run(
        identity,
        () -> runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(e.id()), variables));
  }

  static String figuresText(Evaluation e) {
    return "走访覆盖率 "
        + percent(e.visitCoverage())
        + "；需求报送及时率 "
        + percent(e.reportTimeliness())
        + "；小事不出户率 "
        + percent(e.inUnitResolution())
        + "；群众满意率 "
        + percent(e.satisfaction())
        + "；参与调解 "
        + e.mediationJoined()
        + " 件；组织活动 "
        + e.activities()
        + " 次";
  }

  private static String percent(Double rate) {
    return rate == null ? "无（本季度无此项）" : Math.round(rate * 1000) / 10.0 + "%";
  }

  /** 组织考核: the community office's score, explained when far from the suggestion. */
  void score(long id, Object score, Object note, String actor) {
    double value;
    try {
      value = Double.parseDouble(String.valueOf(score).strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("请填写组织考核分（0-100）");
    }
    if (value < 0 || value > 100 || Double.isNaN(value)) {
      throw new IllegalArgumentException("组织考核分须在0到100之间");
    }
    String text = note == null || note.toString().isBlank() ? null : note.toString().strip();
    if (text != null && text.length() > 500) {
      throw new IllegalArgumentException("评分说明不超过500字");
    }
    Evaluation e = evaluation(id);
    if (text == null && e.suggestedScore() != null && Math.abs(value - e.suggestedScore()) > 10) {
      throw new IllegalArgumentException("评分与参考分相差10分以上，请填写评分说明");
    }
    lifecycle.scored(id, value, text, actor);
  }

  /** The grade: residents' and organisation's scores weighted, banded by the DMN table. */
  Evaluation grade(long id) {
    Evaluation e = evaluation(id);
    EvaluationMapper.Ratings ratings = evaluations.ratings(id);
    Double resident =
        ratings == null || ratings.count() == 0 || ratings.average() == null
            ? null
            : Math.round(ratings.average() * 20 * 10) / 10.0;
    Map<String, Object> weights = weights(e.communityCode());
    double organisation = e.organisationScore() == null ? 0 : e.organisationScore();
    double total =
        resident == null
            ? organisation
            : ((Number) weights.get("residentWeight")).doubleValue() * resident
                + ((Number) weights.get("organisationWeight")).doubleValue() * organisation;
    total = Math.round(total * 10) / 10.0;
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("score", total);
    Grade grade = Grade.of((String) decide(GRADES, inputs).get("grade")).orElseThrow();
    Instant appealCloses = clock.local(clock.now()).plusDays(settings.appealDays()).toInstant();
    lifecycle.graded(
        id, resident, ratings == null ? 0 : ratings.count(), total, grade, appealCloses);
    return evaluation(id);
  }

  /** The head appeals their result, once, within the window. */
  @Transactional
  public Evaluation appeal(String headUserId, long id, String text) {
    Evaluation e = evaluations.evaluation(id);
    if (e == null || !e.headUserId().equals(headUserId)) {
      throw Refusal.notFound("考核 " + id + " 不存在");
    }
    String reason = text == null ? "" : text.strip();
    if (reason.length() < 5 || reason.length() > 1000) {
      throw Refusal.invalid("text", "请写明申诉理由（5到1000字）");
    }
    if (e.appealedAt() != null) {
      throw Refusal.conflict("appeal-filed", "已申诉", "每次考核只能申诉一次");
    }
    if (!e.is(EvaluationStatus.PUBLISHED) || !clock.now().isBefore(e.appealClosesAt())) {
      throw Refusal.conflict(
          "appeal-closed", "不在申诉期", "考核结果公布后 " + settings.appealDays() + " 天内可以申诉");
    }
    if (!lifecycle.appealed(id, reason)) {
      throw Refusal.conflict("appeal-filed", "已申诉", "每次考核只能申诉一次");
    }
    WithoutCaller.run(
        identity,
        () ->
            runtime
                .createMessageCorrelation(APPEALED_MESSAGE)
                .processInstanceBusinessKey(businessKey(id))
                .setVariable("appealText", reason)
                .correlateWithResult());
    return evaluation(id);
  }

  void appealDecided(long id, Object decision, Object revised, Object note, String actor) {
    String text = note == null ? "" : note.toString().strip();
    if (text.isEmpty() || text.length() > 500) {
      throw new IllegalArgumentException("请填写复核意见（不超过500字）");
    }
    Evaluation e = evaluation(id);
    Grade grade =
        switch (decision == null ? "" : decision.toString()) {
          case "uphold" -> Grade.of(e.grade()).orElseThrow();
          case "revise" ->
              Grade.of(revised == null ? "" : revised.toString())
                  .orElseThrow(() -> new IllegalArgumentException("改定等次时请选择改定后的等次"));
          default -> throw new IllegalArgumentException("请选择复核结论");
        };
    lifecycle.appealDecided(id, text, actor, grade);
  }

  /** The final grade; true when it is the year's {@code removalAfter}-th 不称职 of the head. */
  boolean finalise(long id) {
    lifecycle.finalised(id);
    Evaluation e = evaluation(id);
    if (!Grade.INCOMPETENT.code().equals(e.finalGrade())) {
      return false;
    }
    LocalDate year = LocalDate.of(e.periodFrom().getYear(), 1, 1);
    int incompetent =
        evaluations.finalGradesInYear(
            e.headUserId(),
            year,
            year.plusYears(1),
            EvaluationStatus.FINAL.code(),
            Grade.INCOMPETENT.code());
    return incompetent >= settings.removalAfter();
  }

  boolean removalDecided(long id, Object decision, Object note) {
    String text = note == null ? "" : note.toString().strip();
    if (text.isEmpty() || text.length() > 500) {
      throw new IllegalArgumentException("请填写审核意见（不超过500字）");
    }
    String value = decision == null ? "" : decision.toString();
    if (!value.equals("remove") && !value.equals("keep")) {
      throw new IllegalArgumentException("请选择审核结论");
    }
    lifecycle.removalDecided(id, value, text);
    return value.equals("remove");
  }

  /** 免职: the post falls vacant (if the head is still the unit's). */
  void remove(long id, String actor) {
    Evaluation e = evaluation(id);
    if (terms.openTermOf(e.headUserId()).filter(t -> t.id() == e.termId()).isPresent()) {
      posts.removeHead(e.unitCode(), "一年内两次考核不称职，经街道审核免职：" + e.removalNote(), actor);
    }
  }

  /** The evaluation a household may rate now: its unit's head's, while ratings are open. */
  @Transactional(readOnly = true)
  public OpenRating openRating(String householdCode, String last4) {
    Evaluation e = ratable(household(householdCode, last4));
    return new OpenRating(
        e.id(), e.headName(), Quarters.label(e.quarter()), clock.minute(e.ratingClosesAt()));
  }

  /** 群众评议: one rating (1-5 stars) per household and evaluation. */
  @Transactional
  public OpenRating rate(RatingBody body) {
    if (body == null || body.stars() == null || body.stars() < 1 || body.stars() > 5) {
      throw Refusal.invalid("stars", "请选择1到5星");
    }
    String comment =
        body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
    if (comment != null && comment.length() > 500) {
      throw Refusal.invalid("comment", "评价内容不超过500字");
    }
    Household household = household(body.householdCode(), body.householdPhoneLast4());
    Evaluation e = ratable(household);
    if (evaluations.rated(e.id(), household.code()) > 0) {
      throw Refusal.conflict("already-rated", "已评议", "本户已对本季度的联户长作出评议");
    }
    lifecycle.rated(e.id(), household.code(), body.stars(), comment);
    return new OpenRating(
        e.id(), e.headName(), Quarters.label(e.quarter()), clock.minute(e.ratingClosesAt()));
  }

  private Evaluation ratable(Household household) {
    Evaluation open =
        directory
            .liaisonUnit(household.unitCode())
            .map(LiaisonUnit::headUserId)
            .flatMap(terms::openTermOf)
            .map(t -> evaluations.openOfTerm(t.id(), EvaluationStatus.SCORING.code()))
            .orElse(null);
    if (open == null || !clock.now().isBefore(open.ratingClosesAt())) {
      throw Refusal.conflict("no-open-evaluation", "暂无评议", "本单元联户长当前没有进行中的季度评议");
    }
    return open;
  }

  private Household household(String code, String last4) {
    return households.verify(code, last4, null, "请填写住户编号和户主电话后四位", "住户编号与户主电话不符");
  }

  /** The grade of the head's latest evaluation finalised before {@code before}, if any. */
  @Transactional(readOnly = true)
  public java.util.Optional<Grade> latestFinalGrade(String headUserId, Instant before) {
    return java.util.Optional.ofNullable(
            evaluations.latestFinal(headUserId, before, EvaluationStatus.FINAL.code()))
        .flatMap(e -> Grade.of(e.finalGrade()));
  }

  /** The head's final grades of a calendar year, by quarter. */
  @Transactional(readOnly = true)
  public List<Evaluation> finalsInYear(String headUserId, int year) {
    LocalDate from = LocalDate.of(year, 1, 1);
    return evaluations.finalsInYear(
        headUserId, from, from.plusYears(1), EvaluationStatus.FINAL.code());
  }

  /** The head's own evaluations, newest first. */
  @Transactional(readOnly = true)
  public List<Evaluation> ofHead(String headUserId) {
    return new ArrayList<>(evaluations.ofHead(headUserId));
  }

  @Transactional(readOnly = true)
  public List<Evaluation> ofPlace(String communityCode, String streetCode, String quarter) {
    return evaluations.ofPlace(communityCode, streetCode, quarter);
  }

  /** The final grades of a year's quarters by community: community -> grade code -> heads. */
  @Transactional(readOnly = true)
  public Map<String, Map<String, Integer>> gradesOfYear(int year, String streetCode) {
    Map<String, Map<String, Integer>> grades = new java.util.TreeMap<>();
    for (int q = 1; q <= 4; q++) {
      for (EvaluationMapper.GradeCount count : gradeCounts(streetCode, year + "Q" + q)) {
        grades
            .computeIfAbsent(count.communityCode(), k -> new java.util.LinkedHashMap<>())
            .merge(count.grade(), count.heads(), Integer::sum);
      }
    }
    return grades;
  }

  @Transactional(readOnly = true)
  List<EvaluationMapper.GradeCount> gradeCounts(String streetCode, String quarter) {
    return evaluations.gradeCounts(streetCode, quarter, EvaluationStatus.FINAL.code());
  }
}
