package org.lianhu.orgadmin;

import java.util.List;
import org.lianhu.refusal.Refusal;

/** Builds the refusal of a workbook or an edit: 422 with every report entry. */
final class ChangeRefused {

  static final String TYPE = "invalid-workbook";

  private ChangeRefused() {}

  static Refusal of(List<ReportEntry> entries) {
    return Refusal.unprocessable(
        TYPE,
        "组织数据校验未通过",
        "共 " + entries.size() + " 处错误，未做任何更改",
        entries.size() > MAX_ENTRIES ? entries.subList(0, MAX_ENTRIES) : entries);
  }

  /** The report lists at most this many entries; the detail gives the total. */
  static final int MAX_ENTRIES = 1000;
}
