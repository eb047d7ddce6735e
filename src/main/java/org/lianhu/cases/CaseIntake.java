package org.lianhu.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.EngineClock;
import org.lianhu.org.Location;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Placement;
import org.lianhu.privacy.TrackingCodes;
import org.lianhu.refusal.Refusal;
import org.lianhu.web.Requests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 上报: validates a report, places it in the organisation, writes the case row and its first timeline
 * entry and starts {@code caseHandling} in one transaction, so that either all of it exists or none.
 */
@Service
public class CaseIntake {

  private final CaseMapper cases;
  private final CaseTimeline timeline;
  private final OrganisationDirectory directory;
  private final RuntimeService runtimeService;
  private final CountyClock clock;
  private final ObjectMapper json;
  private final int maxReopens;

  public CaseIntake(CaseMapper cases, CaseTimeline timeline, OrganisationDirectory directory,
      RuntimeService runtimeService, CountyClock clock, ObjectMapper json,
      @Value("${lianhu.cases.max-reopens:2}") int maxReopens) {
    this.cases = cases;
    this.timeline = timeline;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.clock = clock;
    this.json = json;
    this.maxReopens = maxReopens;
  }

  /**
   * Reports a case. With an idempotency key, a resend of the same report returns the case the first
   * request created; the same key with a different report is refused.
   */
  @Transactional
  public CaseReceipt report(ReportCaseRequest request, String idempotencyKey) {
    String fingerprint = Requests.fingerprint(json, request);
    if (idempotencyKey != null) {
      CaseRecord earlier = cases.findByIdempotencyKey(idempotencyKey);
      if (earlier != null) {
        return replay(earlier, fingerprint);
      }
    }
    CaseCategory category = cases.category(request.category());
    if (category == null || !Boolean.TRUE.equals(category.active())) {
      throw Refusal.invalid("category", "未知的事件类别: " + request.category()
          + "，可用类别见 GET /api/categories");
    }
    Urgency urgency = Requests.choice(Urgency.class, "urgency", request.urgency(), Urgency.normal);
    CaseSource source = Requests.choice(CaseSource.class, "source", request.source(), CaseSource.resident);
    Location location = request.location();
    Placement placement = directory.place(location);

    Instant now = EngineClock.now();
    NewCase draft = new NewCase();
    draft.trackingCode = TrackingCodes.next();
    draft.idempotencyKey = idempotencyKey;
    draft.requestFingerprint = fingerprint;
    draft.category = category.code();
    draft.description = request.description();
    draft.address = location.address().trim();
    draft.latitude = location.latitude();
    draft.longitude = location.longitude();
    draft.liaisonUnitCode = location.liaisonUnit();
    draft.gridCode = placement.gridCode();
    draft.communityCode = placement.communityCode();
    draft.streetCode = placement.streetCode();
    draft.urgency = urgency.name();
    draft.reporterName = request.reporter().name().trim();
    draft.reporterPhone = request.reporter().phone().trim();
    draft.source = source.name();
    draft.status = CaseStatus.REPORTED.name();
    draft.createdAt = now;
    cases.insert(draft);

    String caseNo = CaseNumbers.of(clock.year(now), draft.id());
    cases.assignNumber(draft.id(), caseNo);
    timeline.record(draft.id(), CaseTimeline.SYSTEM, "事件上报",
        "来源：" + source.label() + "；类别：" + category.name() + "；紧急程度：" + urgency.label());

    Map<String, Object> variables = Variables.createVariables()
        .putValue(CaseVariables.CASE_NO, caseNo)
        .putValue(CaseVariables.CATEGORY, category.code())
        .putValue(CaseVariables.CATEGORY_NAME, category.name())
        .putValue(CaseVariables.URGENCY, urgency.name())
        .putValue(CaseVariables.URGENCY_NAME, urgency.label())
        .putValue(CaseVariables.STREET, placement.streetCode())
        .putValue(CaseVariables.ADDRESS, draft.address)
        .putValue(CaseVariables.DESCRIPTION, request.description())
        .putValue(CaseVariables.MAX_REOPENS, maxReopens)
        .putValue(CaseVariables.REOPEN_COUNT, 0)
        .putValue(CaseVariables.DISPATCHED, false);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, caseNo,
        variables);
    cases.attachProcess(draft.id(), instance.getId());
    return CaseReceipt.of(cases.findById(draft.id()), false);
  }

  /** The case an earlier request with this key created, for a caller that lost the race to create it. */
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
      throw Refusal.unprocessable("idempotency-key-reused", "幂等键已用于另一份上报",
          "Idempotency-Key 已用于内容不同的上报，请为新的上报使用新的键");
    }
    return CaseReceipt.of(earlier, true);
  }
}
