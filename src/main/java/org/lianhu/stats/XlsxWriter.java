package org.lianhu.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lianhu.web.Xml;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The smallest valid Office Open XML workbook: one worksheet per table, strings inline, numbers as numbers.
 * Enough for a weekly report that opens in Excel and WPS; no styling.
 */
final class XlsxWriter {

  private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();

  XlsxWriter sheet(String name, List<List<Object>> rows) {
    sheets.put(name, rows);
    return this;
  }

  byte[] write() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      StringBuilder overrides = new StringBuilder();
      StringBuilder sheetList = new StringBuilder();
      StringBuilder relations = new StringBuilder();
      int index = 1;
      for (Map.Entry<String, List<List<Object>>> sheet : sheets.entrySet()) {
        overrides.append("<Override PartName=\"/xl/worksheets/sheet").append(index).append(".xml\" ContentType=\"")
            .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        sheetList.append("<sheet name=\"").append(Xml.escape(sheet.getKey())).append("\" sheetId=\"").append(index)
            .append("\" r:id=\"rId").append(index).append("\"/>");
        relations.append("<Relationship Id=\"rId").append(index).append("\" Type=\"http://schemas.openxmlformats.org")
            .append("/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(index)
            .append(".xml\"/>");
        put(zip, "xl/worksheets/sheet" + index + ".xml", worksheet(sheet.getValue()));
        index++;
      }
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
          + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" + overrides + "</Types>");
      put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      put(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheetList
          + "</sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + relations
          + "</Relationships>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String worksheet(List<List<Object>> rows) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    for (int r = 0; r < rows.size(); r++) {
      xml.append("<row r=\"").append(r + 1).append("\">");
      List<Object> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        Object value = row.get(c);
        String ref = column(c) + (r + 1);
        if (value instanceof Number number) {
          xml.append("<c r=\"").append(ref).append("\"><v>").append(number).append("</v></c>");
        } else if (value != null) {
          xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(Xml.escape(value.toString()))
              .append("</t></is></c>");
        }
      }
      xml.append("</row>");
    }
    return xml.append("</sheetData></worksheet>").toString();
  }

  static String column(int index) {
    StringBuilder name = new StringBuilder();
    for (int i = index; i >= 0; i = i / 26 - 1) {
      name.insert(0, (char) ('A' + i % 26));
    }
    return name.toString();
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
