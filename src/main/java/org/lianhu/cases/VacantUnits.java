package org.lianhu.cases;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.HeadChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A unit whose head left has nobody to take its small matters: every case waiting on the head moves
 * on to the grid worker's acceptance in the same transaction as the vacancy (the message {@code
 * UnitVacated} on the head's stage of processes/case-handling.bpmn).
 */
@Component
class VacantUnits {

  static final String MESSAGE = "UnitVacated";

  private final RuntimeService runtime;
  private final IdentityService identity;

  VacantUnits(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @EventListener
  void headChanged(HeadChanged changed) {
    if (!changed.vacant() || changed.former() == null || changed.unitGroup() == null) {
      return;
    }
    WithoutCaller.run(
        identity,
        () ->
            runtime
                .createMessageCorrelation(MESSAGE)
                .processInstanceVariableEquals(CaseVariables.UNIT_GROUP, changed.unitGroup())
                .correlateAllWithResult());
  }
}
