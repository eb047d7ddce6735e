package org.lianhu.orgadmin;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.lianhu.org.DepartmentRole;
import org.springframework.stereotype.Component;

/**
 * The rules that need the whole organisation, checked before anything is written: over the stored
 * rows overlaid with the wanted ones (a workbook, or one edit), every parent must exist and be
 * active, codes and Camunda ids unique, no active row under a retired one, no unit retired while it
 * still has open tasks, a county centre kept, the routing table's departments present. Households
 * are checked row by row as they stream past ({@link #household}), so that half a million of them
 * are never held.
 */
@Component
class OrganisationRules {

  /** Kinds whose rows are held whole while a workbook is checked. */
  static final List<OrgKind> HELD =
      List.of(
          OrgKind.STREETS,
          OrgKind.COMMUNITIES,
          OrgKind.GRIDS,
          OrgKind.UNITS,
          OrgKind.DEPARTMENTS,
          OrgKind.OFFICES,
          OrgKind.MEDIATION_BODIES,
          OrgKind.STAFF);

  private final OrganisationStore store;
  private final TaskService tasks;
  private final IdentityService identity;
  private final IdentityStep identityStep;
  private final RoutingTable routing;

  OrganisationRules(
      OrganisationStore store,
      TaskService tasks,
      IdentityService identity,
      IdentityStep identityStep,
      RoutingTable routing) {
    this.store = store;
    this.tasks = tasks;
    this.identity = identity;
    this.identityStep = identityStep;
    this.routing = routing;
  }

  /** The organisation as it will be: the stored rows, then each wanted one over them. */
  final class Plan {
    private final Map<OrgKind, Map<String, OrgRecord>> stored = new EnumMap<>(OrgKind.class);
    private final Map<OrgKind, Map<String, OrgRecord>> rows = new EnumMap<>(OrgKind.class);
    private final Map<OrgKind, Map<String, OrgRecord>> wanted = new EnumMap<>(OrgKind.class);
    private final Map<OrgKind, Map<String, Integer>> rowNumbers = new EnumMap<>(OrgKind.class);
    private final Set<String> households = new HashSet<>();
    private final List<ReportEntry> report = new ArrayList<>();
    private int householdRows;

    private Plan() {
      for (OrgKind kind : HELD) {
        Map<String, OrgRecord> byCode = new LinkedHashMap<>();
        store
            .all(kind.table(), kind.keyColumn(), Rows.columns(kind))
            .forEach(
                row -> {
                  OrgRecord record = Rows.fromDb(kind, row);
                  byCode.put(record.code(), record);
                });
        stored.put(kind, byCode);
        rows.put(kind, new LinkedHashMap<>(byCode));
        wanted.put(kind, new LinkedHashMap<>());
        rowNumbers.put(kind, new HashMap<>());
      }
    }

    List<ReportEntry> report() {
      return report;
    }

    /** The wanted rows of a held kind, in the order given. */
    List<OrgRecord> wanted(OrgKind kind) {
      return new ArrayList<>(wanted.get(kind).values());
    }

    Integer rowOf(OrgKind kind, String code) {
      return rowNumbers.get(kind).get(code);
    }

    int householdRows() {
      return householdRows;
    }

    void refuse(OrgKind kind, Integer row, String field, String reason) {
      report.add(
          ReportEntry.of(
              kind, row, field == null ? null : kind.field(field).orElseThrow(), reason));
    }

    /** Adds a wanted row of a held kind; a second row with the same code is refused. */
    void want(OrgRecord given, Integer row) {
      OrgKind kind = given.kind();
      OrgRecord record = given.over(stored.get(kind).get(given.code()));
      if (wanted.get(kind).containsKey(record.code())) {
        refuse(
            kind,
            row,
            "code",
            "代码重复（第 " + rowOf(kind, record.code()) + " 行已有 " + record.code() + "）");
        return;
      }
      wanted.get(kind).put(record.code(), record);
      rowNumbers.get(kind).put(record.code(), row);
      OrgRecord before = stored.get(kind).get(record.code());
      OrgRecord effective = record;
      if (kind.hasGroup() && record.value("groupId") == null) {
        effective =
            record.with(
                "groupId",
                before != null
                    ? before.value("groupId")
                    : OrganisationChanges.derivedGroup(kind, record.code()));
      }
      rows.get(kind).put(record.code(), effective);
    }

    boolean active(OrgKind kind, String code) {
      OrgRecord row = rows.get(kind).get(code);
      return row != null && !row.retired();
    }

    boolean retiring(OrgKind kind, String code) {
      OrgRecord before = stored.get(kind).get(code);
      OrgRecord after = wanted.get(kind).get(code);
      return after != null && after.retired() && (before == null || !before.retired());
    }
  }

  Plan plan() {
    return new Plan();
  }

  /**
   * A household row, checked as it streams past: its unit active, its code not seen before in the
   * sheet, and not kept active under a unit being retired.
   */
  void household(Plan plan, OrgRecord household, Integer row) {
    plan.householdRows++;
    if (!plan.households.add(household.code())) {
      plan.refuse(OrgKind.HOUSEHOLDS, row, "code", "代码重复: " + household.code());
    }
    if (!household.retired() && !plan.active(OrgKind.UNITS, household.value("unitCode"))) {
      plan.refuse(
          OrgKind.HOUSEHOLDS, row, "unitCode", "联户单元不存在或已停用: " + household.value("unitCode"));
    }
  }

  /** Every rule over the whole plan; the report is empty when the plan may be applied. */
  List<ReportEntry> check(Plan plan) {
    parents(plan);
    uniqueGroups(plan);
    gridWorkers(plan);
    staff(plan);
    heads(plan);
    retirements(plan);
    householdsOfRetiredUnits(plan);
    countyCentre(plan);
    routing(plan);
    return plan.report;
  }

  private void parents(Plan plan) {
    for (OrgKind kind : HELD) {
      for (OrgRecord row : plan.wanted(kind)) {
        if (row.retired()) {
          continue;
        }
        Integer number = plan.rowOf(kind, row.code());
        switch (kind) {
          case COMMUNITIES -> parent(plan, row, number, "streetCode", OrgKind.STREETS, true);
          case GRIDS -> parent(plan, row, number, "communityCode", OrgKind.COMMUNITIES, true);
          case UNITS -> parent(plan, row, number, "gridCode", OrgKind.GRIDS, true);
          case OFFICES -> {
            parent(plan, row, number, "departmentCode", OrgKind.DEPARTMENTS, true);
            parent(plan, row, number, "streetCode", OrgKind.STREETS, false);
          }
          case MEDIATION_BODIES -> parent(plan, row, number, "streetCode", OrgKind.STREETS, false);
          case STAFF ->
              OrgKind.ofUnitKind(row.value("unitKind"))
                  .ifPresent(unit -> parent(plan, row, number, "unitCode", unit, true));
          default -> {}
        }
        if (kind == OrgKind.GRIDS) {
          box(plan, row, number);
        }
      }
    }
  }

  private static void parent(
      Plan plan, OrgRecord row, Integer number, String field, OrgKind parent, boolean required) {
    String code = row.value(field);
    if (code == null) {
      return;
    }
    if (!plan.active(parent, code)) {
      plan.refuse(row.kind(), number, field, "未知或已停用的" + parent.sheet() + "代码: " + code);
    }
  }

  private static void box(Plan plan, OrgRecord grid, Integer number) {
    String[][] pairs = {{"minLat", "maxLat"}, {"minLng", "maxLng"}};
    for (String[] pair : pairs) {
      String min = grid.value(pair[0]);
      String max = grid.value(pair[1]);
      if ((min == null) != (max == null)) {
        plan.refuse(OrgKind.GRIDS, number, pair[1], "最小值和最大值须同时填写");
      } else if (min != null
          && new java.math.BigDecimal(min).compareTo(new java.math.BigDecimal(max)) >= 0) {
        plan.refuse(OrgKind.GRIDS, number, pair[1], "最大值须大于最小值");
      }
    }
  }

  /** A Camunda group belongs to one unit: a wanted row may not take one another row has. */
  private void uniqueGroups(Plan plan) {
    Map<String, List<OrgRecord>> owners = new HashMap<>();
    for (OrgKind kind : HELD) {
      if (kind.hasGroup()) {
        for (OrgRecord row : plan.rows.get(kind).values()) {
          owners.computeIfAbsent(row.value("groupId"), g -> new ArrayList<>()).add(row);
        }
      }
    }
    owners.forEach(
        (group, rows) -> {
          if (rows.size() < 2) {
            return;
          }
          for (OrgRecord row : rows) {
            if (plan.wanted.get(row.kind()).containsKey(row.code())) {
              String others =
                  rows.stream()
                      .filter(other -> other != row)
                      .map(other -> other.kind().sheet() + " " + other.code())
                      .reduce((a, b) -> a + "、" + b)
                      .orElse("");
              plan.refuse(
                  row.kind(),
                  plan.rowOf(row.kind(), row.code()),
                  "groupId",
                  "用户组 " + group + " 已被" + others + "使用");
            }
          }
        });
  }

  private static void gridWorkers(Plan plan) {
    for (OrgRecord grid : plan.wanted(OrgKind.GRIDS)) {
      String worker = grid.value("workerUserId");
      if (worker != null && !grid.retired() && !plan.active(OrgKind.STAFF, worker)) {
        plan.refuse(
            OrgKind.GRIDS,
            plan.rowOf(OrgKind.GRIDS, grid.code()),
            "workerUserId",
            "网格员账号不在人员表中或已停用: " + worker);
      }
    }
  }

  private void staff(Plan plan) {
    List<String> fresh = new ArrayList<>();
    for (OrgRecord person : plan.wanted(OrgKind.STAFF)) {
      Integer number = plan.rowOf(OrgKind.STAFF, person.code());
      if (!plan.stored.get(OrgKind.STAFF).containsKey(person.code())) {
        fresh.add(person.code());
      }
      String successor = person.value("successor");
      if (successor != null
          && (successor.equals(person.code()) || !plan.active(OrgKind.STAFF, successor))) {
        plan.refuse(OrgKind.STAFF, number, "successor", "接替人须为另一位在岗人员: " + successor);
      }
    }
    // A new staff member may not take the login of someone outside the organisation (the
    // administrator's own account, say).
    for (String taken : existingLogins(fresh)) {
      plan.refuse(
          OrgKind.STAFF, plan.rowOf(OrgKind.STAFF, taken), "code", "账号 " + taken + " 已被组织以外的用户使用");
    }
  }

  /** Which of these accounts are Camunda logins already, looked up 500 at a time. */
  private List<String> existingLogins(List<String> accounts) {
    List<String> existing = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i += 500) {
      List<String> batch = accounts.subList(i, Math.min(accounts.size(), i + 500));
      identityStep
          .asSystem(() -> identity.createUserQuery().userIdIn(batch.toArray(String[]::new)).list())
          .forEach(user -> existing.add(user.getId()));
    }
    return existing;
  }

  /**
   * An account heads at most one active unit and is nobody's staff login (a staff member who heads
   * a unit uses a second account: docs/liaison-units.md); a new head's account may not be a login
   * outside the organisation.
   */
  private void heads(Plan plan) {
    Map<String, String> headed = new HashMap<>();
    Set<String> storedHeads = new HashSet<>();
    plan.stored.get(OrgKind.UNITS).values().stream()
        .filter(u -> !u.retired() && u.value("headUserId") != null)
        .forEach(u -> storedHeads.add(u.value("headUserId")));
    for (OrgRecord unit : plan.rows.get(OrgKind.UNITS).values()) {
      String head = unit.value("headUserId");
      if (!unit.retired() && head != null) {
        String other = headed.putIfAbsent(head, unit.code());
        if (other != null) {
          boolean mine = plan.wanted.get(OrgKind.UNITS).containsKey(unit.code());
          refuseHead(
              plan,
              mine ? unit.code() : other,
              "账号 " + head + " 已是联户单元 " + (mine ? other : unit.code()) + " 的联户长");
        }
      }
    }
    List<String> fresh = new ArrayList<>();
    for (OrgRecord unit : plan.wanted(OrgKind.UNITS)) {
      String head = unit.value("headUserId");
      if (unit.retired() || head == null) {
        continue;
      }
      if (unit.value("headName") == null) {
        plan.refuse(
            OrgKind.UNITS, plan.rowOf(OrgKind.UNITS, unit.code()), "headName", "设了联户长账号须填写联户长姓名");
      }
      if (plan.rows.get(OrgKind.STAFF).containsKey(head)) {
        refuseHead(plan, unit.code(), "账号 " + head + " 是工作人员的账号，联户长须另设账号");
      } else if (!storedHeads.contains(head)) {
        fresh.add(head);
      }
    }
    for (OrgRecord person : plan.wanted(OrgKind.STAFF)) {
      String unit = headed.get(person.code());
      if (unit != null && !plan.wanted.get(OrgKind.UNITS).containsKey(unit)) {
        plan.refuse(
            OrgKind.STAFF,
            plan.rowOf(OrgKind.STAFF, person.code()),
            "code",
            "账号 " + person.code() + " 是联户单元 " + unit + " 的联户长账号");
      }
    }
    for (String taken : existingLogins(fresh)) {
      refuseHead(plan, headed.get(taken), "账号 " + taken + " 已被组织以外的用户使用");
    }
  }

  private static void refuseHead(Plan plan, String unitCode, String reason) {
    plan.refuse(OrgKind.UNITS, plan.rowOf(OrgKind.UNITS, unitCode), "headUserId", reason);
  }

  /** Nothing active stays under a unit being retired, and no unit is retired with open tasks. */
  private void retirements(Plan plan) {
    Map<OrgKind, List<OrgKind>> children =
        Map.of(
            OrgKind.STREETS, List.of(OrgKind.COMMUNITIES),
            OrgKind.COMMUNITIES, List.of(OrgKind.GRIDS),
            OrgKind.GRIDS, List.of(OrgKind.UNITS),
            OrgKind.DEPARTMENTS, List.of(OrgKind.OFFICES));
    for (OrgKind kind : HELD) {
      for (OrgRecord row : plan.wanted(kind)) {
        if (!plan.retiring(kind, row.code())) {
          continue;
        }
        Integer number = plan.rowOf(kind, row.code());
        for (OrgKind child : children.getOrDefault(kind, List.of())) {
          List<String> active =
              plan.rows.get(child).values().stream()
                  .filter(c -> !c.retired() && row.code().equals(c.parent()))
                  .map(OrgRecord::code)
                  .toList();
          if (!active.isEmpty()) {
            plan.refuse(
                kind,
                number,
                "retired",
                "仍有未停用的"
                    + child.sheet()
                    + ": "
                    + String.join(", ", active.subList(0, Math.min(5, active.size())))
                    + (active.size() > 5 ? " 等 " + active.size() + " 个" : ""));
          }
        }
        if (kind.hasGroup()) {
          String group =
              row.value("groupId") != null
                  ? row.value("groupId")
                  : plan.rows.get(kind).get(row.code()).value("groupId");
          List<String> members =
              plan.rows.get(OrgKind.STAFF).values().stream()
                  .filter(s -> !s.retired() && group.equals(staffGroup(plan, s)))
                  .map(OrgRecord::code)
                  .toList();
          if (!members.isEmpty()) {
            plan.refuse(kind, number, "retired", "仍有在岗人员，请先调动或停用: " + String.join(", ", members));
          }
          long open =
              identityStep.asSystem(
                  () -> tasks.createTaskQuery().taskCandidateGroup(group).count());
          if (open > 0) {
            plan.refuse(kind, number, "retired", "仍有 " + open + " 个待办任务，请先办结或转办");
          }
        }
      }
    }
  }

  /** Households not in the workbook stay active: their unit cannot be retired under them. */
  private void householdsOfRetiredUnits(Plan plan) {
    List<String> retiring =
        plan.wanted(OrgKind.UNITS).stream()
            .filter(u -> plan.retiring(OrgKind.UNITS, u.code()))
            .map(OrgRecord::code)
            .toList();
    for (int i = 0; i < retiring.size(); i += 500) {
      List<String> batch = retiring.subList(i, Math.min(retiring.size(), i + 500));
      Map<String, List<String>> byUnit = new LinkedHashMap<>();
      for (Map<String, Object> row : store.findActiveHouseholdsOf(batch)) {
        String code = String.valueOf(value(row, "code"));
        if (!plan.households.contains(code)) {
          byUnit
              .computeIfAbsent(String.valueOf(value(row, "unit_code")), u -> new ArrayList<>())
              .add(code);
        }
      }
      byUnit.forEach(
          (unit, codes) ->
              plan.refuse(
                  OrgKind.UNITS,
                  plan.rowOf(OrgKind.UNITS, unit),
                  "retired",
                  "仍有 " + codes.size() + " 户未停用的住户（如 " + codes.get(0) + "）"));
    }
  }

  private static Object value(Map<String, Object> row, String column) {
    return row.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(column))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** The group a staff row will belong to: its unit's group in the plan. */
  private static String staffGroup(Plan plan, OrgRecord person) {
    return OrgKind.ofUnitKind(person.value("unitKind"))
        .map(unit -> plan.rows.get(unit).get(person.value("unitCode")))
        .map(unit -> unit.value("groupId"))
        .orElse(person.value(OrganisationChanges.STAFF_GROUP));
  }

  private static void countyCentre(Plan plan) {
    boolean centre =
        plan.rows.get(OrgKind.DEPARTMENTS).values().stream()
            .anyMatch(
                d -> !d.retired() && DepartmentRole.COUNTY_CENTRE.code().equals(d.value("role")));
    if (!centre) {
      plan.refuse(OrgKind.DEPARTMENTS, null, "role", "须保留一个角色为「综治中心」的在用部门（无法定位的事件由它负责）");
    }
  }

  private void routing(Plan plan) {
    RoutingTable.Departments table = routing.departments();
    for (String code : table.codes()) {
      if (!plan.active(OrgKind.DEPARTMENTS, code)) {
        plan.refuse(
            OrgKind.DEPARTMENTS,
            plan.rowOf(OrgKind.DEPARTMENTS, code),
            "code",
            "派单决策表 " + RoutingTable.DECISION + " 引用的部门 " + code + " 不存在或已停用");
      }
    }
    Set<String> known = new HashSet<>(store.activeCategories());
    for (OrgRecord department : plan.wanted(OrgKind.DEPARTMENTS)) {
      String listed = department.value("categories");
      if (listed == null) {
        continue;
      }
      Integer number = plan.rowOf(OrgKind.DEPARTMENTS, department.code());
      Set<String> categories = new TreeSet<>(List.of(listed.split(",")));
      for (String category : categories) {
        if (!known.contains(category)) {
          plan.refuse(OrgKind.DEPARTMENTS, number, "categories", "未知的事件类别: " + category);
        }
      }
      Set<String> led = table.categoriesLed().getOrDefault(department.code(), Set.of());
      if (!categories.equals(led)) {
        plan.refuse(
            OrgKind.DEPARTMENTS,
            number,
            "categories",
            "与派单决策表不符：决策表派给本部门的类别为 "
                + (led.isEmpty() ? "（无）" : String.join(",", led))
                + "；类别归属请在 Camunda Modeler 中修改 case-routing.dmn");
      }
    }
  }
}
