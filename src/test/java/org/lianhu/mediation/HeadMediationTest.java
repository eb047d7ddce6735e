package org.lianhu.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.org.LiaisonHead;
import org.lianhu.org.Location;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.lianhu.support.EngineTest;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 联户长调解: the head of 和平里一区1号楼 (lixiuying) hands a neighbours' quarrel from the in-unit tier to
 * mediation, and joins its tier-1 mediation; the head of the next unit may not, nor may anyone once
 * the dispute has moved up to tier 2.
 */
@EngineTest
class HeadMediationTest extends CaseLoopTestSupport {

  @Autowired private HeadMediation headMediation;
  @Autowired private DisputeMapper disputes;
  @Autowired private OrganisationDirectory directory;
  @Autowired private JdbcTemplate jdbc;

  private LiaisonHead head(String userId) {
    return directory.headOf(userId).orElseThrow();
  }

  private Dispute mediatedByHead() {
    CaseReceipt receipt =
        intake.report(
            new ReportCaseRequest(
                "neighbour_noise",
                "楼上楼下因漏水和噪音多次争吵",
                new Location("和平里一区1号楼", null, null, "hepingli1a"),
                "normal",
                new ReportCaseRequest.Reporter("张三", "13812345678"),
                "resident"),
            null);
    completeAs(
        "lixiuying",
        openTask(receipt, "headTask"),
        Map.of("headDecision", "mediate", "headNote", "两户积怨较深，需人民调解"));
    BpmnAwareTests.assertThat(instanceOf(receipt))
        .hasPassed("handOverToMediation")
        .hasNotPassed("acceptCase", "routeCase");
    assertThat(
            jdbc.queryForObject(
                "select unit_outcome from case_record where case_no = ?",
                String.class,
                receipt.caseNo()))
        .isEqualTo("mediated");
    assertThat(actions(receipt)).contains("联户长：转矛盾纠纷调解");
    return disputes.findByCaseId(recordOf(receipt).id());
  }

  private List<String> disputeActions(Dispute dispute) {
    return disputes.timeline(dispute.id()).stream().map(TimelineEntry::action).toList();
  }

  @Test
  void theHeadHandsADisputeToMediationAndJoinsItsFirstTier() {
    Dispute dispute = mediatedByHead();
    assertThat(dispute.liaisonUnitCode()).isEqualTo("hepingli1a");
    assertThat(dispute.type()).isEqualTo(DisputeType.neighbour);
    assertThat(dispute.tier()).isEqualTo(1);

    List<HeadMediation.UnitDispute> listed = headMediation.openInUnit(head("lixiuying"));
    HeadMediation.UnitDispute shown =
        listed.stream().filter(d -> d.disputeNo().equals(dispute.disputeNo())).findFirst().get();
    assertThat(shown.canJoin()).isTrue();
    assertThat(shown.parties()).containsExactly("申请人 张*");
    assertThat(headMediation.openInUnit(head("zhangjianguo")))
        .noneMatch(d -> d.disputeNo().equals(dispute.disputeNo()));

    headMediation.join(head("lixiuying"), dispute.disputeNo(), "  上门劝解，双方同意先修漏水再谈赔偿  ");

    List<TimelineEntry> timeline = disputes.timeline(dispute.id());
    TimelineEntry joined = timeline.get(timeline.size() - 2);
    TimelineEntry note = timeline.get(timeline.size() - 1);
    assertThat(joined.action()).isEqualTo("联户长调解");
    assertThat(joined.actor()).isEqualTo("lixiuying");
    assertThat(joined.publicEntry()).isTrue();
    assertThat(note.remark()).isEqualTo("上门劝解，双方同意先修漏水再谈赔偿");
    assertThat(note.publicEntry()).isFalse();
    assertThat(disputes.headMediations(dispute.id()))
        .extracting(HeadMediation.Joined::headUserId, HeadMediation.Joined::note)
        .containsExactly(tuple("lixiuying", "上门劝解，双方同意先修漏水再谈赔偿"));
    assertThat(headMediation.openInUnit(head("lixiuying")))
        .filteredOn(d -> d.disputeNo().equals(dispute.disputeNo()))
        .singleElement()
        .satisfies(d -> assertThat(d.joined()).hasSize(1));
  }

  @Test
  void anotherUnitsHeadAnEmptyNoteAndALaterTierAreRefusedAndNothingIsWritten() {
    Dispute dispute = mediatedByHead();

    assertThatThrownBy(() -> headMediation.join(head("zhangjianguo"), dispute.disputeNo(), "我来调解"))
        .isInstanceOfSatisfying(
            Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
    assertThatThrownBy(() -> headMediation.join(head("lixiuying"), dispute.disputeNo(), "  "))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("note"));
    assertThatThrownBy(
            () -> headMediation.join(head("lixiuying"), dispute.disputeNo(), "长".repeat(2001)))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.field()).isEqualTo("note"));
    assertThatThrownBy(() -> headMediation.join(head("lixiuying"), "2026-T-999999", "调解"))
        .isInstanceOfSatisfying(
            Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));

    Task tier1 =
        taskService
            .createTaskQuery()
            .processInstanceId(dispute.processInstanceId())
            .taskDefinitionKey("mediateTier1")
            .singleResult();
    completeAs("wangli", tier1, Map.of("outcome", "failed", "mediationNotes", "双方分歧较大"));
    assertThat(disputes.findById(dispute.id()).tier()).isEqualTo(2);
    assertThatThrownBy(() -> headMediation.join(head("lixiuying"), dispute.disputeNo(), "继续劝解"))
        .isInstanceOfSatisfying(
            Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));

    assertThat(disputeActions(dispute)).doesNotContain("联户长调解");
    assertThat(disputes.headMediations(dispute.id())).isEmpty();
  }
}
