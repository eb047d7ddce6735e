package org.lianhu.training;

import java.util.Arrays;
import java.util.Optional;

/** The three levels of the heads' training. */
public enum CourseLevel {
  INDUCTION("induction", "初任培训"),
  TOPIC("topic", "专项提升"),
  EXTENSION("extension", "能力拓展");

  private final String code;
  private final String label;

  CourseLevel(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  static Optional<CourseLevel> of(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }
}
