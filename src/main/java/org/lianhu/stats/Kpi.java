package org.lianhu.stats;

/**
 * The headline figures of one group and period. Rates are fractions (0..1) or null when nothing
 * counts towards them: response rate = answered within the limit / reported; resolution rate =
 * resolved / accepted (reported less rejected); satisfaction rate = satisfied or basically
 * satisfied / rated.
 */
public record Kpi(
    String group,
    String groupName,
    String period,
    long reported,
    long rejected,
    long respondedInTime,
    Double responseRate,
    long resolved,
    Double resolutionRate,
    long rated,
    long satisfied,
    Double satisfactionRate,
    Double avgResponseMinutes,
    Double avgHandlingHours,
    long overdue,
    long reopens,
    long reopenedCases) {

  static Kpi of(KpiRow row, String groupName) {
    long accepted = row.reported() - row.rejected();
    return new Kpi(
        row.groupCode(),
        groupName,
        row.period(),
        row.reported(),
        row.rejected(),
        row.respondedInTime(),
        rate(row.respondedInTime(), row.reported()),
        row.resolved(),
        rate(row.resolved(), accepted),
        row.rated(),
        row.satisfied(),
        rate(row.satisfied(), row.rated()),
        row.avgResponseSeconds() == null ? null : round(row.avgResponseSeconds() / 60.0),
        row.avgHandlingSeconds() == null ? null : round(row.avgHandlingSeconds() / 3600.0),
        row.overdue(),
        row.reopens(),
        row.reopenedCases());
  }

  static Double rate(long part, long whole) {
    return whole <= 0 ? null : round((double) part / whole);
  }

  static double round(double value) {
    return Math.round(value * 10000.0) / 10000.0;
  }
}
