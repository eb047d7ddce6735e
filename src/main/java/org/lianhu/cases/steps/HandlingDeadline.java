package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseMapper;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.workflow.CaseDeadlines;
import org.lianhu.workflow.Deadline;

/** A fresh handling time limit for a case that goes back to its handlers. */
final class HandlingDeadline {

  private HandlingDeadline() {}

  static void renew(DelegateExecution execution, CaseDeadlines deadlines, CaseMapper cases, long caseId) {
    CaseRecord record = cases.findById(caseId);
    Deadline handling = deadlines.handling(record.category(), record.urgency(), EngineClock.now());
    execution.setVariable(CaseVariables.HANDLE_DUE, handling.dueDate());
    execution.setVariable(CaseVariables.HANDLE_WARN_AT, handling.warnAtDate());
    cases.renewHandleDue(caseId, handling.due());
  }
}
