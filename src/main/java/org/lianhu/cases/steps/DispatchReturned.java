package org.lianhu.cases.steps;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
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
    String lead = CaseVariables.text(execution, CaseVariables.RETURN_LEAD_GROUP);
    if (lead == null) {
      throw new IllegalStateException("a return was redispatched without a lead department");
    }
    Date handleDue = (Date) execution.getVariable(CaseVariables.HANDLE_DUE);
    execution.setVariable(CaseVariables.ROUTING, RouteCase.SINGLE);
    execution.setVariable(CaseVariables.RETURN_UPHELD_GROUP, null);
    LeadOffice.dispatch(
        execution,
        directory,
        lifecycle,
        deadlines,
        lead,
        execution.getVariable(CaseVariables.RETURN_CO_HANDLER_GROUPS),
        "退单改派",
        "改派至",
        "；处置时限不变 " + clock.minute(handleDue.toInstant()));
  }
}
