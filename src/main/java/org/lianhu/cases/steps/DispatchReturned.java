package org.lianhu.cases.steps;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.lianhu.engine.FormValues;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * 改派 after a return: the centre's lead and co-handlers take the case over. The handling deadline
 * does not start again: the clock kept running while the case was returned, so the new office
 * inherits the time that is left (and a reminder or an escalation that fell due meanwhile).
 */
@Component("dispatchReturned")
public class DispatchReturned implements JavaDelegate {

  private final OrganisationDirectory directory;
  private final CaseLifecycle lifecycle;
  private final CountyClock clock;
  private final CaseDeadlines deadlines;

  public DispatchReturned(
      OrganisationDirectory directory,
      CaseLifecycle lifecycle,
      CountyClock clock,
      CaseDeadlines deadlines) {
    this.directory = directory;
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    String lead = CaseVariables.text(execution, CaseVariables.RETURN_LEAD_GROUP);
    if (lead == null) {
      throw new IllegalStateException("a return was redispatched without a lead department");
    }
    List<String> coHandlers =
        new ArrayList<>(
            FormValues.groups(execution.getVariable(CaseVariables.RETURN_CO_HANDLER_GROUPS)));
    coHandlers.remove(lead);
    String department = directory.departmentOfOffice(lead);
    Date handleDue = (Date) execution.getVariable(CaseVariables.HANDLE_DUE);
    execution.setVariable(CaseVariables.ROUTING, RouteCase.SINGLE);
    execution.setVariable(CaseVariables.HANDLER_GROUP, lead);
    execution.setVariable(CaseVariables.CO_HANDLER_GROUPS, FormValues.groupList(coHandlers));
    execution.setVariable(CaseVariables.DEPARTMENT, department);
    execution.setVariable(CaseVariables.HANDLING_SINCE, Date.from(EngineClock.now()));
    execution.setVariable(CaseVariables.RETURN_UPHELD_GROUP, null);

    String remark = "改派至" + directory.groupName(lead);
    if (!coHandlers.isEmpty()) {
      remark += "；协办：" + String.join("、", coHandlers.stream().map(directory::groupName).toList());
    }
    remark += "；处置时限不变 " + clock.minute(handleDue.toInstant());
    lifecycle.dispatched(
        caseId,
        new CaseLifecycle.Dispatch(
            department,
            CaseVariables.text(execution, CaseVariables.SUPERVISING_DEPARTMENT),
            lead,
            handleDue.toInstant(),
            deadlines.officeResponse(EngineClock.now())),
        "退单改派",
        remark);
  }
}
