package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseMapper;
import org.lianhu.cases.CaseTimeline;
import org.lianhu.cases.CaseVariables;
import org.springframework.stereotype.Component;

/** 结案: the reporter accepted the result, or the street closed the case after review. */
@Component("closeCase")
public class CloseCase implements JavaDelegate {

  private final CaseMapper cases;
  private final CaseTimeline timeline;

  public CloseCase(CaseMapper cases, CaseTimeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    cases.close(caseId, EngineClock.now());
    timeline.record(caseId, CaseTimeline.SYSTEM, "结案", remark());
  }

  /** What the timeline says about the closing, beyond 结案. */
  protected String remark() {
    return null;
  }
}
