package org.lianhu.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** A mocked execution whose variables live in a map the test reads and writes. */
public final class MockExecutions {

  private MockExecutions() {}

  public static DelegateExecution of(String businessKey, Map<String, Object> variables) {
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getProcessBusinessKey()).thenReturn(businessKey);
    when(execution.getVariable(anyString()))
        .thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution)
        .setVariable(anyString(), any());
    doAnswer(call -> variables.remove(call.<String>getArgument(0)))
        .when(execution)
        .removeVariable(anyString());
    return execution;
  }
}
