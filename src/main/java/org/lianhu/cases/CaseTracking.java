package org.lianhu.cases;

import java.util.List;
import org.lianhu.attachments.Attachment;
import org.lianhu.attachments.Attachments;
import org.lianhu.attachments.FileContent;
import org.lianhu.notifications.Outbox;
import org.lianhu.notifications.Recipient;
import org.lianhu.privacy.Masking;
import org.lianhu.privacy.TrackingCodes;
import org.lianhu.refusal.Refusal;
import org.lianhu.timeline.PublicTimeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 进度查询: a reporter follows their case with its number and tracking code. */
@Service
public class CaseTracking {

  private final CaseMapper cases;
  private final PublicTimeline publicTimeline;
  private final Attachments attachments;
  private final Outbox outbox;

  public CaseTracking(
      CaseMapper cases, PublicTimeline publicTimeline, Attachments attachments, Outbox outbox) {
    this.outbox = outbox;
    this.attachments = attachments;
    this.cases = cases;
    this.publicTimeline = publicTimeline;
  }

  /**
   * The case if the code matches; a wrong code and an unknown number answer alike, revealing
   * nothing.
   */
  @Transactional(readOnly = true)
  public CaseRecord authorised(String caseNo, String trackingCode) {
    CaseRecord record = caseNo == null ? null : cases.findByNo(caseNo);
    if (record == null
        || !(TrackingCodes.matches(record.trackingCode(), trackingCode)
            || followedWith(record, trackingCode))) {
      throw Refusal.notFound("没有与该事件编号和查询码对应的事件");
    }
    return record;
  }

  /** The reporter of a repeat merged into this case follows it with their own tracking code. */
  private boolean followedWith(CaseRecord record, String trackingCode) {
    return trackingCode != null
        && cases.trackingCodesMergedInto(record.id()).stream()
            .anyMatch(code -> TrackingCodes.matches(code, trackingCode));
  }

  @Transactional(readOnly = true)
  public CaseView view(String caseNo, String trackingCode) {
    CaseRecord record = authorised(caseNo, trackingCode);
    CaseCategory category = cases.category(record.category());
    Urgency urgency = Urgency.valueOf(record.urgency());
    List<PublicTimeline.Step> steps = publicTimeline.of(cases.timeline(record.id()));
    Rating rating = record.rating() == null ? null : Rating.valueOf(record.rating());
    return new CaseView(
        record.caseNo(),
        record.category(),
        category == null ? record.category() : category.name(),
        record.description(),
        record.address(),
        urgency.name(),
        urgency.label(),
        record.status(),
        record.caseStatus().label(),
        Masking.name(record.reporterName()),
        Masking.phone(record.reporterPhone()),
        record.createdAt(),
        record.respondedAt(),
        record.resolvedAt(),
        record.closedAt(),
        record.result(),
        record.outcome(),
        ClosureOutcome.of(record.outcome()).map(ClosureOutcome::label).orElse(null),
        record.handleDue(),
        record.extensionCount() == null ? 0 : record.extensionCount(),
        record.rejectReason(),
        record.mergedInto() == null ? null : cases.findById(record.mergedInto()).caseNo(),
        record.mediaUrl(),
        rating == null ? null : rating.name(),
        rating == null ? null : rating.label(),
        record.caseStatus() == CaseStatus.AWAITING_RATING && rating == null,
        steps,
        attachments.ofCase(record.id()).stream().map(CaseFile::forReporter).toList(),
        outbox.inbox(Recipient.reporterInbox(record.id()), false, 50).stream()
            .map(n -> new CaseView.Message(n.event(), n.subject(), n.body(), n.createdAt()))
            .toList());
  }

  /**
   * A photo of the case for its reporter: the copy without location data, or its thumbnail; files
   * kept for staff only are not found.
   */
  @Transactional(readOnly = true)
  public FileContent file(String caseNo, String trackingCode, String fileId, boolean thumbnail) {
    CaseRecord record = authorised(caseNo, trackingCode);
    Attachment file = attachments.ofCase(record.id(), fileId);
    return thumbnail ? attachments.thumbnail(file) : attachments.publicCopy(file);
  }
}
