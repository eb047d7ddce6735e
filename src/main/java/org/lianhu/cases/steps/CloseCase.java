package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.springframework.stereotype.Component;

/** 结案: the reporter accepted the result, or the street closed the case after review. */
@Component("closeCase")
public class CloseCase implements JavaDelegate {

  private final CaseLifecycle lifecycle;

  public CloseCase(CaseLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.closed(CaseVariables.caseId(execution), remark());
  }

  /** What the timeline says about the closing, beyond 结案. */
  protected String remark() {
    return null;
  }
}
