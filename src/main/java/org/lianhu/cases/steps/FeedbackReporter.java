package org.lianhu.cases.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseSettings;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.ClosureOutcome;
import org.springframework.stereotype.Component;

/**
 * 反馈: publishes the result to the reporter (the department's result, or the grid worker's
 * on-the-spot resolution) and opens the rating window.
 */
@Component("feedbackReporter")
public class FeedbackReporter implements JavaDelegate {

  private final CaseLifecycle lifecycle;
  private final CountyClock clock;
  private final Duration ratingWindow;

  public FeedbackReporter(CaseLifecycle lifecycle, CountyClock clock, CaseSettings settings) {
    this.lifecycle = lifecycle;
    this.clock = clock;
    this.ratingWindow = settings.ratingWindow();
  }

  /** The variable that holds what the reporter is told: whoever settled the case wrote it. */
  private static String resultOf(DelegateExecution execution, boolean dispatched) {
    if (dispatched) {
      return CaseVariables.HANDLE_RESULT;
    }
    if ("resolve".equals(execution.getVariable(CaseVariables.COUNCIL_DECISION))) {
      return CaseVariables.COUNCIL_RESULT;
    }
    if ("resolve".equals(execution.getVariable(CaseVariables.HEAD_DECISION))) {
      return CaseVariables.HEAD_RESULT;
    }
    return CaseVariables.ACCEPT_COMMENT;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    boolean dispatched = Boolean.TRUE.equals(execution.getVariable(CaseVariables.DISPATCHED));
    String result = CaseVariables.text(execution, resultOf(execution, dispatched));
    if (result == null) {
      result = "已当场处理";
    }
    Instant now = EngineClock.now();
    Instant ratingDue = now.plus(ratingWindow);
    execution.setVariable(CaseVariables.RATING_DUE, Date.from(ratingDue));
    lifecycle.resolved(
        caseId,
        result,
        outcomeOf(execution, dispatched),
        now,
        result + "（请于 " + clock.minute(ratingDue) + " 前评价）");
  }

  /**
   * The handler's choice for a dispatched case; a hand-over to mediation is its own outcome;
   * whoever settled a case before dispatch (on the spot, in the unit, in council) resolved it.
   */
  private static ClosureOutcome outcomeOf(DelegateExecution execution, boolean dispatched) {
    if (!dispatched) {
      return ClosureOutcome.resolved;
    }
    if (RouteCase.MEDIATION.equals(execution.getVariable(CaseVariables.ROUTING))) {
      return ClosureOutcome.mediation;
    }
    return ClosureOutcome.of(CaseVariables.text(execution, CaseVariables.CLOSURE_OUTCOME))
        .orElseThrow(() -> new IllegalStateException("handling finished without an outcome"));
  }
}
