package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * 确定牵头与协办: the street centre's choice becomes the handler of the case (lead) and one co-handling
 * task per other department.
 */
@Component("applyCoordination")
public class ApplyCoordination implements JavaDelegate {

  private final OrganisationDirectory directory;
  private final CaseLifecycle lifecycle;
  private final CaseDeadlines deadlines;

  public ApplyCoordination(
      OrganisationDirectory directory, CaseLifecycle lifecycle, CaseDeadlines deadlines) {
    this.directory = directory;
    this.lifecycle = lifecycle;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String lead = CaseVariables.text(execution, CaseVariables.LEAD_GROUP);
    if (lead == null) {
      throw new IllegalStateException("coordination finished without a lead department");
    }
    LeadOffice.dispatch(
        execution,
        directory,
        lifecycle,
        deadlines,
        lead,
        execution.getVariable(CaseVariables.CO_HANDLER_GROUPS),
        "确定牵头与协办部门",
        "牵头：",
        "");
  }
}
