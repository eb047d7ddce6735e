package org.lianhu.cases;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.lianhu.refusal.Choices;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评价: the reporter rates the result; the process decides whether that closes or reopens the case.
 */
@Service
public class CaseRating {

  private final CaseLifecycle lifecycle;
  private final CaseTracking tracking;
  private final RuntimeService runtimeService;

  public CaseRating(CaseLifecycle lifecycle, CaseTracking tracking, RuntimeService runtimeService) {
    this.lifecycle = lifecycle;
    this.tracking = tracking;
    this.runtimeService = runtimeService;
  }

  @Transactional
  public void rate(String caseNo, RateCaseRequest request) {
    CaseRecord record = tracking.authorised(caseNo, request.trackingCode());
    Rating rating = Choices.of(Rating.class, "rating", request.rating());
    String comment =
        request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
    if (!lifecycle.rated(record.id(), rating, comment)) {
      throw Refusal.conflict("rating-not-open", "当前不可评价", "事件 " + caseNo + " 不在待评价阶段，或已经评价过");
    }
    runtimeService
        .createMessageCorrelation(CaseVariables.RATED_MESSAGE)
        .processInstanceBusinessKey(caseNo)
        .setVariable(CaseVariables.RATING, rating.name())
        .setVariable(CaseVariables.RATING_COMMENT, Variables.stringValue(comment))
        .correlate();
  }
}
