package org.lianhu.mediation;

/**
 * Dispute numbers, {@code <county year>-T<row id, at least six digits>}, the business key by which
 * the mediation process finds its dispute.
 */
public final class DisputeNumbers {

  private DisputeNumbers() {}

  public static String of(int year, long id) {
    return year + "-T" + String.format("%06d", id);
  }

  /** The row id a dispute number names; refuses anything that is not a dispute number. */
  public static long idOf(String disputeNo) {
    if (disputeNo == null || !disputeNo.matches("\\d{4}-T\\d{6,18}")) {
      throw new IllegalStateException("not a dispute number: " + disputeNo);
    }
    return Long.parseLong(disputeNo.substring(6));
  }
}
