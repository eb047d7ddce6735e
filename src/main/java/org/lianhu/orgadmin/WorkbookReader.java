package org.lianhu.orgadmin;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.lianhu.refusal.Refusal;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the organisation workbook as a stream: each sheet's XML goes through a SAX handler row by
 * row, so memory does not grow with the rows (POI's event API, no workbook object). Refuses before
 * or while reading: a file that is not an xlsx, a zip bomb (POI's inflate-ratio and entry-size
 * limits), a missing sheet or required column, and a sheet of more than {@link #MAX_ROWS} rows. A
 * formula is a report entry (values only: a cached result is not what the county typed).
 */
final class WorkbookReader implements AutoCloseable {

  static final int MAX_ROWS = 1_000_000;

  /** The largest uncompressed part: a sheet of a million short rows stays below it. */
  static final long MAX_ENTRY_BYTES = 1L << 30;

  /** Parts that inflate more than 100 times their compressed size are refused as a zip bomb. */
  static final double MIN_INFLATE_RATIO = 0.01;

  /** One row of a sheet: its number as Excel shows it, and its values by field code. */
  interface RowSink {
    void row(int number, Map<String, String> values);
  }

  static {
    ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
  }

  private final OPCPackage pkg;
  private final XSSFReader reader;
  private final ReadOnlySharedStringsTable strings;
  private final Map<String, Integer> sheetOrder = new LinkedHashMap<>();

  private WorkbookReader(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException {
    this.pkg = pkg;
    this.reader = new XSSFReader(pkg);
    this.strings = new ReadOnlySharedStringsTable(pkg, false);
    XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
    int index = 0;
    while (sheets.hasNext()) {
      try (InputStream ignored = sheets.next()) {
        sheetOrder.put(sheets.getSheetName(), index++);
      }
    }
  }

  /** Opens the file, refusing what is not a readable xlsx. */
  static WorkbookReader open(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      if (magic.length < 4
          || magic[0] != 'P'
          || magic[1] != 'K'
          || magic[2] != 3
          || magic[3] != 4) {
        throw notXlsx("文件不是 Excel 工作簿（.xlsx）");
      }
    } catch (IOException e) {
      throw notXlsx("无法读取上传的文件");
    }
    OPCPackage pkg = null;
    try {
      pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
      return new WorkbookReader(pkg);
    } catch (NotOfficeXmlFileException | InvalidFormatException e) {
      revert(pkg);
      throw notXlsx("文件不是 Excel 工作簿（.xlsx）: " + e.getMessage());
    } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
      revert(pkg);
      throw refusedFile(e);
    }
  }

  private static void revert(OPCPackage pkg) {
    if (pkg != null) {
      pkg.revert();
    }
  }

  boolean hasSheet(String name) {
    return sheetOrder.containsKey(name);
  }

  /**
   * Streams one sheet's rows to the sink, with the headers matched to the kind's fields by their
   * Chinese label (or their code). Missing required columns are refused before any row.
   */
  void read(OrgKind kind, List<ReportEntry> report, RowSink sink) {
    Integer index = sheetOrder.get(kind.sheet());
    if (index == null) {
      throw Refusal.unprocessable(
          ChangeRefused.TYPE, "工作簿格式不符", "缺少工作表「" + kind.sheet() + "」", List.of());
    }
    try {
      XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
      for (int i = 0; sheets.hasNext(); i++) {
        try (InputStream sheet = sheets.next()) {
          if (i == index) {
            XMLReader xml = SAXHelper.newXMLReader();
            xml.setContentHandler(new SheetHandler(kind, strings, report, sink));
            xml.parse(new InputSource(sheet));
            return;
          }
        }
      }
    } catch (TooManyRows e) {
      throw Refusal.unprocessable(
          ChangeRefused.TYPE,
          "工作簿过大",
          "工作表「" + kind.sheet() + "」超过 " + MAX_ROWS + " 行，请分批导入",
          List.of());
    } catch (MissingColumns e) {
      throw Refusal.unprocessable(ChangeRefused.TYPE, "工作簿格式不符", e.getMessage(), List.of());
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException e) {
      throw refusedFile(e);
    }
  }

  private static Refusal notXlsx(String detail) {
    return Refusal.unprocessable("unsupported-workbook", "不支持的文件", detail, List.of());
  }

  private static Refusal refusedFile(Exception e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Zip bomb") || message.contains("zip bomb")) {
      return Refusal.unprocessable(
          "unsupported-workbook", "不支持的文件", "文件解压后异常膨胀（疑似压缩炸弹），已拒绝", List.of());
    }
    return notXlsx("工作簿无法读取: " + message);
  }

  @Override
  public void close() {
    pkg.revert();
  }

  private static final class TooManyRows extends SAXException {}

  private static final class MissingColumns extends SAXException {
    MissingColumns(String message) {
      super(message);
    }
  }

  /** SpreadsheetML of one sheet: rows of cells, each a shared string, inline string or number. */
  private static final class SheetHandler extends DefaultHandler {
    private final OrgKind kind;
    private final ReadOnlySharedStringsTable strings;
    private final List<ReportEntry> report;
    private final RowSink sink;
    private final Map<String, Field> columns = new HashMap<>();
    private final Map<String, String> headerRow = new HashMap<>();
    private Map<String, String> values = new HashMap<>();
    private int rowNumber;
    private int rows;
    private boolean header;
    private String cellColumn;
    private String cellType;
    private boolean formula;
    private boolean inValue;
    private final StringBuilder text = new StringBuilder();

    SheetHandler(
        OrgKind kind, ReadOnlySharedStringsTable strings, List<ReportEntry> report, RowSink sink) {
      this.kind = kind;
      this.strings = strings;
      this.report = report;
      this.sink = sink;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes attributes)
        throws SAXException {
      switch (local.isEmpty() ? qName : local) {
        case "row" -> {
          String r = attributes.getValue("r");
          rowNumber = r != null ? Integer.parseInt(r) : rowNumber + 1;
          header = rows == 0;
          if (++rows > MAX_ROWS + 1) {
            throw new TooManyRows();
          }
          values = new HashMap<>();
        }
        case "c" -> {
          String ref = attributes.getValue("r");
          cellColumn = ref == null ? null : ref.replaceAll("\\d", "");
          cellType = attributes.getValue("t");
          formula = false;
          text.setLength(0);
        }
        case "f" -> formula = true;
        case "v", "t" -> inValue = true;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        text.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) throws SAXException {
      switch (local.isEmpty() ? qName : local) {
        case "v", "t" -> inValue = false;
        case "c" -> cell();
        case "row" -> endRow();
        default -> {}
      }
    }

    private void cell() {
      if (cellColumn == null) {
        return;
      }
      String value = text.toString();
      if ("s".equals(cellType) && !value.isEmpty()) {
        value = strings.getItemAt(Integer.parseInt(value.trim())).getString();
      } else if ("b".equals(cellType)) {
        value = "1".equals(value) ? "是" : "否";
      } else if (cellType == null || "n".equals(cellType)) {
        value = plainNumber(value);
      }
      if (header) {
        headerRow.put(cellColumn, value.strip());
        return;
      }
      Field field = columns.get(cellColumn);
      if (field == null) {
        return;
      }
      if (formula) {
        report.add(ReportEntry.of(kind, rowNumber, field, "单元格含有公式，请粘贴为数值后再导入"));
      }
      values.put(field.code(), value);
    }

    /** 13800000001 stays as typed; 12.0 is 12; 1.38E10 is written out. */
    private static String plainNumber(String value) {
      if (value.isEmpty()) {
        return value;
      }
      try {
        return new BigDecimal(value.trim()).stripTrailingZeros().toPlainString();
      } catch (NumberFormatException e) {
        return value;
      }
    }

    private void endRow() throws SAXException {
      if (header) {
        matchHeaders();
        return;
      }
      if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
        return;
      }
      sink.row(rowNumber, values);
    }

    private void matchHeaders() throws SAXException {
      headerRow.forEach(
          (column, header) ->
              kind.fields().stream()
                  .filter(f -> f.label().equals(header) || f.code().equals(header))
                  .findFirst()
                  .ifPresent(f -> columns.put(column, f)));
      List<String> missing = new ArrayList<>();
      for (Field field : kind.fields()) {
        if (field.required() && !columns.containsValue(field)) {
          missing.add(field.label());
        }
      }
      if (!missing.isEmpty()) {
        throw new MissingColumns("工作表「" + kind.sheet() + "」缺少必填列: " + String.join("、", missing));
      }
    }

    @Override
    public void endDocument() throws SAXException {
      if (rows == 0) {
        throw new MissingColumns("工作表「" + kind.sheet() + "」没有表头行");
      }
    }
  }
}
