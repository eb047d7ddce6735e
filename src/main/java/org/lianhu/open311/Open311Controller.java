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
  private final String jurisdiction;
  private final String contact;

  public Open311Controller(
      Open311Requests requests,
      ObjectMapper json,
      @org.springframework.beans.factory.annotation.Value("${lianhu.open311.api-keys:}")
          List<String> apiKeys,
      @org.springframework.beans.factory.annotation.Value(
              "${lianhu.open311.jurisdiction-id:lianhu}")
          String jurisdiction,
      @org.springframework.beans.factory.annotation.Value("${lianhu.open311.contact:}")
          String contact) {
    this.requests = requests;
    this.json = json;
    this.apiKeys = apiKeys.stream().filter(k -> !k.isBlank()).toList();
    this.jurisdiction = jurisdiction;
    this.contact = contact;
  }

  /**
   * Service discovery (GeoReport v2's discovery document): this one production endpoint, its
   * formats, and who to ask for an api_key.
   */
  @GetMapping("/discovery.{format}")
  public ResponseEntity<String> discovery(
      @PathVariable String format, jakarta.servlet.http.HttpServletRequest request) {
    if (!Open311Format.supported(format)) {
      return Open311Format.error(HttpStatus.NOT_FOUND, "json", "format must be json or xml", json);
    }
    String base =
        org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
            .path("/open311/v2")
            .toUriString();
    Map<String, Object> endpoint = new java.util.LinkedHashMap<>();
    endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
    endpoint.put("url", base);
    endpoint.put("changeset", CHANGESET);
    endpoint.put("type", "production");
    endpoint.put("formats", List.of("text/xml", "application/json"));
    Map<String, Object> discovery = new java.util.LinkedHashMap<>();
    discovery.put("changeset", CHANGESET);
    discovery.put("contact", contact.isBlank() ? "县综治中心" : contact);
    discovery.put("key_service", "api_key 由县综治中心发放（lianhu.open311.api-keys）");
    discovery.put("endpoints", List.of(endpoint));
    return Open311Format.object(HttpStatus.OK, format, "discovery", discovery, json);
  }

  /** When this endpoint's behaviour last changed (discovery's changeset). */
  static final String CHANGESET = "2026-12-04T00:00:00+08:00";

  /**
   * {@code jurisdiction_id} is accepted and ignored when empty or Lianhu's own (one county per
   * server); another is unknown here.
   */
  private void checkJurisdiction(String jurisdictionId) {
    if (jurisdictionId != null
        && !jurisdictionId.isBlank()
        && !jurisdictionId.trim().equals(jurisdiction)) {
      throw new Open311Requests.Refused(404, "unknown jurisdiction_id " + jurisdictionId.trim());
    }
  }

  @GetMapping("/tokens/{token}.{format}")
  public ResponseEntity<String> token(
      @PathVariable String token,
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    return answer(
        format,
        "service_requests",
        "request",
        () -> {
          checkJurisdiction(jurisdictionId);
          return List.of(requests.token(token));
        });
  }

  /** The updates of public cases since {@code start_date} (FixMyStreet's extension). */
  @GetMapping("/servicerequestupdates.{format}")
  public ResponseEntity<String> updates(
      @PathVariable String format,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
      @RequestParam(name = "page", required = false) String page,
      @RequestParam(name = "page_size", required = false) String pageSize) {
    return answer(
        format,
        "service_request_updates",
        "request_update",
        () -> {
          checkJurisdiction(jurisdictionId);
          Instant end = instant(endDate, "end_date", EngineClock.now().plusSeconds(1));
          Instant start = instant(startDate, "start_date", end.minus(java.time.Duration.ofDays(1)));
          int[] paging = paging(page, pageSize);
          return requests.updates(start, end, paging[0], paging[1]);
        });
  }

  /** {@code page} (from 1) and {@code page_size} (at most 1000): [offset, limit]. */
  static int[] paging(String page, String pageSize) {
    int number = whole(page, "page", 1, 1, 100_000);
    int size =
        whole(pageSize, "page_size", Open311Requests.MAX_LISTED, 1, Open311Requests.MAX_LISTED);
    return new int[] {(number - 1) * size, size};
  }

  private static int whole(String value, String field, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new Open311Requests.Refused(
        400, field + " must be a whole number from " + min + " to " + max);
  }

  /** Anything Spring refuses about a request to these endpoints, in Open311's error list. */
  @org.springframework.web.bind.annotation.ExceptionHandler({
    org.springframework.web.bind.MissingServletRequestParameterException.class,
    org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
    org.springframework.web.HttpMediaTypeNotSupportedException.class,
    org.springframework.http.converter.HttpMessageNotReadableException.class
  })
  public ResponseEntity<String> refused(
      Exception refused, jakarta.servlet.http.HttpServletRequest request) {
    HttpStatus status =
        refused instanceof org.springframework.web.HttpMediaTypeNotSupportedException
            ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
            : HttpStatus.BAD_REQUEST;
    return Open311Format.error(
        status, Open311Errors.formatOf(request.getRequestURI()), refused.getMessage(), json);
  }

  @GetMapping("/services.{format}")
  public ResponseEntity<String> services(
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    return answer(
        format,
        "services",
        "service",
        () -> {
          checkJurisdiction(jurisdictionId);
          return requests.services();
        });
  }

  @GetMapping("/services/{code}.{format}")
  public ResponseEntity<String> definition(
      @PathVariable String code,
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    return answer(
        format,
        "service_definition",
        "service_definition",
        () -> {
          checkJurisdiction(jurisdictionId);
          return List.of(requests.definition(code));
        });
  }

  @PostMapping(
      value = "/requests.{format}",
      consumes = {
        org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
        org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE
      })
  public ResponseEntity<String> create(
      @PathVariable String format, @RequestParam Map<String, String> form) {
    if (!Open311Format.supported(format)) {
      return Open311Format.error(HttpStatus.NOT_FOUND, "json", "format must be json or xml", json);
    }
    try {
      checkJurisdiction(form.get("jurisdiction_id"));
      if (!known(form.get("api_key"))) {
        return Open311Format.error(
            HttpStatus.FORBIDDEN, format, "api_key missing or not valid", json);
      }
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
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
      @RequestParam(name = "page", required = false) String page,
      @RequestParam(name = "page_size", required = false) String pageSize) {
    return answer(
        format,
        "service_requests",
        "request",
        () -> {
          checkJurisdiction(jurisdictionId);
          int[] paging = paging(page, pageSize);
          if (status != null && !status.equals("open") && !status.equals("closed")) {
            throw new Open311Requests.Refused(400, "status must be open or closed");
          }
          Instant end = instant(endDate, "end_date", EngineClock.now().plusSeconds(1));
          Instant start =
              instant(startDate, "start_date", end.minus(java.time.Duration.ofDays(90)));
          List<String> wanted = ids == null ? null : Arrays.asList(ids.split(","));
          return requests.find(wanted, serviceCode, start, end, status, paging[0], paging[1]);
        });
  }

  @GetMapping("/requests/{id}.{format}")
  public ResponseEntity<String> one(
      @PathVariable String id,
      @PathVariable String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
    return answer(
        format,
        "service_requests",
        "request",
        () -> {
          checkJurisdiction(jurisdictionId);
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
