package org.lianhu.liaison;

import java.time.Instant;
import java.time.LocalDate;

/** 需求周报: a unit's weekly report of residents' needs, or 无新增. */
public record NeedsReport(
    long id,
    String unitCode,
    LocalDate weekStart,
    String headUserId,
    boolean nothingNew,
    Instant filedAt) {}
