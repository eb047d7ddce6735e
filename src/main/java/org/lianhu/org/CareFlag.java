package org.lianhu.org;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** 关爱标记: why a household needs more of its head's attention (personal data). */
public enum CareFlag {
  ELDERLY_ALONE("elderly_alone", "独居老人"),
  EMPTY_NEST("empty_nest", "空巢"),
  LEFT_BEHIND_CHILD("left_behind_child", "留守儿童"),
  DISABLED("disabled", "残疾"),
  SUBSISTENCE("subsistence", "低保"),
  KEY_CONCERN("key_concern", "重点关注");

  private final String code;
  private final String label;

  CareFlag(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<CareFlag> of(String code) {
    return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
  }

  /** The flags of a stored list ("elderly_alone,subsistence"); unknown codes are skipped. */
  public static List<CareFlag> parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(",")).map(String::trim).flatMap(c -> of(c).stream()).toList();
  }
}
