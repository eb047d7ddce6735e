package org.lianhu.orgadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the admin API answers: the kinds and their fields, pages of rows, one row, the audit and the
 * checks. Personal numbers and care flags are masked: the administrators are not among the unit's
 * own staff who may see them; passwords never leave.
 */
@Component
class OrganisationViews {

  private final OrganisationStore store;
  private final RoutingTable routing;
  private final ObjectMapper json;

  OrganisationViews(OrganisationStore store, RoutingTable routing, ObjectMapper json) {
    this.store = store;
    this.routing = routing;
    this.json = json;
  }

  List<Map<String, Object>> kinds() {
    List<Map<String, Object>> kinds = new ArrayList<>();
    for (OrgKind kind : OrgKind.values()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("kind", kind.path());
      entry.put("sheet", kind.sheet());
      entry.put("parentField", kind.parentField());
      List<Map<String, Object>> fields = new ArrayList<>();
      for (Field field : kind.fields()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("code", field.code());
        f.put("label", field.label());
        f.put("required", field.required());
        f.put("type", field.type().name().toLowerCase());
        if (!field.choices().isEmpty()) {
          f.put("choices", field.choices());
        }
        fields.add(f);
      }
      entry.put("fields", fields);
      kinds.add(entry);
    }
    return kinds;
  }

  Map<String, Object> list(
      OrgKind kind, String parent, String q, boolean includeRetired, int page, int size) {
    String parentColumn =
        kind.parentField() == null
            ? null
            : kind.field(kind.parentField()).map(Field::column).orElse(null);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Map<String, Object> row :
        store.list(
            kind.table(),
            kind.keyColumn(),
            Rows.columns(kind),
            parentColumn,
            parent,
            q,
            includeRetired,
            page * size,
            size)) {
      items.add(item(Rows.fromDb(kind, row)));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("items", items);
    answer.put(
        "total",
        store.count(kind.table(), kind.keyColumn(), parentColumn, parent, q, includeRetired));
    return answer;
  }

  Map<String, Object> item(OrgRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Field field : record.kind().fields()) {
      if (!field.stored()) {
        continue;
      }
      String value = record.value(field.code());
      fields.put(
          field.code(),
          value != null && field.personal() ? OrganisationChanges.masked(field, value) : value);
    }
    if (record.kind() == OrgKind.DEPARTMENTS) {
      Set<String> led = routing.departments().categoriesLed().get(record.code());
      fields.put("categories", led == null || led.isEmpty() ? null : String.join(",", led));
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("code", record.code());
    item.put("name", record.name() != null ? record.name() : record.value("address"));
    item.put("parent", record.parent());
    item.put("retired", record.retired());
    item.put("fields", fields);
    return item;
  }

  Map<String, Object> audit(AuditQuery query, int page, int size) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (AuditEntry entry : store.audit(query, page * size, size)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", entry.id());
      item.put("at", entry.at());
      item.put("actor", entry.actor());
      item.put("entity", entry.entity());
      item.put("code", entry.code());
      item.put("action", entry.action());
      item.put("before", parse(entry.beforeJson()));
      item.put("after", parse(entry.afterJson()));
      item.put("importId", entry.importId());
      items.add(item);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("items", items);
    answer.put("total", store.auditCount(query));
    return answer;
  }

  /** The routing table's departments that the organisation lacks. */
  List<Map<String, String>> checks() {
    List<Map<String, String>> problems = new ArrayList<>();
    Set<String> active =
        Set.copyOf(
            store
                .list(
                    OrgKind.DEPARTMENTS.table(),
                    OrgKind.DEPARTMENTS.keyColumn(),
                    Rows.columns(OrgKind.DEPARTMENTS),
                    null,
                    null,
                    null,
                    false,
                    0,
                    10_000)
                .stream()
                .map(row -> Rows.fromDb(OrgKind.DEPARTMENTS, row).code())
                .toList());
    for (String code : routing.departments().codes()) {
      if (!active.contains(code)) {
        problems.add(
            Map.of(
                "source",
                RoutingTable.DECISION,
                "code",
                code,
                "reason",
                "派单决策表引用的部门 " + code + " 不存在或已停用：派往它的事件将由街道协调中心处理"));
      }
    }
    return problems;
  }

  private Object parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readValue(text, Map.class);
    } catch (JsonProcessingException e) {
      return text;
    }
  }
}
