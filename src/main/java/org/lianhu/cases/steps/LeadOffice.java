package org.lianhu.cases.steps;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.lianhu.engine.FormValues;
import org.lianhu.org.OrganisationDirectory;

/**
 * A centre's choice of lead office and co-handlers (coordination, or a return sent on) made the
 * case's: the variables the handling stage reads, and the dispatch on the case's record, with the
 * handling deadline the case already has.
 */
final class LeadOffice {

  private LeadOffice() {}

  /**
   * Sets lead and co-handlers on the process and records the dispatch; {@code remark} starts the
   * timeline remark, the co-handlers and {@code suffix} follow.
   */
  static void dispatch(
      DelegateExecution execution,
      OrganisationDirectory directory,
      CaseLifecycle lifecycle,
      CaseDeadlines deadlines,
      String lead,
      Object coHandlerValue,
      String action,
      String remark,
      String suffix) {
    List<String> coHandlers = new ArrayList<>(FormValues.groups(coHandlerValue));
    coHandlers.remove(lead);
    String department = directory.departmentOfOffice(lead);
    execution.setVariable(CaseVariables.HANDLER_GROUP, lead);
    execution.setVariable(CaseVariables.CO_HANDLER_GROUPS, FormValues.groupList(coHandlers));
    execution.setVariable(CaseVariables.DEPARTMENT, department);
    execution.setVariable(CaseVariables.HANDLING_SINCE, Date.from(EngineClock.now()));
    Date handleDue = (Date) execution.getVariable(CaseVariables.HANDLE_DUE);

    String text = remark + directory.groupName(lead);
    if (!coHandlers.isEmpty()) {
      text += "；协办：" + String.join("、", coHandlers.stream().map(directory::groupName).toList());
    }
    lifecycle.dispatched(
        CaseVariables.caseId(execution),
        new CaseLifecycle.Dispatch(
            department,
            CaseVariables.text(execution, CaseVariables.SUPERVISING_DEPARTMENT),
            lead,
            handleDue.toInstant(),
            deadlines.officeResponse(EngineClock.now())),
        action,
        text + suffix);
  }
}
