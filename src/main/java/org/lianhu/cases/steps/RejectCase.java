package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseMapper;
import org.lianhu.cases.CaseVariables;
import org.springframework.stereotype.Component;

/** 不予受理: ends a duplicate or invalid report; the reason is what the reporter reads. */
@Component("rejectCase")
public class RejectCase implements JavaDelegate {

  private final CaseMapper cases;

  public RejectCase(CaseMapper cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.reject(CaseVariables.caseId(execution), CaseVariables.text(execution, CaseVariables.REJECT_REASON),
        EngineClock.now());
  }
}
