package org.lianhu.mediation.steps;

/**
 * The ids of the user tasks of {@code disputeMediation} that the steps name; checked against the
 * model.
 */
final class MediationTasks {

  static final String MEDIATE_TIER1 = "mediateTier1";
  static final String COMBINE_TIER2 = "combineTier2";
  static final String MEDIATE_TIER3 = "mediateTier3";
  static final String PLAN_TIER3 = "planTier3";
  static final String PEOPLE_MEDIATION = "peopleMediation";
  static final String ADMINISTRATIVE_MEDIATION = "administrativeMediation";
  static final String JUDICIAL_MEDIATION = "judicialMediation";
  static final String DEPARTMENT_MEDIATION = "departmentMediation";
  static final String JUDICIAL_CONFIRMATION = "judicialConfirmation";
  static final String FOLLOW_UP_WEEK = "followUpWeek";
  static final String FOLLOW_UP_MONTH = "followUpMonth";
  static final String GUIDE_LITIGATION = "guideLitigation";
  static final String COUNSELLING = "counselling";
  static final String POLICE_ALERT = "policeAlert";

  private MediationTasks() {}
}
