package org.lianhu.cases.steps;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.lianhu.engine.FormValues;
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
    long caseId = CaseVariables.caseId(execution);
    String lead = CaseVariables.text(execution, CaseVariables.LEAD_GROUP);
    if (lead == null) {
      throw new IllegalStateException("coordination finished without a lead department");
    }
    List<String> coHandlers =
        new ArrayList<>(FormValues.groups(execution.getVariable(CaseVariables.CO_HANDLER_GROUPS)));
    coHandlers.remove(lead);
    execution.setVariable(CaseVariables.HANDLER_GROUP, lead);
    execution.setVariable(CaseVariables.CO_HANDLER_GROUPS, FormValues.groupList(coHandlers));
    String department = directory.departmentOfOffice(lead);
    execution.setVariable(CaseVariables.DEPARTMENT, department);
    execution.setVariable(CaseVariables.HANDLING_SINCE, Date.from(EngineClock.now()));
    Date handleDue = (Date) execution.getVariable(CaseVariables.HANDLE_DUE);

    String remark = "牵头：" + directory.groupName(lead);
    if (!coHandlers.isEmpty()) {
      remark += "；协办：" + String.join("、", coHandlers.stream().map(directory::groupName).toList());
    }
    lifecycle.dispatched(
        caseId,
        new CaseLifecycle.Dispatch(
            department,
            CaseVariables.text(execution, CaseVariables.SUPERVISING_DEPARTMENT),
            lead,
            handleDue.toInstant(),
            deadlines.officeResponse(EngineClock.now())),
        "确定牵头与协办部门",
        remark);
  }
}
