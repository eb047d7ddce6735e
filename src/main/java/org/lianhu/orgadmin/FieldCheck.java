package org.lianhu.orgadmin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks and normalises one value of a field, from a workbook cell or an API request: the value to
 * store, or the reason it is refused. Personal numbers may come back masked (as the export and the
 * API give them); such a value means "unchanged" and is resolved against the stored one.
 */
final class FieldCheck {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9]{1,64}");
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");
  private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
  private static final Pattern MASKED = Pattern.compile("[\\dX]*\\*+[\\dX]*");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，、]");
  // Markup, quotes and statement separators have no place in a name or an address; a leading
  // = + @ would make a cell a formula when the export is opened in a spreadsheet.
  private static final Pattern FORBIDDEN = Pattern.compile("[<>;'\"`\\\\\\p{Cntrl}]|^[=+@]");
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String ID_CHECK = "10X98765432";

  /** A checked value: {@code value} (null when empty) or the {@code error}. */
  record Checked(String value, String error) {
    static Checked ok(String value) {
      return new Checked(value, null);
    }

    static Checked refused(String error) {
      return new Checked(null, error);
    }

    boolean failed() {
      return error != null;
    }
  }

  private FieldCheck() {}

  static Checked check(Field field, String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      return field.required() ? Checked.refused("必填") : Checked.ok(null);
    }
    return switch (field.type()) {
      case CODE -> matches(text, CODE, "代码只能由字母、数字、_ 和 - 组成，最长 32 位");
      case IDENTITY -> matches(text, IDENTITY, "账号和用户组只能由字母和数字组成，最长 64 位");
      case TEXT -> text(field, text);
      case PHONE -> phone(text);
      case ID_NUMBER -> idNumber(text);
      case INTEGER -> integer(text);
      case COORDINATE -> coordinate(text);
      case CHOICE ->
          field
              .choiceOf(text)
              .map(Checked::ok)
              .orElseGet(
                  () -> Checked.refused("取值须为 " + String.join("、", field.choices().values())));
      case CHOICES -> choices(field, text);
      case CODES -> codes(text);
      case SECRET ->
          text.length() < 6 || text.length() > 64
              ? Checked.refused("初始密码须为 6 到 64 个字符")
              : Checked.ok(text);
    };
  }

  /** Whether a personal number is given masked, so that it stands for the stored value. */
  static boolean masked(Field field, String value) {
    return value != null
        && (field.type() == FieldType.PHONE || field.type() == FieldType.ID_NUMBER)
        && value.contains("*");
  }

  /**
   * 是 (or Y, 1, true, 停用) retires; 否 (or N, 0, false, 在用) makes active, also a retired row; empty
   * leaves a stored row as it is. Empty when the text is none of these.
   */
  static Optional<Retirement> retired(String raw) {
    String text = raw == null ? "" : raw.strip().toLowerCase();
    return switch (text) {
      case "" -> Optional.of(Retirement.KEEP);
      case "否", "n", "no", "0", "false", "在用" -> Optional.of(Retirement.ACTIVE);
      case "是", "y", "yes", "1", "true", "停用" -> Optional.of(Retirement.RETIRED);
      default -> Optional.empty();
    };
  }

  /** What the 停用 cell asks for. */
  enum Retirement {
    KEEP,
    ACTIVE,
    RETIRED
  }

  private static Checked matches(String text, Pattern pattern, String reason) {
    return pattern.matcher(text).matches() ? Checked.ok(text) : Checked.refused(reason);
  }

  private static Checked text(Field field, String text) {
    if (FORBIDDEN.matcher(text).find()) {
      return Checked.refused("含有不允许的字符（< > ; ' \" ` \\ 或控制字符，或以 = + @ 开头）");
    }
    int max = maxLength(field.column());
    if (text.codePointCount(0, text.length()) > max) {
      return Checked.refused("最长 " + max + " 个字");
    }
    return Checked.ok(text);
  }

  private static int maxLength(String column) {
    if (column == null) {
      return 64;
    }
    return switch (column) {
      case "head_name" -> 32;
      case "address" -> 200;
      case "address_keywords" -> 500;
      default -> 64;
    };
  }

  private static Checked phone(String text) {
    String digits = text.replace(" ", "");
    if (MASKED.matcher(digits).matches()) {
      return Checked.ok(digits);
    }
    if (MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()) {
      return Checked.ok(digits);
    }
    return Checked.refused("不是有效的电话号码（11 位手机号或带区号的固定电话）");
  }

  private static Checked idNumber(String text) {
    String id = text.toUpperCase();
    if (MASKED.matcher(id).matches() && id.length() == 18) {
      return Checked.ok(id);
    }
    if (!ID_NUMBER.matcher(id).matches()) {
      return Checked.refused("身份证号须为 18 位");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    if (ID_CHECK.charAt(sum % 11) != id.charAt(17)) {
      return Checked.refused("身份证号校验位不符");
    }
    return Checked.ok(id);
  }

  private static Checked integer(String text) {
    try {
      BigDecimal number = new BigDecimal(text);
      if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
        return Checked.refused("须为 0 到 1000000 之间的整数");
      }
      return Checked.ok(number.toBigIntegerExact().toString());
    } catch (NumberFormatException | ArithmeticException e) {
      return Checked.refused("须为整数");
    }
  }

  private static Checked coordinate(String text) {
    try {
      BigDecimal number = new BigDecimal(text);
      if (number.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
        return Checked.refused("经纬度超出范围");
      }
      return Checked.ok(number.setScale(6, RoundingMode.HALF_UP).toPlainString());
    } catch (NumberFormatException e) {
      return Checked.refused("须为数字（度，最多 6 位小数）");
    }
  }

  private static Checked choices(Field field, String text) {
    TreeSet<Integer> positions = new TreeSet<>();
    List<String> codes = new ArrayList<>(field.choices().keySet());
    for (String part : LIST_SEPARATOR.split(text)) {
      if (part.isBlank()) {
        continue;
      }
      Optional<String> code = field.choiceOf(part.strip());
      if (code.isEmpty()) {
        return Checked.refused(
            "未知的取值 " + part.strip() + "；可选 " + String.join("、", field.choices().values()));
      }
      positions.add(codes.indexOf(code.get()));
    }
    return Checked.ok(
        positions.isEmpty() ? null : String.join(",", positions.stream().map(codes::get).toList()));
  }

  private static Checked codes(String text) {
    TreeSet<String> codes = new TreeSet<>();
    for (String part : LIST_SEPARATOR.split(text)) {
      String code = part.strip();
      if (code.isEmpty()) {
        continue;
      }
      if (!CODE.matcher(code).matches()) {
        return Checked.refused("不是有效的代码: " + code);
      }
      codes.add(code);
    }
    return Checked.ok(codes.isEmpty() ? null : String.join(",", codes));
  }
}
