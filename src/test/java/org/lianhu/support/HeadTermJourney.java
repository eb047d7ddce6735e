package org.lianhu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.lianhu.allowance.PayLine;
import org.lianhu.allowance.PaySheets;
import org.lianhu.calendar.CountyClock;
import org.lianhu.evaluation.Evaluation;
import org.lianhu.evaluation.Evaluations;
import org.lianhu.posts.HeadPost;
import org.lianhu.posts.Posts;
import org.lianhu.posts.Terms;
import org.lianhu.training.Training;
import org.lianhu.training.TrainingViews;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #14's "done when" as one run, for H2 ({@code HeadTermJourneyTest}) and the MySQL-compatible
 * server ({@code HeadTermMySqlIT}): a head leaves a new unit of 桃园村, the vacancy is filled through
 * nomination, review, notice and appointment, the new head completes induction, is evaluated at the
 * quarter's end (rated by a household, scored by the community office, graded 称职), and is paid on
 * the street's sheet for the days in post. The clock moves forward with each timer and is never set
 * back, so every step follows the one before. Answers the new head's login.
 */
public final class HeadTermJourney {

  private HeadTermJourney() {}

  public static String run(ApplicationContext context, JdbcTemplate jdbc) {
    SelectionDriver driver = new SelectionDriver(context);
    Posts posts = context.getBean(Posts.class);
    Training training = context.getBean(Training.class);
    TrainingViews trainingViews = context.getBean(TrainingViews.class);
    Evaluations evaluations = context.getBean(Evaluations.class);
    PaySheets sheets = context.getBean(PaySheets.class);
    Terms terms = context.getBean(Terms.class);
    CountyClock clock = context.getBean(CountyClock.class);
    String unit = TestUnits.create(jdbc);
    String first = driver.appoint(unit, "童家宝", "13700002323");
    HeadPost vacancy = driver.as("hejun", () -> posts.open(unit, "moved_away", "随子女迁往外地"));
    String head = driver.fill(vacancy, "殷晓梅", "13700002424", "hejun", "linlin");
    assertThat(head).isNotEqualTo(first);
    assertThat(terms.termsOf(first))
        .singleElement()
        .satisfies(t -> assertThat(t.endReason()).isEqualTo("moved_away"));

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

    LocalDate today = clock.today();
    evaluations.openForStreet(
        "xicheng", LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1));
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
    LocalDate started = clock.day(terms.openTermOf(head).orElseThrow().startedAt());
    int days =
        started.isBefore(month.atDay(1))
            ? month.lengthOfMonth()
            : month.lengthOfMonth() - started.getDayOfMonth() + 1;
    assertThat(pay.daysInPost()).isEqualTo(days);
    BigDecimal monthDays = BigDecimal.valueOf(month.lengthOfMonth());
    assertThat(pay.base())
        .isEqualByComparingTo(
            BigDecimal.valueOf(200L * days).divide(monthDays, 2, RoundingMode.HALF_UP));
    assertThat(pay.performance())
        .as("称职's 60 for the days in post")
        .isEqualByComparingTo(
            BigDecimal.valueOf(60L * days).divide(monthDays, 2, RoundingMode.HALF_UP));
    return head;
  }
}
