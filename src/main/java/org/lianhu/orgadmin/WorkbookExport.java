package org.lianhu.orgadmin;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes the organisation workbook with POI's streaming writer: the template (headers, a comment
 * with each field's code, drop-down lists for choices) or the export, the same sheets with every
 * row, so that re-importing an export changes nothing. Personal numbers are written masked, and a
 * masked number in an import stands for the stored one; passwords are never written.
 */
@Component
class WorkbookExport {

  private static final int WINDOW = 200;
  private static final int PAGE = 5000;

  private final OrganisationStore store;
  private final RoutingTable routing;

  WorkbookExport(OrganisationStore store, RoutingTable routing) {
    this.store = store;
    this.routing = routing;
  }

  void template(OutputStream out) throws IOException {
    write(out, false);
  }

  void export(OutputStream out) throws IOException {
    write(out, true);
  }

  private void write(OutputStream out, boolean rows) throws IOException {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
      CellStyle header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      CellStyle text = workbook.createCellStyle();
      DataFormat format = workbook.createDataFormat();
      text.setDataFormat(format.getFormat("@"));
      Map<String, Set<String>> led = rows ? routing.departments().categoriesLed() : Map.of();
      for (OrgKind kind : OrgKind.values()) {
        SXSSFSheet sheet = workbook.createSheet(kind.sheet());
        headers(workbook, sheet, kind, header, text);
        if (rows) {
          rows(sheet, kind, led);
        }
      }
      workbook.write(out);
      workbook.dispose();
    }
  }

  private static void headers(
      SXSSFWorkbook workbook, SXSSFSheet sheet, OrgKind kind, CellStyle header, CellStyle text) {
    Row row = sheet.createRow(0);
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    List<Field> fields = kind.fields();
    for (int c = 0; c < fields.size(); c++) {
      Field field = fields.get(c);
      Cell cell = row.createCell(c);
      cell.setCellValue(field.label());
      cell.setCellStyle(header);
      ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
      anchor.setCol1(c);
      anchor.setCol2(c + 3);
      anchor.setRow1(0);
      anchor.setRow2(3);
      Comment comment = drawing.createCellComment(anchor);
      comment.setString(
          workbook
              .getCreationHelper()
              .createRichTextString(field.code() + (field.required() ? "（必填）" : "")));
      cell.setCellComment(comment);
      // Codes, phones and ID numbers are text: Excel would turn 13800000001 into 1.38E+10.
      sheet.setDefaultColumnStyle(c, text);
      sheet.setColumnWidth(c, 16 * 256);
      List<String> choices = choicesOf(field);
      if (!choices.isEmpty()) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation =
            helper.createValidation(
                helper.createExplicitListConstraint(choices.toArray(String[]::new)),
                new CellRangeAddressList(1, WorkbookReader.MAX_ROWS, c, c));
        validation.setShowErrorBox(field.type() == FieldType.CHOICE);
        sheet.addValidationData(validation);
      }
    }
  }

  private static List<String> choicesOf(Field field) {
    if (field == OrgKind.RETIRED) {
      return List.of("是");
    }
    return field.type() == FieldType.CHOICE ? List.copyOf(field.choices().values()) : List.of();
  }

  private void rows(SXSSFSheet sheet, OrgKind kind, Map<String, Set<String>> led) {
    int next = 1;
    String after = null;
    while (true) {
      List<Map<String, Object>> page =
          store.page(kind.table(), kind.keyColumn(), Rows.columns(kind), after, PAGE);
      for (Map<String, Object> stored : page) {
        OrgRecord record = Rows.fromDb(kind, stored);
        Row row = sheet.createRow(next++);
        List<Field> fields = kind.fields();
        for (int c = 0; c < fields.size(); c++) {
          String value = cellValue(record, fields.get(c), led);
          if (value != null) {
            row.createCell(c).setCellValue(value);
          }
        }
        after = record.code();
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  private static String cellValue(OrgRecord record, Field field, Map<String, Set<String>> led) {
    if (field == OrgKind.RETIRED) {
      return record.retired() ? "是" : null;
    }
    if (field.code().equals("categories")) {
      Set<String> categories = led.get(record.code());
      return categories == null || categories.isEmpty() ? null : String.join(",", categories);
    }
    String value = record.value(field.code());
    if (value == null) {
      return null;
    }
    if (field.type() == FieldType.PHONE || field.type() == FieldType.ID_NUMBER) {
      return field.personal() ? OrganisationChanges.masked(field, value) : value;
    }
    if (field.type() == FieldType.CHOICE || field.type() == FieldType.CHOICES) {
      return String.join(
          ",",
          java.util.Arrays.stream(value.split(","))
              .map(code -> field.choices().getOrDefault(code, code))
              .toList());
    }
    return value;
  }
}
