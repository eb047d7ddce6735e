package org.lianhu.evaluation;

import java.util.Arrays;
import java.util.Optional;

/** A quarterly evaluation's grade; the bands are in processes/head-evaluation.dmn. */
public enum Grade {
  EXCELLENT("excellent", "优秀"),
  COMPETENT("competent", "称职"),
  BASIC("basic", "基本称职"),
  INCOMPETENT("incompetent", "不称职");

  private final String code;
  private final String label;

  Grade(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<Grade> of(String code) {
    return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst();
  }
}
