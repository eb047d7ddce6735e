package org.lianhu.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/** Tracking codes: eight characters a reporter can read out over the phone (no 0/O, 1/I). */
public final class TrackingCodes {

  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TrackingCodes() {}

  public static String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(code);
  }

  /** Constant-time comparison, case-insensitive, so a guessed code leaks nothing through timing. */
  public static boolean matches(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        given.trim().toUpperCase().getBytes(StandardCharsets.US_ASCII));
  }
}
