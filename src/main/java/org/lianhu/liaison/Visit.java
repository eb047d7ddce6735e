package org.lianhu.liaison;

import java.time.Instant;
import java.time.LocalDate;

/** 走访: one visit of a head to a household of their unit, as recorded. */
public record Visit(
    long id,
    String householdCode,
    String unitCode,
    String headUserId,
    LocalDate visitedOn,
    String kind,
    String notes,
    String needs,
    String caseNo,
    Instant recordedAt) {}
