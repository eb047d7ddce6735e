package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.cases.CaseMapper;
import org.lianhu.cases.CaseTimeline;
import org.lianhu.cases.CaseVariables;
import org.lianhu.workflow.EngineClock;
import org.springframework.stereotype.Component;

/** 默认结案: the rating window passed without a rating; the case closes unrated. */
@Component("closeUnrated")
public class CloseUnrated implements JavaDelegate {

  private final CaseMapper cases;
  private final CaseTimeline timeline;

  public CloseUnrated(CaseMapper cases, CaseTimeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    cases.close(caseId, EngineClock.now());
    timeline.record(caseId, CaseTimeline.SYSTEM, "结案", "评价期内未收到评价，按未评价结案");
  }
}
