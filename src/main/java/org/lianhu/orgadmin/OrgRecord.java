package org.lianhu.orgadmin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the organisation as the workbook and the API see it: the values of its fields by field
 * code (absent or null when empty), and whether it is retired. {@code keepsRetirement} marks a
 * wanted row whose 停用 cell was empty: a stored row keeps its state (an old workbook never brings a
 * retired login back), a new one is active.
 */
record OrgRecord(
    OrgKind kind,
    String code,
    Map<String, String> values,
    boolean retired,
    boolean keepsRetirement) {

  OrgRecord {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  OrgRecord(OrgKind kind, String code, Map<String, String> values, boolean retired) {
    this(kind, code, values, retired, false);
  }

  /** The wanted row with its retirement resolved against the stored one (null: none stored). */
  OrgRecord over(OrgRecord stored) {
    if (!keepsRetirement) {
      return this;
    }
    return new OrgRecord(kind, code, values, stored != null && stored.retired(), false);
  }

  String value(String field) {
    return values.get(field);
  }

  String name() {
    return values.get("name");
  }

  String parent() {
    return kind.parentField() == null ? null : values.get(kind.parentField());
  }

  OrgRecord with(String field, String value) {
    Map<String, String> changed = new LinkedHashMap<>(values);
    changed.put(field, value);
    return new OrgRecord(kind, code, changed, retired, keepsRetirement);
  }

  OrgRecord retired(boolean flag) {
    return new OrgRecord(kind, code, values, flag);
  }
}
