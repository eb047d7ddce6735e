package org.lianhu.cases;

import java.util.Optional;
import org.lianhu.mediation.DisputeClosed;
import org.lianhu.mediation.HandedOverCases;
import org.lianhu.org.TaskHandedOver;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The case loop's side of hand-overs: it tells mediation a dispute's case number, notes on the
 * case's timeline when the dispute it became is closed, and when a staff change handed one of the
 * case's tasks to someone else.
 */
@Component
class LinkedDisputes implements HandedOverCases {

  private final CaseMapper cases;
  private final CaseLifecycle lifecycle;

  LinkedDisputes(CaseMapper cases, CaseLifecycle lifecycle) {
    this.cases = cases;
    this.lifecycle = lifecycle;
  }

  @Override
  public Optional<String> caseNo(long caseId) {
    return Optional.ofNullable(cases.findById(caseId)).map(CaseRecord::caseNo);
  }

  @EventListener
  void disputeClosed(DisputeClosed closed) {
    lifecycle.noted(closed.caseId(), "关联纠纷结案", "纠纷 " + closed.disputeNo() + "：" + closed.outcome());
  }

  @EventListener
  void taskHandedOver(TaskHandedOver handedOver) {
    if (CaseVariables.PROCESS_KEY.equals(handedOver.processDefinitionKey())) {
      lifecycle.noteInternal(
          CaseNumbers.idOf(handedOver.businessKey()),
          handedOver.actor(),
          "人员变动交接",
          handedOver.remark());
    }
  }
}
