package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lianhu.org.Location;
import org.lianhu.refusal.Refusal;
import org.lianhu.support.EngineTest;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** 重复诉求: repeats are shown to the acceptor and merged; a reporter's own repeat is pointed back. */
@EngineTest
@TestPropertySource(properties = "lianhu.cases.refuse-own-repeats=true")
class DuplicatesProcessTest extends CaseLoopTestSupport {

  @Autowired CaseTracking tracking;
  @Autowired DuplicateCases duplicates;

  private static int street = 100;

  /** A unique address per test, so that other tests' open cases are no candidates. */
  private static synchronized String address() {
    return "东城街道和平里东街" + (++street) + "号";
  }

  private CaseReceipt report(String category, String address, String phone, String text) {
    return intake.report(
        new ReportCaseRequest(
            category,
            text,
            new Location(address, null, null, null),
            "normal",
            new ReportCaseRequest.Reporter("李四", phone),
            "resident"),
        null);
  }

  private CaseReceipt reportAt(String address, double latitude, double longitude, String phone) {
    return intake.report(
        new ReportCaseRequest(
            "road_damage",
            "路面塌陷一个大坑，车辆绕行",
            new Location(
                address, BigDecimal.valueOf(latitude), BigDecimal.valueOf(longitude), null),
            "normal",
            new ReportCaseRequest.Reporter("王五", phone),
            "resident"),
        null);
  }

  @Test
  void theAcceptorSeesOpenCasesAtTheSameAddressAndMergesTheRepeatIntoOne() {
    String address = address();
    CaseReceipt first = report("sanitation", address, "13800000001", "垃圾桶满溢，异味很大");
    CaseReceipt repeat =
        report("sanitation", address.replace("12", " 12 ") + "。", "13800000002", "门口垃圾没人清");

    Object summary = runtimeService.getVariable(instanceIdOf(repeat), "duplicateSummary");
    assertThat(summary).asString().contains(first.caseNo(), "垃圾桶满溢");
    Task accept = openTask(repeat, "acceptCase");
    assertThatThrownBy(() -> completeAs("wangli", accept, Map.of("acceptDecision", "merge")))
        .hasMessageContaining("请选择要合并到的在办事件");
    completeAs(
        "wangli",
        openTask(repeat, "acceptCase"),
        Map.of("acceptDecision", "merge", "mergeInto", first.caseNo()));

    BpmnAwareTests.assertThat(instanceOf(repeat)).isNull();
    CaseRecord merged = recordOf(repeat);
    assertThat(merged.caseStatus()).isEqualTo(CaseStatus.MERGED);
    assertThat(merged.mergedInto()).isEqualTo(recordOf(first).id());
    assertThat(cases.timeline(recordOf(first).id()))
        .extracting(TimelineEntry::action)
        .contains("合并重复诉求");

    // The repeat's reporter follows the first case with their own code, and may rate it.
    CaseView own = tracking.view(repeat.caseNo(), repeat.trackingCode());
    assertThat(own.mergedInto()).isEqualTo(first.caseNo());
    assertThat(own.statusName()).isEqualTo("已合并");
    CaseView followed = tracking.view(first.caseNo(), repeat.trackingCode());
    assertThat(followed.caseNo()).isEqualTo(first.caseNo());
    completeAs(
        "wangli",
        openTask(first, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已清运"));
    rating.rate(first.caseNo(), new RateCaseRequest(repeat.trackingCode(), "satisfied", "处理得快"));
    assertThat(recordOf(first).rating()).isEqualTo("satisfied");
    // A third party's code opens neither.
    CaseReceipt other = report("sanitation", address(), "13800000003", "别处的垃圾");
    assertThat(
            catchThrowableOfType(
                    Refusal.class, () -> tracking.view(first.caseNo(), other.trackingCode()))
                .kind())
        .isEqualTo(Refusal.Kind.NOT_FOUND);
  }

  @Test
  void aMergeIntoItselfAClosedCaseOrAnUnknownOneIsRefusedAndChangesNothing() {
    String address = address();
    CaseReceipt closed = report("sanitation", address, "13800000011", "垃圾堆积");
    completeAs(
        "wangli",
        openTask(closed, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已清运"));
    rate(closed, Rating.satisfied, null);
    CaseReceipt repeat = report("sanitation", address, "13800000012", "又堆满了垃圾");
    Task accept = openTask(repeat, "acceptCase");

    for (String[] attempt :
        new String[][] {
          {repeat.caseNo(), "不能把事件合并到它自己"},
          {closed.caseNo(), "只能合并到在办事件"},
          {"2026-999999", "没有编号为 2026-999999 的事件"}
        }) {
      assertThatThrownBy(
              () ->
                  completeAs(
                      "wangli", accept, Map.of("acceptDecision", "merge", "mergeInto", attempt[0])))
          .hasMessageContaining(attempt[1]);
    }
    assertThat(openTask(repeat, "acceptCase").getId()).isEqualTo(accept.getId());
    assertThat(recordOf(repeat).caseStatus()).isEqualTo(CaseStatus.REPORTED);
    assertThat(recordOf(repeat).mergedInto()).isNull();
  }

  @Test
  void reportsWithin100MetresAreCandidatesAndFartherOnesAreNot() {
    CaseReceipt first = reportAt(address(), 39.9100000, 116.4000000, "13800000021");
    // About 55 m north, and about 550 m north, each under an address of its own.
    CaseReceipt near = reportAt(address(), 39.9105000, 116.4000000, "13800000022");
    CaseReceipt far = reportAt(address(), 39.9150000, 116.4000000, "13800000023");

    assertThat(duplicates.candidates(recordOf(near)))
        .extracting(CaseRecord::caseNo)
        .contains(first.caseNo());
    assertThat(duplicates.candidates(recordOf(far)))
        .extracting(CaseRecord::caseNo)
        .doesNotContain(first.caseNo(), near.caseNo());
    assertThat(
            DuplicateCases.distance(
                BigDecimal.valueOf(39.91), BigDecimal.valueOf(116.4),
                BigDecimal.valueOf(39.9105), BigDecimal.valueOf(116.4)))
        .isBetween(55.0, 56.0);
  }

  @Test
  void aReporterWritingAgainWithNothingNewIsShownTheirOpenCase() {
    String address = address();
    CaseReceipt first = report("streetlight", address, "13800000031", "路灯不亮已经三天了，晚上很黑");

    Refusal repeat =
        catchThrowableOfType(
            Refusal.class, () -> report("streetlight", address, "13800000031", "路灯不亮已经三天了"));
    assertThat(repeat.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(repeat.type()).isEqualTo("repeat-report");
    assertThat(repeat.properties()).containsEntry("caseNo", first.caseNo());
    assertThat(repeat.properties()).doesNotContainKey("trackingCode");
    var problem = org.lianhu.web.Problems.of(repeat);
    assertThat(problem.getStatusCode().value()).isEqualTo(409);
    assertThat(problem.getBody().getProperties()).containsEntry("caseNo", first.caseNo());

    // Something new, or someone else, opens a case the acceptor may merge.
    CaseReceipt more = report("streetlight", address, "13800000031", "路灯不亮，今天旁边的那盏也灭了");
    CaseReceipt neighbour = report("streetlight", address, "13800000032", "路灯不亮已经三天了");
    assertThat(more.caseNo()).isNotEqualTo(first.caseNo());
    assertThat(neighbour.caseNo()).isNotEqualTo(first.caseNo());
  }
}
