package org.lianhu.cases;

/**
 * Case numbers, {@code <county year>-<row id, at least six digits>}: readable, unique without a
 * counter row, and the key by which the case process finds its case (the instance's business key).
 */
public final class CaseNumbers {

  private CaseNumbers() {}

  public static String of(int year, long id) {
    return year + "-" + String.format("%06d", id);
  }

  /** The row id a case number names; refuses anything that is not a case number. */
  public static long idOf(String caseNo) {
    if (caseNo == null || !caseNo.matches("\\d{4}-\\d{6,18}")) {
      throw new IllegalStateException("not a case number: " + caseNo);
    }
    return Long.parseLong(caseNo.substring(5));
  }
}
