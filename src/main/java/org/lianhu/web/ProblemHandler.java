package org.lianhu.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lianhu.org.InvalidLocation;
import org.lianhu.refusal.Refusal;
import org.lianhu.throttle.GuessThrottle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of Lianhu's own API into problem details; validation errors name each field.
 */
@RestControllerAdvice(basePackages = "org.lianhu")
public class ProblemHandler extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      errors.putIfAbsent(error.getField(), error.getDefaultMessage());
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "请求有 " + errors.size() + " 处不符合要求: " + String.join(", ", errors.keySet()));
    problem.setType(Problems.type("invalid-request"));
    problem.setTitle("请求参数有误");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  /** An upload without its file part (the organisation workbook's {@code file}). */
  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "缺少上传的文件（multipart 表单字段 " + ex.getRequestPartName() + "）");
    problem.setType(Problems.type("invalid-request"));
    problem.setTitle("请求参数有误");
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "上传的文件超过服务器允许的大小");
    problem.setType(Problems.type("payload-too-large"));
    problem.setTitle("文件过大");
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (causedBy(ex, BodySizeLimit.TooLarge.class)) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "请求体不能超过 " + BodySizeLimit.MAX_BODY_BYTES / 1024 + " KB");
      problem.setType(Problems.type("payload-too-large"));
      problem.setTitle("请求体过大");
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }
    String detail = "请求体不是有效的 JSON";
    if (causedBy(ex, java.io.CharConversionException.class)
        || String.valueOf(ex.getMessage()).contains("UTF-8")) {
      detail = "请求体不是有效的 UTF-8 编码的 JSON";
    } else if (ex.getCause() instanceof StrictJson.ControlCharacter text) {
      detail = "字段 " + fieldPath(text) + " 含有控制字符（如 NUL），请删除后重新提交";
    } else if (ex.getCause() instanceof MismatchedInputException mapping
        && !mapping.getPath().isEmpty()) {
      detail = "字段 " + fieldPath(mapping) + " 的值类型不对";
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setType(Problems.type("unreadable-request"));
    problem.setTitle("请求无法解析");
    return ResponseEntity.badRequest().body(problem);
  }

  /** A domain refusal: the problem details every API error has. */
  @ExceptionHandler(Refusal.class)
  ResponseEntity<ProblemDetail> refusal(Refusal refusal) {
    ErrorResponseException problem = Problems.of(refusal);
    return ResponseEntity.status(problem.getStatusCode())
        .headers(problem.getHeaders())
        .body(problem.getBody());
  }

  /** The organisation's refusal of a location: a 400 naming the field, as every invalid request. */
  @ExceptionHandler(InvalidLocation.class)
  ResponseEntity<ProblemDetail> invalidLocation(InvalidLocation ex) {
    return ResponseEntity.badRequest()
        .body(Problems.invalid(ex.field(), ex.getMessage()).getBody());
  }

  @ExceptionHandler(GuessThrottle.TooManyGuesses.class)
  ResponseEntity<ProblemDetail> tooManyGuesses(GuessThrottle.TooManyGuesses ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS, "查询码错误次数过多，请于 " + ex.retryAfter().toMinutes() + " 分钟后再试");
    problem.setType(Problems.type("too-many-wrong-codes"));
    problem.setTitle("尝试次数过多");
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
        .body(problem);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException ex) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
    problem.setType(Problems.type("invalid-request"));
    problem.setTitle("请求参数有误");
    return ResponseEntity.badRequest().body(problem);
  }

  /**
   * Errors the framework answers itself (unsupported media type, bad parameters, unknown method...)
   * get a Lianhu problem type and a Chinese title, like every other error of the API.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (response != null
        && response.getBody() instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      switch (statusCode.value()) {
        case 400 -> name(problem, "invalid-request", "请求参数有误");
        case 404 -> name(problem, "not-found", "未找到");
        case 405 -> name(problem, "method-not-allowed", "不支持该请求方法");
        case 406 -> name(problem, "not-acceptable", "无法提供所要求的格式");
        case 413 -> name(problem, "payload-too-large", "请求体过大");
        case 415 -> name(problem, "unsupported-media-type", "请求体须为 application/json");
        default -> {}
      }
    }
    return response;
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    ex.getParameterValidationResults()
        .forEach(
            result ->
                result
                    .getResolvableErrors()
                    .forEach(
                        error ->
                            errors.putIfAbsent(
                                result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "参数不符合要求: " + String.join(", ", errors.keySet()));
    name(problem, "invalid-request", "请求参数有误");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  private static void name(ProblemDetail problem, String type, String title) {
    problem.setType(Problems.type(type));
    problem.setTitle(title);
  }

  private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
    for (Throwable cause = ex;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static String fieldPath(JsonMappingException mapping) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
