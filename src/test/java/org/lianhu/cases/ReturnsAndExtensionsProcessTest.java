package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.WorkingCalendar;
import org.lianhu.support.EngineTest;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;

/** 退单 and 延期 in processes/case-handling.bpmn, through the forms' variables and the real steps. */
@EngineTest
class ReturnsAndExtensionsProcessTest extends CaseLoopTestSupport {

  private static final String HEPINGLI = "东城街道和平里东街12号";

  @Autowired WorkingCalendar calendar;
  @Autowired CountyClock clock;

  private CaseReceipt dispatched(String category) {
    CaseReceipt receipt = reportCase(category, "normal", HEPINGLI);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    return receipt;
  }

  private static Map<String, Object> returning(String reason, String comment) {
    return Map.of("handleAction", "return", "returnReason", reason, "returnComment", comment);
  }

  private Date overdueTimerDue(CaseReceipt receipt) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(instanceIdOf(receipt))
            .activityId("handleOverdueTimer")
            .timers()
            .singleResult();
    return job == null ? null : job.getDuedate();
  }

  private Date warningDue(CaseReceipt receipt) {
    return managementService
        .createJobQuery()
        .processInstanceId(instanceIdOf(receipt))
        .activityId("handleWarningTimer")
        .singleResult()
        .getDuedate();
  }

  private TimelineEntry lastEntry(CaseReceipt receipt, String action) {
    return cases.timeline(recordOf(receipt).id()).stream()
        .filter(e -> e.action().equals(action))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no timeline entry " + action));
  }

  @Test
  void aReturnTheStreetRejectsStaysWithTheOfficeWhichCannotReturnItAgain() {
    CaseReceipt receipt = dispatched("sanitation");
    Instant due = recordOf(receipt).handleDue();

    completeAs("hanxue", openTask(receipt, "handleCase"), returning("notOurDuty", "属物业管理区域"));

    Task review = openTask(receipt, "reviewReturn");
    assertThat(candidateGroups(review)).containsExactly("streetDongcheng");
    assertThat(openTasks(receipt, "handleCase")).isEmpty();
    assertThat(runtimeService.getVariable(instanceIdOf(receipt), "returnSummary"))
        .asString()
        .contains("城管东城中队", "不属于本单位职责", "属物业管理区域");
    // The clock keeps running: the handling deadline and its timer are where they were.
    assertThat(recordOf(receipt).handleDue()).isEqualTo(due);
    assertThat(overdueTimerDue(receipt).toInstant()).isEqualTo(due);
    assertThat(recordOf(receipt).returnCount()).isEqualTo(1);
    assertThat(lastEntry(receipt, "退单").publicEntry()).isFalse();

    assertThatThrownBy(() -> completeAs("gaofeng", review, Map.of("returnDecision", "uphold")))
        .hasMessageContaining("请填写裁定意见");
    completeAs(
        "gaofeng",
        openTask(receipt, "reviewReturn"),
        Map.of("returnDecision", "uphold", "returnReviewComment", "道路保洁属城管职责"));

    Task handle = openTask(receipt, "handleCase");
    assertThat(candidateGroups(handle)).containsExactly("officeUrbanDongcheng");
    assertThat(handle.getDueDate().toInstant()).isEqualTo(due);
    assertThatThrownBy(() -> completeAs("hanxue", handle, returning("notOurDuty", "仍认为不属于本单位")))
        .hasMessageContaining("退单已被驳回");
    assertThat(cases.returns(recordOf(receipt).id()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.officeGroup()).isEqualTo("officeUrbanDongcheng");
              assertThat(r.reason()).isEqualTo("notOurDuty");
              assertThat(r.decision()).isEqualTo("uphold");
              assertThat(r.decidedBy()).isEqualTo("gaofeng");
            });

    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleAction", "result", "closureOutcome", "resolved", "handleResult", "已清扫"));
    BpmnAwareTests.assertThat(instanceOf(receipt)).isWaitingAt("awaitRating");
  }

  @Test
  void aRedispatchedReturnKeepsTheDeadlineAndASecondReturnGoesToTheCountyWhoseDecisionIsFinal() {
    CaseReceipt receipt = dispatched("noise");
    Instant due = recordOf(receipt).handleDue();
    completeAs(
        "caolei", openTask(receipt, "handleCase"), returning("needsOthers", "施工噪音属城管，需住建配合"));

    completeAs(
        "gaofeng",
        openTask(receipt, "reviewReturn"),
        Map.of(
            "returnDecision", "redispatch",
            "returnLeadGroup", "officeUrbanDongcheng",
            "returnCoHandlerGroups", SpinValues.jsonValue("[\"officeHousing\"]").create(),
            "returnReviewComment", "改由城管牵头，住建协办"));

    assertThat(candidateGroups(openTask(receipt, "handleCase")))
        .containsExactly("officeUrbanDongcheng");
    assertThat(openTasks(receipt, "coHandleCase"))
        .flatMap(this::candidateGroups)
        .containsExactly("officeHousing");
    CaseRecord redispatched = recordOf(receipt);
    assertThat(redispatched.handlerGroup()).isEqualTo("officeUrbanDongcheng");
    assertThat(redispatched.departmentCode()).isEqualTo("urban");
    assertThat(redispatched.handleDue()).isEqualTo(due);
    assertThat(overdueTimerDue(receipt).toInstant()).isEqualTo(due);
    assertThat(lastEntry(receipt, "退单改派").remark()).contains("城管东城中队", "房屋安全管理站", "处置时限不变");

    // The second return of the case is decided by the county centre.
    completeAs("hanxue", openTask(receipt, "handleCase"), returning("notOurDuty", "噪音来自室内娱乐场所"));
    assertThat(candidateGroups(openTask(receipt, "reviewReturn"))).containsExactly("countyCentre");
    completeAs(
        "majie",
        openTask(receipt, "reviewReturn"),
        Map.of(
            "returnDecision", "redispatch",
            "returnLeadGroup", "officePoliceDongcheng",
            "returnReviewComment", "娱乐场所噪音由公安处置，此为最终裁定"));

    assertThat(candidateGroups(openTask(receipt, "handleCase")))
        .containsExactly("officePoliceDongcheng");
    assertThatThrownBy(
            () ->
                completeAs(
                    "caolei", openTask(receipt, "handleCase"), returning("notOurDuty", "再退")))
        .hasMessageContaining("最终裁定");
    assertThat(recordOf(receipt).returnCount()).isEqualTo(2);
    assertThat(cases.returns(recordOf(receipt).id()))
        .extracting(ReturnRecord::officeGroup, ReturnRecord::reviewerGroup, ReturnRecord::decision)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "officePoliceDongcheng", "streetDongcheng", "redispatch"),
            org.assertj.core.groups.Tuple.tuple(
                "officeUrbanDongcheng", "countyCentre", "redispatch"));
  }

  @Test
  void aReturnAfterItsWindowIsRefusedAndChangesNothing() {
    CaseReceipt receipt = dispatched("sanitation");
    Task handle = openTask(receipt, "handleCase");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(4))));

    assertThatThrownBy(() -> completeAs("hanxue", handle, returning("notOurDuty", "不归我们")))
        .hasMessageContaining("已超过退单时限");

    assertThat(openTask(receipt, "handleCase").getId()).isEqualTo(handle.getId());
    assertThat(openTasks(receipt, "reviewReturn")).isEmpty();
    assertThat(recordOf(receipt).returnCount()).isZero();
    assertThat(cases.returns(recordOf(receipt).id())).isEmpty();
  }

  @Test
  void anApprovedExtensionMovesTheDeadlineTheTimersAndWhatTheReporterSees() {
    CaseReceipt receipt = dispatched("sanitation");
    Instant due = recordOf(receipt).handleDue();
    Instant wanted = calendar.plusWorkingDays(due, 3);
    Date warnedAt = warningDue(receipt);

    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of(
            "handleAction", "extend",
            "extensionDue", clock.day(wanted).toString(),
            "extensionReason", "需协调环卫车辆，等待设备到位"));
    Task review = openTask(receipt, "reviewExtension");
    assertThat(candidateGroups(review)).containsExactly("streetDongcheng");
    assertThat(runtimeService.getVariable(instanceIdOf(receipt), "extensionSummary"))
        .asString()
        .contains(clock.minute(wanted), "等待设备到位");

    completeAs("gaofeng", review, Map.of("extensionDecision", "approve"));

    Task handle = openTask(receipt, "handleCase");
    assertThat(handle.getDueDate().toInstant()).isEqualTo(wanted);
    CaseRecord extended = recordOf(receipt);
    assertThat(extended.handleDue()).isEqualTo(wanted);
    assertThat(extended.extensionCount()).isEqualTo(1);
    assertThat(overdueTimerDue(receipt).toInstant()).isEqualTo(wanted);
    // The reminder falls at the same share of the time that was left when the extension was
    // granted.
    assertThat(warningDue(receipt)).isAfter(warnedAt).isBefore(Date.from(wanted));
    TimelineEntry entry = lastEntry(receipt, "延期");
    assertThat(entry.publicEntry()).isTrue();
    assertThat(entry.remark()).contains(clock.minute(wanted));

    CaseView view = tracking.view(receipt.caseNo(), receipt.trackingCode());
    assertThat(view.handleDue()).isEqualTo(wanted);
    assertThat(view.extensions()).isEqualTo(1);
    assertThat(view.timeline()).anySatisfy(step -> assertThat(step.action()).isEqualTo("延期"));

    // One request per case by default.
    assertThatThrownBy(
            () ->
                completeAs(
                    "hanxue",
                    handle,
                    Map.of(
                        "handleAction", "extend",
                        "extensionDue", clock.day(calendar.plusWorkingDays(wanted, 1)).toString(),
                        "extensionReason", "还需时间")))
        .hasMessageContaining("次数已用完");
    fireTimer(receipt, "handleOverdueTimer");
    assertThat(recordOf(receipt).overdue()).isTrue();
    assertThat(ClockUtil.getCurrentTime().toInstant()).isAfter(wanted);
  }

  @Test
  void aRefusedExtensionKeepsTheDeadlineAndUsesUpTheRequest() {
    CaseReceipt receipt = dispatched("sanitation");
    Instant due = recordOf(receipt).handleDue();
    Map<String, Object> asking =
        Map.of(
            "handleAction", "extend",
            "extensionDue", clock.day(calendar.plusWorkingDays(due, 2)).toString(),
            "extensionReason", "人手不足");
    completeAs("hanxue", openTask(receipt, "handleCase"), asking);

    assertThatThrownBy(
            () ->
                completeAs(
                    "gaofeng",
                    openTask(receipt, "reviewExtension"),
                    Map.of("extensionDecision", "refuse")))
        .hasMessageContaining("须说明理由");
    completeAs(
        "gaofeng",
        openTask(receipt, "reviewExtension"),
        Map.of("extensionDecision", "refuse", "extensionReviewComment", "可调配街道保洁力量"));

    Task handle = openTask(receipt, "handleCase");
    assertThat(handle.getDueDate().toInstant()).isEqualTo(due);
    assertThat(recordOf(receipt).handleDue()).isEqualTo(due);
    assertThat(recordOf(receipt).extensionCount()).isZero();
    assertThat(overdueTimerDue(receipt).toInstant()).isEqualTo(due);
    assertThat(lastEntry(receipt, "延期申请未获批准").publicEntry()).isFalse();
    assertThat(cases.extensionRequests(recordOf(receipt).id())).isOne();
    assertThatThrownBy(() -> completeAs("hanxue", handle, asking)).hasMessageContaining("次数已用完");
  }

  @Test
  void anExtensionMustEndOnALaterWorkingDayWithinTheLimit() {
    CaseReceipt receipt = dispatched("sanitation");
    Instant due = recordOf(receipt).handleDue();
    Task handle = openTask(receipt, "handleCase");

    assertThatThrownBy(() -> completeAs("hanxue", handle, extendTo(clock.day(due).toString())))
        .hasMessageContaining("须晚于当前时限");
    java.time.LocalDate weekend = clock.day(due).plusDays(1);
    while (calendar.isWorkingDay(weekend)) {
      weekend = weekend.plusDays(1);
    }
    java.time.LocalDate offDay = weekend;
    assertThatThrownBy(() -> completeAs("hanxue", handle, extendTo(offDay.toString())))
        .hasMessageContaining("须为工作日");
    java.time.LocalDate tooFar = clock.day(calendar.plusWorkingDays(due, 11));
    assertThatThrownBy(() -> completeAs("hanxue", handle, extendTo(tooFar.toString())))
        .hasMessageContaining("最多可延期 10 个工作日");
    assertThatThrownBy(() -> completeAs("hanxue", handle, extendTo("下周一")))
        .hasMessageContaining("格式不正确");

    assertThat(openTasks(receipt, "reviewExtension")).isEmpty();
    assertThat(cases.extensionRequests(recordOf(receipt).id())).isZero();
  }

  @Test
  void anOverdueThatHappenedStaysOnRecordAfterAnExtension() {
    CaseReceipt receipt = dispatched("sanitation");
    fireTimer(receipt, "handleWarningTimer");
    fireTimer(receipt, "handleOverdueTimer");
    assertThat(recordOf(receipt).overdue()).isTrue();
    Instant due = recordOf(receipt).handleDue();

    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        extendTo(clock.day(calendar.plusWorkingDays(due, 2)).toString()));
    completeAs(
        "gaofeng", openTask(receipt, "reviewExtension"), Map.of("extensionDecision", "approve"));

    assertThat(recordOf(receipt).overdue()).isTrue();
    assertThat(recordOf(receipt).extensionCount()).isEqualTo(1);
    assertThat(timerWaiting(receipt, "handleOverdueTimer")).isFalse();
  }

  @Test
  void theOfficesOwnResponseIsItsFirstActionAndASupervisorsAssignmentIsNotOne() {
    CaseReceipt receipt = dispatched("sanitation");
    CaseRecord received = recordOf(receipt);
    assertThat(received.dispatchedAt()).isNotNull();
    assertThat(received.officeResponseDue()).isAfter(received.dispatchedAt());
    assertThat(received.officeActedAt()).isNull();

    // Naming a handler is not the office acting (the supervisor's step runs as Lianhu).
    String taskId = openTask(receipt, "handleCase").getId();
    taskService.setAssignee(taskId, "hanxue");
    assertThat(recordOf(receipt).officeActedAt()).isNull();
    taskService.setAssignee(taskId, null);

    identityService.setAuthentication("hanxue", java.util.List.of("officeUrbanDongcheng"));
    try {
      taskService.claim(taskId, "hanxue");
    } finally {
      identityService.clearAuthentication();
    }
    Instant acted = recordOf(receipt).officeActedAt();
    assertThat(acted).isNotNull();

    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleAction", "result", "closureOutcome", "resolved", "handleResult", "已清扫"));
    assertThat(recordOf(receipt).officeActedAt()).as("the first action counts").isEqualTo(acted);
  }

  @Test
  void aRedispatchedOfficeIsMeasuredFromWhenItReceivedTheCase() {
    CaseReceipt receipt = dispatched("noise");
    completeAs("caolei", openTask(receipt, "handleCase"), returning("notOurDuty", "属城管"));
    assertThat(recordOf(receipt).officeActedAt()).isNotNull();
    completeAs(
        "gaofeng",
        openTask(receipt, "reviewReturn"),
        Map.of(
            "returnDecision", "redispatch",
            "returnLeadGroup", "officeUrbanDongcheng",
            "returnReviewComment", "改由城管处置"));
    assertThat(recordOf(receipt).officeActedAt()).isNull();
    assertThat(recordOf(receipt).handlerGroup()).isEqualTo("officeUrbanDongcheng");
  }

  private static Map<String, Object> extendTo(String day) {
    return Map.of("handleAction", "extend", "extensionDue", day, "extensionReason", "等待材料");
  }

  @Autowired CaseTracking tracking;
}
