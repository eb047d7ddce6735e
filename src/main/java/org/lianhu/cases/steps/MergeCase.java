package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseMerges;
import org.lianhu.cases.CaseVariables;
import org.springframework.stereotype.Component;

/** 合并重复诉求: the acceptor's merge, carried out; the instance ends with it. */
@Component("mergeCase")
public class MergeCase implements JavaDelegate {

  private final CaseMerges merges;
  private final CaseLifecycle lifecycle;

  public MergeCase(CaseMerges merges, CaseLifecycle lifecycle) {
    this.merges = merges;
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    lifecycle.lock(caseId);
    merges.merge(caseId, CaseVariables.text(execution, CaseVariables.MERGE_INTO));
  }
}
