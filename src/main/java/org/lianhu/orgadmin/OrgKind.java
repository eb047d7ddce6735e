package org.lianhu.orgadmin;

import static org.lianhu.orgadmin.FieldType.CODE;
import static org.lianhu.orgadmin.FieldType.CODES;
import static org.lianhu.orgadmin.FieldType.COORDINATE;
import static org.lianhu.orgadmin.FieldType.IDENTITY;
import static org.lianhu.orgadmin.FieldType.ID_NUMBER;
import static org.lianhu.orgadmin.FieldType.INTEGER;
import static org.lianhu.orgadmin.FieldType.PHONE;
import static org.lianhu.orgadmin.FieldType.SECRET;
import static org.lianhu.orgadmin.FieldType.TEXT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lianhu.org.CareFlag;

/**
 * The levels of the organisation, each a sheet of the workbook (in this order, parents first) and a
 * path of the admin API: the table it is stored in and its fields. Every level is keyed by a code
 * that never changes and is retired, never deleted. docs/organisation.md describes the workbook.
 */
enum OrgKind {
  STREETS(
      "streets",
      "街道",
      "street",
      "code",
      null,
      "street",
      List.of(
          Field.of("code", "代码", "code", CODE, true),
          Field.of("name", "名称", "name", TEXT, true),
          Field.of("groupId", "用户组", "group_id", IDENTITY, false),
          Field.of("addressKeywords", "地址关键词", "address_keywords", TEXT, false))),
  COMMUNITIES(
      "communities",
      "社区",
      "community",
      "code",
      "streetCode",
      "community",
      List.of(
          Field.of("code", "代码", "code", CODE, true),
          Field.of("streetCode", "所属街道", "street_code", CODE, true),
          Field.of("name", "名称", "name", TEXT, true),
          Field.choice("kind", "类型", "kind", true, "community", "社区", "village", "村"),
          Field.of("groupId", "用户组", "group_id", IDENTITY, false),
          Field.of("addressKeywords", "地址关键词", "address_keywords", TEXT, false))),
  GRIDS(
      "grids",
      "网格",
      "grid",
      "code",
      "communityCode",
      "grid",
      List.of(
          Field.of("code", "代码", "code", CODE, true),
          Field.of("communityCode", "所属社区", "community_code", CODE, true),
          Field.of("name", "名称", "name", TEXT, true),
          Field.of("groupId", "用户组", "group_id", IDENTITY, false),
          Field.of("workerUserId", "网格员账号", "worker_user_id", IDENTITY, false),
          Field.of("addressKeywords", "地址关键词", "address_keywords", TEXT, false),
          Field.of("minLat", "最小纬度", "min_lat", COORDINATE, false),
          Field.of("maxLat", "最大纬度", "max_lat", COORDINATE, false),
          Field.of("minLng", "最小经度", "min_lng", COORDINATE, false),
          Field.of("maxLng", "最大经度", "max_lng", COORDINATE, false))),
  UNITS(
      "units",
      "联户单元",
      "liaison_unit",
      "code",
      "gridCode",
      "unit",
      List.of(
          Field.of("code", "代码", "code", CODE, true),
          Field.of("gridCode", "所属网格", "grid_code", CODE, true),
          Field.of("name", "名称", "name", TEXT, true),
          Field.of("headName", "联户长", "head_name", TEXT, false),
          Field.of("headPhone", "联户长电话", "head_phone", PHONE, false),
          Field.of("households", "户数", "households", INTEGER, false),
          Field.of("groupId", "用户组", "group_id", IDENTITY, false),
          Field.of("headUserId", "联户长账号", "head_user_id", IDENTITY, false),
          Field.of("headPassword", "联户长初始密码", null, SECRET, false))),
  HOUSEHOLDS(
      "households",
      "住户",
      "household",
      "code",
      "unitCode",
      null,
      List.of(
          Field.of("code", "代码", "code", CODE, true),
          Field.of("unitCode", "所属联户单元", "unit_code", CODE, true),
          Field.of("address", "地址", "address", TEXT, true),
          Field.of("headName", "户主", "head_name", TEXT, true),
          Field.personal("phone", "电话", "phone", PHONE),
          Field.personal("idNumber", "身份证号", "id_number", ID_NUMBER),
          Field.of("members", "人数", "members", INTEGER, false),
          Field.choice("careFlags", "关爱标记", "care_flags", false, careFlagChoices())
              .personalChoices())),
  DEPARTMENTS(
      "departments",
      "部门",
      "department",
      "code",
      null,
      "department",
      List.of(
          Field.of("code", "代码", "code", CODE, true),
          Field.of("name", "名称", "name", TEXT, true),
          Field.of("groupId", "用户组", "group_id", IDENTITY, false),
          Field.choice(
              "role",
              "角色",
              "role",
              false,
              "county_centre",
              "综治中心",
              "supervision",
              "督查",
              "administration",
              "管理员"),
          Field.of("categories", "负责类别", null, CODES, false))),
  OFFICES(
      "offices",
      "部门站所",
      "department_office",
      "code",
      "departmentCode",
      "office",
      List.of(
          Field.of("code", "代码", "code", CODE, true),
          Field.of("departmentCode", "所属部门", "department_code", CODE, true),
          Field.of("streetCode", "服务街道", "street_code", CODE, false),
          Field.of("name", "名称", "name", TEXT, true),
          Field.of("groupId", "用户组", "group_id", IDENTITY, false))),
  MEDIATION_BODIES(
      "mediation-bodies",
      "调解组织",
      "mediation_body",
      "code",
      "streetCode",
      "mediation",
      List.of(
          Field.of("code", "代码", "code", CODE, true),
          Field.of("streetCode", "所属街道", "street_code", CODE, false),
          Field.choice(
              "kind",
              "类型",
              "kind",
              true,
              "people",
              "人民调解",
              "administrative",
              "行政调解",
              "judicial",
              "司法调解"),
          Field.of("name", "名称", "name", TEXT, true),
          Field.of("groupId", "用户组", "group_id", IDENTITY, false))),
  STAFF(
      "staff",
      "人员",
      "staff",
      "user_id",
      "unitCode",
      null,
      List.of(
          Field.of("code", "账号", "user_id", IDENTITY, true),
          Field.of("name", "姓名", "name", TEXT, true),
          Field.of("phone", "手机", "phone", PHONE, false),
          Field.choice(
              "unitKind",
              "所属层级",
              "unit_kind",
              true,
              "street",
              "街道",
              "community",
              "社区",
              "grid",
              "网格",
              "department",
              "部门",
              "office",
              "部门站所",
              "mediation",
              "调解组织"),
          Field.of("unitCode", "所属单位代码", "unit_code", CODE, true),
          Field.of("initialPassword", "初始密码", null, SECRET, false),
          Field.of("successor", "接替人账号", null, IDENTITY, false)));

  private static String[] careFlagChoices() {
    return Arrays.stream(CareFlag.values())
        .flatMap(flag -> Stream.of(flag.code(), flag.label()))
        .toArray(String[]::new);
  }

  /**
   * The retired flag every sheet ends with: 是 retires the row, empty keeps (or makes) it active.
   */
  static final Field RETIRED = Field.RETIRED;

  private final String path;
  private final String sheet;
  private final String table;
  private final String keyColumn;
  private final String parentField;
  private final String unitKind;
  private final List<Field> fields;

  OrgKind(
      String path,
      String sheet,
      String table,
      String keyColumn,
      String parentField,
      String unitKind,
      List<Field> fields) {
    this.path = path;
    this.sheet = sheet;
    this.table = table;
    this.keyColumn = keyColumn;
    this.parentField = parentField;
    this.unitKind = unitKind;
    List<Field> all = new ArrayList<>(fields);
    all.add(Field.RETIRED);
    this.fields = Collections.unmodifiableList(all);
  }

  String path() {
    return path;
  }

  String sheet() {
    return sheet;
  }

  String table() {
    return table;
  }

  String keyColumn() {
    return keyColumn;
  }

  /** The field naming the parent, or null for a top level. */
  String parentField() {
    return parentField;
  }

  /**
   * The kind a staff member's {@code unitKind} names for a unit of this level (the staff sheet's
   * choices name all but "unit": liaison units have heads, not staff), or null for a level without
   * a Camunda group of its own. Levels with a unit kind own a group, which it prefixes when
   * derived.
   */
  String unitKind() {
    return unitKind;
  }

  boolean hasGroup() {
    return unitKind != null;
  }

  List<Field> fields() {
    return fields;
  }

  Optional<Field> field(String code) {
    return fields.stream().filter(f -> f.code().equals(code)).findFirst();
  }

  List<Field> storedFields() {
    return fields.stream().filter(Field::stored).toList();
  }

  /** The kinds whose rows a staff member's unit can be, by their unit kind. */
  static Optional<OrgKind> ofUnitKind(String unitKind) {
    return Arrays.stream(values()).filter(k -> unitKind.equals(k.unitKind)).findFirst();
  }

  static Optional<OrgKind> ofPath(String path) {
    return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
  }

  static Optional<OrgKind> ofSheet(String sheet) {
    return Arrays.stream(values()).filter(k -> k.sheet.equals(sheet)).findFirst();
  }
}
