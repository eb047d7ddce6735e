package org.lianhu.liaison;

import java.util.Arrays;
import java.util.Optional;

/** The levels visit coverage is counted by, each with the column that names its unit. */
public enum CoverageLevel {
  UNIT("unit", "u.code"),
  GRID("grid", "g.code"),
  COMMUNITY("community", "c.code"),
  STREET("street", "c.street_code");

  private final String code;
  private final String column;

  CoverageLevel(String code, String column) {
    this.code = code;
    this.column = column;
  }

  String column() {
    return column;
  }

  public static Optional<CoverageLevel> of(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }
}
