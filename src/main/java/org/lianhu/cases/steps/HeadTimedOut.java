package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * 超时转网格员: the head's time limit ran out (the red timer interrupted their task), so the case goes on
 * to the grid worker's acceptance: no case waits on a head who does not act.
 */
@Component("headTimedOut")
public class HeadTimedOut implements JavaDelegate {

  private final CaseLifecycle lifecycle;

  public HeadTimedOut(CaseLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.unitTimedOut(CaseVariables.caseId(execution), "超过联户长接单时限，转网格员受理");
  }
}
