package org.lianhu.posts;

/** The variables of processes/liaison-head-selection.bpmn that Java reads or sets. */
final class SelectionVariables {

  static final String PROCESS_KEY = "liaisonHeadSelection";
  static final String NOMINATED_MESSAGE = "CandidateNominated";
  static final String OBJECTION_MESSAGE = "ObjectionFiled";
  static final String WITHDREW_MESSAGE = "CandidateWithdrew";

  static final String POST_ID = "postId";
  static final String COMMUNITY_GROUP = "communityGroup";
  static final String STREET_GROUP = "streetGroup";
  static final String UNIT_NAME = "unitName";
  static final String REASON_LABEL = "reasonLabel";
  static final String OPENED_AT_TEXT = "openedAtText";
  static final String BACKFILL_REMINDER_AT = "backfillReminderAt";
  static final String BACKFILL_DUE = "backfillDue";

  static final String OPTIONS = "candidateOptions";
  static final String CHOSEN_CANDIDATE = "chosenCandidate";
  static final String CHOSEN_ID = "chosenId";
  static final String CHOSEN_BY = "chosenBy";
  static final String CHOSEN_NAME = "chosenName";
  static final String CHOSEN_SUMMARY = "chosenSummary";
  static final String NOTICE_ENDS_AT = "noticeEndsAt";

  static final String CANDIDATE_ID = "candidateId";
  static final String CANDIDATE_NAME = "candidateName";
  static final String CANDIDATE_PHONE = "candidatePhone";
  static final String CANDIDATE_PROFILE = "candidateProfile";
  static final String NOMINATION_LABEL = "nominationLabel";
  static final String REVIEW_RESULT = "reviewResult";
  static final String REVIEW_NOTE = "reviewNote";

  static final String OBJECTION_ID = "objectionId";
  static final String OBJECTION_TEXT = "objectionText";
  static final String ANSWER_UPHELD = "answerUpheld";
  static final String ANSWER_TEXT = "answerText";
  static final String OBJECTION_UPHELD = "objectionUpheld";

  static final String APPOINT_DECISION = "appointDecision";
  static final String APPOINT_NOTE = "appointNote";
  static final String APPOINTED = "appointed";
  static final String APPOINTED_BY = "appointedBy";

  static final String SUPERVISE_NOTE = "superviseNote";

  private SelectionVariables() {}

  static String businessKey(long postId) {
    return "post" + postId;
  }
}
