package org.lianhu.stats;

/** Raw counts of one group and period, as the database sums them. */
public record KpiRow(
    String groupCode,
    String period,
    long reported,
    long rejected,
    long responded,
    long respondedInTime,
    long resolved,
    long rated,
    long satisfied,
    long overdue,
    long reopens,
    long reopenedCases,
    Double avgResponseSeconds,
    Double avgHandlingSeconds) {}
