package org.lianhu.refusal;

import java.util.Arrays;

/** A value the API takes as a word from a fixed list (an enum constant's name). */
public final class Choices {

  private Choices() {}

  /**
   * The enum constant named by {@code value}; a refusal naming the field and the choices otherwise.
   */
  public static <E extends Enum<E>> E of(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.trim());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(
          field, "不支持的取值 " + value + "，可选: " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** As {@link #of(Class, String, String)}, with {@code fallback} for a missing or blank value. */
  public static <E extends Enum<E>> E of(Class<E> type, String field, String value, E fallback) {
    return value == null || value.isBlank() ? fallback : of(type, field, value);
  }
}
