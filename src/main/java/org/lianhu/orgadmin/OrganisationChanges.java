package org.lianhu.orgadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.lianhu.org.HeadChanged;
import org.lianhu.org.IdentityWrites.WantedLogin;
import org.lianhu.org.LiaisonHead;
import org.lianhu.privacy.Masking;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one class that changes the organisation tables: it compares each wanted row with the stored
 * one, writes only what differs (so a re-imported workbook writes nothing), audits every change,
 * keeps Camunda's identity in step and hands over the tasks of staff who retire or move, all in the
 * caller's transaction. Rules that need the whole organisation (parents, uniqueness, children of a
 * retired unit) are checked before, by {@link OrganisationRules}.
 */
@Service
class OrganisationChanges {

  /** The value key of a staff member's unit group (the staff table's group_id). */
  static final String STAFF_GROUP = "_group";

  private static final int BATCH = 500;

  /**
   * Who changes, when, from which import (null for an edit), the row numbers of the sheet, and
   * where the identity the change wants is collected: null to write it before {@link #save}
   * returns, in its transaction (an edit); an import's own, written after its commit, with the
   * heads' logins and unit groups apart ({@link HeadLogins}), written after the import answered.
   */
  record Context(
      String actor,
      Instant at,
      String importId,
      Function<String, Integer> rowOf,
      IdentityStep.Pending identity,
      HeadLogins heads) {
    Context {
      rowOf = rowOf == null ? code -> null : rowOf;
    }

    Context(String actor, Instant at, String importId, Function<String, Integer> rowOf) {
      this(actor, at, importId, rowOf, null, null);
    }
  }

  /** What a save did. */
  record Outcome(int created, int updated, int retired, int unchanged, int handedOverTasks) {
    static final Outcome NONE = new Outcome(0, 0, 0, 0, 0);

    Outcome plus(Outcome other) {
      return new Outcome(
          created + other.created,
          updated + other.updated,
          retired + other.retired,
          unchanged + other.unchanged,
          handedOverTasks + other.handedOverTasks);
    }
  }

  private final OrganisationStore store;
  private final IdentityStep identity;
  private final TaskHandOver handOver;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;

  OrganisationChanges(
      OrganisationStore store,
      IdentityStep identity,
      TaskHandOver handOver,
      ObjectMapper json,
      ApplicationEventPublisher events) {
    this.store = store;
    this.identity = identity;
    this.handOver = handOver;
    this.json = json;
    this.events = events;
  }

  /** The stored rows of these codes, by code. */
  Map<String, OrgRecord> find(OrgKind kind, List<String> codes) {
    Map<String, OrgRecord> found = new HashMap<>();
    for (int i = 0; i < codes.size(); i += BATCH) {
      List<String> batch = codes.subList(i, Math.min(codes.size(), i + BATCH));
      store
          .findByCodes(kind.table(), kind.keyColumn(), Rows.columns(kind), batch)
          .forEach(
              row -> {
                OrgRecord record = Rows.fromDb(kind, row);
                found.put(record.code(), record);
              });
    }
    return found;
  }

  /**
   * Saves the rows of one kind, each as wanted: created, updated, retired, reactivated or left
   * alone. Refuses the whole call (and the caller's transaction) if a row cannot be completed.
   */
  @Transactional
  Outcome save(OrgKind kind, List<OrgRecord> wanted, Context context) {
    IdentityStep.Pending pending =
        context.identity() != null ? context.identity() : new IdentityStep.Pending();
    Outcome outcome = Outcome.NONE;
    for (int i = 0; i < wanted.size(); i += BATCH) {
      outcome =
          outcome.plus(
              saveBatch(
                  kind, wanted.subList(i, Math.min(wanted.size(), i + BATCH)), context, pending));
    }
    if (context.identity() == null) {
      identity.write(pending);
    }
    return outcome;
  }

  private Outcome saveBatch(
      OrgKind kind, List<OrgRecord> wanted, Context context, IdentityStep.Pending pending) {
    Map<String, OrgRecord> stored = find(kind, wanted.stream().map(OrgRecord::code).toList());
    Map<String, String> unitGroups = new HashMap<>();
    List<ReportEntry> problems = new ArrayList<>();
    List<List<Object>> inserts = new ArrayList<>();
    List<AuditEntry> audit = new ArrayList<>();
    List<Effect> effects = new ArrayList<>();
    int created = 0, updated = 0, retired = 0, unchanged = 0;
    for (OrgRecord given : wanted) {
      OrgRecord before = stored.get(given.code());
      OrgRecord want = given.over(before);
      OrgRecord after = complete(want, before, unitGroups, problems, context);
      if (after == null) {
        continue;
      }
      if (before == null) {
        List<Object> row = new ArrayList<>(Rows.toDb(after));
        row.add(after.retired() ? context.at() : null);
        inserts.add(row);
        audit.add(entry(context, kind, after.code(), "create", null, after));
        created++;
        effects.add(new Effect(null, after, want));
        continue;
      }
      Map<String, Object> changes = changedColumns(before, after);
      boolean retiring = !before.retired() && after.retired();
      boolean reactivating = before.retired() && !after.retired();
      if (changes.isEmpty() && !retiring && !reactivating) {
        unchanged++;
        continue;
      }
      if (retiring) {
        changes.put("retired_at", context.at());
      } else if (reactivating) {
        changes.put("retired_at", null);
      }
      store.update(kind.table(), kind.keyColumn(), after.code(), changes);
      String action = retiring ? "retire" : reactivating ? "reactivate" : "update";
      audit.add(entry(context, kind, after.code(), action, before, after));
      if (retiring) {
        retired++;
      } else {
        updated++;
      }
      effects.add(new Effect(before, after, want));
    }
    if (!problems.isEmpty()) {
      throw ChangeRefused.of(problems);
    }
    if (!inserts.isEmpty()) {
      List<String> columns = new ArrayList<>(Rows.columns(kind));
      columns.add("retired_at");
      store.insert(kind.table(), columns, inserts);
    }
    if (!audit.isEmpty()) {
      store.insertAudit(audit);
    }
    int handedOver = 0;
    Map<String, String> communityGroups = new HashMap<>();
    for (Effect effect : effects) {
      handedOver += effects(effect, context, pending, communityGroups);
    }
    return new Outcome(created, updated, retired, unchanged, handedOver);
  }

  /**
   * The row to store: masked personal numbers stand for the stored ones, an empty group keeps the
   * stored group (or is derived from the code), a staff member's group is their unit's.
   */
  private OrgRecord complete(
      OrgRecord want,
      OrgRecord before,
      Map<String, String> unitGroups,
      List<ReportEntry> problems,
      Context context) {
    OrgKind kind = want.kind();
    Integer row = context.rowOf().apply(want.code());
    OrgRecord after = want;
    for (Field field : kind.storedFields()) {
      String value = want.value(field.code());
      if (FieldCheck.masked(field, value)) {
        String storedValue = before == null ? null : before.value(field.code());
        if (storedValue == null || !value.equals(mask(field, storedValue))) {
          problems.add(ReportEntry.of(kind, row, field, "已脱敏的号码与现有记录不符，请填写完整号码"));
          return null;
        }
        after = after.with(field.code(), storedValue);
      }
    }
    if (kind.hasGroup()) {
      String group = want.value("groupId");
      String storedGroup = before == null ? null : before.value("groupId");
      if (group == null) {
        group = storedGroup != null ? storedGroup : derivedGroup(kind, want.code());
      } else if (storedGroup != null && !storedGroup.equals(group)) {
        problems.add(
            ReportEntry.of(
                kind, row, kind.field("groupId").orElseThrow(), "用户组不可更改（原为 " + storedGroup + "）"));
        return null;
      }
      after = after.with("groupId", group);
    }
    if (kind == OrgKind.STAFF) {
      String group = unitGroup(want.value("unitKind"), want.value("unitCode"), unitGroups);
      if (group == null) {
        problems.add(ReportEntry.of(kind, row, kind.field("unitCode").orElseThrow(), "所属单位不存在"));
        return null;
      }
      after = after.with(STAFF_GROUP, group);
    }
    return after;
  }

  static String derivedGroup(OrgKind kind, String code) {
    return kind.unitKind() + code.replaceAll("[^A-Za-z0-9]", "");
  }

  private String unitGroup(String unitKind, String unitCode, Map<String, String> cache) {
    if (unitKind == null || unitCode == null) {
      return null;
    }
    return cache.computeIfAbsent(
        unitKind + ":" + unitCode,
        key -> {
          OrgKind unit = OrgKind.ofUnitKind(unitKind).orElse(null);
          if (unit == null) {
            return null;
          }
          OrgRecord found = find(unit, List.of(unitCode)).get(unitCode);
          return found == null ? null : found.value("groupId");
        });
  }

  /** A personal value as anyone but the unit's own staff sees it; care flags only as "***". */
  static String masked(Field field, String value) {
    return field.type() == FieldType.CHOICES ? "***" : mask(field, value);
  }

  private static String mask(Field field, String value) {
    return field.type() == FieldType.ID_NUMBER ? Masking.idNumber(value) : Masking.phone(value);
  }

  private static Map<String, Object> changedColumns(OrgRecord before, OrgRecord after) {
    Map<String, Object> changes = new LinkedHashMap<>();
    for (Field field : after.kind().storedFields()) {
      String old = before.value(field.code());
      String now = after.value(field.code());
      if (!Objects.equals(old, now)) {
        changes.put(field.column(), Rows.typed(field, now));
      }
    }
    if (after.kind() == OrgKind.STAFF
        && !Objects.equals(before.value(STAFF_GROUP), after.value(STAFF_GROUP))) {
      changes.put("group_id", after.value(STAFF_GROUP));
    }
    return changes;
  }

  /** A written row: as stored before (null when new), as stored now, and as wanted. */
  private record Effect(OrgRecord before, OrgRecord after, OrgRecord want) {}

  /** Identity and hand-over for one changed row; the number of tasks handed over. */
  private int effects(
      Effect effect,
      Context context,
      IdentityStep.Pending pending,
      Map<String, String> communityGroups) {
    OrgRecord before = effect.before();
    OrgRecord after = effect.after();
    OrgKind kind = after.kind();
    if (kind.hasGroup()
        && !after.retired()
        && !(kind == OrgKind.UNITS && context.heads() != null)) {
      pending.group(after.value("groupId"), groupLabel(after), kind != OrgKind.UNITS);
      if (kind == OrgKind.COMMUNITIES) {
        pending.group(
            LiaisonHead.headsGroupOf(after.value("groupId")),
            LiaisonHead.headsGroupName(after.name()),
            true);
      }
    }
    return switch (kind) {
      case STAFF -> staffEffects(before, after, effect.want(), context, pending);
      case UNITS -> headEffects(before, after, effect.want(), context, pending, communityGroups);
      default -> 0;
    };
  }

  private int staffEffects(
      OrgRecord before,
      OrgRecord after,
      OrgRecord want,
      Context context,
      IdentityStep.Pending pending) {
    String user = after.code();
    String successor = want.value("successor");
    if (after.retired()) {
      if (before == null || before.retired()) {
        return 0;
      }
      int handed = handOver.handOver(user, successor, context.actor());
      clearGridWorker(user, context);
      pending.noLogin(user);
      return handed;
    }
    boolean fresh = before == null || before.retired();
    String formerGroup = fresh ? null : before.value(STAFF_GROUP);
    String group = after.value(STAFF_GROUP);
    pending.login(
        new WantedLogin(
            user,
            after.name(),
            fresh ? want.value("initialPassword") : null,
            List.of(group),
            formerGroup == null ? List.of() : List.of(formerGroup),
            false));
    if (formerGroup != null && !formerGroup.equals(group)) {
      return handOver.handOver(user, successor, context.actor());
    }
    return 0;
  }

  /**
   * A unit's head: a new head gets a login in the unit's and the community's heads' group; the
   * former head's tasks pass to the new one (or back to the unit's group) and their login goes.
   */
  private int headEffects(
      OrgRecord before,
      OrgRecord after,
      OrgRecord want,
      Context context,
      IdentityStep.Pending pending,
      Map<String, String> communityGroups) {
    String former = before == null || before.retired() ? null : before.value("headUserId");
    String head = after.retired() ? null : after.value("headUserId");
    boolean fresh = head != null && !head.equals(former);
    HeadLogins later = context.heads();
    int handed = 0;
    String gridWorker =
        former != null && head == null ? gridWorkerOf(after.value("gridCode")) : null;
    if (former != null && !former.equals(head)) {
      handed = handOver.handOver(former, head != null ? head : gridWorker, context.actor());
      if (later != null) {
        later.former(former);
      } else {
        pending.noLogin(former);
      }
    }
    // An import announces its new heads once, as org.HeadsImported (OrganisationImport).
    boolean vacated = former != null && head == null;
    if (vacated || fresh && later == null) {
      events.publishEvent(
          new HeadChanged(
              after.code(),
              after.value("groupId"),
              former,
              head,
              head == null ? null : after.value("headName"),
              gridWorker,
              context.actor()));
    }
    if (later != null) {
      if (!after.retired()) {
        later.unit(after.code(), head, fresh ? want.value("headPassword") : null);
      }
    } else if (head != null) {
      String communityGroup =
          communityGroups.computeIfAbsent(after.value("gridCode"), this::communityGroupOfGrid);
      pending.login(
          new WantedLogin(
              head,
              after.value("headName"),
              fresh ? want.value("headPassword") : null,
              List.of(after.value("groupId"), LiaisonHead.headsGroupOf(communityGroup)),
              List.of(),
              true));
    }
    return handed;
  }

  private String gridWorkerOf(String gridCode) {
    OrgRecord grid = find(OrgKind.GRIDS, List.of(gridCode)).get(gridCode);
    return grid == null ? null : grid.value("workerUserId");
  }

  private String communityGroupOfGrid(String gridCode) {
    OrgRecord grid = find(OrgKind.GRIDS, List.of(gridCode)).get(gridCode);
    String community = grid.value("communityCode");
    return find(OrgKind.COMMUNITIES, List.of(community)).get(community).value("groupId");
  }

  private void clearGridWorker(String user, Context context) {
    for (String grid : store.gridsOfWorker(user)) {
      OrgRecord before = find(OrgKind.GRIDS, List.of(grid)).get(grid);
      Map<String, Object> noWorker = new HashMap<>();
      noWorker.put("worker_user_id", null);
      store.update(OrgKind.GRIDS.table(), OrgKind.GRIDS.keyColumn(), grid, noWorker);
      store.insertAudit(
          List.of(
              entry(
                  context,
                  OrgKind.GRIDS,
                  grid,
                  "update",
                  before,
                  before.with("workerUserId", null))));
    }
  }

  /** The Camunda group's name: a street's group is its coordination centre. */
  static String groupLabel(OrgRecord unit) {
    return unit.kind() == OrgKind.STREETS ? unit.name() + "协调中心" : unit.name();
  }

  private AuditEntry entry(
      Context context,
      OrgKind kind,
      String code,
      String action,
      OrgRecord before,
      OrgRecord after) {
    return new AuditEntry(
        null,
        context.at(),
        context.actor(),
        kind.path(),
        code,
        action,
        auditJson(before),
        auditJson(after),
        context.importId());
  }

  /** The fields as the audit keeps them: personal numbers masked, passwords never. */
  String auditJson(OrgRecord record) {
    if (record == null) {
      return null;
    }
    Map<String, Object> values = new TreeMap<>();
    for (Field field : record.kind().storedFields()) {
      String value = record.value(field.code());
      if (value != null) {
        values.put(field.code(), field.personal() ? masked(field, value) : value);
      }
    }
    values.put("retired", record.retired());
    try {
      return json.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
