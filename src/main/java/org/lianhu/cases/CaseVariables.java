package org.lianhu.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the process variables of {@code caseHandling} (see docs/case-process.md). */
public final class CaseVariables {

  public static final String PROCESS_KEY = "caseHandling";
  public static final String RATED_MESSAGE = "CaseRated";

  public static final String CASE_NO = "caseNo";
  public static final String CATEGORY = "category";
  public static final String CATEGORY_NAME = "categoryName";
  public static final String URGENCY = "urgency";
  public static final String URGENCY_NAME = "urgencyName";
  public static final String STREET = "streetCode";
  public static final String ADDRESS = "address";
  public static final String DESCRIPTION = "description";
  public static final String MAX_REOPENS = "maxReopens";

  public static final String IN_UNIT = "inUnit";
  public static final String HEAD_USER = "headUser";
  public static final String UNIT_GROUP = "unitGroup";
  public static final String HEAD_DUE = "headDue";
  public static final String HEAD_WARN_AT = "headWarnAt";
  public static final String COUNCIL_GROUP = "councilGroup";
  public static final String COUNCIL_DUE = "councilDue";
  public static final String ACCEPTOR_USER = "acceptorUser";
  public static final String ACCEPTOR_GROUP = "acceptorGroup";
  public static final String ACCEPT_SUPERVISOR_GROUP = "acceptSupervisorGroup";
  public static final String RESPONSE_DUE = "responseDue";
  public static final String RESPONSE_WARN_AT = "responseWarnAt";
  public static final String ROUTING = "routing";
  public static final String DEPARTMENT = "department";
  public static final String SUPERVISING_DEPARTMENT = "supervisingDepartment";
  public static final String HANDLER_GROUP = "handlerGroup";
  public static final String COORDINATOR_GROUP = "coordinatorGroup";
  public static final String SUPERVISOR_GROUP = "supervisorGroup";
  public static final String CO_HANDLER_GROUPS = "coHandlerGroups";
  public static final String DEPARTMENT_OPTIONS = "departmentOptions";
  public static final String HANDLE_DUE = "handleDue";
  public static final String HANDLE_WARN_AT = "handleWarnAt";
  public static final String DISPATCHED = "dispatched";
  public static final String REOPEN_COUNT = "reopenCount";
  public static final String RATING_DUE = "ratingDue";
  public static final String REASSIGN_OPTIONS = "reassignOptions";
  public static final String OVERDUE_STAGE = "overdueStage";

  public static final String HEAD_DECISION = "headDecision";
  public static final String HEAD_RESULT = "headResult";
  public static final String HEAD_NOTE = "headNote";
  public static final String COUNCIL_DECISION = "councilDecision";
  public static final String COUNCIL_RESULT = "councilResult";
  public static final String ACCEPT_DECISION = "acceptDecision";
  public static final String ACCEPT_COMMENT = "acceptComment";
  public static final String REJECT_REASON = "rejectReason";
  public static final String LEAD_GROUP = "leadGroup";
  public static final String COORDINATE_COMMENT = "coordinateComment";
  public static final String HANDLE_RESULT = "handleResult";
  public static final String HANDLE_EVIDENCE = "handleEvidence";
  public static final String HANDLE_ACTION = "handleAction";
  public static final String CLOSURE_OUTCOME = "closureOutcome";
  public static final String RETURN_REASON = "returnReason";
  public static final String RETURN_COMMENT = "returnComment";
  public static final String EXTENSION_DUE = "extensionDue";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String RETURN_DECISION = "returnDecision";
  public static final String RETURN_LEAD_GROUP = "returnLeadGroup";
  public static final String RETURN_CO_HANDLER_GROUPS = "returnCoHandlerGroups";
  public static final String RETURN_REVIEW_COMMENT = "returnReviewComment";
  public static final String EXTENSION_DECISION = "extensionDecision";
  public static final String EXTENSION_REVIEW_COMMENT = "extensionReviewComment";
  // Set by the steps of 退单 and 延期, never by a form.
  public static final String HANDLING_SINCE = "handlingSince";
  public static final String RETURN_REVIEW_GROUP = "returnReviewGroup";
  public static final String RETURN_SUMMARY = "returnSummary";
  public static final String RETURN_UPHELD_GROUP = "returnUpheldGroup";
  public static final String RETURN_FINAL = "returnFinal";
  public static final String REDISPATCH_PENDING = "redispatchPending";
  public static final String EXTENSION_REQUESTED_DUE = "extensionRequestedDue";
  public static final String EXTENSION_SUMMARY = "extensionSummary";
  public static final String COPY_TO_GROUP = "copyToGroup";

  /** Whether the routing table wants a photo of the result before the case may be finished. */
  public static final String EVIDENCE_PHOTO = "evidencePhoto";

  public static final String DUPLICATE_OPTIONS = "duplicateOptions";
  public static final String DUPLICATE_SUMMARY = "duplicateSummary";
  public static final String MERGE_INTO = "mergeInto";
  public static final String COPY_REMARK = "copyRemark";
  public static final String SUPERVISION_REMARK = "supervisionRemark";
  public static final String CO_HANDLE_RESULT = "coHandleResult";
  public static final String REASSIGN_GROUP = "reassignGroup";
  public static final String REASSIGN_USER = "reassignUser";
  public static final String SUPERVISE_COMMENT = "superviseComment";
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String RATING = "rating";
  public static final String RATING_COMMENT = "ratingComment";

  private CaseVariables() {}

  /**
   * The case an instance runs for, from its business key (the case number), which the engine keeps
   * and no client can write; never from a variable, which a task's holder could set when completing
   * it.
   */
  public static long caseId(DelegateExecution execution) {
    return CaseNumbers.idOf(execution.getProcessBusinessKey());
  }

  public static long caseId(DelegateTask task) {
    return caseId(task.getExecution());
  }

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  /** The path of the case's staff page. */
  public static String casePage(String caseNo) {
    return "/case/#/" + caseNo;
  }
}
