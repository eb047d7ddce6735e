package org.lianhu.stats;

/** Raw counts of one group and period, as the database sums them. */
public record KpiRow(
    String groupCode,
    String period,
    long reported,
    long rejected,
    long responded,
    long dueToRespond,
    long respondedInTime,
    long closed,
    long closedResolved,
    long rated,
    long satisfied,
    long overdue,
    long reopens,
    long reopenedCases,
    long extended,
    long returns,
    long dispatched,
    long officeDueToRespond,
    long officeRespondedInTime,
    long handlingDue,
    long handledInTime,
    Double avgResponseSeconds,
    Double avgHandlingSeconds) {}
