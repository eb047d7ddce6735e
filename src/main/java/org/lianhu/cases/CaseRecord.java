package org.lianhu.cases;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of {@code case_record}: the case as Lianhu keeps it, apart from its timeline. */
public record CaseRecord(
    Long id,
    String caseNo,
    String trackingCode,
    String idempotencyKey,
    String requestFingerprint,
    String category,
    String description,
    String address,
    BigDecimal latitude,
    BigDecimal longitude,
    String liaisonUnitCode,
    String gridCode,
    String communityCode,
    String streetCode,
    String urgency,
    String reporterName,
    String reporterPhone,
    String source,
    String status,
    String departmentCode,
    String supervisingDepartmentCode,
    String handlerGroup,
    String processInstanceId,
    Integer reopenCount,
    Boolean overdue,
    String rating,
    String ratingComment,
    String rejectReason,
    String result,
    Instant createdAt,
    Instant responseDue,
    Instant respondedAt,
    Instant handleDue,
    Instant resolvedAt,
    Instant closedAt,
    String outcome,
    Integer returnCount,
    Integer extensionCount,
    Instant dispatchedAt,
    Instant officeResponseDue,
    Instant officeActedAt,
    Boolean handlingOverdue,
    String copyGroup,
    String addressKey,
    Long mergedInto,
    String mediaUrl) {

  public CaseStatus caseStatus() {
    return CaseStatus.valueOf(status);
  }
}
