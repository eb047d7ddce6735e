package org.lianhu.org;

/**
 * 职能部门: a functional department of the county, or a county-wide body given its {@link
 * DepartmentRole} in the organisation data (the centre, the supervision office, the
 * administrators).
 */
public record Department(String code, String name, String groupId, String role) {

  public boolean hasRole(DepartmentRole wanted) {
    return wanted.code().equals(role);
  }

  /**
   * Whether cases can be dispatched to it: a department with no role, or the supervision office.
   */
  public boolean handlesCases() {
    return role == null || hasRole(DepartmentRole.SUPERVISION);
  }
}
