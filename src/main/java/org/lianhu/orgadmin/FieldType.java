package org.lianhu.orgadmin;

/** How a workbook cell or an API value of a field is checked and stored. */
enum FieldType {
  /** A code: letters, digits, '_' and '-', at most 32 characters. */
  CODE,
  /** A Camunda user or group id: letters and digits only (Camunda's default id pattern). */
  IDENTITY,
  /** Names, addresses, keywords: no markup or SQL punctuation. */
  TEXT,
  /** A mainland mobile (1xxxxxxxxxx) or a landline (0xx-xxxxxxx). */
  PHONE,
  /** An 18-character resident ID-card number with its check digit. */
  ID_NUMBER,
  INTEGER,
  /** Latitude or longitude, six decimals. */
  COORDINATE,
  /** One value of the field's choices, given by its Chinese label or its code. */
  CHOICE,
  /** Several values of the field's choices, separated by commas. */
  CHOICES,
  /** Several codes, separated by commas. */
  CODES,
  /** A password, only read when a login is created. */
  SECRET
}
