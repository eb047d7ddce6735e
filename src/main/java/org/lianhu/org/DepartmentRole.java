package org.lianhu.org;

import java.util.Arrays;
import java.util.Optional;

/** The county-wide roles a department can have; stored as their code in {@code department.role}. */
public enum DepartmentRole {
  /** 县综治中心: owns whatever cannot be placed lower down, and coordinates the county. */
  COUNTY_CENTRE("county_centre", "综治中心"),
  /** 督查室: oversees every case of the county, with its offices. */
  SUPERVISION("supervision", "督查"),
  /** The county's administrators of the organisation data. */
  ADMINISTRATION("administration", "管理员");

  private final String code;
  private final String label;

  DepartmentRole(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** The Chinese word the workbook uses. */
  public String label() {
    return label;
  }

  public static Optional<DepartmentRole> ofCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }

  public static Optional<DepartmentRole> ofLabel(String label) {
    return Arrays.stream(values())
        .filter(r -> r.label.equals(label) || r.code.equals(label))
        .findFirst();
  }
}
