package org.lianhu.cases;

import java.util.Optional;
import org.lianhu.mediation.DisputeClosed;
import org.lianhu.mediation.HandedOverCases;
import org.lianhu.timeline.PublicTimeline;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The case loop's side of the hand-over to mediation: it tells mediation a dispute's case number, and
 * notes on the case's timeline when the dispute it became is closed.
 */
@Component
class LinkedDisputes implements HandedOverCases {

  private final CaseMapper cases;
  private final CaseTimeline timeline;

  LinkedDisputes(CaseMapper cases, CaseTimeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  @Override
  public Optional<String> caseNo(long caseId) {
    return Optional.ofNullable(cases.findById(caseId)).map(CaseRecord::caseNo);
  }

  @EventListener
  void disputeClosed(DisputeClosed closed) {
    timeline.record(closed.caseId(), PublicTimeline.SYSTEM, "关联纠纷结案", "纠纷 " + closed.disputeNo() + "：" + closed.outcome());
  }
}
