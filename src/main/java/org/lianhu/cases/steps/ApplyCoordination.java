package org.lianhu.cases.steps;

import org.lianhu.workflow.FormValues;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.cases.CaseMapper;
import org.lianhu.cases.CaseTimeline;
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
  private final CaseMapper cases;
  private final CaseTimeline timeline;

  public ApplyCoordination(OrganisationDirectory directory, CaseMapper cases, CaseTimeline timeline) {
    this.directory = directory;
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    String lead = CaseVariables.text(execution, CaseVariables.LEAD_GROUP);
    if (lead == null) {
      throw new IllegalStateException("coordination finished without a lead department");
    }
    List<String> coHandlers = new ArrayList<>(FormValues.groups(execution.getVariable(CaseVariables.CO_HANDLER_GROUPS)));
    coHandlers.remove(lead);
    execution.setVariable(CaseVariables.HANDLER_GROUP, lead);
    execution.setVariable(CaseVariables.CO_HANDLER_GROUPS, FormValues.groupList(coHandlers));
    String department = directory.departmentOfOffice(lead);
    execution.setVariable(CaseVariables.DEPARTMENT, department);
    Date handleDue = (Date) execution.getVariable(CaseVariables.HANDLE_DUE);
    cases.recordDispatch(caseId, department, CaseVariables.text(execution, CaseVariables.SUPERVISING_DEPARTMENT),
        lead, handleDue.toInstant());

    String remark = "牵头：" + directory.groupName(lead);
    if (!coHandlers.isEmpty()) {
      remark += "；协办：" + String.join("、", coHandlers.stream().map(directory::groupName).toList());
    }
    timeline.record(caseId, CaseTimeline.SYSTEM, "确定牵头与协办部门", remark);
  }
}
