package org.lianhu.orgadmin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.liaison.HouseholdReaders;
import org.lianhu.refusal.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's roster kept by the people who know it: its head and its community office add a
 * household, correct one, or mark one as moved out ({@link HouseholdReaders#requireEditor}). The
 * same rules and audit as an administrator's edit apply ({@link OrganisationEdits}); the household
 * stays in its unit and its ID-card number is not theirs to change, so only the fields below are
 * taken.
 */
@RestController
class UnitHouseholdsController {

  static final String MOVED_OUT = "household-moved-out";

  static final Set<String> EDITABLE =
      Set.of("address", "headName", "phone", "members", "careFlags");

  record HouseholdBody(String code, Map<String, String> fields) {}

  private final HouseholdReaders editors;
  private final OrganisationEdits edits;
  private final IdentityService identity;

  UnitHouseholdsController(
      HouseholdReaders editors, OrganisationEdits edits, IdentityService identity) {
    this.editors = editors;
    this.edits = edits;
    this.identity = identity;
  }

  @PostMapping("/api/staff/units/{unit}/households")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> add(@PathVariable String unit, @RequestBody HouseholdBody body) {
    String editor = editor(unit);
    Map<String, String> fields = new HashMap<>(fields(body));
    fields.put("unitCode", unit);
    String code =
        body.code() == null || body.code().isBlank() ? freeCode(unit) : body.code().strip();
    return shown(edits.create(OrgKind.HOUSEHOLDS, code, fields, editor).record());
  }

  @PatchMapping("/api/staff/units/{unit}/households/{code}")
  Map<String, Object> change(
      @PathVariable String unit, @PathVariable String code, @RequestBody HouseholdBody body) {
    String editor = editor(unit);
    inUnit(unit, code);
    return shown(edits.change(OrgKind.HOUSEHOLDS, code, fields(body), editor).record());
  }

  /** 迁出: the household left the unit; its visits and cases stay on record. */
  @PostMapping("/api/staff/units/{unit}/households/{code}/retire")
  Map<String, Object> retire(@PathVariable String unit, @PathVariable String code) {
    String editor = editor(unit);
    inUnit(unit, code);
    return shown(edits.retire(OrgKind.HOUSEHOLDS, code, null, editor).record());
  }

  private String editor(String unitCode) {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw Refusal.unauthenticated("请先登录");
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    // A retired unit is not found: its roster is closed.
    editors.requireEditor(caller.getUserId(), groups, unitCode);
    return caller.getUserId();
  }

  private void inUnit(String unit, String code) {
    OrgRecord household = edits.get(OrgKind.HOUSEHOLDS, code);
    if (!unit.equals(household.value("unitCode"))) {
      throw Refusal.notFound("本联户单元没有住户 " + code);
    }
    if (household.retired()) {
      throw Refusal.conflict(MOVED_OUT, "住户已迁出", "住户 " + code + " 已迁出，如需恢复请联系县级管理员");
    }
  }

  private static Map<String, String> fields(HouseholdBody body) {
    if (body == null || body.fields() == null) {
      throw Refusal.invalid("fields", "须填写住户信息");
    }
    for (String field : body.fields().keySet()) {
      if (!EDITABLE.contains(field)) {
        throw Refusal.invalid("fields." + field, "只能填写地址、户主、电话、人数和关爱标记；其他信息由县级管理员维护");
      }
    }
    return body.fields();
  }

  /** The unit's next household number: {@code unit-NN}, the first one not taken. */
  private String freeCode(String unit) {
    for (int n = 1; n < 10_000; n++) {
      String code = String.format("%s-%02d", unit, n);
      if (!edits.exists(OrgKind.HOUSEHOLDS, code)) {
        return code;
      }
    }
    throw Refusal.invalid("code", "请填写住户代码");
  }

  /** What the editor may read: every field but the ID-card number, whole. */
  private static Map<String, Object> shown(OrgRecord record) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("code", record.code());
    shown.put("retired", record.retired());
    for (String field : List.of("address", "headName", "phone", "careFlags")) {
      shown.put(field, record.value(field));
    }
    String members = record.value("members");
    shown.put("members", members == null ? null : Integer.valueOf(members));
    return shown;
  }
}
