package org.lianhu.stats;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lianhu.liaison.CoverageLevel;
import org.lianhu.liaison.UnitKpis;
import org.springframework.stereotype.Component;

/**
 * The weekly or monthly report: KPIs by street and by department for the period, and the liaison
 * heads' KPIs by street and by community, as CSV or XLSX.
 */
@Component
public class PeriodReport {

  static final List<Object> HEADER =
      List.of(
          "单位代码",
          "单位",
          "上报数",
          "不予受理",
          "应响应",
          "按时响应",
          "响应率",
          "结案数",
          "已解决",
          "解决率",
          "评价数",
          "满意数",
          "满意率",
          "平均响应（分钟）",
          "平均处置（小时）",
          "超期数",
          "重办次数",
          "延期事件",
          "退单次数");

  static final List<Object> UNIT_HEADER =
      List.of(
          "单位代码",
          "单位",
          "住户数",
          "已走访户数",
          "走访覆盖率",
          "应报周报",
          "按时报送",
          "信息收集及时率",
          "联户内事件",
          "联户内解决",
          "小事不出户率",
          "满意率",
          "联户长平均响应（小时）",
          "超时转网格员");

  private final Statistics statistics;
  private final UnitKpis unitKpis;

  public PeriodReport(Statistics statistics, UnitKpis unitKpis) {
    this.statistics = statistics;
    this.unitKpis = unitKpis;
  }

  /** The first and last day of the week (Monday to Sunday) or month that contains {@code day}. */
  public static LocalDate[] range(Statistics.Period period, LocalDate day) {
    return switch (period) {
      case week -> new LocalDate[] {day.with(DayOfWeek.MONDAY), day.with(DayOfWeek.SUNDAY)};
      case month ->
          new LocalDate[] {day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth())};
      default -> throw new IllegalArgumentException("报表周期只能是 week 或 month");
    };
  }

  public byte[] csv(Statistics.Period period, LocalDate day) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    for (List<List<Object>> table : tables(period, day)) {
      for (List<Object> row : table) {
        csv.append(String.join(",", row.stream().map(PeriodReport::cell).toList())).append("\r\n");
      }
      csv.append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  public byte[] xlsx(Statistics.Period period, LocalDate day) {
    List<List<List<Object>>> tables = tables(period, day);
    return new XlsxWriter()
        .sheet("按街道", tables.get(0))
        .sheet("按部门", tables.get(1))
        .sheet("联户（按街道）", tables.get(2))
        .sheet("联户（按社区）", tables.get(3))
        .write();
  }

  private List<List<List<Object>>> tables(Statistics.Period period, LocalDate day) {
    LocalDate[] range = range(period, day);
    String title = (period == Statistics.Period.week ? "周报 " : "月报 ") + range[0] + " 至 " + range[1];
    List<List<List<Object>>> tables = new ArrayList<>();
    for (Statistics.GroupBy groupBy :
        List.of(Statistics.GroupBy.street, Statistics.GroupBy.department)) {
      List<List<Object>> rows = new ArrayList<>();
      rows.add(List.of(title + (groupBy == Statistics.GroupBy.street ? "（按街道）" : "（按部门）")));
      rows.add(HEADER);
      for (Kpi kpi : statistics.kpis(groupBy, Statistics.Period.all, range[0], range[1])) {
        List<Object> row = new ArrayList<>();
        row.add(kpi.group() == null ? "" : kpi.group());
        row.add(kpi.groupName());
        row.add(kpi.reported());
        row.add(kpi.rejected());
        row.add(kpi.dueToRespond());
        row.add(kpi.respondedInTime());
        row.add(kpi.responseRate());
        row.add(kpi.closed());
        row.add(kpi.resolved());
        row.add(kpi.resolutionRate());
        row.add(kpi.rated());
        row.add(kpi.satisfied());
        row.add(kpi.satisfactionRate());
        row.add(kpi.avgResponseMinutes());
        row.add(kpi.avgHandlingHours());
        row.add(kpi.overdue());
        row.add(kpi.reopens());
        row.add(kpi.extended());
        row.add(kpi.returns());
        rows.add(row);
      }
      tables.add(rows);
    }
    for (CoverageLevel level : List.of(CoverageLevel.STREET, CoverageLevel.COMMUNITY)) {
      tables.add(unitTable(title, level, range));
    }
    return tables;
  }

  /** The liaison heads' KPIs (docs/liaison-units.md, "KPIs"); coverage of the last day's month. */
  private List<List<Object>> unitTable(String title, CoverageLevel level, LocalDate[] range) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(
        List.of(
            title
                + (level == CoverageLevel.STREET ? "（联户，按街道）" : "（联户，按社区）")
                + "，走访覆盖率为 "
                + YearMonth.from(range[1])
                + " 月"));
    rows.add(UNIT_HEADER);
    for (UnitKpis.Row kpi : unitKpis.of(level, range[0], range[1], null)) {
      rows.add(
          Arrays.asList(
              kpi.code(),
              kpi.name(),
              kpi.households(),
              kpi.visited(),
              kpi.visitCoverage(),
              kpi.reportsDue(),
              kpi.reportsOnTime(),
              kpi.reportTimeliness(),
              kpi.inUnitCases(),
              kpi.resolvedInUnit(),
              kpi.inUnitResolutionRate(),
              kpi.satisfactionRate(),
              kpi.headResponseHours(),
              kpi.headTimedOut()));
    }
    return rows;
  }

  /**
   * A CSV cell, quoted when needed; a leading =, +, - or @ is defused so spreadsheets never run it.
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!(value instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
