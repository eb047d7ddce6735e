package org.lianhu.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.posts.Posts;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.lianhu.support.PostsTest;
import org.lianhu.support.SelectionDriver;
import org.lianhu.support.TestUnits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heads' training: processes/head-induction.bpmn for a newly appointed head of a test unit of
 * 桃园村 (reminded, then the community office told; ended by attending an induction session; stopped
 * when the head leaves), attendance only for heads in post within a course's reach, shadowing, and
 * the year's coverage by community counted by hand on 青年路社区's four demo heads.
 */
@PostsTest
class TrainingTest {

  @Autowired private ApplicationContext context;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private Training training;
  @Autowired private TrainingViews views;
  @Autowired private Terms terms;
  @Autowired private Posts posts;
  @Autowired private RuntimeService runtime;
  @Autowired private TaskService tasks;
  @Autowired private CountyClock clock;

  private SelectionDriver driver;
  private String unit;

  @BeforeEach
  void aUnitOfItsOwn() {
    driver = new SelectionDriver(context);
    unit = TestUnits.create(jdbc);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private String induction(String head) {
    return "term" + terms.openTermOf(head).orElseThrow().id();
  }

  private ProcessInstance instance(String key) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
  }

  private long course;

  private long inductionSession(String community, LocalDate day) {
    course =
        driver.as(
            "hejun", () -> training.addCourse("新任联户长初任培训", "induction", null, community).id());
    return driver.as(
        "hejun",
        () -> training.addSession(course, day, "offline", "村委会议室", new BigDecimal("3.0")).id());
  }

  @Test
  void aNewHeadIsRemindedAndWhenOverdueTheCommunityOfficeIsToldUntilInductionIsDone() {
    String head = driver.appoint(unit, "鲁志刚", "13700006060");
    String key = induction(head);
    assertThat(instance(key)).isNotNull();

    driver.fire(key, "inductionReminderTimer");
    List<Task> reminders =
        tasks.createTaskQuery().taskAssignee(head).taskNameLike("初任培训提醒%").list();
    assertThat(reminders).hasSize(1);
    driver.fire(key, "inductionDeadlineTimer");
    Task overdue = driver.task(key, "inductionOverdue");
    assertThat(tasks.getIdentityLinksForTask(overdue.getId()))
        .anyMatch(l -> "communityTaoyuan".equals(l.getGroupId()));
    assertThat(tasks.getVariable(overdue.getId(), "headName")).isEqualTo("鲁志刚");
    assertThatThrownBy(() -> driver.complete("hejun", overdue, Map.of()))
        .hasMessageContaining("请填写补训安排");

    long session = inductionSession("taoyuan", clock.today());
    assertThat(driver.as("hejun", () -> training.attend(session, List.of(head))))
        .containsExactly(head);
    assertThat(instance(key)).isNull();
    assertThat(tasks.createTaskQuery().taskAssignee(head).taskNameLike("初任培训提醒%").count()).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_actinst where act_id_ = 'inductionLate'"
                    + " and proc_inst_id_ in (select proc_inst_id_ from act_hi_procinst where business_key_ = ?)",
                Integer.class,
                key))
        .isEqualTo(1);
  }

  @Test
  void attendingAnInductionSessionInTimeEndsItAndTheHeadSeesTheirRecord() {
    String head = driver.appoint(unit, "邬春华", "13700007070");
    String key = induction(head);
    long session = inductionSession("taoyuan", clock.today());
    driver.as("hejun", () -> training.attend(session, List.of(head)));
    assertThat(driver.as("hejun", () -> training.attend(session, List.of(head)))).isEmpty();
    assertThat(instance(key)).isNull();

    TrainingViews.HeadTraining mine = views.ofHead(head);
    assertThat(mine.inductionDone()).isTrue();
    assertThat(mine.inductionDue()).isNotNull();
    assertThat(mine.attended())
        .singleElement()
        .satisfies(a -> assertThat(a.levelLabel()).isEqualTo("初任培训"));
    assertThat(mine.hours()).isEqualByComparingTo("3.0");
  }

  @Test
  void aHeadWhoLeavesStopsTheirInductionAndAHeadWrittenByTheOrganisationHasNone() {
    String head = driver.appoint(unit, "汤国伟", "13700008080");
    String key = induction(head);
    driver.as("hejun", () -> posts.open(unit, "moved_away", "搬去城区居住"));
    assertThat(instance(key)).isNull();
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey("headInduction")
                .processInstanceBusinessKey("term" + terms.openTermOf("mayulan").orElseThrow().id())
                .count())
        .isZero();
  }

  @Test
  void attendanceIsRecordedOnlyForHeadsInPostWithinTheCoursesReach() {
    long session = inductionSession("taoyuan", clock.today());
    Refusal outside =
        catchThrowableOfType(
            Refusal.class,
            () ->
                driver.as(
                    "hejun",
                    () -> training.attend(session, List.of("mayulan", "lixiuying", "nobody"))));
    assertThat(outside.field()).isEqualTo("heads");
    assertThat(outside.getMessage())
        .contains("lixiuying")
        .contains("nobody")
        .doesNotContain("mayulan");
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () -> driver.as("fengxia", () -> training.attend(session, List.of("mayulan"))))
                .kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
    long future =
        driver.as(
            "hejun",
            () ->
                training
                    .addSession(course, clock.today().plusDays(3), "online", null, BigDecimal.ONE)
                    .id());
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () -> driver.as("hejun", () -> training.attend(future, List.of("mayulan"))))
                .type())
        .isEqualTo("session-not-held");
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () ->
                        driver.as(
                            "hejun", () -> training.addCourse("x", "advanced", null, "taoyuan")))
                .field())
        .isEqualTo("level");
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () ->
                        driver.as(
                            "hejun",
                            () ->
                                training.addSession(
                                    course, clock.today(), "offline", null, BigDecimal.ZERO)))
                .field())
        .isEqualTo("hours");
    assertThat(driver.as("hejun", () -> training.attend(session, List.of("mayulan"))))
        .containsExactly("mayulan");
  }

  @Test
  void aNewHeadShadowsAnExperiencedHeadOfTheStreet() {
    String head = driver.appoint(unit, "柳晓燕", "13700009090");
    LocalDate today = clock.today();
    driver.as(
        "hejun", () -> training.pair(head, "mayulan", today, today.plusMonths(3), "每周一起走访一次"));
    assertThat(views.ofHead(head).shadowing())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.role()).isEqualTo("带教人");
              assertThat(s.otherHead()).isEqualTo("mayulan");
            });
    assertThat(views.ofHead("mayulan").shadowing())
        .anyMatch(s -> s.otherHead().equals(head) && s.role().equals("带教对象"));
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () ->
                        driver.as(
                            "hejun",
                            () ->
                                training.pair(head, "lixiuying", today, today.plusMonths(1), null)))
                .field())
        .isEqualTo("mentor");
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () ->
                        driver.as(
                            "hejun",
                            () -> training.pair(head, "mayulan", today, today.minusDays(1), null)))
                .field())
        .isEqualTo("endsOn");
  }

  @Test
  void coverageIsTheHeadsTrainedInTheYearOverTheHeadsInPostInIt() {
    int year = clock.today().getYear();
    long topic =
        driver.as(
            "zhengtao", () -> training.addCourse("矛盾调解专项提升", "topic", null, "qingnianlu").id());
    long first =
        driver.as(
            "zhengtao",
            () ->
                training
                    .addSession(
                        topic, LocalDate.of(year, 1, 1), "offline", "社区活动室", new BigDecimal("2.5"))
                    .id());
    long second =
        driver.as(
            "zhengtao",
            () ->
                training
                    .addSession(topic, clock.today(), "online", null, new BigDecimal("1.5"))
                    .id());
    long lastYear =
        driver.as(
            "zhengtao",
            () ->
                training
                    .addSession(
                        topic, LocalDate.of(year - 1, 12, 31), "offline", null, BigDecimal.ONE)
                    .id());
    // 青年路社区 has four heads: chenyuzhen, yangzhiqiang, zhaoshufen and huangyongfu.
    driver.as("zhengtao", () -> training.attend(first, List.of("chenyuzhen", "yangzhiqiang")));
    driver.as("zhengtao", () -> training.attend(second, List.of("chenyuzhen", "zhaoshufen")));
    driver.as("zhengtao", () -> training.attend(lastYear, List.of("huangyongfu")));

    TrainingViews.Coverage qingnianlu =
        driver.as("gaofeng", () -> views.coverage(year, "dongcheng")).stream()
            .filter(c -> c.communityCode().equals("qingnianlu"))
            .findFirst()
            .orElseThrow();
    assertThat(qingnianlu.heads()).isEqualTo(4);
    assertThat(qingnianlu.trained()).isEqualTo(3);
    assertThat(qingnianlu.rate()).isEqualTo(0.75);
    assertThat(qingnianlu.light()).isEqualTo("red");
    assertThat(driver.as("zhengtao", () -> views.coverage(year, null)))
        .extracting(TrainingViews.Coverage::communityCode)
        .containsExactly("qingnianlu");
    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> driver.as("lixiuying", () -> views.coverage(year, null)))
                .kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
  }
}
