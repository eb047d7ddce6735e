package org.lianhu.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.lianhu.timeline.TimelineEntry;

/**
 * {@code case_record}, {@code case_timeline} and {@code case_category}. Package-private: {@link
 * CaseLifecycle} is the one class that writes a case, {@link Cases} the way other classes read one.
 * Statuses are parameters, never literals in the SQL.
 */
@Mapper
interface CaseMapper {

  List<CaseCategory> categories();

  CaseCategory category(@Param("code") String code);

  void insert(NewCase draft);

  void assignNumber(@Param("id") long id, @Param("caseNo") String caseNo);

  void attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  CaseRecord findById(@Param("id") long id);

  CaseRecord findByNo(@Param("caseNo") String caseNo);

  CaseRecord findByIdempotencyKey(@Param("key") String key);

  /** The newest case of a device that is not in one of the {@code finished} statuses. */
  Long openCaseOfDevice(
      @Param("deviceId") String deviceId, @Param("finished") Collection<CaseStatus> finished);

  /**
   * Takes the case row's write lock for the rest of the transaction ({@code select ... for
   * update}). A step that appends to the timeline and then updates the case calls it first: the
   * timeline's foreign key would otherwise take a shared lock first, and two such steps at once
   * deadlock on the update.
   */
  Long lock(@Param("id") long id);

  void setResponseDue(@Param("id") long id, @Param("due") Instant due);

  void markResponded(@Param("id") long id, @Param("at") Instant at);

  void setUnitOutcome(@Param("id") long id, @Param("outcome") String outcome);

  void recordDispatch(
      @Param("id") long id,
      @Param("status") CaseStatus status,
      @Param("departmentCode") String departmentCode,
      @Param("supervisingDepartmentCode") String supervisingDepartmentCode,
      @Param("handlerGroup") String handlerGroup,
      @Param("handleDue") Instant handleDue);

  void officeReceived(
      @Param("id") long id, @Param("at") Instant at, @Param("responseDue") Instant responseDue);

  void officeActed(@Param("id") long id, @Param("at") Instant at);

  List<CaseRecord> findDuplicateCandidates(
      @Param("category") String category,
      @Param("excludeId") long excludeId,
      @Param("addressKey") String addressKey,
      @Param("since") Instant since,
      @Param("minLatitude") java.math.BigDecimal minLatitude,
      @Param("maxLatitude") java.math.BigDecimal maxLatitude,
      @Param("minLongitude") java.math.BigDecimal minLongitude,
      @Param("maxLongitude") java.math.BigDecimal maxLongitude,
      @Param("open") Collection<CaseStatus> open,
      @Param("limit") int limit);

  void merge(
      @Param("id") long id,
      @Param("status") CaseStatus status,
      @Param("targetId") long targetId,
      @Param("at") Instant at);

  /** The tracking codes of the repeats merged into a case: their reporters follow it. */
  List<String> trackingCodesMergedInto(@Param("id") long id);

  List<PublicUpdate> publicUpdates(
      @Param("from") Instant from,
      @Param("to") Instant to,
      @Param("offset") int offset,
      @Param("limit") int limit);

  void setCopyGroup(@Param("id") long id, @Param("group") String group);

  /** Cases copied to one of {@code groups}, newest first. */
  List<CaseRecord> findCopied(
      @Param("groups") Collection<String> groups,
      @Param("offset") int offset,
      @Param("limit") int limit);

  void changeHandler(
      @Param("id") long id,
      @Param("departmentCode") String departmentCode,
      @Param("handlerGroup") String handlerGroup);

  void renewHandleDue(@Param("id") long id, @Param("handleDue") Instant handleDue);

  void linkDispute(@Param("id") long id, @Param("disputeId") long disputeId);

  void updateStatus(@Param("id") long id, @Param("status") CaseStatus status);

  void markOverdue(@Param("id") long id, @Param("handling") boolean handling);

  void reject(
      @Param("id") long id,
      @Param("status") CaseStatus status,
      @Param("reason") String reason,
      @Param("at") Instant at);

  void resolve(
      @Param("id") long id,
      @Param("status") CaseStatus status,
      @Param("result") String result,
      @Param("outcome") String outcome,
      @Param("at") Instant at);

  /**
   * Records the rating only while the case is {@code awaiting} one; returns the rows changed (0 for
   * a replay).
   */
  int rate(
      @Param("id") long id,
      @Param("awaiting") CaseStatus awaiting,
      @Param("rating") String rating,
      @Param("comment") String comment);

  void reopen(@Param("id") long id, @Param("status") CaseStatus status);

  void close(@Param("id") long id, @Param("status") CaseStatus status, @Param("at") Instant at);

  void insertReturn(CaseReturn caseReturn);

  void countReturn(@Param("id") long id);

  /** Decides the case's one undecided return; returns the rows changed. */
  int decideReturn(
      @Param("caseId") long caseId,
      @Param("decision") String decision,
      @Param("decidedBy") String decidedBy,
      @Param("at") Instant at);

  void insertExtension(CaseExtension extension);

  /** Decides the case's one undecided extension request; returns the rows changed. */
  int decideExtension(
      @Param("caseId") long caseId,
      @Param("decision") String decision,
      @Param("decidedBy") String decidedBy,
      @Param("at") Instant at);

  void extend(@Param("id") long id, @Param("handleDue") Instant handleDue);

  int countExtensionRequests(@Param("caseId") long caseId);

  List<ReturnRecord> returns(@Param("caseId") long caseId);

  /** Newest first; {@code status} may be null for every status. */
  List<CaseRecord> findInScope(
      @Param("scope") CaseScope scope,
      @Param("status") CaseStatus status,
      @Param("offset") int offset,
      @Param("limit") int limit);

  /**
   * Cases for Open311's public list, newest first, by category and period; {@code finished} true
   * for the cases in a {@link CaseStatus#FINISHED} status, false for the open ones, null for both.
   */
  List<CaseRecord> findPublic(
      @Param("category") String category,
      @Param("from") Instant from,
      @Param("to") Instant to,
      @Param("finished") Boolean finished,
      @Param("finishedStatuses") Collection<CaseStatus> finishedStatuses,
      @Param("offset") int offset,
      @Param("limit") int limit);

  int countInScope(@Param("scope") CaseScope scope, @Param("id") long id);

  void appendTimeline(TimelineEntry entry);

  List<TimelineEntry> timeline(@Param("caseId") long caseId);
}
