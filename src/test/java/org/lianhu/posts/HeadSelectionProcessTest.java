package org.lianhu.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.WorkingCalendar;
import org.lianhu.cases.CaseIntake;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.org.Location;
import org.lianhu.refusal.Refusal;
import org.lianhu.support.PostsTest;
import org.lianhu.support.TestUnits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/liaison-head-selection.bpmn, on units of its own in the demo's 桃园村
 * (community office hejun, street 西城街道 linlin, grid worker wuhua): nominated, reviewed, chosen,
 * published and appointed; an objection upheld or dismissed; the street declining; a candidate
 * withdrawing; the vacancy reminded on day 5 and escalated to the street on day 7; a head who
 * leaves handing the unit's cases to the grid worker at once.
 */
@PostsTest
class HeadSelectionProcessTest {

  private static final String COMMUNITY_OFFICE = "hejun";
  private static final String STREET = "linlin";

  @Autowired private ProcessEngine engine;
  @Autowired private RuntimeService runtime;
  @Autowired private TaskService tasks;
  @Autowired private ManagementService management;
  @Autowired private IdentityService identity;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private Posts posts;
  @Autowired private PostViews views;
  @Autowired private PostMapper mapper;
  @Autowired private WorkingCalendar calendar;
  @Autowired private CaseIntake intake;
  @Autowired private Terms terms;

  private String unit;

  @BeforeEach
  void aUnitOfItsOwn() {
    AbstractAssertions.init(engine);
    unit = TestUnits.create(jdbc);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  private <T> T as(String user, java.util.function.Supplier<T> work) {
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private HeadPost open(String reason) {
    return as(COMMUNITY_OFFICE, () -> posts.open(unit, reason, "原单元拆分后新设"));
  }

  private Candidate selfNominated(HeadPost post, String name, String phone) {
    return posts.nominateAsResident(
        post.id(), new Posts.NominationBody("self", name, phone, "桃园西组8号", "退休教师，党员", null, null));
  }

  private Candidate byHousehold(HeadPost post, int household, String name, String phone) {
    return posts.nominateAsResident(
        post.id(),
        new Posts.NominationBody(
            "households", name, phone, null, "热心公益", unit + "-0" + household, "000" + household));
  }

  private ProcessInstance instance(HeadPost post) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(SelectionVariables.businessKey(post.id()))
        .singleResult();
  }

  private List<Task> open(HeadPost post, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(SelectionVariables.businessKey(post.id()))
        .taskDefinitionKey(key)
        .list();
  }

  private Task one(HeadPost post, String key) {
    List<Task> found = open(post, key);
    assertThat(found).as(key).hasSize(1);
    return found.get(0);
  }

  private void complete(String user, Task task, Map<String, Object> form) {
    as(
        user,
        () -> {
          if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user);
          }
          tasks.complete(task.getId(), form);
          return null;
        });
  }

  private void review(HeadPost post, Candidate candidate, boolean eligible) {
    Task task =
        open(post, "reviewCandidate").stream()
            .filter(
                t ->
                    candidate
                        .name()
                        .equals(tasks.getVariable(t.getId(), SelectionVariables.CANDIDATE_NAME)))
            .findFirst()
            .orElseThrow();
    complete(
        COMMUNITY_OFFICE,
        task,
        Map.of(
            "reviewResult", eligible ? "eligible" : "ineligible",
            "reviewNote", eligible ? "群众基础好，符合条件" : "不在本村常住"));
  }

  private void choose(HeadPost post, Candidate candidate) {
    complete(
        COMMUNITY_OFFICE,
        one(post, "chooseCandidate"),
        Map.of("chosenCandidate", String.valueOf(candidate.id())));
  }

  private void fire(HeadPost post, String activity) {
    Job job =
        management
            .createJobQuery()
            .processInstanceId(instance(post).getId())
            .activityId(activity)
            .timers()
            .singleResult();
    assertThat(job).as("timer " + activity).isNotNull();
    if (ClockUtil.getCurrentTime().before(job.getDuedate())) {
      ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
    }
    management.executeJob(job.getId());
  }

  private HeadPost post(HeadPost post) {
    return mapper.post(post.id());
  }

  private List<String> actions(HeadPost post) {
    return mapper.entries(post.id(), false).stream().map(PostEntry::action).toList();
  }

  /** Open, nominate, review, choose, notice, appoint: the new head's login. */
  private String filled(HeadPost post, String name, String phone) {
    Candidate candidate = selfNominated(post, name, phone);
    review(post, candidate, true);
    choose(post, candidate);
    fire(post, "noticePeriod");
    complete(STREET, one(post, "appointHead"), Map.of("appointDecision", "appoint"));
    return post(post).headUserId();
  }

  @Test
  void aNewUnitsPostIsFilledThroughNominationReviewNoticeAndAppointment() {
    HeadPost post = open("new_unit");
    assertThat(post.state()).isEqualTo(PostStatus.NOMINATING);
    BpmnAwareTests.assertThat(instance(post)).isWaitingAt("chooseCandidate");
    assertThat(one(post, "chooseCandidate").getName()).isEqualTo("确定拟任人选");

    Candidate self = selfNominated(post, "赵大勇", "13700001111");
    Candidate first = byHousehold(post, 1, "钱玉梅", "13700002222");
    Candidate second = byHousehold(post, 2, "钱玉梅", "13700002222");
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.supporters()).isEqualTo(2);
    assertThat(open(post, "reviewCandidate")).hasSize(2);

    review(post, self, false);
    review(post, first, true);
    Object options = runtime.getVariable(instance(post).getId(), SelectionVariables.OPTIONS);
    assertThat(options.toString()).contains("钱玉梅").contains("2户推荐").doesNotContain("赵大勇");
    assertThatThrownBy(() -> choose(post, self)).hasMessageContaining("不是本社区考察合格的候选人");

    Instant chosenAt = ClockUtil.getCurrentTime().toInstant();
    choose(post, first);
    HeadPost notice = post(post);
    assertThat(notice.state()).isEqualTo(PostStatus.NOTICE);
    assertThat(notice.noticeEndsAt())
        .isBetween(
            calendar.plusWorkingDays(chosenAt, 5).minusMillis(1),
            calendar.plusWorkingDays(chosenAt.plusSeconds(5), 5))
        .isAfterOrEqualTo(chosenAt.plus(Duration.ofDays(5)));
    assertThat(views.openPost(post.id()).chosenName()).isEqualTo("钱玉梅");
    assertThat(mapper.candidate(first.id()).state()).isEqualTo(CandidateStatus.CHOSEN);

    fire(post, "noticePeriod");
    Task appoint = one(post, "appointHead");
    assertThat(tasks.getIdentityLinksForTask(appoint.getId()))
        .anyMatch(l -> "streetXicheng".equals(l.getGroupId()));
    assertThat(post(post).state()).isEqualTo(PostStatus.APPOINTING);
    complete(STREET, appoint, Map.of("appointDecision", "appoint"));

    HeadPost filled = post(post);
    assertThat(filled.state()).isEqualTo(PostStatus.FILLED);
    String head = filled.headUserId();
    assertThat(head).isEqualTo(unit + "h" + post.id());
    assertThat(
            jdbc.queryForMap(
                "select head_user_id, head_name, head_phone from liaison_unit where code = ?",
                unit))
        .containsEntry("HEAD_USER_ID", head)
        .containsEntry("HEAD_NAME", "钱玉梅")
        .containsEntry("HEAD_PHONE", "13700002222");
    assertThat(identity.createGroupQuery().groupMember(head).list())
        .extracting(g -> g.getId())
        .containsExactlyInAnyOrder("unit" + unit, "headsCommunityTaoyuan");
    assertThat(mapper.candidate(first.id()).state()).isEqualTo(CandidateStatus.APPOINTED);
    BpmnAwareTests.assertThat(instance(post)).isNull();
    assertThat(actions(post))
        .containsExactly(
            "岗位空缺（新设单元）",
            "空缺说明",
            "收到推荐（个人自荐）",
            "候选人（个人自荐）",
            "收到推荐（住户推荐）",
            "候选人（住户推荐）",
            "追加推荐（住户推荐）",
            "组织考察：赵大勇 考察不合格",
            "组织考察：钱玉梅 考察合格",
            "任前公示",
            "公示期满",
            "街道聘任");
    assertThat(views.openPosts("taoyuan")).noneMatch(p -> p.id() == post.id());
    assertThat(mapper.entries(post.id(), true).stream().map(PostEntry::remark))
        .as("no candidate's name before the notice")
        .noneMatch(r -> r != null && r.contains("赵大勇"));
  }

  @Test
  void anUpheldObjectionReturnsThePostToChoosingAndTheCandidateIsNotAppointed() {
    HeadPost post = open("new_unit");
    Candidate candidate = selfNominated(post, "孙建军", "13700003333");
    review(post, candidate, true);
    choose(post, candidate);

    Objection objection = posts.object(post.id(), "该候选人长期在外地居住，不了解本组情况", "王五", "13700009999");
    Task answer = one(post, "answerObjection");
    assertThat(tasks.getVariable(answer.getId(), "objectionText")).isEqualTo(objection.text());
    assertThatThrownBy(() -> complete(COMMUNITY_OFFICE, answer, Map.of("answerUpheld", "upheld")))
        .hasMessageContaining("请填写答复内容");
    complete(
        COMMUNITY_OFFICE,
        one(post, "answerObjection"),
        Map.of("answerUpheld", "upheld", "answerText", "经核实，候选人常住城区，异议成立"));

    BpmnAwareTests.assertThat(instance(post)).isWaitingAt("chooseCandidate");
    HeadPost back = post(post);
    assertThat(back.state()).isEqualTo(PostStatus.NOMINATING);
    assertThat(back.chosenCandidateId()).isNull();
    assertThat(mapper.candidate(candidate.id()).state()).isEqualTo(CandidateStatus.REJECTED);
    assertThat(views.objection(objection.code()))
        .isEqualTo(
            new PostViews.ObjectionAnswer(
                views.objection(objection.code()).filedAt(), true, "经核实，候选人常住城区，异议成立", true));
    assertThat(actions(post)).containsSubsequence("任前公示", "收到公示异议", "公示异议成立", "重新推选");
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(instance(post).getId())
                .activityId("noticePeriod")
                .count())
        .isZero();
  }

  @Test
  void aDismissedObjectionIsAnsweredAndTheNoticeRunsOutIntoTheStreetsAppointment() {
    HeadPost post = open("new_unit");
    Candidate candidate = selfNominated(post, "周海涛", "13700004444");
    review(post, candidate, true);
    choose(post, candidate);
    posts.object(post.id(), "听说他脾气不太好，邻里关系一般", null, null);
    complete(
        COMMUNITY_OFFICE,
        one(post, "answerObjection"),
        Map.of("answerUpheld", "dismissed", "answerText", "走访了五户邻居，反映良好，异议不成立"));
    BpmnAwareTests.assertThat(instance(post)).isWaitingAt("noticePeriod");

    fire(post, "noticePeriod");
    assertThat(one(post, "appointHead")).isNotNull();
    Refusal late =
        catchThrowableOfType(
            Refusal.class, () -> posts.object(post.id(), "公示期已过还想提异议", null, null));
    assertThat(late.type()).isEqualTo(Posts.NOTICE_CLOSED);
    assertThat(mapper.objectionsOfPost(post.id())).hasSize(1);
    assertThat(actions(post)).containsSubsequence("收到公示异议", "公示异议不成立", "公示期满");
  }

  @Test
  void theStreetDecliningOrTheChosenCandidateWithdrawingReturnsThePostToChoosingFromThePool() {
    HeadPost post = open("new_unit");
    Candidate first = selfNominated(post, "吴志明", "13700005555");
    Candidate second = selfNominated(post, "郑小芳", "13700006666");
    review(post, first, true);
    review(post, second, true);
    choose(post, first);
    fire(post, "noticePeriod");
    assertThatThrownBy(
            () -> complete(STREET, one(post, "appointHead"), Map.of("appointDecision", "decline")))
        .hasMessageContaining("不予聘任须说明理由");
    complete(
        STREET,
        one(post, "appointHead"),
        Map.of("appointDecision", "decline", "appointNote", "年龄偏大，建议另选"));
    BpmnAwareTests.assertThat(instance(post)).isWaitingAt("chooseCandidate");
    assertThat(mapper.candidate(first.id()).state()).isEqualTo(CandidateStatus.REJECTED);

    choose(post, second);
    as(COMMUNITY_OFFICE, () -> posts.withdraw(second.id(), "家中有事，本人申请退出"));
    BpmnAwareTests.assertThat(instance(post)).isWaitingAt("chooseCandidate");
    assertThat(mapper.candidate(second.id()).state()).isEqualTo(CandidateStatus.WITHDRAWN);
    assertThat(post(post).state()).isEqualTo(PostStatus.NOMINATING);
    assertThat(actions(post)).containsSubsequence("街道不予聘任", "重新推选", "任前公示", "候选人退出：郑小芳", "重新推选");
  }

  @Test
  void reviewedCandidatesWhoAreNotAppointedStayInTheCommunitysPoolForItsOtherPosts() {
    HeadPost post = open("new_unit");
    Candidate appointed = selfNominated(post, "冯国强", "13700007777");
    Candidate reserve = selfNominated(post, "褚丽娟", "13700008888");
    review(post, appointed, true);
    review(post, reserve, true);
    choose(post, appointed);
    fire(post, "noticePeriod");
    complete(STREET, one(post, "appointHead"), Map.of("appointDecision", "appoint"));

    assertThat(as(COMMUNITY_OFFICE, () -> views.pool("taoyuan")))
        .anyMatch(c -> c.id() == reserve.id() && c.phone().equals("13700008888"))
        .noneMatch(c -> c.id() == appointed.id());
    assertThat(as(STREET, () -> views.pool("taoyuan")))
        .filteredOn(c -> c.id() == reserve.id())
        .extracting(PostViews.CandidateView::phone)
        .containsExactly("137****8888");

    aUnitOfItsOwn();
    HeadPost other = open("new_unit");
    assertThat(runtime.getVariable(instance(other).getId(), SelectionVariables.OPTIONS).toString())
        .contains("褚丽娟（备选库");
    choose(other, reserve);
    assertThat(post(other).state()).isEqualTo(PostStatus.NOTICE);
    PostViews.Pool taoyuan =
        as(STREET, () -> views.pools("xicheng")).stream()
            .filter(p -> p.communityCode().equals("taoyuan"))
            .findFirst()
            .orElseThrow();
    assertThat(taoyuan.vacant()).isGreaterThanOrEqualTo(1);
    assertThat(taoyuan.target()).isEqualTo((int) Math.ceil(taoyuan.posts() * 0.1));
    assertThat(taoyuan.light()).isEqualTo(taoyuan.pool() >= taoyuan.target() ? "green" : "red");
  }

  @Test
  void aVacancyIsRemindedOnDayFiveAndEscalatedToTheStreetOnDaySevenUntilItIsFilled() {
    HeadPost post = open("new_unit");
    assertThat(Duration.between(post.openedAt(), post.backfillDue())).isEqualTo(Duration.ofDays(7));
    fire(post, "backfillReminderTimer");
    assertThat(actions(post)).contains("空缺提醒");
    assertThat(open(post, "superviseVacancy")).isEmpty();
    fire(post, "backfillOverdueTimer");
    Task supervise = one(post, "superviseVacancy");
    assertThat(tasks.getIdentityLinksForTask(supervise.getId()))
        .anyMatch(l -> "streetXicheng".equals(l.getGroupId()));
    assertThat(as(STREET, () -> views.staffPost(post.id())).overdue()).isTrue();
    assertThatThrownBy(() -> complete(STREET, supervise, Map.of())).hasMessageContaining("请填写督办意见");
    assertThat(actions(post)).containsSubsequence("空缺提醒", "空缺超期督办");

    filled(post, "卫兰芳", "13700001515");
    assertThat(open(post, "superviseVacancy")).isEmpty();
    BpmnAwareTests.assertThat(instance(post)).isNull();
    assertThat(post(post).state()).isEqualTo(PostStatus.FILLED);
  }

  @Test
  void aSuccessorChosenWithinTheSevenDaysIsNotEscalatedToTheStreet() {
    HeadPost post = open("new_unit");
    Candidate candidate = selfNominated(post, "华志远", "13700002121");
    review(post, candidate, true);
    choose(post, candidate);
    fire(post, "backfillReminderTimer");
    fire(post, "backfillOverdueTimer");
    assertThat(open(post, "superviseVacancy")).isEmpty();
    assertThat(actions(post)).contains("空缺期满").doesNotContain("空缺提醒", "空缺超期督办");
    assertThat(post(post).firstChosenAt()).isNotNull();
  }

  /** A neighbour-noise report in the test unit: a small matter its head takes first. */
  private CaseReceipt smallMatter(String description, String address) {
    return intake.report(
        new ReportCaseRequest(
            "neighbour_noise",
            description,
            new Location(address, null, null, unit),
            "normal",
            new ReportCaseRequest.Reporter("张三", "13812345678"),
            "resident"),
        null);
  }

  @Test
  void aHeadWhoLeavesHandsTheUnitsWorkToTheGridWorkerAtOnce() {
    HeadPost first = open("new_unit");
    String head = filled(first, "蒋明华", "13700001212");
    CaseReceipt receipt = smallMatter("楼上每晚装修到十一点，影响休息。", "桃园西组1号");
    Task headTask =
        tasks.createTaskQuery().processInstanceBusinessKey(receipt.caseNo()).singleResult();
    assertThat(headTask.getTaskDefinitionKey()).isEqualTo("headTask");
    assertThat(headTask.getAssignee()).isEqualTo(head);

    HeadPost vacancy = as(COMMUNITY_OFFICE, () -> posts.open(unit, "resigned", "本人因身体原因辞任"));

    Task accept =
        tasks.createTaskQuery().processInstanceBusinessKey(receipt.caseNo()).singleResult();
    assertThat(accept.getTaskDefinitionKey()).isEqualTo("acceptCase");
    assertThat(accept.getAssignee()).isEqualTo("wuhua");
    assertThat(
            jdbc.queryForObject(
                "select unit_outcome from case_record where case_no = ?",
                String.class,
                receipt.caseNo()))
        .isEqualTo("vacated");
    assertThat(identity.createUserQuery().userId(head).count()).isZero();
    assertThat(
            jdbc.queryForMap(
                "select head_user_id, head_name from liaison_unit where code = ?", unit))
        .containsEntry("HEAD_USER_ID", null)
        .containsEntry("HEAD_NAME", null);
    assertThat(terms.termsOf(head))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.postId()).isEqualTo(first.id());
              assertThat(t.startedAt()).isNotNull();
              assertThat(t.endedAt()).isNotNull();
              assertThat(t.endReason()).isEqualTo("resigned");
            });
    assertThat(terms.openTermOf(head)).isEmpty();
    assertThat(terms.openTermOf("mayulan"))
        .hasValueSatisfying(
            t -> assertThat(t.startedAt()).as("before terms were recorded").isNull());
    assertThat(vacancy.formerHeadName()).isEqualTo("蒋明华");
    assertThat(vacancy.reason()).isEqualTo("resigned");

    CaseReceipt later = smallMatter("楼道里的狗每天晚上叫。", "桃园西组2号");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(later.caseNo())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo("acceptCase");
  }

  @Test
  void nominationsAndObjectionsOutOfTurnOrWithBadInputAreRefusedAndChangeNothing() {
    HeadPost post = open("new_unit");
    assertThat(catchThrowableOfType(Refusal.class, () -> open("new_unit")).type())
        .isEqualTo("post-open");
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () -> as(COMMUNITY_OFFICE, () -> posts.open(unit, "retired", null)))
                .field())
        .isEqualTo("reason");
    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> as("fengxia", () -> posts.open(unit, "new_unit", null)))
                .kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () ->
                        posts.nominateAsResident(
                            post.id(),
                            new Posts.NominationBody(
                                "households",
                                "钱七",
                                "13700001313",
                                null,
                                null,
                                unit + "-01",
                                "9999")))
                .type())
        .isEqualTo("household-not-verified");
    assertThat(
            catchThrowableOfType(
                    Refusal.class,
                    () ->
                        posts.nominateAsResident(
                            post.id(),
                            new Posts.NominationBody(
                                "community", "钱七", "13700001313", null, null, null, null)))
                .field())
        .isEqualTo("nomination");
    assertThat(
            catchThrowableOfType(Refusal.class, () -> selfNominated(post, "钱七", "12345")).field())
        .isEqualTo("phone");
    byHousehold(post, 1, "钱七", "13700001313");
    assertThat(
            catchThrowableOfType(Refusal.class, () -> byHousehold(post, 1, "钱七", "13700001313"))
                .type())
        .isEqualTo("already-nominated");
    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> posts.object(post.id(), "还没有公示就提异议", null, null))
                .type())
        .isEqualTo(Posts.NOTICE_CLOSED);
    assertThat(mapper.candidatesOfPost(post.id())).hasSize(1);
    assertThat(open(post, "reviewCandidate")).hasSize(1);

    Candidate candidate = mapper.candidatesOfPost(post.id()).get(0);
    review(post, candidate, true);
    choose(post, candidate);
    assertThat(
            catchThrowableOfType(Refusal.class, () -> selfNominated(post, "孔八", "13700001414"))
                .type())
        .isEqualTo(Posts.NOT_OPEN);
    assertThat(
            catchThrowableOfType(Refusal.class, () -> posts.object(post.id(), "嗯", null, null))
                .field())
        .isEqualTo("text");
    assertThat(mapper.candidatesOfPost(post.id())).hasSize(1);
    assertThat(mapper.objectionsOfPost(post.id())).isEmpty();
  }
}
