package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.lianhu.refusal.Refusal;
import org.lianhu.support.EngineTest;
import org.lianhu.web.Problems;

/**
 * Every path of processes/case-handling.bpmn, through the real delegates, DMN tables and database.
 */
@EngineTest
class CaseHandlingProcessTest extends CaseLoopTestSupport {

  private static final String HEPINGLI = "东城街道和平里东街12号";
  private static final String XINHUA = "西城街道新华路东段8号";

  @Test
  void theGridWorkerOfTheLocationAcceptsTheCaseWithinTheResponseLimit() {
    CaseReceipt receipt = reportCase("streetlight", "normal", HEPINGLI);

    Task accept = openTask(receipt, "acceptCase");
    assertThat(accept.getAssignee()).isEqualTo("wangli");
    assertThat(candidateGroups(accept)).containsExactly("gridHepingli1");
    CaseRecord record = recordOf(receipt);
    assertThat(Duration.between(record.createdAt(), record.responseDue()))
        .isEqualTo(Duration.ofHours(24));
    assertThat(accept.getDueDate().toInstant()).isEqualTo(record.responseDue());
    assertThat(record.caseStatus()).isEqualTo(CaseStatus.REPORTED);
    assertThat(actions(receipt)).containsExactly("事件上报", "分派受理");
  }

  @Test
  void aCaseFromAnUnknownPlaceIsOwnedByTheCountyCentre() {
    CaseReceipt receipt = reportCase("road_damage", "normal", "无法识别的地址 99 号");

    Task accept = openTask(receipt, "acceptCase");
    assertThat(accept.getAssignee()).isNull();
    assertThat(candidateGroups(accept)).containsExactly("countyCentre");
  }

  @Test
  void anIssueResolvedOnTheSpotIsFedBackAndClosesWhenTheReporterIsSatisfied() {
    CaseReceipt receipt = reportCase("streetlight", "normal", HEPINGLI);
    completeAs(
        "wangli",
        openTask(receipt, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已更换灯泡，路灯恢复照明"));

    ProcessInstance instance = instanceOf(receipt);
    BpmnAwareTests.assertThat(instance).isWaitingAt("awaitRating");
    CaseRecord resolved = recordOf(receipt);
    assertThat(resolved.caseStatus()).isEqualTo(CaseStatus.AWAITING_RATING);
    assertThat(resolved.result()).isEqualTo("已更换灯泡，路灯恢复照明");
    assertThat(resolved.respondedAt()).isNotNull();

    rate(receipt, Rating.satisfied, "很及时");

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("closeCase").hasNotPassed("routeCase");
    CaseRecord closed = recordOf(receipt);
    assertThat(closed.caseStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.rating()).isEqualTo("satisfied");
    assertThat(actions(receipt)).containsExactly("事件上报", "分派受理", "受理：当场解决", "结果反馈", "评价：满意", "结案");
  }

  @Test
  void aRejectionNeedsAReasonAndEndsTheCaseWithIt() {
    CaseReceipt receipt = reportCase("noise", "normal", HEPINGLI);
    ProcessInstance instance = instanceOf(receipt);
    Task accept = openTask(receipt, "acceptCase");

    assertThatThrownBy(() -> completeAs("wangli", accept, Map.of("acceptDecision", "reject")))
        .hasMessageContaining("不予受理须填写理由");
    assertThat(openTasks(receipt, "acceptCase")).hasSize(1);

    completeAs(
        "wangli",
        openTask(receipt, "acceptCase"),
        Map.of("acceptDecision", "reject", "rejectReason", "与事件 2026-000001 重复"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("caseRejected");
    CaseRecord record = recordOf(receipt);
    assertThat(record.caseStatus()).isEqualTo(CaseStatus.REJECTED);
    assertThat(record.rejectReason()).isEqualTo("与事件 2026-000001 重复");
    assertThat(record.closedAt()).isNotNull();
  }

  @Test
  void aSingleDepartmentCaseGoesToTheOfficeServingTheStreetWithTheSupervisorCopied() {
    CaseReceipt receipt = reportCase("sanitation", "normal", HEPINGLI);
    ProcessInstance instance = instanceOf(receipt);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));

    Task handle = openTask(receipt, "handleCase");
    assertThat(candidateGroups(handle)).containsExactly("officeUrbanDongcheng");
    CaseRecord dispatched = recordOf(receipt);
    assertThat(dispatched.caseStatus()).isEqualTo(CaseStatus.DISPATCHED);
    assertThat(dispatched.departmentCode()).isEqualTo("urban");
    assertThat(dispatched.supervisingDepartmentCode()).isEqualTo("supervision");
    assertThat(dispatched.handlerGroup()).isEqualTo("officeUrbanDongcheng");
    assertThat(handle.getDueDate().toInstant()).isEqualTo(dispatched.handleDue());
    assertThat(runtimeService.getVariable(instanceIdOf(receipt), "supervisorGroup"))
        .isEqualTo("officeSupervision");
    assertThat(cases.timeline(dispatched.id()))
        .anySatisfy(
            entry -> {
              assertThat(entry.action()).isEqualTo("派单");
              assertThat(entry.remark()).contains("城管东城中队").contains("抄送督查室督办科");
            });

    // The routing table wants a photo of the result for 环境卫生: without one the result is refused.
    assertThat(runtimeService.getVariable(instanceIdOf(receipt), "evidencePhoto")).isEqualTo(true);
    Map<String, Object> result =
        Map.of("handleResult", "垃圾已清运，已安排每日巡查", "closureOutcome", "resolved");
    assertThatThrownBy(() -> completeAs("hanxue", handle, result))
        .hasMessageContaining("须有现场处置照片")
        .hasMessageContaining("/case/#/" + receipt.caseNo());
    BpmnAwareTests.assertThat(instanceOf(receipt)).isWaitingAt("handleCase");

    withEvidence(receipt, "hanxue");
    completeAs("hanxue", openTask(receipt, "handleCase"), result);
    BpmnAwareTests.assertThat(instanceOf(receipt)).isWaitingAt("awaitRating");
    assertThat(recordOf(receipt).result()).isEqualTo("垃圾已清运，已安排每日巡查");

    rate(receipt, Rating.basically_satisfied, null);
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("caseClosed");
  }

  @Test
  void theRoutingTableUsesTheStreetWhereTheRulesSaySo() {
    CaseReceipt oldTown = reportCase("drainage", "normal", HEPINGLI);
    CaseReceipt elsewhere = reportCase("drainage", "normal", XINHUA);
    completeAs("wangli", openTask(oldTown, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    completeAs("yangfan", openTask(elsewhere, "acceptCase"), Map.of("acceptDecision", "dispatch"));

    assertThat(candidateGroups(openTask(oldTown, "handleCase"))).containsExactly("officeMunicipal");
    assertThat(candidateGroups(openTask(elsewhere, "handleCase"))).containsExactly("officeWater");
  }

  @Test
  void aCrossDepartmentCaseIsCoordinatedByTheStreetWithALeadAndParallelCoHandlers() {
    CaseReceipt receipt = reportCase("other", "normal", HEPINGLI);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));

    Task coordinate = openTask(receipt, "coordinateCase");
    assertThat(candidateGroups(coordinate)).containsExactly("streetDongcheng");
    assertThat(openTasks(receipt, "handleCase")).isEmpty();

    assertThatThrownBy(
            () -> completeAs("gaofeng", coordinate, Map.of("coordinateComment", "需多部门联合处置")))
        .hasMessageContaining("请选择牵头部门");

    // Tasklist submits a checklist as a JSON array.
    completeAs(
        "gaofeng",
        openTask(receipt, "coordinateCase"),
        Map.of(
            "leadGroup", "officeUrbanDongcheng",
            "coHandlerGroups",
                SpinValues.jsonValue(
                        "[\"officePoliceDongcheng\",\"officeHousing\",\"officeUrbanDongcheng\"]")
                    .create(),
            "coordinateComment", "城管牵头，公安、住建配合"));

    assertThat(candidateGroups(openTask(receipt, "handleCase")))
        .containsExactly("officeUrbanDongcheng");
    List<Task> coHandling = openTasks(receipt, "coHandleCase");
    assertThat(coHandling)
        .flatMap(this::candidateGroups)
        .containsExactlyInAnyOrder("officePoliceDongcheng", "officeHousing");
    assertThat(recordOf(receipt).handlerGroup()).isEqualTo("officeUrbanDongcheng");

    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleResult", "违建已拆除", "closureOutcome", "resolved"));
    BpmnAwareTests.assertThat(instanceOf(receipt)).isWaitingAt("coHandleCase");
    completeAs("caolei", coHandling.get(0), Map.of("coHandleResult", "现场秩序已维护"));
    completeAs("yuanjie", coHandling.get(1), Map.of("coHandleResult", "房屋结构安全"));

    BpmnAwareTests.assertThat(instanceOf(receipt)).isWaitingAt("awaitRating");
    assertThat(actions(receipt)).contains("转街道协调", "街道协调派单", "确定牵头与协办部门", "处置完成");
    assertThat(actions(receipt).stream().filter(a -> a.startsWith("协办完成"))).hasSize(2);
  }

  @Test
  void theYellowTimerRemindsAndTheRedTimerEscalatesAcceptanceToTheCommunityWhoReassigns() {
    CaseReceipt receipt = reportCase("road_damage", "normal", HEPINGLI);

    fireTimer(receipt, "responseWarningTimer");
    assertThat(openTask(receipt, "acceptCase").getPriority()).isEqualTo(75);
    assertThat(actions(receipt)).contains("催办");
    assertThat(recordOf(receipt).overdue()).isFalse();

    fireTimer(receipt, "responseOverdueTimer");
    assertThat(openTask(receipt, "acceptCase").getPriority()).isEqualTo(100);
    assertThat(recordOf(receipt).overdue()).isTrue();
    Task supervise = openTask(receipt, "superviseAcceptance");
    assertThat(candidateGroups(supervise)).containsExactly("communityHepingli");
    assertThat(runtimeService.getVariable(instanceIdOf(receipt), "overdueStage")).isEqualTo("受理");

    completeAs(
        "sunli",
        supervise,
        Map.of(
            "reassignGroup",
            "gridHepingli2",
            "reassignUser",
            "zhaoqiang",
            "superviseComment",
            "原网格员休假，改派第二网格"));

    Task accept = openTask(receipt, "acceptCase");
    assertThat(accept.getAssignee()).isEqualTo("zhaoqiang");
    assertThat(candidateGroups(accept)).containsExactly("gridHepingli2");
    assertThat(actions(receipt)).contains("超期督办", "督办改派");

    completeAs("zhaoqiang", accept, Map.of("acceptDecision", "dispatch"));
    assertThat(openTasks(receipt, "handleCase")).hasSize(1);
  }

  @Test
  void finishingAStageCancelsItsOpenSupervisionAndTimers() {
    CaseReceipt receipt = reportCase("road_damage", "normal", HEPINGLI);
    fireTimer(receipt, "responseOverdueTimer");
    assertThat(openTasks(receipt, "superviseAcceptance")).hasSize(1);

    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));

    assertThat(openTasks(receipt, "superviseAcceptance")).isEmpty();
    assertThat(timerWaiting(receipt, "responseWarningTimer")).isFalse();
    assertThat(timerWaiting(receipt, "handleWarningTimer")).isTrue();
    assertThat(timerWaiting(receipt, "handleOverdueTimer")).isTrue();
  }

  @Test
  void anOverdueHandlingIsEscalatedToTheSupervisingDepartmentWhichHandsItToAnotherOffice() {
    CaseReceipt receipt = reportCase("noise", "normal", HEPINGLI);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    assertThat(candidateGroups(openTask(receipt, "handleCase")))
        .containsExactly("officePoliceDongcheng");

    fireTimer(receipt, "handleWarningTimer");
    assertThat(openTask(receipt, "handleCase").getPriority()).isEqualTo(75);
    fireTimer(receipt, "handleOverdueTimer");
    Task supervise = openTask(receipt, "superviseHandling");
    assertThat(candidateGroups(supervise)).containsExactly("officeSupervision");

    completeAs(
        "duchao",
        supervise,
        Map.of("reassignGroup", "officeUrbanDongcheng", "superviseComment", "属施工噪音，改由城管处置"));

    assertThat(candidateGroups(openTask(receipt, "handleCase")))
        .containsExactly("officeUrbanDongcheng");
    CaseRecord record = recordOf(receipt);
    assertThat(record.handlerGroup()).isEqualTo("officeUrbanDongcheng");
    assertThat(record.departmentCode()).isEqualTo("urban");
    assertThat(record.overdue()).isTrue();
    // The supervisor's remark is internal: on the timeline, but not public.
    assertThat(cases.timeline(record.id()))
        .anySatisfy(
            entry -> {
              assertThat(entry.action()).isEqualTo("督办意见");
              assertThat(entry.publicEntry()).isFalse();
            });
  }

  @Test
  void aSupervisorWhoLeavesTheOwnerInPlaceOnlyRecordsTheRemark() {
    CaseReceipt receipt = reportCase("road_damage", "normal", HEPINGLI);
    fireTimer(receipt, "responseOverdueTimer");
    completeAs(
        "sunli", openTask(receipt, "superviseAcceptance"), Map.of("superviseComment", "请今日内受理"));

    Task accept = openTask(receipt, "acceptCase");
    assertThat(accept.getAssignee()).isEqualTo("wangli");
    assertThat(candidateGroups(accept)).containsExactly("gridHepingli1");
  }

  @Test
  void aSupervisorCannotHandTheCaseToAnUnknownAccount() {
    CaseReceipt receipt = reportCase("road_damage", "normal", HEPINGLI);
    fireTimer(receipt, "responseOverdueTimer");
    Task supervise = openTask(receipt, "superviseAcceptance");

    assertThatThrownBy(
            () ->
                completeAs(
                    "sunli", supervise, Map.of("reassignUser", "nobody", "superviseComment", "改派")))
        .hasMessageContaining("办理人账号不存在");
  }

  @Test
  void emergenciesMustBeAnsweredWithinThirtyMinutesAndHandledWithinFourHours() {
    CaseReceipt receipt = reportCase("power_outage", "emergency", HEPINGLI);
    CaseRecord record = recordOf(receipt);
    assertThat(Duration.between(record.createdAt(), record.responseDue()))
        .isEqualTo(Duration.ofMinutes(30));

    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    CaseRecord dispatched = recordOf(receipt);
    assertThat(candidateGroups(openTask(receipt, "handleCase"))).containsExactly("officePower");
    assertThat(Duration.between(dispatched.respondedAt(), dispatched.handleDue()))
        .isBetween(Duration.ofHours(4), Duration.ofHours(4).plusSeconds(5));
  }

  @Test
  void anUnsatisfiedReporterReopensHandlingUpToTheLimitThenTheStreetReviews() {
    CaseReceipt receipt = reportCase("sanitation", "normal", HEPINGLI);
    ProcessInstance instance = instanceOf(receipt);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));

    for (int reopen = 1; reopen <= 2; reopen++) {
      withEvidence(receipt, "hanxue");
      completeAs(
          "hanxue",
          openTask(receipt, "handleCase"),
          Map.of("handleResult", "已清理", "closureOutcome", "resolved"));
      rate(receipt, Rating.unsatisfied, "还是很脏");
      assertThat(openTasks(receipt, "handleCase")).hasSize(1);
      CaseRecord reopened = recordOf(receipt);
      assertThat(reopened.reopenCount()).isEqualTo(reopen);
      assertThat(reopened.caseStatus()).isEqualTo(CaseStatus.DISPATCHED);
      assertThat(reopened.rating()).isNull();
    }

    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleResult", "已彻底清理", "closureOutcome", "resolved"));
    rate(receipt, Rating.unsatisfied, "仍不满意");

    Task review = openTask(receipt, "streetReview");
    assertThat(candidateGroups(review)).containsExactly("streetDongcheng");
    assertThat(recordOf(receipt).caseStatus()).isEqualTo(CaseStatus.STREET_REVIEW);
    completeAs("gaofeng", review, Map.of("reviewDecision", "close", "reviewComment", "已现场核实处置到位"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("caseClosed");
    assertThat(actions(receipt).stream().filter("重办"::equals)).hasSize(2);
    assertThat(actions(receipt)).contains("提交街道复核", "街道复核：结案", "结案");
  }

  @Test
  void theStreetCanSendAReviewedCaseBackToCoordination() {
    CaseReceipt receipt = reportCase("streetlight", "normal", HEPINGLI);
    completeAs(
        "wangli",
        openTask(receipt, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已修复"));
    runtimeService.setVariable(instanceIdOf(receipt), "maxReopens", 0);
    rate(receipt, Rating.unsatisfied, "灯还是不亮");

    completeAs(
        "gaofeng",
        openTask(receipt, "streetReview"),
        Map.of("reviewDecision", "redispatch", "reviewComment", "线路老化，需市政处理"));

    Task coordinate = openTask(receipt, "coordinateCase");
    assertThat(candidateGroups(coordinate)).containsExactly("streetDongcheng");
    assertThat(runtimeService.getVariable(instanceIdOf(receipt), "departmentOptions").toString())
        .contains("officeMunicipal");
    completeAs("gaofeng", coordinate, Map.of("leadGroup", "officeMunicipal"));
    assertThat(candidateGroups(openTask(receipt, "handleCase"))).containsExactly("officeMunicipal");
  }

  @Test
  void aCaseResolvedOnTheSpotThatDidNotHoldIsDispatchedWhenReopened() {
    CaseReceipt receipt = reportCase("streetlight", "normal", HEPINGLI);
    completeAs(
        "wangli",
        openTask(receipt, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已修复"));
    rate(receipt, Rating.unsatisfied, "灯又坏了");

    assertThat(candidateGroups(openTask(receipt, "handleCase"))).containsExactly("officeMunicipal");
    assertThat(recordOf(receipt).reopenCount()).isEqualTo(1);
  }

  @Test
  void withoutARatingInTimeTheCaseClosesUnratedAndALateRatingIsRefused() {
    CaseReceipt receipt = reportCase("streetlight", "normal", HEPINGLI);
    ProcessInstance instance = instanceOf(receipt);
    completeAs(
        "wangli",
        openTask(receipt, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已修复"));

    fireTimer(receipt, "ratingTimeout");

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("caseClosedUnrated");
    CaseRecord record = recordOf(receipt);
    assertThat(record.caseStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(record.rating()).isNull();
    assertThatThrownBy(() -> rate(receipt, Rating.satisfied, null))
        .isInstanceOfSatisfying(
            Refusal.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
              assertThat(Problems.of(e).getStatusCode().value()).isEqualTo(409);
            });
  }

  @Test
  void aSecondRatingOfTheSameResultIsRefused() {
    CaseReceipt receipt = reportCase("streetlight", "normal", HEPINGLI);
    completeAs(
        "wangli",
        openTask(receipt, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已修复"));
    rate(receipt, Rating.satisfied, null);

    assertThatThrownBy(() -> rate(receipt, Rating.unsatisfied, null))
        .isInstanceOfSatisfying(
            Refusal.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
              assertThat(Problems.of(e).getStatusCode().value()).isEqualTo(409);
            });
    assertThat(recordOf(receipt).rating()).isEqualTo("satisfied");
  }
}
