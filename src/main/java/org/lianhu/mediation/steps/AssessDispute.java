package org.lianhu.mediation.steps;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.engine.FormValues;
import org.lianhu.mediation.Dispute;
import org.lianhu.mediation.DisputeLifecycle;
import org.lianhu.mediation.DisputeType;
import org.lianhu.mediation.Disputes;
import org.lianhu.mediation.MediationVariables;
import org.lianhu.mediation.RiskFlag;
import org.lianhu.org.Community;
import org.lianhu.org.DepartmentOffice;
import org.lianhu.org.Grid;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * 研判分级: decides where mediation starts and who takes part. High-risk disputes (violence, many
 * parties, petition risk) start at the county centre and alert the police office of the street;
 * family disputes and distressed parties get counselling alongside.
 */
@Component("assessDispute")
public class AssessDispute implements JavaDelegate {

  private final Disputes disputes;
  private final DisputeLifecycle lifecycle;
  private final OrganisationDirectory directory;
  private final MediationTiers tiers;
  private final CountyClock clock;

  public AssessDispute(
      Disputes disputes,
      DisputeLifecycle lifecycle,
      OrganisationDirectory directory,
      MediationTiers tiers,
      CountyClock clock) {
    this.disputes = disputes;
    this.lifecycle = lifecycle;
    this.directory = directory;
    this.tiers = tiers;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Dispute dispute = disputes.byId(MediationVariables.disputeId(execution));
    Set<RiskFlag> flags =
        dispute.riskFlags() == null || dispute.riskFlags().isBlank()
            ? Set.of()
            : Arrays.stream(dispute.riskFlags().split(","))
                .map(RiskFlag::valueOf)
                .collect(Collectors.toSet());
    boolean highRisk = Boolean.TRUE.equals(dispute.highRisk());
    boolean counselling =
        dispute.type() == DisputeType.family || flags.contains(RiskFlag.emotional);
    String street = dispute.streetCode();
    String coordinator = directory.coordinatorGroup(street);

    execution.setVariable(MediationVariables.HIGH_RISK, highRisk);
    execution.setVariable(MediationVariables.NEEDS_COUNSELLING, counselling);
    execution.setVariable(
        MediationVariables.TIER1_GROUP,
        directory
            .grid(dispute.gridCode())
            .map(Grid::groupId)
            .or(() -> directory.community(dispute.communityCode()).map(Community::groupId))
            .orElse(coordinator));
    execution.setVariable(
        MediationVariables.PEOPLE_GROUP, directory.mediationGroup("people", street));
    execution.setVariable(
        MediationVariables.ADMINISTRATIVE_GROUP,
        directory.mediationGroup("administrative", street));
    execution.setVariable(
        MediationVariables.JUDICIAL_GROUP, directory.mediationGroup("judicial", street));
    execution.setVariable(MediationVariables.STREET_CENTRE_GROUP, coordinator);
    execution.setVariable(MediationVariables.COUNTY_GROUP, directory.countyCentreGroup());
    execution.setVariable(
        MediationVariables.POLICE_GROUP,
        directory.officeFor("police", street).map(DepartmentOffice::groupId).orElse(coordinator));
    execution.setVariable(
        MediationVariables.COUNSELLING_GROUP,
        directory.officeFor("civil", street).map(DepartmentOffice::groupId).orElse(coordinator));
    execution.setVariable(
        MediationVariables.DEPARTMENT_OPTIONS,
        FormValues.options(directory.departmentOptions(street)));

    int tier = highRisk ? 3 : 1;
    Instant due = tiers.enter(execution, tier);
    long id = dispute.id();
    lifecycle.assessed(
        id, tier, "由" + MediationVariables.tierName(tier) + "受理，调解时限 " + clock.minute(due));
    if (highRisk) {
      lifecycle.noted(
          id,
          "高风险预警",
          "存在"
              + flags.stream()
                  .filter(RiskFlag::highRisk)
                  .map(RiskFlag::label)
                  .collect(Collectors.joining("、"))
              + "，直接提交县综治中心调解，并已通报公安机关");
    }
    if (counselling) {
      lifecycle.noted(id, "安排心理疏导", null);
    }
  }
}
