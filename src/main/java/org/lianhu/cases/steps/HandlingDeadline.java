package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lianhu.calendar.Deadline;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;

/** A fresh handling time limit for a case that goes back to its handlers. */
final class HandlingDeadline {

  private HandlingDeadline() {}

  /**
   * The new handling deadline of a case handled again, set on the process; the caller stores it.
   */
  static Deadline renew(
      DelegateExecution execution, CaseDeadlines deadlines, Cases cases, long caseId) {
    CaseRecord record = cases.byId(caseId);
    Deadline handling = deadlines.handling(record.category(), record.urgency(), EngineClock.now());
    execution.setVariable(CaseVariables.HANDLE_DUE, handling.dueDate());
    execution.setVariable(CaseVariables.HANDLE_WARN_AT, handling.warnAtDate());
    return handling;
  }
}
