package org.lianhu.mediation.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.engine.DecisionTables;
import org.lianhu.mediation.DisputeLifecycle;
import org.lianhu.mediation.DisputeStatus;
import org.lianhu.mediation.MediationVariables;
import org.lianhu.support.MockExecutions;

/** The mediation delegates as adapters, without an engine or a database. */
class MediationStepsTest {

  private static final long DISPUTE_ID = 7;

  private final DecisionTables decisionTables = mock(DecisionTables.class);
  private final DisputeLifecycle lifecycle = mock(DisputeLifecycle.class);
  private final Map<String, Object> variables = new HashMap<>();
  private final DelegateExecution execution = MockExecutions.of("2026-T000007", variables);

  @BeforeEach
  void aDisputeAtTier1() {
    variables.put(MediationVariables.TIER, 1);
    variables.put(MediationVariables.DISPUTE_TYPE, "neighbour");
    when(decisionTables.evaluate(eq(MediationTiers.DECISION), anyMap()))
        .thenReturn(Map.of("days", 10));
  }

  @Test
  void eachClosingActivityClosesWithItsOwnStatus() {
    Map<String, DisputeStatus> expected =
        Map.of(
            "closeResolved",
            DisputeStatus.RESOLVED,
            "closeWithdrawn",
            DisputeStatus.WITHDRAWN,
            "closeGuided",
            DisputeStatus.GUIDED);
    expected.forEach(
        (activity, status) -> {
          when(execution.getCurrentActivityId()).thenReturn(activity);
          new CloseDispute(lifecycle).execute(execution);
          verify(lifecycle).closed(DISPUTE_ID, status);
          assertThat(variables)
              .containsEntry(MediationVariables.MEDIATION_RESULT, "纠纷" + status.label());
        });
  }

  @Test
  void anUnknownClosingActivityClosesNothing() {
    when(execution.getCurrentActivityId()).thenReturn("closeSomehow");

    assertThatThrownBy(() -> new CloseDispute(lifecycle).execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closeSomehow");
    verifyNoInteractions(lifecycle);
  }

  @Test
  void aFailedTierEscalatesToTheNextWithItsDeadlineAndForgetsTheOutcome() {
    variables.put(MediationVariables.OUTCOME, "failed");

    new EscalateTier(
            new MediationTiers(decisionTables), lifecycle, new CountyClock("Asia/Shanghai"))
        .execute(execution);

    assertThat(variables)
        .containsEntry(MediationVariables.TIER, 2)
        .containsEntry(MediationVariables.ESCALATION_REASON, "调解不成")
        .containsKey(MediationVariables.TIER_DUE)
        .doesNotContainKey(MediationVariables.OUTCOME);
    verify(lifecycle)
        .escalated(
            eq(DISPUTE_ID),
            eq(2),
            startsWith("升级至"),
            startsWith(MediationVariables.tierName(1) + "调解不成"));
  }
}
