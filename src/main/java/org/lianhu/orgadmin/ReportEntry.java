package org.lianhu.orgadmin;

/**
 * One line of a validation report: the sheet, its row number as Excel shows it (null for a change
 * made through the API, or a problem of the whole sheet), the column's header, and the reason.
 */
public record ReportEntry(String sheet, Integer row, String column, String reason) {

  static ReportEntry of(OrgKind kind, Integer row, Field field, String reason) {
    return new ReportEntry(kind.sheet(), row, field == null ? null : field.label(), reason);
  }
}
