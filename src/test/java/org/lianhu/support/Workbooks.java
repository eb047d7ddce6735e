package org.lianhu.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a downloaded workbook back as Excel would: text as String, numbers as Double. */
public final class Workbooks {

  private Workbooks() {}

  public static String sheetName(byte[] xlsx, int index) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      return workbook.getSheetName(index);
    }
  }

  public static List<List<Object>> rows(byte[] xlsx, int index) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = workbook.getSheetAt(index);
      List<List<Object>> rows = new ArrayList<>();
      for (Row row : sheet) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
          Cell cell = row.getCell(c);
          values.add(
              cell == null
                  ? null
                  : cell.getCellType() == CellType.NUMERIC
                      ? (Object) cell.getNumericCellValue()
                      : cell.getStringCellValue());
        }
        rows.add(values);
      }
      return rows;
    }
  }

  /** The row whose second cell (the unit's name) is {@code name}. */
  public static List<Object> rowOf(List<List<Object>> rows, String name) {
    return rows.stream()
        .filter(row -> row.size() > 1 && name.equals(row.get(1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows));
  }
}
