package org.lianhu.cases;

import java.time.Instant;
import java.util.List;
import org.lianhu.timeline.PublicTimeline;

/** The reporter's view of a case: status, result and the public timeline, personal data masked. */
public record CaseView(
    String caseNo,
    String category,
    String categoryName,
    String description,
    String address,
    String urgency,
    String urgencyName,
    String status,
    String statusName,
    String reporterName,
    String reporterPhone,
    Instant reportedAt,
    Instant respondedAt,
    Instant resolvedAt,
    Instant closedAt,
    String result,
    String outcome,
    String outcomeName,
    Instant handleDue,
    int extensions,
    String rejectReason,
    String mergedInto,
    String mediaUrl,
    String rating,
    String ratingName,
    boolean awaitingRating,
    List<PublicTimeline.Step> timeline,
    List<CaseFile> files,
    List<Message> messages) {

  /** A message to the reporter about this case (their inbox on the tracking page), newest first. */
  public record Message(String event, String subject, String body, Instant sentAt) {}
}
