package org.lianhu.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.lianhu.calendar.EngineClock;
import org.lianhu.org.InvalidLocation;
import org.lianhu.refusal.Refusal;
import org.lianhu.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 at {@code /open311/v2/}: JSON or XML by extension; posting needs an {@code
 * api_key}. Errors use GeoReport's own error list, which Open311 clients expect, rather than RFC
 * 7807 problem details.
 */
@RestController
@RequestMapping("/open311/v2")
public class Open311Controller {

  private final Open311Requests requests;
  private final ObjectMapper json;
  private final List<String> apiKeys;

  public Open311Controller(
      Open311Requests requests,
      ObjectMapper json,
      @org.springframework.beans.factory.annotation.Value("${lianhu.open311.api-keys:}")
          List<String> apiKeys) {
    this.requests = requests;
    this.json = json;
    this.apiKeys = apiKeys.stream().filter(k -> !k.isBlank()).toList();
  }

  @GetMapping("/services.{format}")
  public ResponseEntity<String> services(@PathVariable String format) {
    return answer(format, "services", "service", () -> requests.services());
  }

  @GetMapping("/services/{code}.{format}")
  public ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
    return answer(
        format,
        "service_definition",
        "service_definition",
        () -> List.of(requests.definition(code)));
  }

  @PostMapping("/requests.{format}")
  public ResponseEntity<String> create(
      @PathVariable String format, @RequestParam Map<String, String> form) {
    if (!Open311Format.supported(format)) {
      return Open311Format.error(HttpStatus.NOT_FOUND, "json", "format must be json or xml", json);
    }
    if (!known(form.get("api_key"))) {
      return Open311Format.error(
          HttpStatus.FORBIDDEN, format, "api_key missing or not valid", json);
    }
    try {
      return Open311Format.render(
          HttpStatus.CREATED,
          format,
          "service_requests",
          "request",
          List.of(requests.create(form)),
          json);
    } catch (Open311Requests.Refused refused) {
      return Open311Format.error(
          HttpStatus.valueOf(refused.status), format, refused.getMessage(), json);
    } catch (ErrorResponseException problem) {
      return Open311Format.error(
          HttpStatus.valueOf(problem.getStatusCode().value()),
          format,
          problem.getBody().getDetail(),
          json);
    } catch (Refusal refusal) {
      ErrorResponseException problem = Problems.of(refusal);
      return Open311Format.error(
          HttpStatus.valueOf(problem.getStatusCode().value()), format, refusal.getMessage(), json);
    } catch (InvalidLocation location) {
      return Open311Format.error(HttpStatus.BAD_REQUEST, format, location.getMessage(), json);
    }
  }

  @GetMapping("/requests.{format}")
  public ResponseEntity<String> find(
      @PathVariable String format,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String serviceCode,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(name = "status", required = false) String status) {
    return answer(
        format,
        "service_requests",
        "request",
        () -> {
          if (status != null && !status.equals("open") && !status.equals("closed")) {
            throw new Open311Requests.Refused(400, "status must be open or closed");
          }
          Instant end = instant(endDate, "end_date", EngineClock.now().plusSeconds(1));
          Instant start =
              instant(startDate, "start_date", end.minus(java.time.Duration.ofDays(90)));
          List<String> wanted = ids == null ? null : Arrays.asList(ids.split(","));
          return requests.find(wanted, serviceCode, start, end, status);
        });
  }

  @GetMapping("/requests/{id}.{format}")
  public ResponseEntity<String> one(@PathVariable String id, @PathVariable String format) {
    return answer(
        format,
        "service_requests",
        "request",
        () -> {
          List<Map<String, Object>> found = requests.find(List.of(id), null, null, null, null);
          if (found.isEmpty()) {
            throw new Open311Requests.Refused(404, "no service request " + id);
          }
          return found;
        });
  }

  private interface Items {
    List<? extends Map<String, ?>> get();
  }

  private ResponseEntity<String> answer(
      String format, String listName, String itemName, Items items) {
    if (!Open311Format.supported(format)) {
      return Open311Format.error(HttpStatus.NOT_FOUND, "json", "format must be json or xml", json);
    }
    try {
      return Open311Format.render(HttpStatus.OK, format, listName, itemName, items.get(), json);
    } catch (Open311Requests.Refused refused) {
      return Open311Format.error(
          HttpStatus.valueOf(refused.status), format, refused.getMessage(), json);
    }
  }

  private static Instant instant(String value, String field, Instant fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new Open311Requests.Refused(
          400, field + " must be a W3C date-time such as 2026-11-25T08:00:00+08:00");
    }
  }

  private boolean known(String apiKey) {
    if (apiKey == null) {
      return false;
    }
    byte[] given = apiKey.getBytes(StandardCharsets.UTF_8);
    return apiKeys.stream()
        .anyMatch(k -> MessageDigest.isEqual(k.getBytes(StandardCharsets.UTF_8), given));
  }
}
