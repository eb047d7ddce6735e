package org.lianhu.orgadmin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A workbook the tests edit as an administrator would in Excel: by sheet, header and code. */
final class OrgWorkbook {

  private final XSSFWorkbook workbook;

  private OrgWorkbook(XSSFWorkbook workbook) {
    this.workbook = workbook;
  }

  static OrgWorkbook of(byte[] xlsx) {
    try {
      return new OrgWorkbook(new XSSFWorkbook(new ByteArrayInputStream(xlsx)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends a row; its Excel row number. */
  int add(String sheetName, Map<String, String> values) {
    Sheet sheet = workbook.getSheet(sheetName);
    Row row = sheet.createRow(sheet.getLastRowNum() + 1);
    values.forEach((header, value) -> row.createCell(column(sheet, header)).setCellValue(value));
    return row.getRowNum() + 1;
  }

  /** Sets a cell of the row whose first column is the code; its Excel row number. */
  int set(String sheetName, String code, String header, String value) {
    Sheet sheet = workbook.getSheet(sheetName);
    Row row =
        rowOf(sheet, code)
            .orElseThrow(() -> new IllegalArgumentException(code + " not in " + sheetName));
    row.createCell(column(sheet, header)).setCellValue(value);
    return row.getRowNum() + 1;
  }

  String get(String sheetName, String code, String header) {
    Sheet sheet = workbook.getSheet(sheetName);
    return rowOf(sheet, code)
        .map(row -> row.getCell(column(sheet, header)))
        .map(Cell::getStringCellValue)
        .orElse(null);
  }

  void formula(String sheetName, String code, String header, String formula) {
    Sheet sheet = workbook.getSheet(sheetName);
    Row row =
        rowOf(sheet, code)
            .orElseThrow(() -> new IllegalArgumentException(code + " not in " + sheetName));
    row.createCell(column(sheet, header)).setCellFormula(formula);
  }

  /** The workbook without the row of that code: what a county sends when it forgets one. */
  byte[] without(String sheetName, String code) {
    Sheet sheet = workbook.getSheet(sheetName);
    rowOf(sheet, code).ifPresent(sheet::removeRow);
    return bytes();
  }

  /** The data row whose first cell is the code. */
  private static Optional<Row> rowOf(Sheet sheet, String code) {
    for (Row row : sheet) {
      Cell first = row.getCell(0);
      if (row.getRowNum() > 0 && first != null && code.equals(first.getStringCellValue())) {
        return Optional.of(row);
      }
    }
    return Optional.empty();
  }

  void removeSheet(String sheetName) {
    workbook.removeSheetAt(workbook.getSheetIndex(sheetName));
  }

  void renameHeader(String sheetName, String header, String renamed) {
    Sheet sheet = workbook.getSheet(sheetName);
    sheet.getRow(0).getCell(column(sheet, header)).setCellValue(renamed);
  }

  byte[] bytes() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int column(Sheet sheet, String header) {
    Row headers = sheet.getRow(0);
    for (Cell cell : headers) {
      if (header.equals(cell.getStringCellValue())) {
        return cell.getColumnIndex();
      }
    }
    throw new IllegalArgumentException(header + " not a header of " + sheet.getSheetName());
  }
}
