package org.lianhu.mediation;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseVariables;
import org.lianhu.org.TaskHandedOver;

class HandedOverTasksTest {

  private final DisputeLifecycle lifecycle = mock(DisputeLifecycle.class);
  private final HandedOverTasks listener = new HandedOverTasks(lifecycle);

  @Test
  void aHandedOverMediationTaskIsNotedOnItsDisputesTimeline() {
    String disputeNo = DisputeNumbers.of(2026, 42);
    listener.taskHandedOver(
        new TaskHandedOver(
            MediationVariables.PROCESS_KEY, disputeNo, "调解", "zhoumin", "luoxin", "qinfang"));
    verify(lifecycle).noteInternal(eq(42L), eq("qinfang"), eq("人员变动交接"), contains("交由 luoxin 接办"));
  }

  @Test
  void aCaseTaskIsNotTheDisputesBusiness() {
    listener.taskHandedOver(
        new TaskHandedOver(CaseVariables.PROCESS_KEY, "2026-000001", "受理", "wangli", null, "demo"));
    verify(lifecycle, never()).noteInternal(anyLong(), anyString(), anyString(), anyString());
  }
}
