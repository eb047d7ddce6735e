package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/** 办结方式: the handler's choice is on the case, on its feedback and on the reporter's page. */
@EngineTest
class ClosureOutcomesProcessTest extends CaseLoopTestSupport {

  private static final String HEPINGLI = "东城街道和平里东街12号";

  @Autowired CaseTracking tracking;

  private CaseReceipt dispatched() {
    CaseReceipt receipt = reportCase("sanitation", "normal", HEPINGLI);
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    return receipt;
  }

  @ParameterizedTest
  @EnumSource(
      value = ClosureOutcome.class,
      names = {"resolved", "partly", "explained", "redirected"})
  void theHandlersOutcomeIsWhatTheReporterSees(ClosureOutcome outcome) {
    CaseReceipt receipt = dispatched();
    withEvidence(receipt, "hanxue");
    completeAs(
        "hanxue",
        openTask(receipt, "handleCase"),
        Map.of("handleAction", "result", "closureOutcome", outcome.name(), "handleResult", "已答复"));

    assertThat(recordOf(receipt).outcome()).isEqualTo(outcome.name());
    CaseView view = tracking.view(receipt.caseNo(), receipt.trackingCode());
    assertThat(view.outcome()).isEqualTo(outcome.name());
    assertThat(view.outcomeName()).isEqualTo(outcome.label());
    assertThat(view.timeline())
        .anySatisfy(
            step -> {
              assertThat(step.action()).isEqualTo("结果反馈");
              assertThat(step.remark()).startsWith(outcome.label() + "：已答复");
            });
  }

  @Test
  void aResultWithoutAHandlersOutcomeIsRefused() {
    CaseReceipt receipt = dispatched();
    Task handle = openTask(receipt, "handleCase");
    assertThatThrownBy(() -> completeAs("hanxue", handle, Map.of("handleResult", "已处理")))
        .hasMessageContaining("请选择办结方式");
    assertThatThrownBy(
            () ->
                completeAs(
                    "hanxue", handle, Map.of("handleResult", "已处理", "closureOutcome", "mediation")))
        .hasMessageContaining("请选择办结方式");
    assertThatThrownBy(
            () ->
                completeAs(
                    "hanxue", handle, Map.of("handleAction", "ignore", "handleResult", "已处理")))
        .hasMessageContaining("未知的办理方式");
    assertThat(openTask(receipt, "handleCase").getId()).isEqualTo(handle.getId());
    assertThat(recordOf(receipt).outcome()).isNull();
  }

  @Test
  void aCaseSettledOnTheSpotIsResolvedAndAReopenClearsTheOutcome() {
    CaseReceipt receipt = reportCase("sanitation", "normal", HEPINGLI);
    completeAs(
        "wangli",
        openTask(receipt, "acceptCase"),
        Map.of("acceptDecision", "onSpot", "acceptComment", "已当场清理"));
    assertThat(recordOf(receipt).outcome()).isEqualTo("resolved");

    rate(receipt, Rating.unsatisfied, "又堆满了");
    assertThat(recordOf(receipt).outcome()).isNull();
  }
}
