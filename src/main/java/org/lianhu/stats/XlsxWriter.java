package org.lianhu.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook of one worksheet per table, text as text and numbers as numbers, written by Apache
 * POI's streaming writer (SXSSF): rows beyond a small window go to a temporary file, so a long
 * period report does not sit in memory whole.
 */
public final class XlsxWriter {

  /** Rows SXSSF keeps in memory per sheet before it flushes them. */
  private static final int WINDOW = 200;

  private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

  /** A worksheet of these rows (the first is usually the header); a null cell stays empty. */
  public XlsxWriter sheet(String name, List<List<Object>> rows) {
    sheets.put(name, rows);
    return this;
  }

  public byte[] write() {
    SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    try {
      for (Map.Entry<String, List<List<Object>>> table : sheets.entrySet()) {
        Sheet sheet = workbook.createSheet(table.getKey());
        List<List<Object>> rows = table.getValue();
        for (int r = 0; r < rows.size(); r++) {
          Row row = sheet.createRow(r);
          List<Object> values = rows.get(r);
          for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number number) {
              row.createCell(c).setCellValue(number.doubleValue());
            } else if (value != null) {
              Cell cell = row.createCell(c);
              cell.setCellValue(value.toString());
            }
          }
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      workbook.write(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException e) {
        // the temporary files are gone with dispose()
      }
    }
  }
}
