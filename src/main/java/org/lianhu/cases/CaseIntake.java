package org.lianhu.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.lianhu.attachments.AttachmentPurpose;
import org.lianhu.attachments.Attachments;
import org.lianhu.attachments.ReceivedFile;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.EngineClock;
import org.lianhu.org.Location;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Placement;
import org.lianhu.privacy.TrackingCodes;
import org.lianhu.refusal.Choices;
import org.lianhu.refusal.Refusal;
import org.lianhu.web.Requests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上报: validates a report, places it in the organisation, writes the case row and its first timeline
 * entry and starts {@code caseHandling} in one transaction, so that either all of it exists or
 * none.
 */
@Service
public class CaseIntake {

  private final CaseMapper cases;
  private final CaseLifecycle lifecycle;
  private final OrganisationDirectory directory;
  private final RuntimeService runtimeService;
  private final CountyClock clock;
  private final ObjectMapper json;
  private final CaseSettings settings;
  private final DuplicateCases duplicates;
  private final Attachments attachments;
  private final CaseNotices notices;

  CaseIntake(
      CaseMapper cases,
      CaseLifecycle lifecycle,
      OrganisationDirectory directory,
      RuntimeService runtimeService,
      CountyClock clock,
      ObjectMapper json,
      CaseSettings settings,
      DuplicateCases duplicates,
      Attachments attachments,
      CaseNotices notices) {
    this.notices = notices;
    this.attachments = attachments;
    this.duplicates = duplicates;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.clock = clock;
    this.json = json;
    this.settings = settings;
  }

  /**
   * Reports a case from the API. With an idempotency key, a resend of the same report returns the
   * case the first request created; the same key with a different report is refused.
   */
  @Transactional
  public CaseReceipt report(ReportCaseRequest request, String idempotencyKey) {
    return report(request, idempotencyKey, null);
  }

  /**
   * A report with a link to a photo or document the client holds (Open311 {@code media_url}):
   * stored and shown as a link, never fetched.
   */
  @Transactional
  public CaseReceipt report(ReportCaseRequest request, String idempotencyKey, String mediaUrl) {
    return report(request, idempotencyKey, mediaUrl, List.of());
  }

  /**
   * A report with photos: those uploaded ahead of it ({@code photos} of the request) and those sent
   * with it (received and checked already), kept on the case in the same transaction. A replay of
   * an earlier report keeps none of them: the caller discards what it received.
   */
  @Transactional
  public CaseReceipt report(
      ReportCaseRequest request,
      String idempotencyKey,
      String mediaUrl,
      List<ReceivedFile> photos) {
    attachments.checkCount(request.photoIds().size() + photos.size(), "photos");
    String fingerprint = Requests.fingerprint(json, request);
    if (idempotencyKey != null) {
      CaseRecord earlier = cases.findByIdempotencyKey(idempotencyKey);
      if (earlier != null) {
        return replay(earlier, fingerprint);
      }
    }
    CaseReport report =
        new CaseReport(
            request.category(),
            request.description(),
            request.location(),
            Choices.of(Urgency.class, "urgency", request.urgency(), Urgency.normal),
            request.reporter().name(),
            request.reporter().phone(),
            Choices.of(CaseSource.class, "source", request.source(), CaseSource.resident),
            null,
            mediaUrl);
    CaseReceipt receipt = open(report, idempotencyKey, fingerprint);
    String email = request.reporter().email();
    if (email != null || !request.photoIds().isEmpty() || !photos.isEmpty()) {
      long caseId = cases.findByNo(receipt.caseNo()).id();
      notices.remember(caseId, email);
      attachments.link(request.photoIds(), caseId, "photos");
      attachments.keep(photos, caseId, AttachmentPurpose.REPORT, null);
    }
    return receipt;
  }

  /**
   * A reporter who writes again about their own open case, with nothing the case does not say
   * already, is pointed at its progress instead of opening a second case. The answer names the case
   * and its status, not its tracking code: a phone number is not proof of being its reporter.
   */
  private void refuseOwnRepeat(CaseReport report) {
    if (report.location() == null || report.location().address() == null) {
      return;
    }
    CaseRecord own =
        duplicates.ownRepeat(
            report.reporterPhone() == null ? null : report.reporterPhone().trim(),
            report.category(),
            AddressKeys.of(report.location().address()),
            report.location().latitude(),
            report.location().longitude(),
            report.description(),
            EngineClock.now());
    if (own != null) {
      throw Refusal.conflict(
          "repeat-report",
          "该诉求已在办理中",
          "您已上报过同一诉求（事件编号 "
              + own.caseNo()
              + "，"
              + own.caseStatus().label()
              + "），请凭当时的查询码查看进度；如有新的情况，请在描述中写明后再上报",
          Map.of(
              "caseNo", own.caseNo(),
              "status", own.status(),
              "statusName", own.caseStatus().label(),
              "reportedAt", own.createdAt().toString()));
    }
  }

  /** Reports a case from a channel without idempotency keys (a sensor's alert). */
  @Transactional
  public CaseReceipt report(CaseReport report) {
    return open(report, null, null);
  }

  private CaseReceipt open(CaseReport report, String idempotencyKey, String fingerprint) {
    CaseCategory category = cases.category(report.category());
    if (category == null || !Boolean.TRUE.equals(category.active())) {
      throw Refusal.invalid(
          "category", "未知的事件类别: " + report.category() + "，可用类别见 GET /api/categories");
    }
    Location location = report.location();
    Placement placement = directory.place(location);
    // People's reports only (the API's carry a fingerprint): a device's repeats are its own alerts.
    if (fingerprint != null && settings.refuseOwnRepeats()) {
      refuseOwnRepeat(report);
    }

    Instant now = EngineClock.now();
    NewCase draft = new NewCase();
    draft.trackingCode = TrackingCodes.next();
    draft.idempotencyKey = idempotencyKey;
    draft.requestFingerprint = fingerprint;
    draft.category = category.code();
    draft.description = report.description();
    draft.address = location.address().trim();
    draft.addressKey = AddressKeys.of(draft.address);
    draft.latitude = location.latitude();
    draft.longitude = location.longitude();
    draft.liaisonUnitCode = location.liaisonUnit();
    draft.gridCode = placement.gridCode();
    draft.communityCode = placement.communityCode();
    draft.streetCode = placement.streetCode();
    draft.urgency = report.urgency().name();
    draft.reporterName = report.reporterName().trim();
    draft.reporterPhone = report.reporterPhone() == null ? "" : report.reporterPhone().trim();
    draft.source = report.source().name();
    draft.deviceId = report.deviceId();
    draft.mediaUrl = report.mediaUrl();
    draft.createdAt = now;
    String caseNo =
        lifecycle.report(
            draft,
            clock.year(now),
            "来源："
                + report.source().label()
                + "；类别："
                + category.name()
                + "；紧急程度："
                + report.urgency().label());

    Map<String, Object> variables =
        Variables.createVariables()
            .putValue(CaseVariables.CASE_NO, caseNo)
            .putValue(CaseVariables.CATEGORY, category.code())
            .putValue(CaseVariables.CATEGORY_NAME, category.name())
            .putValue(CaseVariables.URGENCY, report.urgency().name())
            .putValue(CaseVariables.URGENCY_NAME, report.urgency().label())
            .putValue(CaseVariables.STREET, placement.streetCode())
            .putValue(CaseVariables.ADDRESS, draft.address)
            .putValue(CaseVariables.DESCRIPTION, report.description())
            .putValue(CaseVariables.MAX_REOPENS, settings.maxReopens())
            .putValue(CaseVariables.REOPEN_COUNT, 0)
            .putValue(CaseVariables.DISPATCHED, false);
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, caseNo, variables);
    lifecycle.attachProcess(draft.id(), instance.getId());
    return CaseReceipt.of(cases.findById(draft.id()), false);
  }

  /**
   * The case an earlier request with this key created, for a caller that lost the race to create
   * it.
   */
  @Transactional(readOnly = true)
  public CaseReceipt replayed(ReportCaseRequest request, String idempotencyKey) {
    CaseRecord earlier = cases.findByIdempotencyKey(idempotencyKey);
    if (earlier == null) {
      throw new IllegalStateException("no case for idempotency key " + idempotencyKey);
    }
    return replay(earlier, Requests.fingerprint(json, request));
  }

  private CaseReceipt replay(CaseRecord earlier, String fingerprint) {
    if (!fingerprint.equals(earlier.requestFingerprint())) {
      throw Refusal.unprocessable(
          "idempotency-key-reused", "幂等键已用于另一份上报", "Idempotency-Key 已用于内容不同的上报，请为新的上报使用新的键");
    }
    return CaseReceipt.of(earlier, true);
  }
}
