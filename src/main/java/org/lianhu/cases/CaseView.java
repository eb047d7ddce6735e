package org.lianhu.cases;

import java.time.Instant;
import java.util.List;

/** The reporter's view of a case: status, result and the public timeline, personal data masked. */
public record CaseView(String caseNo, String category, String categoryName, String description, String address,
    String urgency, String urgencyName, String status, String statusName, String reporterName,
    String reporterPhone, Instant reportedAt, Instant respondedAt, Instant resolvedAt, Instant closedAt,
    String result, String rejectReason, String rating, String ratingName, boolean awaitingRating,
    List<Step> timeline) {

  /** One public step; the actor is the unit that acted, not a member of staff's account. */
  public record Step(Instant at, String actor, String action, String remark) {}
}
