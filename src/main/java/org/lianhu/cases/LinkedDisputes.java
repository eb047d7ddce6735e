package org.lianhu.cases;

import java.util.Optional;
import org.lianhu.mediation.DisputeClosed;
import org.lianhu.mediation.HandedOverCases;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The case loop's side of the hand-over to mediation: it tells mediation a dispute's case number,
 * and notes on the case's timeline when the dispute it became is closed.
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
}
