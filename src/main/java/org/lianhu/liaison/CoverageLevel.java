package org.lianhu.liaison;

import java.util.Arrays;
import java.util.Optional;

/**
 * The levels the heads' figures are counted by, each with the column that names its unit in the
 * organisation's joins and in {@code case_record}.
 */
public enum CoverageLevel {
  UNIT("unit", "u.code", "liaison_unit_code"),
  GRID("grid", "g.code", "grid_code"),
  COMMUNITY("community", "c.code", "community_code"),
  STREET("street", "c.street_code", "street_code");

  private final String code;
  private final String column;
  private final String caseColumn;

  CoverageLevel(String code, String column, String caseColumn) {
    this.code = code;
    this.column = column;
    this.caseColumn = caseColumn;
  }

  String column() {
    return column;
  }

  String caseColumn() {
    return caseColumn;
  }

  public static Optional<CoverageLevel> of(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }
}
