package org.lianhu.refusal;

/**
 * A text a caller typed: stripped, empty as null, refused (400, naming the field) when it is too
 * long or, if required, missing. The message names the field in Chinese as the form does.
 */
public final class TextInput {

  private TextInput() {}

  /** Stripped, or null when empty. */
  public static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public static String optional(String value, int max, String field, String label) {
    String text = trimmed(value);
    if (text != null && text.length() > max) {
      throw Refusal.invalid(field, label + "不超过" + max + "字");
    }
    return text;
  }

  public static String required(String value, int max, String field, String label) {
    String text = optional(value, max, field, label);
    if (text == null) {
      throw Refusal.invalid(field, "请填写" + label);
    }
    return text;
  }
}
