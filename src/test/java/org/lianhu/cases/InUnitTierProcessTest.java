package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lianhu.org.Location;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of the in-unit tier of processes/case-handling.bpmn (小事不出户): the head of the demo unit
 * 和平里一区1号楼 (lixiuying, grid worker wangli) resolves, passes up or refers; the red timer hands the
 * case to the grid worker; emergencies, categories outside the table and units without a head skip
 * the tier.
 */
@EngineTest
class InUnitTierProcessTest extends CaseLoopTestSupport {

  private static final String UNIT = "hepingli1a";

  @Autowired private JdbcTemplate jdbc;

  private CaseReceipt reportInUnit(String category, String urgency, String unit) {
    ReportCaseRequest request =
        new ReportCaseRequest(
            category,
            "楼上每晚十一点后还在装修，影响休息。",
            new Location("和平里一区1号楼", null, null, unit),
            urgency,
            new ReportCaseRequest.Reporter("张三", "13812345678"),
            "resident");
    return intake.report(request, null);
  }

  private String unitOutcome(CaseReceipt receipt) {
    return jdbc.queryForObject(
        "select unit_outcome from case_record where case_no = ?", String.class, receipt.caseNo());
  }

  @Test
  void aSmallMatterInAUnitGoesToItsHeadFirstWithinTheHeadsLimit() {
    CaseReceipt receipt = reportInUnit("neighbour_noise", "normal", UNIT);

    Task head = openTask(receipt, "headTask");
    assertThat(head.getAssignee()).isEqualTo("lixiuying");
    assertThat(candidateGroups(head)).containsExactly("unithepingli1a");
    assertThat(openTasks(receipt, "acceptCase")).isEmpty();
    CaseRecord record = recordOf(receipt);
    assertThat(Duration.between(record.createdAt(), record.responseDue()))
        .isEqualTo(Duration.ofHours(24));
    assertThat(head.getDueDate().toInstant()).isEqualTo(record.responseDue());
    assertThat(unitOutcome(receipt)).isEqualTo("pending");
    assertThat(actions(receipt)).containsExactly("事件上报", "联户长接单");
  }

  @Test
  void aHeadWhoResolvesItInTheUnitFeedsBackAndTheCaseClosesOnARating() {
    CaseReceipt receipt = reportInUnit("corridor_clutter", "normal", UNIT);
    assertThatThrownBy(
            () ->
                completeAs(
                    "lixiuying", openTask(receipt, "headTask"), Map.of("headDecision", "resolve")))
        .hasMessageContaining("请填写处理结果");

    completeAs(
        "lixiuying",
        openTask(receipt, "headTask"),
        Map.of("headDecision", "resolve", "headResult", "已与住户沟通，楼道杂物已清走"));

    ProcessInstance instance = instanceOf(receipt);
    BpmnAwareTests.assertThat(instance).isWaitingAt("awaitRating");
    CaseRecord resolved = recordOf(receipt);
    assertThat(resolved.result()).isEqualTo("已与住户沟通，楼道杂物已清走");
    assertThat(resolved.respondedAt()).isNotNull();
    assertThat(unitOutcome(receipt)).isEqualTo("resolved");

    rate(receipt, Rating.satisfied, "联户长很负责");
    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassed("closeCase")
        .hasNotPassed("acceptCase", "routeCase");
    assertThat(actions(receipt))
        .containsExactly("事件上报", "联户长接单", "联户长：联户内解决", "结果反馈", "评价：满意", "结案");
  }

  @Test
  void aHeadWhoPassesItUpHandsItToTheGridWorkerWithAFreshResponseLimit() {
    CaseReceipt receipt = reportInUnit("shared_facility", "normal", UNIT);
    completeAs(
        "lixiuying",
        openTask(receipt, "headTask"),
        Map.of("headDecision", "passUp", "headNote", "水管在公共管井里，需要物业和网格员协调"));

    Task accept = openTask(receipt, "acceptCase");
    assertThat(accept.getAssignee()).isEqualTo("wangli");
    assertThat(unitOutcome(receipt)).isEqualTo("passed_up");
    assertThat(actions(receipt)).containsExactly("事件上报", "联户长接单", "联户长：上报网格员", "分派受理");
    assertThat(cases.timeline(recordOf(receipt).id()).get(2).remark()).contains("公共管井");
  }

  @Test
  void aReferralGoesToTheCommunitysMeetingWhichResolvesOrDispatches() {
    CaseReceipt resolved = reportInUnit("neighbour_noise", "normal", UNIT);
    completeAs(
        "lixiuying",
        openTask(resolved, "headTask"),
        Map.of("headDecision", "refer", "headNote", "两户多次协调未果，提交议事会"));
    Task council = openTask(resolved, "councilTask");
    assertThat(candidateGroups(council)).containsExactly("communityHepingli");
    assertThat(council.getDueDate()).isNotNull();
    assertThat(unitOutcome(resolved)).isEqualTo("referred");
    completeAs(
        "sunli", council, Map.of("councilDecision", "resolve", "councilResult", "议事会约定22点后停止施工"));
    BpmnAwareTests.assertThat(instanceOf(resolved)).isWaitingAt("awaitRating");
    assertThat(recordOf(resolved).result()).isEqualTo("议事会约定22点后停止施工");

    CaseReceipt dispatched = reportInUnit("neighbour_noise", "normal", UNIT);
    completeAs(
        "lixiuying",
        openTask(dispatched, "headTask"),
        Map.of("headDecision", "refer", "headNote", "涉及违规施工"));
    completeAs(
        "sunli",
        openTask(dispatched, "councilTask"),
        Map.of("councilDecision", "dispatch", "councilResult", "交由职能部门处理"));
    BpmnAwareTests.assertThat(instanceOf(dispatched)).hasPassed("routeCase");
    assertThat(actions(dispatched)).contains("社区议事会：转派职能部门");
  }

  @Test
  void theYellowTimerRemindsTheHeadAndAtRedTheGridWorkerTakesOver() {
    CaseReceipt receipt = reportInUnit("neighbour_noise", "normal", UNIT);

    fireTimer(receipt, "headWarningTimer");
    assertThat(openTask(receipt, "headTask").getPriority()).isEqualTo(75);
    fireTimer(receipt, "headOverdueTimer");

    assertThat(openTasks(receipt, "headTask")).isEmpty();
    Task accept = openTask(receipt, "acceptCase");
    assertThat(accept.getAssignee()).isEqualTo("wangli");
    assertThat(unitOutcome(receipt)).isEqualTo("timed_out");
    assertThat(actions(receipt)).contains("联户长超时未接单", "分派受理");
    assertThat(accept.getDueDate())
        .isAfter(recordOf(receipt).createdAt().plus(Duration.ofHours(25)));
  }

  @Test
  void emergenciesOtherCategoriesAndUnitsWithoutAHeadSkipTheUnit() {
    CaseReceipt emergency = reportInUnit("neighbour_noise", "emergency", UNIT);
    CaseReceipt police = reportInUnit("noise", "normal", UNIT);
    jdbc.update("update liaison_unit set head_user_id = null where code = 'hepingli1b'");
    CaseReceipt headless;
    try {
      headless = reportInUnit("neighbour_noise", "normal", "hepingli1b");
    } finally {
      jdbc.update(
          "update liaison_unit set head_user_id = 'zhangjianguo' where code = 'hepingli1b'");
    }
    CaseReceipt noUnit = reportCase("neighbour_noise", "normal", "和平里东街12号");

    for (CaseReceipt receipt : new CaseReceipt[] {emergency, police, headless, noUnit}) {
      assertThat(openTasks(receipt, "headTask")).as(receipt.caseNo()).isEmpty();
      assertThat(openTasks(receipt, "acceptCase")).as(receipt.caseNo()).hasSize(1);
      assertThat(unitOutcome(receipt)).as(receipt.caseNo()).isNull();
    }
  }
}
