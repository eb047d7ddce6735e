package org.lianhu.orgadmin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the organisation as the workbook and the API see it: the values of its fields by field
 * code (absent or null when empty), and whether it is retired.
 */
record OrgRecord(OrgKind kind, String code, Map<String, String> values, boolean retired) {

  OrgRecord {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
    return new OrgRecord(kind, code, changed, retired);
  }

  OrgRecord retired(boolean flag) {
    return new OrgRecord(kind, code, values, flag);
  }
}
