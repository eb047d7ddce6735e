package org.lianhu.liaison;

import java.util.Arrays;
import java.util.Optional;

/**
 * The levels the heads' figures are counted by, each with the column that names its unit in the
 * organisation's joins and in {@code case_record}.
 */
public enum CoverageLevel {
  UNIT("unit", "u.code", "u.name", "liaison_unit_code"),
  GRID("grid", "g.code", "g.name", "grid_code"),
  COMMUNITY("community", "c.code", "c.name", "community_code"),
  STREET("street", "c.street_code", "s.name", "street_code");

  private final String code;
  private final String column;
  private final String nameColumn;
  private final String caseColumn;

  CoverageLevel(String code, String column, String nameColumn, String caseColumn) {
    this.code = code;
    this.column = column;
    this.nameColumn = nameColumn;
    this.caseColumn = caseColumn;
  }

  String column() {
    return column;
  }

  String nameColumn() {
    return nameColumn;
  }

  String caseColumn() {
    return caseColumn;
  }

  public static Optional<CoverageLevel> of(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }
}
