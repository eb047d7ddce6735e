package org.lianhu.archive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lianhu.allowance.Award;
import org.lianhu.allowance.PayLine;
import org.lianhu.liaison.Activities;
import org.lianhu.stats.XlsxWriter;
import org.lianhu.training.TrainingViews;

/** A head's archive as an XLSX: one sheet per part, a header row on each. */
final class ArchiveWorkbook {

  private ArchiveWorkbook() {}

  static byte[] of(HeadArchive.Archive archive) {
    List<List<Object>> terms =
        table("联户单元", "社区", "任职起", "任职止", "离任原因", "走访次数", "需求报送", "按时报送", "联户内事件", "在户解决", "参与调解");
    List<List<Object>> visits = table("联户单元", "月份", "走访次数");
    for (HeadArchive.TermEntry t : archive.terms()) {
      int visited = t.visitsByMonth().values().stream().mapToInt(Integer::intValue).sum();
      terms.add(
          row(
              t.unitName(),
              t.communityName(),
              t.startedAt(),
              t.endedAt(),
              t.endReason(),
              visited,
              t.reportsFiled(),
              t.reportsOnTime(),
              t.inUnitCases(),
              t.resolvedInUnit(),
              t.mediationsJoined()));
      for (Map.Entry<String, Integer> month : t.visitsByMonth().entrySet()) {
        visits.add(row(t.unitName(), month.getKey(), month.getValue()));
      }
    }
    List<List<Object>> activities = table("日期", "活动", "参加人数");
    for (Activities.Activity a : archive.activities()) {
      activities.add(row(a.heldOn().toString(), a.title(), a.participants()));
    }
    List<List<Object>> training = table("日期", "课程", "级别", "方式", "学时");
    for (TrainingViews.AttendedView a : archive.training().attended()) {
      training.add(
          row(
              a.heldOn().toString(),
              a.title(),
              a.levelLabel(),
              "online".equals(a.mode()) ? "线上" : "线下",
              a.hours()));
    }
    List<List<Object>> evaluations = table("季度", "总分", "等次", "最终等次", "申诉", "复核意见");
    for (HeadArchive.EvaluationEntry e : archive.evaluations()) {
      evaluations.add(
          row(
              e.quarterLabel(),
              e.totalScore(),
              e.gradeLabel(),
              e.finalGradeLabel(),
              e.appealed() ? "是" : "否",
              e.appealNote()));
    }
    List<List<Object>> awards = table("年度", "状态", "推荐事迹", "审定意见");
    for (Award a : archive.awards()) {
      awards.add(row(a.awardYear(), label(a.status()), a.note(), a.decisionNote()));
    }
    List<List<Object>> pay = table("所属月份", "在岗天数", "基础补贴", "绩效奖励", "荣誉津贴", "合计", "备注");
    for (PayLine l : archive.pay()) {
      pay.add(
          row(
              l.forMonth(),
              l.daysInPost(),
              l.base(),
              l.performance(),
              l.honour(),
              l.total(),
              l.note()));
    }
    return new XlsxWriter()
        .sheet("任职", terms)
        .sheet("走访", visits)
        .sheet("邻里活动", activities)
        .sheet("培训", training)
        .sheet("考核", evaluations)
        .sheet("评优", awards)
        .sheet("补贴", pay)
        .write();
  }

  private static String label(String status) {
    return switch (status) {
      case "approved" -> "已评为优秀联户长";
      case "declined" -> "未评上";
      default -> "已推荐，待街道审定";
    };
  }

  private static List<List<Object>> table(Object... header) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row(header));
    return rows;
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
