package org.lianhu.posts;

import java.util.Optional;
import org.lianhu.org.Household;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * How a household proves itself on the resident page, to nominate a head or to rate one: its code
 * on the roster (住户编号, on its 联户卡) and the last four digits of the household head's phone there. A
 * wrong pair is refused alike whatever was wrong, and counted by the callers' guess throttle.
 */
@Component
public class HouseholdProof {

  public static final String NOT_VERIFIED = "household-not-verified";

  private final OrganisationDirectory directory;

  HouseholdProof(OrganisationDirectory directory) {
    this.directory = directory;
  }

  /**
   * The active household of the code whose phone ends in the digits, and (when {@code unitCode} is
   * given) of that unit; else 400 with {@code missing} for a malformed pair, 422 with {@code
   * mismatch} for a wrong one.
   */
  public Household verify(
      String code, String last4, String unitCode, String missing, String mismatch) {
    String householdCode = code == null ? "" : code.strip();
    String digits = last4 == null ? "" : last4.strip();
    if (householdCode.isEmpty() || !digits.matches("\\d{4}")) {
      throw Refusal.invalid("householdCode", missing);
    }
    return Optional.of(householdCode)
        .flatMap(directory::household)
        .filter(h -> unitCode == null || unitCode.equals(h.unitCode()))
        .filter(h -> h.phone() != null && h.phone().endsWith(digits))
        .orElseThrow(() -> Refusal.unprocessable(NOT_VERIFIED, "住户核验未通过", mismatch));
  }

  /** A wrong pair, as the guess throttle counts it. */
  public static boolean wrong(RuntimeException e) {
    return e instanceof Refusal refusal && NOT_VERIFIED.equals(refusal.type());
  }
}
