package org.lianhu.allowance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A pay sheet as the XLSX the street signs: title with the state (草稿 / 已审定), one row per line (a
 * correction says which month it corrects), the total; bank accounts masked.
 */
final class PaySheetWorkbook {

  static final String[] HEADER = {
    "姓名", "联户单元", "社区", "所属月份", "在岗天数", "基础补贴", "绩效奖励", "荣誉津贴", "合计", "银行账号", "备注"
  };

  private PaySheetWorkbook() {}

  static byte[] of(
      PaySheet sheet,
      String streetName,
      List<PayLine> lines,
      Function<PayLine, String> unitName,
      Function<PayLine, String> communityName,
      Function<PayLine, String> bankAccount) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet table = workbook.createSheet(sheet.payMonth());
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
      Row title = table.createRow(0);
      Cell heading = title.createCell(0);
      heading.setCellValue(
          streetName
              + " "
              + sheet.payMonth()
              + " 联户长补贴发放表（"
              + (sheet.isFinal() ? "已审定：" + sheet.approvedBy() : "草稿，未审定")
              + "）");
      heading.setCellStyle(bold);
      Row header = table.createRow(1);
      for (int i = 0; i < HEADER.length; i++) {
        Cell cell = header.createCell(i);
        cell.setCellValue(HEADER[i]);
        cell.setCellStyle(bold);
      }
      int r = 2;
      BigDecimal base = BigDecimal.ZERO;
      BigDecimal performance = BigDecimal.ZERO;
      BigDecimal honour = BigDecimal.ZERO;
      for (PayLine line : lines) {
        Row row = table.createRow(r++);
        row.createCell(0)
            .setCellValue(line.headName() == null ? line.headUserId() : line.headName());
        row.createCell(1).setCellValue(unitName.apply(line));
        row.createCell(2).setCellValue(communityName.apply(line));
        row.createCell(3).setCellValue(line.forMonth());
        row.createCell(4).setCellValue(line.daysInPost());
        money(row, 5, line.base(), money);
        money(row, 6, line.performance(), money);
        money(row, 7, line.honour(), money);
        money(row, 8, line.total(), money);
        String account = bankAccount.apply(line);
        row.createCell(9).setCellValue(account == null ? "（未登记）" : account);
        row.createCell(10).setCellValue(line.note() == null ? "" : line.note());
        base = base.add(line.base());
        performance = performance.add(line.performance());
        honour = honour.add(line.honour());
      }
      Row total = table.createRow(r);
      Cell label = total.createCell(0);
      label.setCellValue("合计（" + lines.size() + " 行）");
      label.setCellStyle(bold);
      money(total, 5, base, money);
      money(total, 6, performance, money);
      money(total, 7, honour, money);
      money(total, 8, base.add(performance).add(honour), money);
      for (int i = 0; i < HEADER.length; i++) {
        table.setColumnWidth(i, (i == 1 || i == 9 ? 24 : 12) * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void money(Row row, int column, BigDecimal amount, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(amount.doubleValue());
    cell.setCellStyle(style);
  }
}
