package org.lianhu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.lianhu.support.PostsTest;
import org.lianhu.support.SelectionDriver;
import org.lianhu.support.TestUnits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/liaison-head-evaluation.bpmn and of the round that starts it: the
 * quarter's evaluations opened for the heads of 西城街道 in post by the round's timer; a test unit's
 * new head rated by its two households and scored by the community office (hejun), graded by the
 * DMN table (worked by hand below), with no appeal, or with an appeal the street (linlin) decides;
 * two 不称职 in a year proposing a removal the street confirms (a vacancy) or declines.
 */
@PostsTest
class HeadEvaluationProcessTest {

  @Autowired private ApplicationContext context;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private Evaluations evaluations;
  @Autowired private EvaluationMapper mapper;
  @Autowired private Terms terms;
  @Autowired private RuntimeService runtime;
  @Autowired private TaskService tasks;
  @Autowired private ManagementService management;
  @Autowired private CountyClock clock;

  private SelectionDriver driver;

  @BeforeEach
  void driver() {
    driver = new SelectionDriver(context);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Evaluation of(String head, String quarter) {
    return mapper.ofHead(head).stream()
        .filter(e -> e.quarter().equals(quarter))
        .findFirst()
        .orElseThrow();
  }

  private String key(Evaluation e) {
    return Evaluations.businessKey(e.id());
  }

  private Evaluation openedFor(String head, LocalDate quarterStart) {
    evaluations.openForStreet("xicheng", quarterStart);
    return of(head, Quarters.of(quarterStart));
  }

  private void score(Evaluation e, double score, String note) {
    Map<String, Object> form =
        note == null
            ? Map.of("organisationScore", score)
            : Map.of("organisationScore", score, "organisationNote", note);
    driver.complete("hejun", driver.task(key(e), "scoreHead"), form);
  }

  private Evaluation fresh(Evaluation e) {
    return mapper.evaluation(e.id());
  }

  private Evaluations.RatingBody rating(String unit, int household, int stars) {
    return new Evaluations.RatingBody(unit + "-0" + household, "000" + household, stars, "很负责");
  }

  @Test
  void theRoundsTimerOpensTheEndedQuartersEvaluationForEveryHeadInPost() {
    String round =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey("evaluationRound")
            .singleResult()
            .getId();
    Job timer = management.createJobQuery().processInstanceId(round).timers().singleResult();
    LocalDate next = Quarters.start(clock.today()).plusMonths(3);
    assertThat(clock.local(timer.getDuedate().toInstant()).toLocalDate()).isEqualTo(next);
    assertThat(clock.local(timer.getDuedate().toInstant()).getHour()).isEqualTo(9);

    ClockUtil.setCurrentTime(java.util.Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
    management.executeJob(timer.getId());
    for (Job street : management.createJobQuery().processInstanceId(round).list()) {
      management.executeJob(street.getId());
    }
    String ended = Quarters.of(Quarters.previousStart(clock.today()));
    Evaluation mayulan = of("mayulan", ended);
    Evaluation zhoulihua = of("zhoulihua", ended);
    assertThat(mayulan.streetCode()).isEqualTo("xicheng");
    assertThat(zhoulihua.communityCode()).isEqualTo("xinhua");
    assertThat(mayulan.visitCoverage()).isBetween(0.0, 1.0);
    assertThat(
            runtime.createProcessInstanceQuery().processInstanceBusinessKey(key(mayulan)).count())
        .isOne();
    Task score = driver.task(key(mayulan), "scoreHead");
    assertThat(tasks.getIdentityLinksForTask(score.getId()))
        .anyMatch(l -> "communityTaoyuan".equals(l.getGroupId()));
    assertThat(tasks.getVariable(score.getId(), "figuresText").toString())
        .contains("走访覆盖率")
        .contains("组织活动");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("evaluationRound").count())
        .as("the next round waits")
        .isOne();
    assertThat(evaluations.openForStreet("xicheng", Quarters.previousStart(clock.today())))
        .as("again: none")
        .isZero();
  }

  @Test
  void residentsRateTheOfficeScoresAndTheTableGradesWithoutAnAppealTheGradeIsFinal() {
    String unit = TestUnits.create(jdbc);
    String head = driver.appoint(unit, "毛建新", "13700001616");
    ClockUtil.reset();
    Evaluation e = openedFor(head, Quarters.start(clock.today()));
    assertThat(e.activities()).isZero();

    evaluations.rate(rating(unit, 1, 5));
    evaluations.rate(rating(unit, 2, 4));
    assertThat(
            catchThrowableOfType(Refusal.class, () -> evaluations.rate(rating(unit, 2, 3))).type())
        .isEqualTo("already-rated");
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () ->
                        evaluations.rate(new Evaluations.RatingBody(unit + "-01", "9999", 5, null)))
                .type())
        .isEqualTo("household-not-verified");
    assertThat(
            catchThrowableOfType(Refusal.class, () -> evaluations.rate(rating(unit, 1, 6))).field())
        .isEqualTo("stars");

    assertThatThrownBy(() -> score(e, 80, null)).hasMessageContaining("请填写评分说明");
    assertThatThrownBy(() -> score(e, 120, "x")).hasMessageContaining("0到100");
    score(e, 80, "新任联户长，走访刚开始，按实际表现评分");
    driver.fire(key(e), "ratingClosed");

    // Residents: (5 + 4) / 2 = 4.5 stars = 90; total 0.4 × 90 + 0.6 × 80 = 84.0: 称职 (75-89.9).
    Evaluation graded = fresh(e);
    assertThat(graded.residentScore()).isEqualTo(90.0);
    assertThat(graded.residentRatings()).isEqualTo(2);
    assertThat(graded.totalScore()).isEqualTo(84.0);
    assertThat(graded.grade()).isEqualTo("competent");
    assertThat(graded.is(EvaluationStatus.PUBLISHED)).isTrue();
    assertThat(
            catchThrowableOfType(Refusal.class, () -> evaluations.rate(rating(unit, 1, 5))).type())
        .isEqualTo("no-open-evaluation");

    driver.fire(key(e), "appealWindowOver");
    Evaluation done = fresh(e);
    assertThat(done.finalGrade()).isEqualTo("competent");
    assertThat(done.is(EvaluationStatus.FINAL)).isTrue();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key(e)).count())
        .isZero();
    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> evaluations.appeal(head, e.id(), "我对结果有意见，理由如下"))
                .type())
        .isEqualTo("appeal-closed");
  }

  @Test
  void theHeadAppealsOnceAndTheStreetRevisesTheGrade() {
    String unit = TestUnits.create(jdbc);
    String head = driver.appoint(unit, "尹红梅", "13700001717");
    ClockUtil.reset();
    Evaluation e = openedFor(head, Quarters.start(clock.today()));
    score(e, e.suggestedScore() + 5, null);
    driver.fire(key(e), "ratingClosed");
    // No resident rated: the organisation's score alone.
    assertThat(fresh(e).totalScore()).isEqualTo(Math.round((e.suggestedScore() + 5) * 10) / 10.0);

    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> evaluations.appeal("mayulan", e.id(), "不是我的考核也申诉"))
                .kind())
        .isEqualTo(Refusal.Kind.NOT_FOUND);
    evaluations.appeal(head, e.id(), "本季度刚上任，走访覆盖率不应按整季度计算");
    assertThat(
            catchThrowableOfType(Refusal.class, () -> evaluations.appeal(head, e.id(), "再申诉一次"))
                .type())
        .isEqualTo("appeal-filed");
    Task decide = driver.task(key(e), "decideAppeal");
    assertThat(tasks.getVariable(decide.getId(), "appealText").toString()).contains("刚上任");
    assertThatThrownBy(
            () ->
                driver.complete(
                    "linlin", decide, Map.of("appealDecision", "revise", "appealNote", "同意")))
        .hasMessageContaining("请选择改定后的等次");
    driver.complete(
        "linlin",
        driver.task(key(e), "decideAppeal"),
        Map.of(
            "appealDecision", "revise", "revisedGrade", "competent", "appealNote", "任职时间短，按称职评定"));
    Evaluation done = fresh(e);
    assertThat(done.finalGrade()).isEqualTo("competent");
    assertThat(done.appealNote()).isEqualTo("任职时间短，按称职评定");
    assertThat(done.appealDecidedBy()).isEqualTo("linlin");
    assertThat(done.is(EvaluationStatus.FINAL)).isTrue();
  }

  private void incompetent(String head, LocalDate quarterStart) {
    Evaluation e = openedFor(head, quarterStart);
    score(e, 10, "本季度基本未履职");
    driver.fire(key(e), "ratingClosed");
    assertThat(fresh(e).grade()).isEqualTo("incompetent");
    driver.fire(key(e), "appealWindowOver");
  }

  @Test
  void aSecondIncompetentInAYearProposesARemovalTheStreetConfirmsAndThePostFallsVacant() {
    LocalDate q3 = LocalDate.of(clock.today().getYear(), 7, 1);
    LocalDate q4 = LocalDate.of(clock.today().getYear(), 10, 1);
    incompetent("huxiumei", q3);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(key(of("huxiumei", Quarters.of(q3))))
                .count())
        .as("the first 不称职 ends the evaluation")
        .isZero();
    incompetent("huxiumei", q4);
    Evaluation second = of("huxiumei", Quarters.of(q4));
    Task confirm = driver.task(key(second), "confirmRemoval");
    assertThat(tasks.getIdentityLinksForTask(confirm.getId()))
        .anyMatch(l -> "streetXicheng".equals(l.getGroupId()));
    driver.complete(
        "linlin", confirm, Map.of("removalDecision", "remove", "removalNote", "两次不称职，予以免职"));

    assertThat(terms.openTermOf("huxiumei")).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select reason from head_post where unit_code = 'taoyuan2a' and open_unit is not null",
                String.class))
        .isEqualTo("removed");
    assertThat(fresh(second).removalDecision()).isEqualTo("remove");
  }

  @Test
  void theStreetMayKeepAHeadAfterASecondIncompetent() {
    LocalDate q3 = LocalDate.of(clock.today().getYear(), 7, 1);
    LocalDate q4 = LocalDate.of(clock.today().getYear(), 10, 1);
    incompetent("guodesheng", q3);
    incompetent("guodesheng", q4);
    Evaluation second = of("guodesheng", Quarters.of(q4));
    driver.complete(
        "linlin",
        driver.task(key(second), "confirmRemoval"),
        Map.of("removalDecision", "keep", "removalNote", "限期一个月整改"));
    assertThat(terms.openTermOf("guodesheng")).isPresent();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key(second)).count())
        .isZero();
  }
}
