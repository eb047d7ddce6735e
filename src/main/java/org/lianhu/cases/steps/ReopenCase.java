package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.Deadline;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.springframework.stereotype.Component;

/**
 * 重办: the reporter was not satisfied; the case goes back to its handlers with a fresh time limit. A
 * case resolved on the spot goes to dispatch instead, since the grid worker's own fix did not hold.
 */
@Component("reopenCase")
public class ReopenCase implements JavaDelegate {

  private final Cases cases;
  private final CaseLifecycle lifecycle;
  private final CaseDeadlines deadlines;

  public ReopenCase(Cases cases, CaseLifecycle lifecycle, CaseDeadlines deadlines) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    int count = ((Number) execution.getVariable(CaseVariables.REOPEN_COUNT)).intValue() + 1;
    execution.setVariable(CaseVariables.REOPEN_COUNT, count);
    // A dispute handed over to mediation comes back to the street centre, not into a second
    // mediation.
    if (RouteCase.MEDIATION.equals(execution.getVariable(CaseVariables.ROUTING))) {
      execution.setVariable(CaseVariables.ROUTING, RouteCase.COORDINATE);
    }
    Deadline handling = HandlingDeadline.renew(execution, deadlines, cases, caseId);
    execution.removeVariable(CaseVariables.RATING);
    lifecycle.reopened(caseId, count, handling.due());
  }
}
