package org.lianhu.cases.steps;

/**
 * The ids of the user tasks of {@code caseHandling} that the steps name; checked against the model.
 */
final class CaseTasks {

  static final String HEAD = "headTask";
  static final String COUNCIL = "councilTask";
  static final String ACCEPT = "acceptCase";
  static final String COORDINATE = "coordinateCase";
  static final String HANDLE = "handleCase";
  static final String CO_HANDLE = "coHandleCase";
  static final String SUPERVISE_ACCEPTANCE = "superviseAcceptance";
  static final String SUPERVISE_HANDLING = "superviseHandling";
  static final String STREET_REVIEW = "streetReview";
  static final String REVIEW_RETURN = "reviewReturn";
  static final String REVIEW_EXTENSION = "reviewExtension";
  static final String ACKNOWLEDGE_COPY = "acknowledgeCopy";

  private CaseTasks() {}
}
