package org.lianhu.org;

import java.util.List;

/**
 * 住户 of a liaison unit, whole: phone, ID-card number and care flags are personal data, for the
 * unit's head, its grid worker and its community office only.
 */
public record Household(
    String code,
    String unitCode,
    String address,
    String headName,
    String phone,
    String idNumber,
    Integer members,
    String careFlags) {

  public List<CareFlag> flags() {
    return CareFlag.parse(careFlags);
  }
}
