package org.lianhu.web;

import java.net.URI;
import java.util.Map;
import org.lianhu.refusal.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 7807 problems the API answers with. Each has a stable type URI under {@code /problems/} that
 * clients can switch on, a Chinese title for people and a detail naming what was wrong.
 */
public final class Problems {

  private Problems() {}

  public static ErrorResponseException invalid(String field, String detail) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "invalid-request",
        "请求参数有误",
        detail,
        Map.of("errors", Map.of(field, detail)));
  }

  public static ErrorResponseException unauthenticated(String detail) {
    return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "需要登录", detail, Map.of());
  }

  public static ErrorResponseException notFound(String detail) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "未找到", detail, Map.of());
  }

  public static ErrorResponseException forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", "无权访问", detail, Map.of());
  }

  public static ErrorResponseException conflict(String type, String title, String detail) {
    return problem(HttpStatus.CONFLICT, type, title, detail, Map.of());
  }

  public static ErrorResponseException unprocessable(String type, String title, String detail) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, type, title, detail, Map.of());
  }

  /**
   * The problem a domain refusal is answered with: the same type, title, detail and field as the
   * rest.
   */
  public static ErrorResponseException of(Refusal refusal) {
    return switch (refusal.kind()) {
      case INVALID -> invalid(refusal.field(), refusal.getMessage());
      case UNAUTHENTICATED -> {
        ErrorResponseException problem = unauthenticated(refusal.getMessage());
        problem.getHeaders().set("WWW-Authenticate", "Basic realm=\"lianhu\", charset=\"UTF-8\"");
        yield problem;
      }
      case FORBIDDEN -> forbidden(refusal.getMessage());
      case NOT_FOUND -> notFound(refusal.getMessage());
      case CONFLICT ->
          problem(
              HttpStatus.CONFLICT,
              refusal.type(),
              refusal.title(),
              refusal.getMessage(),
              refusal.properties());
      case TOO_LARGE, UNSUPPORTED_TYPE ->
          problem(
              refusal.kind() == Refusal.Kind.TOO_LARGE
                  ? HttpStatus.PAYLOAD_TOO_LARGE
                  : HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              refusal.type(),
              refusal.title(),
              refusal.getMessage(),
              refusal.field() == null
                  ? Map.of()
                  : Map.of("errors", Map.of(refusal.field(), refusal.getMessage())));
      case UNPROCESSABLE ->
          refusal.errors().isEmpty()
              ? unprocessable(refusal.type(), refusal.title(), refusal.getMessage())
              : problem(
                  HttpStatus.UNPROCESSABLE_ENTITY,
                  refusal.type(),
                  refusal.title(),
                  refusal.getMessage(),
                  Map.of("errors", refusal.errors()));
    };
  }

  public static URI type(String slug) {
    return URI.create("/problems/" + slug);
  }

  private static ErrorResponseException problem(
      HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(type));
    problem.setTitle(title);
    properties.forEach(problem::setProperty);
    return new ErrorResponseException(status, problem, null);
  }
}
