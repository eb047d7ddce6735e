package org.lianhu.cases;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.lianhu.refusal.Refusal;
import org.lianhu.web.Requests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 评价: the reporter rates the result; the process decides whether that closes or reopens the case. */
@Service
public class CaseRating {

  private final CaseMapper cases;
  private final CaseTracking tracking;
  private final CaseTimeline timeline;
  private final RuntimeService runtimeService;

  public CaseRating(CaseMapper cases, CaseTracking tracking, CaseTimeline timeline,
      RuntimeService runtimeService) {
    this.cases = cases;
    this.tracking = tracking;
    this.timeline = timeline;
    this.runtimeService = runtimeService;
  }

  @Transactional
  public void rate(String caseNo, RateCaseRequest request) {
    CaseRecord record = tracking.authorised(caseNo, request.trackingCode());
    Rating rating = Requests.choice(Rating.class, "rating", request.rating());
    String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
    // The conditional update is the guard against a replayed or concurrent rating: only one wins.
    if (cases.rate(record.id(), rating.name(), comment) != 1) {
      throw Refusal.conflict("rating-not-open", "当前不可评价",
          "事件 " + caseNo + " 不在待评价阶段，或已经评价过");
    }
    timeline.record(record.id(), CaseTimeline.REPORTER, "评价：" + rating.label(), comment);
    runtimeService.createMessageCorrelation(CaseVariables.RATED_MESSAGE)
        .processInstanceBusinessKey(caseNo)
        .setVariable(CaseVariables.RATING, rating.name())
        .setVariable(CaseVariables.RATING_COMMENT, Variables.stringValue(comment))
        .correlate();
  }
}
