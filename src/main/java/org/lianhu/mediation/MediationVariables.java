package org.lianhu.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the process variables of {@code disputeMediation} (see docs/mediation-process.md). */
public final class MediationVariables {

  public static final String PROCESS_KEY = "disputeMediation";

  /** The decision table of the tiers' time limits (mediation-deadlines.dmn). */
  public static final String DEADLINES_DECISION = "mediationDeadlines";

  public static final String DISPUTE_NO = "disputeNo";
  public static final String DISPUTE_TYPE = "disputeType";
  public static final String DISPUTE_TYPE_NAME = "disputeTypeName";
  public static final String STREET = "streetCode";
  public static final String COMMUNITY = "communityCode";
  public static final String GRID = "gridCode";
  public static final String ADDRESS = "address";
  public static final String DESCRIPTION = "description";
  public static final String PARTIES_SUMMARY = "partiesSummary";
  public static final String RISK_SUMMARY = "riskSummary";

  public static final String HIGH_RISK = "highRisk";
  public static final String NEEDS_COUNSELLING = "needsCounselling";
  public static final String TIER = "tier";
  public static final String TIER_NAME = "tierName";
  public static final String TIER_DUE = "tierDue";
  public static final String TIER1_GROUP = "tier1Group";
  public static final String PEOPLE_GROUP = "peopleMediationGroup";
  public static final String ADMINISTRATIVE_GROUP = "administrativeMediationGroup";
  public static final String JUDICIAL_GROUP = "judicialMediationGroup";
  public static final String STREET_CENTRE_GROUP = "streetCentreGroup";
  public static final String COUNTY_GROUP = "countyGroup";
  public static final String POLICE_GROUP = "policeGroup";
  public static final String COUNSELLING_GROUP = "counsellingGroup";
  public static final String DEPARTMENT_OPTIONS = "departmentOptions";
  public static final String ESCALATION_REASON = "escalationReason";

  public static final String REACHED_TIER = "reachedTier";
  public static final String AGREEMENT_AT = "agreementAt";
  public static final String CONFIRMATION_REMINDER_AT = "confirmationReminderAt";
  public static final String CONFIRMATION_DEADLINE = "confirmationDeadline";
  public static final String FOLLOW_UP_WEEK_AT = "followUpWeekAt";
  public static final String FOLLOW_UP_MONTH_AT = "followUpMonthAt";

  public static final String OUTCOME = "outcome";
  public static final String AGREEMENT_TERMS = "agreementTerms";
  public static final String PARTIES_CONSENT = "partiesConsent";
  public static final String MEDIATION_NOTES = "mediationNotes";
  public static final String OPINION = "opinion";
  public static final String PROPOSED_OUTCOME = "proposedOutcome";
  public static final String CALLED_IN_GROUPS = "calledInGroups";
  public static final String PLAN_NOTES = "planNotes";
  public static final String CONFIRMATION_RESULT = "confirmationResult";
  public static final String CONFIRMATION_NOTES = "confirmationNotes";
  public static final String AGREEMENT_KEPT = "agreementKept";
  public static final String VISIT_NOTES = "visitNotes";
  public static final String GUIDANCE = "guidance";
  public static final String GUIDANCE_NOTES = "guidanceNotes";
  public static final String COUNSELLING_NOTES = "counsellingNotes";
  public static final String POLICE_MEASURES = "policeMeasures";

  /** Set when the dispute ends: the outcome in a sentence, for the case it came from. */
  public static final String MEDIATION_RESULT = "mediationResult";

  private MediationVariables() {}

  /**
   * The dispute an instance runs for, from its business key (the dispute number), which the engine
   * keeps and no client can write; never from a variable, which a task's holder could set when
   * completing it.
   */
  public static long disputeId(DelegateExecution execution) {
    return DisputeNumbers.idOf(execution.getProcessBusinessKey());
  }

  public static long disputeId(DelegateTask task) {
    return disputeId(task.getExecution());
  }

  public static int tier(VariableScope scope) {
    return ((Number) scope.getVariable(TIER)).intValue();
  }

  public static String tierName(int tier) {
    return switch (tier) {
      case 1 -> "一级调解（网格、村调解）";
      case 2 -> "二级调解（街道联合调解）";
      case 3 -> "三级调解（县综治中心）";
      default -> throw new IllegalArgumentException("no mediation tier " + tier);
    };
  }
}
