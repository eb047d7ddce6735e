package org.lianhu.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.lianhu.refusal.Refusal;
import org.springframework.web.ErrorResponseException;

/**
 * What every public endpoint checks the same way: enum choices, idempotency keys, tracking codes.
 */
public final class Requests {

  public static final int MAX_IDEMPOTENCY_KEY = 100;

  private Requests() {}

  /** The {@code Idempotency-Key} header, trimmed; null when absent. */
  public static String idempotencyKey(String header) {
    String key = header == null || header.isBlank() ? null : header.trim();
    if (key != null && key.length() > MAX_IDEMPOTENCY_KEY) {
      throw Problems.invalid(
          "Idempotency-Key", "Idempotency-Key 不能超过 " + MAX_IDEMPOTENCY_KEY + " 个字符");
    }
    return key;
  }

  /**
   * The tracking code from the {@code X-Tracking-Code} header or the {@code trackingCode}
   * parameter.
   */
  public static String trackingCode(String header, String parameter) {
    String code = header != null ? header : parameter;
    if (code == null || code.isBlank()) {
      throw Problems.invalid("trackingCode", "须提供查询码（请求头 X-Tracking-Code 或参数 trackingCode）");
    }
    return code;
  }

  /** A hash of the request body as JSON: a resend with the same key must carry the same request. */
  public static String fingerprint(ObjectMapper json, Object request) {
    try {
      byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint request", e);
    }
  }

  /** The answer to a wrong code or an unknown number (which look alike on purpose). */
  public static boolean notFound(RuntimeException e) {
    return (e instanceof ErrorResponseException problem && problem.getStatusCode().value() == 404)
        || (e instanceof Refusal refusal && refusal.kind() == Refusal.Kind.NOT_FOUND);
  }

  /**
   * User and password of an HTTP Basic {@code Authorization} header, or null when it is not one.
   */
  public static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
