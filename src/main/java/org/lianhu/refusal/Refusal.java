package org.lianhu.refusal;

import java.util.List;
import java.util.Map;

/**
 * The domain's "no": a request the rules refuse, with what the caller needs to know, and no HTTP in
 * it. Only the web layer turns it into problem details (RFC 7807) or, under {@code /open311/},
 * Open311's own error list. {@link #type()} names the problem ({@code /problems/<type>}).
 */
public class Refusal extends RuntimeException {

  /** What kind of refusal, which the web layer answers with its status. */
  public enum Kind {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    UNPROCESSABLE,
    TOO_LARGE,
    UNSUPPORTED_TYPE
  }

  private final Kind kind;
  private final String type;
  private final String title;
  private final String field;
  private final List<?> errors;
  private final Map<String, Object> properties;

  private Refusal(Kind kind, String type, String title, String field, String detail) {
    this(kind, type, title, field, detail, List.of(), Map.of());
  }

  private Refusal(
      Kind kind,
      String type,
      String title,
      String field,
      String detail,
      List<?> errors,
      Map<String, Object> properties) {
    super(detail);
    this.kind = kind;
    this.type = type;
    this.title = title;
    this.field = field;
    this.errors = List.copyOf(errors);
    this.properties = Map.copyOf(properties);
  }

  /**
   * A request refused for many reasons at once, each one an entry of {@code errors} (records the
   * web layer writes as JSON objects): a workbook's validation report.
   */
  public static Refusal unprocessable(String type, String title, String detail, List<?> errors) {
    return new Refusal(Kind.UNPROCESSABLE, type, title, null, detail, errors, Map.of());
  }

  /**
   * A conflict with what the caller needs to go on, as extra members of the problem (the case a
   * repeat report belongs to).
   */
  public static Refusal conflict(
      String type, String title, String detail, Map<String, Object> properties) {
    return new Refusal(Kind.CONFLICT, type, title, null, detail, List.of(), properties);
  }

  /** Extra members of the problem; empty for most refusals. */
  public Map<String, Object> properties() {
    return properties;
  }

  /** The entries of a refusal with many reasons; empty for one with a single reason. */
  public List<?> errors() {
    return errors;
  }

  /**
   * A value the rules do not take; {@code field} as the API names it ({@code location.address}).
   */
  public static Refusal invalid(String field, String detail) {
    return new Refusal(Kind.INVALID, "invalid-request", "请求参数有误", field, detail);
  }

  /** A claim that needs a login the request does not carry. */
  public static Refusal unauthenticated(String detail) {
    return new Refusal(Kind.UNAUTHENTICATED, "unauthenticated", "需要登录", null, detail);
  }

  public static Refusal forbidden(String detail) {
    return new Refusal(Kind.FORBIDDEN, "forbidden", "无权访问", null, detail);
  }

  public static Refusal notFound(String detail) {
    return new Refusal(Kind.NOT_FOUND, "not-found", "未找到", null, detail);
  }

  public static Refusal conflict(String type, String title, String detail) {
    return new Refusal(Kind.CONFLICT, type, title, null, detail);
  }

  /** A file larger than the rules allow (an upload's own limit, not the request's). */
  public static Refusal tooLarge(String field, String detail) {
    return new Refusal(Kind.TOO_LARGE, "file-too-large", "文件过大", field, detail);
  }

  /** A file whose content is of a type the rules do not take, whatever its name says. */
  public static Refusal unsupportedType(String field, String detail) {
    return new Refusal(Kind.UNSUPPORTED_TYPE, "unsupported-file-type", "文件类型不支持", field, detail);
  }

  public static Refusal unprocessable(String type, String title, String detail) {
    return new Refusal(Kind.UNPROCESSABLE, type, title, null, detail);
  }

  public Kind kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** The field at fault, for {@link Kind#INVALID}; null otherwise. */
  public String field() {
    return field;
  }
}
