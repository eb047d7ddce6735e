package org.lianhu.stats;

/**
 * The headline figures of one group and period, as docs/kpis.md defines them. Rates are fractions
 * (0..1) or null when nothing counts towards them: response rate = answered within the limit / due
 * to respond; resolution rate = closed as resolved / closed with a handling outcome; satisfaction
 * rate = satisfied or basically satisfied / rated. Extended and returned cases are counted apart.
 */
public record Kpi(
    String group,
    String groupName,
    String period,
    long reported,
    long rejected,
    long dueToRespond,
    long respondedInTime,
    Double responseRate,
    long closed,
    long resolved,
    Double resolutionRate,
    long rated,
    long satisfied,
    Double satisfactionRate,
    Double avgResponseMinutes,
    Double avgHandlingHours,
    long overdue,
    long reopens,
    long reopenedCases,
    long extended,
    long returns,
    long dispatched,
    long officeDueToRespond,
    long officeRespondedInTime,
    Double officeResponseRate,
    long handlingDue,
    long handledInTime,
    Double handledInTimeRate) {

  static Kpi of(KpiRow row, String groupName) {
    return new Kpi(
        row.groupCode(),
        groupName,
        row.period(),
        row.reported(),
        row.rejected(),
        row.dueToRespond(),
        row.respondedInTime(),
        rate(row.respondedInTime(), row.dueToRespond()),
        row.closed(),
        row.closedResolved(),
        rate(row.closedResolved(), row.closed()),
        row.rated(),
        row.satisfied(),
        rate(row.satisfied(), row.rated()),
        row.avgResponseSeconds() == null ? null : round(row.avgResponseSeconds() / 60.0),
        row.avgHandlingSeconds() == null ? null : round(row.avgHandlingSeconds() / 3600.0),
        row.overdue(),
        row.reopens(),
        row.reopenedCases(),
        row.extended(),
        row.returns(),
        row.dispatched(),
        row.officeDueToRespond(),
        row.officeRespondedInTime(),
        rate(row.officeRespondedInTime(), row.officeDueToRespond()),
        row.handlingDue(),
        row.handledInTime(),
        rate(row.handledInTime(), row.handlingDue()));
  }

  static Double rate(long part, long whole) {
    return whole <= 0 ? null : round((double) part / whole);
  }

  static double round(double value) {
    return Math.round(value * 10000.0) / 10000.0;
  }
}
