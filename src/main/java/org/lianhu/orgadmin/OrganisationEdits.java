package org.lianhu.orgadmin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lianhu.calendar.CountyClock;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single edits of the admin API: create, change (rename, move to another parent), retire,
 * reactivate. Each is checked by the same rules as a workbook and applied by {@link
 * OrganisationChanges}.
 */
@Service
class OrganisationEdits {

  /** The record after the edit, and the tasks a staff change handed over. */
  record Edited(OrgRecord record, int handedOverTasks) {}

  private final OrganisationRules rules;
  private final OrganisationChanges changes;
  private final IdentityStep identity;
  private final CountyClock clock;

  OrganisationEdits(
      OrganisationRules rules,
      OrganisationChanges changes,
      IdentityStep identity,
      CountyClock clock) {
    this.rules = rules;
    this.changes = changes;
    this.identity = identity;
    this.clock = clock;
  }

  OrgRecord get(OrgKind kind, String code) {
    OrgRecord found = changes.find(kind, List.of(code)).get(code);
    if (found == null) {
      throw Refusal.notFound(kind.sheet() + " " + code + " 不存在");
    }
    return found;
  }

  boolean exists(OrgKind kind, String code) {
    return !changes.find(kind, List.of(code)).isEmpty();
  }

  @Transactional
  Edited create(OrgKind kind, String code, Map<String, String> fields, String actor) {
    if (code != null && !changes.find(kind, List.of(code)).isEmpty()) {
      throw Refusal.conflict(
          "organisation-code-taken", "代码已存在", kind.sheet() + " " + code + " 已存在");
    }
    Map<String, String> raw = new HashMap<>(fields);
    raw.put("code", code);
    raw.remove(OrgKind.RETIRED.code());
    return apply(kind, raw, actor);
  }

  @Transactional
  Edited change(OrgKind kind, String code, Map<String, String> fields, String actor) {
    OrgRecord stored = get(kind, code);
    Map<String, String> raw = new HashMap<>(stored.values());
    raw.remove(OrganisationChanges.STAFF_GROUP);
    raw.putAll(fields);
    raw.put("code", code);
    raw.put(
        OrgKind.RETIRED.code(),
        fields.getOrDefault(OrgKind.RETIRED.code(), stored.retired() ? "是" : ""));
    return apply(kind, raw, actor);
  }

  @Transactional
  Edited retire(OrgKind kind, String code, String successor, String actor) {
    Map<String, String> fields = new HashMap<>();
    fields.put(OrgKind.RETIRED.code(), "是");
    if (successor != null && kind == OrgKind.STAFF) {
      fields.put("successor", successor);
    }
    return change(kind, code, fields, actor);
  }

  @Transactional
  void resetPassword(String userId, String password, String actor) {
    OrgRecord person = get(OrgKind.STAFF, userId);
    if (person.retired()) {
      throw Refusal.invalid("password", "人员已停用");
    }
    setPassword(userId, password);
  }

  /** A new password for the head of a unit. */
  @Transactional
  void resetHeadPassword(String unitCode, String password, String actor) {
    OrgRecord unit = get(OrgKind.UNITS, unitCode);
    if (unit.retired()) {
      throw Refusal.invalid("password", "联户单元已停用");
    }
    String head = unit.value("headUserId");
    if (head == null) {
      throw Refusal.invalid("password", "该联户单元尚未设联户长账号");
    }
    setPassword(head, password);
  }

  private void setPassword(String userId, String password) {
    FieldCheck.Checked checked =
        FieldCheck.check(OrgKind.STAFF.field("initialPassword").orElseThrow(), password);
    if (checked.failed() || checked.value() == null) {
      throw Refusal.invalid("password", checked.failed() ? checked.error() : "须填写新密码");
    }
    IdentityStep.Pending pending = new IdentityStep.Pending();
    pending.password(userId, checked.value());
    identity.write(pending);
  }

  private Edited apply(OrgKind kind, Map<String, String> raw, String actor) {
    List<ReportEntry> report = new ArrayList<>();
    OrgRecord record =
        Records.of(kind, null, raw, report).orElseThrow(() -> ChangeRefused.of(report));
    if (!report.isEmpty()) {
      throw ChangeRefused.of(report);
    }
    OrganisationRules.Plan plan = rules.plan();
    if (kind == OrgKind.HOUSEHOLDS) {
      rules.household(plan, record, null);
    } else {
      plan.want(record, null);
    }
    List<ReportEntry> problems = rules.check(plan);
    if (!problems.isEmpty()) {
      throw ChangeRefused.of(problems);
    }
    OrganisationChanges.Outcome outcome =
        changes.save(
            kind, List.of(record), new OrganisationChanges.Context(actor, clock.now(), null, null));
    return new Edited(get(kind, record.code()), outcome.handedOverTasks());
  }
}
