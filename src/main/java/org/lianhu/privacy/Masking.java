package org.lianhu.privacy;

/** Masks personal data for anyone who is not handling the case. */
public final class Masking {

  private Masking() {}

  /** 13812345678 becomes 138****5678; short numbers keep only their last two digits. */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    if (phone.length() >= 11) {
      return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
    return "*".repeat(Math.max(0, phone.length() - 2))
        + phone.substring(Math.max(0, phone.length() - 2));
  }

  /** 110105199001011234 becomes 110***********1234: the region's first digits and the last four. */
  public static String idNumber(String idNumber) {
    if (idNumber == null) {
      return null;
    }
    if (idNumber.length() < 8) {
      return "*".repeat(idNumber.length());
    }
    return idNumber.substring(0, 3)
        + "*".repeat(idNumber.length() - 7)
        + idNumber.substring(idNumber.length() - 4);
  }

  /** 王小明 becomes 王**: the family name alone is enough to recognise one's own case. */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first)
        + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
  }
}
