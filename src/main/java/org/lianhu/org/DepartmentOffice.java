package org.lianhu.org;

/**
 * The office of a department that serves one street, or every street when {@code streetCode} is
 * null.
 */
public record DepartmentOffice(
    Long id, String code, String departmentCode, String streetCode, String name, String groupId) {}
