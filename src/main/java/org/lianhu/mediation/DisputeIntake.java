package org.lianhu.mediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
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
 * 纠纷登记: registers a dispute, from the API or handed over from a case, and starts its mediation in
 * the same transaction.
 */
@Service
public class DisputeIntake {

  private final DisputeMapper disputes;
  private final DisputeLifecycle lifecycle;
  private final OrganisationDirectory directory;
  private final RuntimeService runtimeService;
  private final CountyClock clock;
  private final ObjectMapper json;

  DisputeIntake(
      DisputeMapper disputes,
      DisputeLifecycle lifecycle,
      OrganisationDirectory directory,
      RuntimeService runtimeService,
      CountyClock clock,
      ObjectMapper json) {
    this.disputes = disputes;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.clock = clock;
    this.json = json;
  }

  @Transactional
  public DisputeReceipt register(RegisterDisputeRequest request, String idempotencyKey) {
    String fingerprint = Requests.fingerprint(json, request);
    if (idempotencyKey != null) {
      Dispute earlier = disputes.findByIdempotencyKey(idempotencyKey);
      if (earlier != null) {
        return replay(earlier, fingerprint);
      }
    }
    DisputeType type = Choices.of(DisputeType.class, "type", request.type());
    Set<RiskFlag> flags = new LinkedHashSet<>();
    for (String flag : request.riskFlags() == null ? List.<String>of() : request.riskFlags()) {
      flags.add(Choices.of(RiskFlag.class, "riskFlags", flag));
    }
    List<Party> parties = new ArrayList<>();
    for (RegisterDisputeRequest.PartyRequest party : request.parties()) {
      PartyRole role = Choices.of(PartyRole.class, "parties.role", party.role());
      parties.add(
          new Party(
              null,
              null,
              role.name(),
              party.name().trim(),
              party.phone() == null || party.phone().isBlank() ? null : party.phone().trim()));
    }
    if (parties.stream()
        .noneMatch(p -> PartyRole.applicant.name().equals(p.role()) && p.phone() != null)) {
      throw Refusal.invalid("parties", "至少需要一名留有联系电话的申请人");
    }
    Location location = request.location();
    Placement placement = directory.place(location);

    NewDispute draft = new NewDispute();
    draft.trackingCode = TrackingCodes.next();
    draft.idempotencyKey = idempotencyKey;
    draft.requestFingerprint = fingerprint;
    draft.disputeType = type.name();
    draft.description = request.description();
    draft.address = location.address().trim();
    draft.latitude = location.latitude();
    draft.longitude = location.longitude();
    draft.liaisonUnitCode = location.liaisonUnit();
    draft.riskFlags = flags.stream().map(Enum::name).collect(Collectors.joining(","));
    draft.highRisk = flags.stream().anyMatch(RiskFlag::highRisk);
    return DisputeReceipt.of(start(draft, placement, parties, "纠纷登记"), false);
  }

  /**
   * A case of category dispute handed over by the case loop; the reporter applies, with the same
   * code.
   */
  @Transactional
  public Dispute fromCase(CaseHandOver record) {
    NewDispute draft = new NewDispute();
    draft.trackingCode = record.trackingCode();
    draft.caseId = record.caseId();
    draft.disputeType = (record.type() == null ? DisputeType.other : record.type()).name();
    draft.description = record.description();
    draft.address = record.address();
    draft.latitude = record.latitude();
    draft.longitude = record.longitude();
    draft.liaisonUnitCode = record.liaisonUnitCode();
    draft.riskFlags = "";
    Placement placement =
        new Placement(record.streetCode(), record.communityCode(), record.gridCode());
    List<Party> parties =
        List.of(
            new Party(
                null,
                null,
                PartyRole.applicant.name(),
                record.reporterName(),
                record.reporterPhone()));
    return start(draft, placement, parties, "由事件 " + record.caseNo() + " 转入调解");
  }

  private Dispute start(
      NewDispute draft, Placement placement, List<Party> parties, String registration) {
    Instant now = EngineClock.now();
    draft.gridCode = placement.gridCode();
    draft.communityCode = placement.communityCode();
    draft.streetCode = placement.streetCode();
    draft.createdAt = now;
    DisputeType type = DisputeType.valueOf(draft.disputeType);
    String risks =
        draft.riskFlags.isEmpty()
            ? ""
            : Arrays.stream(draft.riskFlags.split(","))
                .map(flag -> RiskFlag.valueOf(flag).label())
                .collect(Collectors.joining("、"));
    String disputeNo =
        lifecycle.register(draft, parties, clock.year(now), registration, "类型：" + type.label());

    Map<String, Object> variables =
        Variables.createVariables()
            .putValue(MediationVariables.DISPUTE_NO, disputeNo)
            .putValue(MediationVariables.DISPUTE_TYPE, type.name())
            .putValue(MediationVariables.DISPUTE_TYPE_NAME, type.label())
            .putValue(MediationVariables.STREET, placement.streetCode())
            .putValue(MediationVariables.COMMUNITY, placement.communityCode())
            .putValue(MediationVariables.GRID, placement.gridCode())
            .putValue(MediationVariables.ADDRESS, draft.address)
            .putValue(MediationVariables.DESCRIPTION, draft.description)
            .putValue(MediationVariables.PARTIES_SUMMARY, summary(parties))
            .putValue(MediationVariables.RISK_SUMMARY, risks);
    String instanceId =
        runtimeService
            .startProcessInstanceByKey(MediationVariables.PROCESS_KEY, disputeNo, variables)
            .getId();
    lifecycle.attachProcess(draft.id, instanceId);
    return disputes.findById(draft.id);
  }

  private static String summary(List<Party> parties) {
    return parties.stream()
        .map(p -> PartyRole.valueOf(p.role()).label() + "：" + p.name())
        .collect(Collectors.joining("；"));
  }

  private DisputeReceipt replay(Dispute earlier, String fingerprint) {
    if (!fingerprint.equals(earlier.requestFingerprint())) {
      throw Refusal.unprocessable(
          "idempotency-key-reused", "幂等键已用于另一份登记", "Idempotency-Key 已用于内容不同的纠纷登记，请为新的登记使用新的键");
    }
    return DisputeReceipt.of(earlier, true);
  }
}
