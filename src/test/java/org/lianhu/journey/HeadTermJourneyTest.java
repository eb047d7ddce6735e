package org.lianhu.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianhu.allowance.PayLine;
import org.lianhu.allowance.PaySheets;
import org.lianhu.calendar.CountyClock;
import org.lianhu.evaluation.Evaluation;
import org.lianhu.evaluation.Evaluations;
import org.lianhu.posts.Posts;
import org.lianhu.support.PostsTest;
import org.lianhu.support.SelectionDriver;
import org.lianhu.support.TestUnits;
import org.lianhu.training.Training;
import org.lianhu.training.TrainingViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #14's "done when", in one run: a head leaves a unit of 桃园村, the vacancy is filled through
 * nomination, review, notice and appointment, the new head completes induction, is evaluated at the
 * quarter's end (rated by a household, scored by the community office, graded), and is paid on the
 * street's sheet for the days in post.
 */
@PostsTest
class HeadTermJourneyTest {

  @Autowired private ApplicationContext context;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private Posts posts;
  @Autowired private Training training;
  @Autowired private TrainingViews trainingViews;
  @Autowired private Evaluations evaluations;
  @Autowired private PaySheets sheets;
  @Autowired private CountyClock clock;
  @Autowired private org.lianhu.posts.Terms terms;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aVacancyIsFilledTheNewHeadTrainedEvaluatedAndPaid() {
    SelectionDriver driver = new SelectionDriver(context);
    String unit = TestUnits.create(jdbc);
    // The clock moves forward with each timer (the notices, the rating and appeal windows) and is
    // never set back, so every step follows the one before.
    String first = driver.appoint(unit, "童家宝", "13700002323");
    org.lianhu.posts.HeadPost vacancy =
        driver.as("hejun", () -> posts.open(unit, "moved_away", "随子女迁往外地"));
    String head = driver.fill(vacancy, "殷晓梅", "13700002424", "hejun", "linlin");
    assertThat(head).isNotEqualTo(first);

    long course =
        driver.as(
            "hejun", () -> training.addCourse("新任联户长初任培训", "induction", null, "taoyuan").id());
    long session =
        driver.as(
            "hejun",
            () ->
                training
                    .addSession(course, clock.today(), "offline", "村委会议室", new BigDecimal("4"))
                    .id());
    driver.as("hejun", () -> training.attend(session, List.of(head)));
    assertThat(trainingViews.ofHead(head).inductionDone()).isTrue();

    java.time.LocalDate today = clock.today();
    evaluations.openForStreet(
        "xicheng",
        java.time.LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1));
    Evaluation e = evaluations.ofHead(head).get(0);
    evaluations.rate(new Evaluations.RatingBody(unit + "-01", "0001", 5, "新联户长很热心"));
    driver.complete(
        "hejun",
        driver.task("eval" + e.id(), "scoreHead"),
        Map.of("organisationScore", 70, "organisationNote", "新任，表现积极"));
    driver.fire("eval" + e.id(), "ratingClosed");
    driver.fire("eval" + e.id(), "appealWindowOver");
    // 0.4 × 100 + 0.6 × 70 = 82.0: 称职.
    Evaluation graded = evaluations.evaluation(e.id());
    assertThat(graded.totalScore()).isEqualTo(82.0);
    assertThat(graded.finalGrade()).isEqualTo("competent");

    YearMonth month = YearMonth.from(clock.today());
    List<PayLine> lines =
        driver.as("linlin", () -> sheets.lines(sheets.draw("xicheng", month.toString()).id()));
    PayLine pay = lines.stream().filter(l -> l.headUserId().equals(head)).findFirst().orElseThrow();
    java.time.LocalDate started = clock.day(terms.openTermOf(head).orElseThrow().startedAt());
    int days =
        started.isBefore(month.atDay(1))
            ? month.lengthOfMonth()
            : month.lengthOfMonth() - started.getDayOfMonth() + 1;
    assertThat(pay.daysInPost()).isEqualTo(days);
    BigDecimal monthDays = BigDecimal.valueOf(month.lengthOfMonth());
    assertThat(pay.base())
        .isEqualByComparingTo(
            BigDecimal.valueOf(200L * days).divide(monthDays, 2, java.math.RoundingMode.HALF_UP));
    assertThat(pay.performance())
        .as("称职's 60 for the days in post")
        .isEqualByComparingTo(
            BigDecimal.valueOf(60L * days).divide(monthDays, 2, java.math.RoundingMode.HALF_UP));
    assertThat(terms.termsOf(first))
        .singleElement()
        .satisfies(t -> assertThat(t.endReason()).isEqualTo("moved_away"));
  }
}
