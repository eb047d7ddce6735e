package org.lianhu.liaison;

import java.time.Instant;
import java.time.LocalDate;

/** The row a new visit is inserted as; the database gives it its id. */
final class VisitRow {
  Long id;
  final String householdCode;
  final String unitCode;
  final String headUserId;
  final LocalDate visitedOn;
  final String kind;
  final String notes;
  final String needs;
  final String caseNo;
  final Instant recordedAt;

  VisitRow(
      String householdCode,
      String unitCode,
      String headUserId,
      LocalDate visitedOn,
      String kind,
      String notes,
      String needs,
      String caseNo,
      Instant recordedAt) {
    this.householdCode = householdCode;
    this.unitCode = unitCode;
    this.headUserId = headUserId;
    this.visitedOn = visitedOn;
    this.kind = kind;
    this.notes = notes;
    this.needs = needs;
    this.caseNo = caseNo;
    this.recordedAt = recordedAt;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getHouseholdCode() {
    return householdCode;
  }

  public String getUnitCode() {
    return unitCode;
  }

  public String getHeadUserId() {
    return headUserId;
  }

  public LocalDate getVisitedOn() {
    return visitedOn;
  }

  public String getKind() {
    return kind;
  }

  public String getNotes() {
    return notes;
  }

  public String getNeeds() {
    return needs;
  }

  public String getCaseNo() {
    return caseNo;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
