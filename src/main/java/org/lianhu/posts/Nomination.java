package org.lianhu.posts;

import java.util.Arrays;
import java.util.Optional;

/** How a candidate came (个人自荐 + 群众推荐 + 组织推荐). */
public enum Nomination {
  SELF("self", "个人自荐"),
  HOUSEHOLDS("households", "住户推荐"),
  COMMUNITY("community", "社区推荐");

  private final String code;
  private final String label;

  Nomination(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  static Optional<Nomination> of(String code) {
    return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst();
  }
}
