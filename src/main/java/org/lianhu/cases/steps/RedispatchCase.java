package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.lianhu.engine.FormValues;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/** 重新派单: after review the street centre coordinates the case anew, with a fresh time limit. */
@Component("redispatchCase")
public class RedispatchCase implements JavaDelegate {

  private final Cases cases;
  private final CaseLifecycle lifecycle;
  private final CaseDeadlines deadlines;
  private final OrganisationDirectory directory;

  public RedispatchCase(
      Cases cases,
      CaseLifecycle lifecycle,
      CaseDeadlines deadlines,
      OrganisationDirectory directory) {
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.deadlines = deadlines;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    execution.setVariable(CaseVariables.ROUTING, RouteCase.COORDINATE);
    execution.setVariable(CaseVariables.DISPATCHED, true);
    // A case resolved on the spot was never routed: give the street centre its choices and a
    // supervisor.
    String street = cases.byId(caseId).streetCode();
    execution.setVariable(
        CaseVariables.DEPARTMENT_OPTIONS, FormValues.options(directory.departmentOptions(street)));
    if (CaseVariables.text(execution, CaseVariables.SUPERVISOR_GROUP) == null) {
      execution.setVariable(CaseVariables.SUPERVISOR_GROUP, directory.coordinatorGroup(street));
    }
    lifecycle.redispatched(
        caseId, HandlingDeadline.renew(execution, deadlines, cases, caseId).due());
  }
}
