package org.lianhu.orgadmin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One column of a sheet and one field of the API: its code (the API's name and the header comment),
 * its Chinese header, the table column it is stored in (null for a field that is not stored as it
 * is), and its choices as code → label.
 *
 * @param personal phone, ID-card number and care flags: masked in every answer of this module
 */
record Field(
    String code,
    String label,
    String column,
    FieldType type,
    boolean required,
    boolean personal,
    Map<String, String> choices) {

  /** The retired flag every sheet ends with. */
  static final Field RETIRED = of("retired", "停用", null, FieldType.TEXT, false);

  static Field of(String code, String label, String column, FieldType type, boolean required) {
    return new Field(code, label, column, type, required, false, Map.of());
  }

  static Field personal(String code, String label, String column, FieldType type) {
    return new Field(code, label, column, type, false, true, Map.of());
  }

  static Field choice(
      String code, String label, String column, boolean required, String... codeAndLabel) {
    Map<String, String> choices = new LinkedHashMap<>();
    for (int i = 0; i < codeAndLabel.length; i += 2) {
      choices.put(codeAndLabel[i], codeAndLabel[i + 1]);
    }
    return new Field(code, label, column, FieldType.CHOICE, required, false, choices);
  }

  Field personalChoices() {
    return new Field(code, label, column, FieldType.CHOICES, false, true, choices);
  }

  boolean stored() {
    return column != null;
  }

  /** The code of a choice given by its label or its code. */
  Optional<String> choiceOf(String text) {
    if (choices.containsKey(text)) {
      return Optional.of(text);
    }
    return choices.entrySet().stream()
        .filter(e -> e.getValue().equals(text))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
