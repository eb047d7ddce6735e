package org.lianhu.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseVariables;
import org.springframework.stereotype.Component;

/**
 * 空缺转网格员: the unit's head left the post (the message {@code UnitVacated} interrupted their task),
 * so the case goes on to the grid worker's acceptance at once.
 */
@Component("vacancyHandOver")
public class VacancyHandOver implements JavaDelegate {

  private final CaseLifecycle lifecycle;

  public VacancyHandOver(CaseLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifecycle.unitVacated(CaseVariables.caseId(execution), "联户长岗位空缺，转网格员受理");
  }
}
