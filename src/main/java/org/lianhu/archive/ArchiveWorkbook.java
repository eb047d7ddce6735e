package org.lianhu.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lianhu.allowance.Award;
import org.lianhu.allowance.PayLine;
import org.lianhu.liaison.Activities;
import org.lianhu.training.TrainingViews;

/** A head's archive as an XLSX: one sheet per part, a header row on each. */
final class ArchiveWorkbook {

  private ArchiveWorkbook() {}

  static byte[] of(HeadArchive.Archive archive) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFCellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet terms =
          sheet(
              workbook, bold, "任职", "联户单元", "社区", "任职起", "任职止", "离任原因", "走访次数", "需求报送", "按时报送",
              "联户内事件", "在户解决", "参与调解");
      for (HeadArchive.TermEntry t : archive.terms()) {
        int visits = t.visitsByMonth().values().stream().mapToInt(Integer::intValue).sum();
        row(
            terms,
            t.unitName(),
            t.communityName(),
            t.startedAt(),
            t.endedAt(),
            t.endReason(),
            visits,
            t.reportsFiled(),
            t.reportsOnTime(),
            t.inUnitCases(),
            t.resolvedInUnit(),
            t.mediationsJoined());
      }
      Sheet visits = sheet(workbook, bold, "走访", "联户单元", "月份", "走访次数");
      for (HeadArchive.TermEntry t : archive.terms()) {
        for (Map.Entry<String, Integer> month : t.visitsByMonth().entrySet()) {
          row(visits, t.unitName(), month.getKey(), month.getValue());
        }
      }
      Sheet acts = sheet(workbook, bold, "邻里活动", "日期", "活动", "参加人数");
      for (Activities.Activity a : archive.activities()) {
        row(acts, a.heldOn().toString(), a.title(), a.participants());
      }
      Sheet training = sheet(workbook, bold, "培训", "日期", "课程", "级别", "方式", "学时");
      for (TrainingViews.AttendedView a : archive.training().attended()) {
        row(
            training,
            a.heldOn().toString(),
            a.title(),
            a.levelLabel(),
            "online".equals(a.mode()) ? "线上" : "线下",
            a.hours().doubleValue());
      }
      Sheet evaluations = sheet(workbook, bold, "考核", "季度", "总分", "等次", "最终等次", "申诉", "复核意见");
      for (HeadArchive.EvaluationEntry e : archive.evaluations()) {
        row(
            evaluations,
            e.quarterLabel(),
            e.totalScore(),
            e.gradeLabel(),
            e.finalGradeLabel(),
            e.appealed() ? "是" : "否",
            e.appealNote());
      }
      Sheet awards = sheet(workbook, bold, "评优", "年度", "状态", "推荐事迹", "审定意见");
      for (Award a : archive.awards()) {
        row(awards, a.awardYear(), label(a.status()), a.note(), a.decisionNote());
      }
      Sheet pay = sheet(workbook, bold, "补贴", "所属月份", "在岗天数", "基础补贴", "绩效奖励", "荣誉津贴", "合计", "备注");
      for (PayLine l : archive.pay()) {
        row(
            pay,
            l.forMonth(),
            l.daysInPost(),
            l.base().doubleValue(),
            l.performance().doubleValue(),
            l.honour().doubleValue(),
            l.total().doubleValue(),
            l.note());
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String label(String status) {
    return switch (status) {
      case "approved" -> "已评为优秀联户长";
      case "declined" -> "未评上";
      default -> "已推荐，待街道审定";
    };
  }

  private static Sheet sheet(
      XSSFWorkbook workbook, XSSFCellStyle bold, String name, String... header) {
    Sheet sheet = workbook.createSheet(name);
    Row row = sheet.createRow(0);
    for (int i = 0; i < header.length; i++) {
      row.createCell(i).setCellValue(header[i]);
      row.getCell(i).setCellStyle(bold);
      sheet.setColumnWidth(i, 16 * 256);
    }
    return sheet;
  }

  private static void row(Sheet sheet, Object... values) {
    Row row = sheet.createRow(sheet.getLastRowNum() + 1);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Number n) {
        row.createCell(i).setCellValue(n.doubleValue());
      } else {
        row.createCell(i).setCellValue(v == null ? "" : v.toString());
      }
    }
  }
}
