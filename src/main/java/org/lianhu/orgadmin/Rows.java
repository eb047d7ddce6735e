package org.lianhu.orgadmin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts between a table row (as MyBatis returns a map) and an {@link OrgRecord}. */
final class Rows {

  private Rows() {}

  /** The stored columns of the kind, in field order, plus group_id for staff. */
  static List<String> columns(OrgKind kind) {
    List<String> columns = new ArrayList<>();
    kind.storedFields().forEach(f -> columns.add(f.column()));
    if (kind == OrgKind.STAFF) {
      columns.add("group_id");
    }
    return columns;
  }

  static OrgRecord fromDb(OrgKind kind, Map<String, Object> row) {
    Map<String, Object> byColumn = new LinkedHashMap<>();
    row.forEach((column, value) -> byColumn.put(column.toLowerCase(Locale.ROOT), value));
    Map<String, String> values = new LinkedHashMap<>();
    for (Field field : kind.storedFields()) {
      values.put(field.code(), text(field, byColumn.get(field.column())));
    }
    if (kind == OrgKind.STAFF) {
      values.put(OrganisationChanges.STAFF_GROUP, text(null, byColumn.get("group_id")));
    }
    String code = values.get("code");
    return new OrgRecord(kind, code, values, byColumn.get("retired_at") != null);
  }

  private static String text(Field field, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal number) {
      return field != null && field.type() == FieldType.COORDINATE
          ? number.setScale(6, RoundingMode.HALF_UP).toPlainString()
          : number.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Boolean flag) {
      return flag.toString();
    }
    String text = value.toString();
    return text.isEmpty() ? null : text;
  }

  /** The column values of a record, in {@link #columns} order, typed for the JDBC driver. */
  static List<Object> toDb(OrgRecord record) {
    List<Object> row = new ArrayList<>();
    for (Field field : record.kind().storedFields()) {
      row.add(typed(field, record.value(field.code())));
    }
    if (record.kind() == OrgKind.STAFF) {
      row.add(record.value(OrganisationChanges.STAFF_GROUP));
    }
    return row;
  }

  static Object typed(Field field, String value) {
    if (value == null) {
      return null;
    }
    return switch (field.type()) {
      case INTEGER -> Integer.valueOf(value);
      case COORDINATE -> new BigDecimal(value);
      default -> value;
    };
  }
}
