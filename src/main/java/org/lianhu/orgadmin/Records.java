package org.lianhu.orgadmin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds an {@link OrgRecord} from raw values (a sheet's row, an API body), reporting each fault.
 */
final class Records {

  private Records() {}

  /** The checked record, or empty when its code is missing or invalid (the faults are reported). */
  static Optional<OrgRecord> of(
      OrgKind kind, Integer row, Map<String, String> raw, List<ReportEntry> report) {
    Map<String, String> values = new LinkedHashMap<>();
    boolean codeOk = true;
    for (Field field : kind.fields()) {
      if (field == OrgKind.RETIRED) {
        continue;
      }
      FieldCheck.Checked checked = FieldCheck.check(field, raw.get(field.code()));
      if (checked.failed()) {
        report.add(ReportEntry.of(kind, row, field, checked.error()));
        codeOk &= !field.code().equals("code");
        continue;
      }
      values.put(field.code(), checked.value());
    }
    Optional<FieldCheck.Retirement> retired = FieldCheck.retired(raw.get(OrgKind.RETIRED.code()));
    if (retired.isEmpty()) {
      report.add(ReportEntry.of(kind, row, OrgKind.RETIRED, "取值须为「是」「否」或留空"));
    }
    if (!codeOk) {
      return Optional.empty();
    }
    FieldCheck.Retirement wanted = retired.orElse(FieldCheck.Retirement.KEEP);
    return Optional.of(
        new OrgRecord(
            kind,
            values.get("code"),
            values,
            wanted == FieldCheck.Retirement.RETIRED,
            wanted == FieldCheck.Retirement.KEEP));
  }
}
