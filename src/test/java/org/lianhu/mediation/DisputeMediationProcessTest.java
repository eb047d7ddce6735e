package org.lianhu.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseStatus;
import org.lianhu.org.Location;
import org.lianhu.support.EngineTest;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/dispute-mediation.bpmn, through the real delegates, DMN table and
 * database.
 */
@EngineTest
class DisputeMediationProcessTest extends CaseLoopTestSupport {

  private static final String HEPINGLI = "东城街道和平里东街3号";
  @Autowired private DisputeTracking tracking;

  private static final Map<String, Object> AGREEMENT =
      Map.of(
          "outcome",
          "agreement",
          "agreementTerms",
          "楼上住户晚十点后不再装修，赔偿楼下漏水损失两千元",
          "partiesConsent",
          true,
          "mediationNotes",
          "双方当面协商一致");

  @Autowired private DisputeIntake disputeIntake;
  @Autowired private DisputeMapper disputes;

  private DisputeReceipt register(String type, List<String> riskFlags) {
    return disputeIntake.register(
        new RegisterDisputeRequest(
            type,
            "楼上装修噪音和漏水，邻里多次争吵",
            new Location(HEPINGLI, null, null, null),
            List.of(
                new RegisterDisputeRequest.PartyRequest("applicant", "赵六", "13700000001"),
                new RegisterDisputeRequest.PartyRequest("respondent", "钱七", null)),
            riskFlags),
        null);
  }

  private Dispute dispute(DisputeReceipt receipt) {
    return disputes.findByNo(receipt.disputeNo());
  }

  private String instance(DisputeReceipt receipt) {
    return dispute(receipt).processInstanceId();
  }

  private List<Task> tasks(DisputeReceipt receipt, String key) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instance(receipt))
        .taskDefinitionKey(key)
        .list();
  }

  private Task task(DisputeReceipt receipt, String key) {
    List<Task> found = tasks(receipt, key);
    assertThat(found).as("open %s tasks", key).hasSize(1);
    return found.get(0);
  }

  private void fire(DisputeReceipt receipt, String timerId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(instance(receipt))
            .activityId(timerId)
            .timers()
            .singleResult();
    assertThat(job).as("timer %s", timerId).isNotNull();
    if (ClockUtil.getCurrentTime().before(job.getDuedate())) {
      ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
    }
    managementService.executeJob(job.getId());
  }

  private boolean timerWaiting(DisputeReceipt receipt, String timerId) {
    return managementService
            .createJobQuery()
            .processInstanceId(instance(receipt))
            .activityId(timerId)
            .timers()
            .count()
        > 0;
  }

  private List<String> actions(DisputeReceipt receipt) {
    return disputes.timeline(dispute(receipt).id()).stream().map(TimelineEntry::action).toList();
  }

  private void failTier1(DisputeReceipt receipt) {
    completeAs(
        "wangli",
        task(receipt, "mediateTier1"),
        Map.of("outcome", "failed", "mediationNotes", "双方分歧较大"));
  }

  private void tier2Opinions(DisputeReceipt receipt) {
    completeAs(
        "zhoumin",
        task(receipt, "peopleMediation"),
        Map.of("opinion", "建议赔偿", "proposedOutcome", "agreement"));
    completeAs(
        "qianhao",
        task(receipt, "administrativeMediation"),
        Map.of("opinion", "装修时间违反物业规定", "proposedOutcome", "agreement"));
    completeAs(
        "jiangfa",
        task(receipt, "judicialMediation"),
        Map.of("opinion", "可调解", "proposedOutcome", "agreement"));
  }

  private void agreeAtTier1(DisputeReceipt receipt) {
    completeAs("wangli", task(receipt, "mediateTier1"), AGREEMENT);
  }

  @Test
  void aNeighbourDisputeStartsWithTheGridWorkerWithinSevenDays() {
    DisputeReceipt receipt = register("neighbour", List.of());

    Task mediate = task(receipt, "mediateTier1");
    assertThat(candidateGroups(mediate)).containsExactly("gridHepingli1");
    Dispute dispute = dispute(receipt);
    assertThat(Duration.between(dispute.createdAt(), mediate.getDueDate().toInstant()))
        .isBetween(Duration.ofDays(7), Duration.ofDays(7).plusSeconds(5));
    assertThat(receipt.disputeNo()).matches("\\d{4}-T\\d{6}");
    assertThat(tasks(receipt, "policeAlert")).isEmpty();
    assertThat(tasks(receipt, "counselling")).isEmpty();
  }

  @Test
  void anAgreementNeedsItsTermsAndThePartiesConsent() {
    DisputeReceipt receipt = register("neighbour", List.of());
    Task mediate = task(receipt, "mediateTier1");

    assertThatThrownBy(
            () ->
                completeAs(
                    "wangli", mediate, Map.of("outcome", "agreement", "mediationNotes", "x")))
        .hasMessageContaining("协议内容");
    assertThatThrownBy(
            () ->
                completeAs(
                    "wangli",
                    task(receipt, "mediateTier1"),
                    Map.of(
                        "outcome",
                        "agreement",
                        "agreementTerms",
                        "赔偿",
                        "partiesConsent",
                        false,
                        "mediationNotes",
                        "x")))
        .hasMessageContaining("签字同意");
    assertThat(tasks(receipt, "mediateTier1")).hasSize(1);
  }

  @Test
  void anAgreementKeptThroughBothVisitsAndConfirmedByTheCourtResolvesTheDispute() {
    DisputeReceipt receipt = register("neighbour", List.of());
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instance(receipt))
            .singleResult();
    agreeAtTier1(receipt);

    Dispute agreed = dispute(receipt);
    assertThat(agreed.disputeStatus()).isEqualTo(DisputeStatus.AGREED);
    assertThat(agreed.reachedTier()).isEqualTo(1);
    assertThat(agreed.agreementTerms()).contains("赔偿楼下漏水损失");
    assertThat(candidateGroups(task(receipt, "judicialConfirmation")))
        .containsExactly("mediationCourtDongcheng");
    completeAs(
        "jiangfa",
        task(receipt, "judicialConfirmation"),
        Map.of("confirmationResult", "confirmed"));

    fire(receipt, "weekLater");
    Task week = task(receipt, "followUpWeek");
    assertThat(candidateGroups(week)).containsExactly("gridHepingli1");
    completeAs("wangli", week, Map.of("agreementKept", "yes", "visitNotes", "已停止夜间装修"));
    fire(receipt, "monthLater");
    completeAs(
        "wangli",
        task(receipt, "followUpMonth"),
        Map.of("agreementKept", "yes", "visitNotes", "赔偿已付清"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("disputeResolved");
    Dispute resolved = dispute(receipt);
    assertThat(resolved.disputeStatus()).isEqualTo(DisputeStatus.RESOLVED);
    assertThat(resolved.confirmationResult()).isEqualTo("confirmed");
    assertThat(actions(receipt))
        .contains("达成调解协议", "司法确认：法院已确认", "一周回访：协议履行良好", "一月回访：协议履行良好", "结案：调解成功");
  }

  @Test
  void aFailedFirstTierEscalatesToJointMediationAtTheStreet() {
    DisputeReceipt receipt = register("property_management", List.of());
    failTier1(receipt);

    assertThat(candidateGroups(task(receipt, "peopleMediation")))
        .containsExactly("mediationPeopleDongcheng");
    assertThat(candidateGroups(task(receipt, "administrativeMediation")))
        .containsExactly("mediationAdminDongcheng");
    assertThat(candidateGroups(task(receipt, "judicialMediation")))
        .containsExactly("mediationCourtDongcheng");
    assertThat(tasks(receipt, "combineTier2")).isEmpty();
    assertThat(dispute(receipt).tier()).isEqualTo(2);
    assertThat(actions(receipt)).anyMatch(a -> a.startsWith("升级至二级调解"));
    assertThat(disputes.timeline(dispute(receipt).id()))
        .anySatisfy(e -> assertThat(e.remark()).contains("调解不成"));

    tier2Opinions(receipt);
    Task combine = task(receipt, "combineTier2");
    assertThat(candidateGroups(combine)).containsExactly("streetDongcheng");
    completeAs("gaofeng", combine, AGREEMENT);

    assertThat(dispute(receipt).reachedTier()).isEqualTo(2);
    assertThat(tasks(receipt, "judicialConfirmation")).hasSize(1);
  }

  @Test
  void aFirstTierThatRunsOutOfTimeEscalatesAndSaysWhy() {
    DisputeReceipt receipt = register("neighbour", List.of());

    fire(receipt, "tier1Timeout");

    assertThat(tasks(receipt, "mediateTier1")).isEmpty();
    assertThat(tasks(receipt, "peopleMediation")).hasSize(1);
    assertThat(disputes.timeline(dispute(receipt).id()))
        .anySatisfy(
            e -> {
              assertThat(e.action()).startsWith("升级至二级调解");
              assertThat(e.remark()).contains("超过调解时限");
            });
    assertThat(task(receipt, "peopleMediation").getDueDate().toInstant())
        .isAfter(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(14)));
  }

  @Test
  void aSecondTierThatRunsOutOfTimeGoesToTheCountyCentre() {
    DisputeReceipt receipt = register("neighbour", List.of());
    failTier1(receipt);

    fire(receipt, "tier2Timeout");

    assertThat(tasks(receipt, "peopleMediation")).isEmpty();
    assertThat(candidateGroups(task(receipt, "planTier3"))).containsExactly("countyCentre");
    assertThat(dispute(receipt).tier()).isEqualTo(3);
  }

  @Test
  void theCountyCallsInDepartmentsAndAFailureThereEndsWithGuidanceToLitigation() {
    DisputeReceipt receipt = register("land", List.of());
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instance(receipt))
            .singleResult();
    failTier1(receipt);
    tier2Opinions(receipt);
    completeAs(
        "gaofeng",
        task(receipt, "combineTier2"),
        Map.of("outcome", "failed", "mediationNotes", "分歧无法弥合"));

    completeAs(
        "majie",
        task(receipt, "planTier3"),
        Map.of(
            "calledInGroups",
            SpinValues.jsonValue("[\"officeUrbanDongcheng\",\"officeHousing\"]").create(),
            "planNotes",
            "城管、住建参与"));
    List<Task> departments = tasks(receipt, "departmentMediation");
    assertThat(departments)
        .flatMap(this::candidateGroups)
        .containsExactlyInAnyOrder("officeUrbanDongcheng", "officeHousing");
    completeAs(
        "hanxue", departments.get(0), Map.of("opinion", "违建部分依法拆除", "proposedOutcome", "failed"));
    completeAs(
        "yuanjie",
        departments.get(1),
        Map.of("opinion", "宅基地权属需诉讼确认", "proposedOutcome", "failed"));
    completeAs(
        "majie",
        task(receipt, "mediateTier3"),
        Map.of("outcome", "failed", "mediationNotes", "权属争议"));

    completeAs(
        "majie",
        task(receipt, "guideLitigation"),
        Map.of("guidance", "litigation", "guidanceNotes", "已告知向县人民法院起诉，提供法律援助联系方式"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("disputeGuided");
    Dispute guided = dispute(receipt);
    assertThat(guided.disputeStatus()).isEqualTo(DisputeStatus.GUIDED);
    assertThat(guided.guidance()).isEqualTo("litigation");
    assertThat(actions(receipt)).contains("引导诉讼", "结案：已引导诉讼或仲裁");
  }

  @Test
  void aThirdTierThatRunsOutOfTimeAlsoEndsWithGuidance() {
    DisputeReceipt receipt = register("neighbour", List.of("violence"));

    fire(receipt, "tier3Timeout");

    assertThat(tasks(receipt, "planTier3")).isEmpty();
    assertThat(candidateGroups(task(receipt, "guideLitigation"))).containsExactly("countyCentre");
  }

  @Test
  void aHighRiskDisputeStartsAtTheCountyCentreAndAlertsThePoliceAtOnce() {
    DisputeReceipt receipt = register("neighbour", List.of("violence", "many_parties"));

    assertThat(receipt.tier()).isEqualTo(3);
    assertThat(tasks(receipt, "mediateTier1")).isEmpty();
    assertThat(candidateGroups(task(receipt, "planTier3"))).containsExactly("countyCentre");
    Task alert = task(receipt, "policeAlert");
    assertThat(candidateGroups(alert)).containsExactly("officePoliceDongcheng");
    assertThat(actions(receipt)).contains("高风险预警");

    completeAs("caolei", alert, Map.of("policeMeasures", "已安排社区民警上门稳控"));
    assertThat(tasks(receipt, "policeAlert")).isEmpty();
    assertThat(tasks(receipt, "planTier3")).hasSize(1);
  }

  @Test
  void aFamilyDisputeGetsCounsellingAlongsideAndMoreTimeAtTheFirstTier() {
    DisputeReceipt receipt = register("family", List.of());

    assertThat(candidateGroups(task(receipt, "counselling"))).containsExactly("officeCivil");
    Task mediate = task(receipt, "mediateTier1");
    assertThat(Duration.between(dispute(receipt).createdAt(), mediate.getDueDate().toInstant()))
        .isBetween(Duration.ofDays(10), Duration.ofDays(10).plusSeconds(5));

    completeAs("xumei", task(receipt, "counselling"), Map.of("counsellingNotes", "已进行两次心理疏导"));
    agreeAtTier1(receipt);
    assertThat(tasks(receipt, "judicialConfirmation")).hasSize(1);
  }

  @Test
  void anAgreementBrokenAtTheFirstVisitReopensMediationAtTheTierThatReachedIt() {
    DisputeReceipt receipt = register("neighbour", List.of());
    failTier1(receipt);
    tier2Opinions(receipt);
    completeAs("gaofeng", task(receipt, "combineTier2"), AGREEMENT);

    fire(receipt, "weekLater");
    completeAs(
        "wangli",
        task(receipt, "followUpWeek"),
        Map.of("agreementKept", "no", "visitNotes", "仍在夜间施工"));

    assertThat(tasks(receipt, "judicialConfirmation")).isEmpty();
    assertThat(tasks(receipt, "peopleMediation")).hasSize(1);
    assertThat(tasks(receipt, "mediateTier1")).isEmpty();
    Dispute reopened = dispute(receipt);
    assertThat(reopened.disputeStatus()).isEqualTo(DisputeStatus.MEDIATING);
    assertThat(reopened.tier()).isEqualTo(2);
    assertThat(actions(receipt)).contains("一周回访：协议未履行", "协议未履行，重启调解");
  }

  @Test
  void anAgreementBrokenAtTheMonthVisitAlsoReopensMediation() {
    DisputeReceipt receipt = register("neighbour", List.of());
    agreeAtTier1(receipt);
    fire(receipt, "weekLater");
    completeAs(
        "wangli",
        task(receipt, "followUpWeek"),
        Map.of("agreementKept", "yes", "visitNotes", "良好"));
    fire(receipt, "monthLater");

    completeAs(
        "wangli",
        task(receipt, "followUpMonth"),
        Map.of("agreementKept", "no", "visitNotes", "赔偿未付"));

    assertThat(tasks(receipt, "mediateTier1")).hasSize(1);
    assertThat(dispute(receipt).disputeStatus()).isEqualTo(DisputeStatus.MEDIATING);
  }

  @Test
  void thePartiesAreRemindedBeforeTheConfirmationWindowClosesAndTheFollowUpsGoOnAfterIt() {
    DisputeReceipt receipt = register("neighbour", List.of());
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instance(receipt))
            .singleResult();
    agreeAtTier1(receipt);
    fire(receipt, "weekLater");
    completeAs(
        "wangli",
        task(receipt, "followUpWeek"),
        Map.of("agreementKept", "yes", "visitNotes", "良好"));

    fire(receipt, "confirmationReminder");
    assertThat(actions(receipt)).contains("司法确认提醒");
    assertThat(tasks(receipt, "judicialConfirmation")).hasSize(1);

    fire(receipt, "confirmationWindowClosed");
    assertThat(tasks(receipt, "judicialConfirmation")).isEmpty();
    assertThat(timerWaiting(receipt, "monthLater")).isTrue();

    fire(receipt, "monthLater");
    completeAs(
        "wangli",
        task(receipt, "followUpMonth"),
        Map.of("agreementKept", "yes", "visitNotes", "良好"));
    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassed("disputeResolved", "confirmationLapsed");
  }

  @Test
  void aWithdrawnDisputeEnds() {
    DisputeReceipt receipt = register("neighbour", List.of());
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instance(receipt))
            .singleResult();

    completeAs(
        "wangli",
        task(receipt, "mediateTier1"),
        Map.of("outcome", "withdrawn", "mediationNotes", "已私下和解"));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("disputeWithdrawn");
    assertThat(dispute(receipt).disputeStatus()).isEqualTo(DisputeStatus.WITHDRAWN);
    assertThat(dispute(receipt).closedAt()).isNotNull();
  }

  @Test
  void aReportedCaseThatIsADisputeIsHandedOverToMediationAndLinked() {
    CaseReceipt caseReceipt = reportCase("dispute", "normal", HEPINGLI);
    completeAs("wangli", openTask(caseReceipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));

    CaseRecord record = recordOf(caseReceipt);
    assertThat(record.caseStatus()).isEqualTo(CaseStatus.AWAITING_RATING);
    Dispute dispute = disputes.findByCaseId(record.id());
    assertThat(record.result()).contains(dispute.disputeNo());
    assertThat(dispute.trackingCode()).isEqualTo(caseReceipt.trackingCode());
    assertThat(disputes.parties(dispute.id()))
        .singleElement()
        .satisfies(p -> assertThat(p.role()).isEqualTo("applicant"));
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(dispute.processInstanceId())
                .taskDefinitionKey("mediateTier1")
                .count())
        .isOne();
    assertThat(actions(caseReceipt)).contains("转矛盾纠纷调解");
  }

  @Test
  void aHandedOverDisputeNamesItsCaseAndItsClosingShowsOnTheCase() {
    CaseReceipt caseReceipt = reportCase("dispute", "normal", HEPINGLI);
    completeAs("wangli", openTask(caseReceipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    Dispute dispute = disputes.findByCaseId(recordOf(caseReceipt).id());
    Task mediate =
        taskService
            .createTaskQuery()
            .processInstanceId(dispute.processInstanceId())
            .taskDefinitionKey("mediateTier1")
            .singleResult();

    completeAs("wangli", mediate, Map.of("outcome", "withdrawn", "mediationNotes", "已私下和解"));

    assertThat(actions(caseReceipt)).contains("关联纠纷结案");
    assertThat(tracking.view(dispute.disputeNo(), caseReceipt.trackingCode()).fromCaseNo())
        .isEqualTo(caseReceipt.caseNo());
  }
}
