package org.lianhu.cases;

import java.text.Normalizer;
import java.util.Locale;

/**
 * An address as intake compares it for duplicates: full-width characters folded (NFKC), spaces and
 * punctuation dropped, Latin letters in lower case, so that "和平里东街 12 号" and "和平里东街12号。" are one
 * address.
 */
final class AddressKeys {

  static final int MAX = 255;

  private AddressKeys() {}

  static String of(String address) {
    if (address == null) {
      return null;
    }
    String folded = Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String key = folded.replaceAll("[\\s\\p{P}\\p{S}]", "");
    if (key.isEmpty()) {
      return null;
    }
    return key.length() > MAX ? key.substring(0, MAX) : key;
  }
}
