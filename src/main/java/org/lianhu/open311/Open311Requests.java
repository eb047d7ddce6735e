package org.lianhu.open311;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lianhu.calendar.CountyClock;
import org.lianhu.cases.CaseCategory;
import org.lianhu.cases.CaseIntake;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseStatus;
import org.lianhu.cases.Cases;
import org.lianhu.cases.PublicUpdate;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.org.Location;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.web.StrictJson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open311 GeoReport v2 mapped onto Lianhu's case loop: services are the case categories, a service
 * request is a case (its id the case number). Disputes are never listed publicly: they concern
 * people.
 */
@Service
public class Open311Requests {

  /** A request Open311 clients may not make, with the reason. */
  static class Refused extends RuntimeException {
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  static final Set<String> DISPUTES = Set.of("dispute");
  static final int MAX_LISTED = 1000;
  static final int MAX_MEDIA_URL = 500;

  private final Cases cases;
  private final CaseIntake intake;
  private final OrganisationDirectory directory;
  private final Validator validator;
  private final CountyClock clock;

  public Open311Requests(
      Cases cases,
      CaseIntake intake,
      OrganisationDirectory directory,
      Validator validator,
      CountyClock clock) {
    this.cases = cases;
    this.intake = intake;
    this.directory = directory;
    this.validator = validator;
    this.clock = clock;
  }

  List<Map<String, Object>> services() {
    return cases.categories().stream()
        .map(
            category -> {
              Map<String, Object> service = new LinkedHashMap<>();
              service.put("service_code", category.code());
              service.put("service_name", category.name());
              service.put("description", category.name());
              service.put("metadata", true);
              service.put("type", "realtime");
              service.put("keywords", category.code().replace('_', ','));
              service.put("group", DISPUTES.contains(category.code()) ? "矛盾纠纷" : "城乡治理");
              return service;
            })
        .toList();
  }

  Map<String, Object> definition(String code) {
    CaseCategory category = cases.category(code).orElse(null);
    if (category == null || !Boolean.TRUE.equals(category.active())) {
      throw new Refused(404, "unknown service_code " + code);
    }
    Map<String, Object> urgency = new LinkedHashMap<>();
    urgency.put("variable", true);
    urgency.put("code", "urgency");
    urgency.put("datatype", "singlevaluelist");
    urgency.put("required", false);
    urgency.put("datatype_description", "紧急程度");
    urgency.put("order", 1);
    urgency.put("description", "紧急程度（默认一般）");
    urgency.put(
        "values", List.of(value("normal", "一般"), value("urgent", "紧急"), value("emergency", "特急")));
    Map<String, Object> liaisonUnit = new LinkedHashMap<>();
    liaisonUnit.put("variable", true);
    liaisonUnit.put("code", "liaison_unit");
    liaisonUnit.put("datatype", "string");
    liaisonUnit.put("required", false);
    liaisonUnit.put("datatype_description", "联户单元代码");
    liaisonUnit.put("order", 2);
    liaisonUnit.put("description", "所在联户单元（可选）");
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("service_code", category.code());
    definition.put("attributes", List.of(urgency, liaisonUnit));
    return definition;
  }

  private static Map<String, Object> value(String key, String name) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("key", key);
    value.put("name", name);
    return value;
  }

  /** POST requests: the fields of GeoReport v2, mapped onto a report. */
  @Transactional
  Map<String, Object> create(Map<String, String> form) {
    String serviceCode = form.get("service_code");
    if (serviceCode == null || serviceCode.isBlank()) {
      throw new Refused(400, "service_code is required");
    }
    definition(serviceCode);
    BigDecimal lat = decimal(form.get("lat"), "lat");
    BigDecimal lng = decimal(form.get("long"), "long");
    String address = form.get("address_string");
    if ((address == null || address.isBlank()) && (lat == null || lng == null)) {
      throw new Refused(400, "a location is required: lat and long, or address_string");
    }
    if (address == null || address.isBlank()) {
      address = "坐标 " + lat.toPlainString() + "," + lng.toPlainString();
    }
    for (String field :
        List.of("description", "first_name", "last_name", "address_string", "phone", "email")) {
      if (StrictJson.hasControlCharacter(form.get(field))) {
        throw new Refused(400, field + " contains a control character");
      }
    }
    String name = (nullToEmpty(form.get("last_name")) + nullToEmpty(form.get("first_name"))).trim();
    ReportCaseRequest report =
        new ReportCaseRequest(
            serviceCode,
            form.get("description"),
            new Location(address, lat, lng, blankToNull(form.get("attribute[liaison_unit]"))),
            blankToNull(form.get("attribute[urgency]")),
            new ReportCaseRequest.Reporter(
                name.isEmpty() ? "Open311 用户" : name,
                form.get("phone"),
                blankToNull(form.get("email"))),
            "resident");
    Set<ConstraintViolation<ReportCaseRequest>> violations = validator.validate(report);
    if (!violations.isEmpty()) {
      List<String> messages = new ArrayList<>();
      violations.forEach(
          v -> messages.add(field(v.getPropertyPath().toString()) + ": " + v.getMessage()));
      throw new Refused(400, String.join("; ", messages));
    }
    CaseReceipt receipt = intake.report(report, null, mediaUrl(form.get("media_url")));
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("service_request_id", receipt.caseNo());
    created.put(
        "service_notice", "已受理，事件编号 " + receipt.caseNo() + "，查询码 " + receipt.trackingCode());
    created.put("account_id", null);
    return created;
  }

  /** The Open311 field a violation is about, for a client that never saw Lianhu's field names. */
  private static String field(String path) {
    return switch (path) {
      case "description" -> "description";
      case "reporter.phone" -> "phone";
      case "reporter.name" -> "first_name/last_name";
      case "reporter.email" -> "email";
      case "location.address" -> "address_string";
      case "location.latitude" -> "lat";
      case "location.longitude" -> "long";
      case "category" -> "service_code";
      default -> path;
    };
  }

  /** A link the client holds; Lianhu stores and shows it, and never fetches it. */
  static String mediaUrl(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String url = value.trim();
    if (url.length() > MAX_MEDIA_URL
        || StrictJson.hasControlCharacter(url)
        || !(url.startsWith("https://") || url.startsWith("http://"))) {
      throw new Refused(
          400, "media_url must be an http(s) URL of at most " + MAX_MEDIA_URL + " characters");
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      if (uri.getHost() == null) {
        throw new Refused(400, "media_url has no host");
      }
    } catch (java.net.URISyntaxException e) {
      throw new Refused(400, "media_url is not a valid URL");
    }
    return url;
  }

  @Transactional(readOnly = true)
  List<Map<String, Object>> find(
      List<String> ids, String serviceCode, Instant start, Instant end, String status) {
    return find(ids, serviceCode, start, end, status, 0, MAX_LISTED);
  }

  @Transactional(readOnly = true)
  List<Map<String, Object>> find(
      List<String> ids,
      String serviceCode,
      Instant start,
      Instant end,
      String status,
      int offset,
      int limit) {
    List<CaseRecord> found = new ArrayList<>();
    if (ids != null && !ids.isEmpty()) {
      ids.stream()
          .limit(MAX_LISTED)
          .map(String::trim)
          .map(cases::byNo)
          .flatMap(Optional::stream)
          .forEach(found::add);
    } else {
      found.addAll(
          cases.publicList(
              serviceCode,
              start,
              end,
              status == null ? null : "closed".equals(status),
              offset,
              limit));
    }
    return found.stream().filter(r -> publiclyListed(r.category())).map(this::request).toList();
  }

  /**
   * Only categories the county lists publicly (infrastructure): never police, disputes or welfare
   * cases.
   */
  private boolean publiclyListed(String code) {
    return cases.category(code).map(CaseCategory::listedPublicly).orElse(false);
  }

  private Map<String, Object> request(CaseRecord record) {
    CaseCategory category = cases.category(record.category()).orElse(null);
    boolean closed = !record.caseStatus().isOpen();
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("service_request_id", record.caseNo());
    request.put("status", closed ? "closed" : "open");
    // The status only: a rejection reason or a handler's result may name people and is for the
    // reporter,
    // who reads it on the tracking page with their code.
    request.put("status_notes", record.caseStatus().label());
    request.put("service_name", category == null ? record.category() : category.name());
    request.put("service_code", record.category());
    request.put("description", record.description());
    request.put(
        "agency_responsible",
        directory.department(record.departmentCode()).map(d -> d.name()).orElse(null));
    request.put("service_notice", record.caseStatus().label());
    request.put("requested_datetime", timestamp(record.createdAt()));
    Instant updated =
        latest(record.closedAt(), record.resolvedAt(), record.respondedAt(), record.createdAt());
    request.put("updated_datetime", timestamp(updated));
    request.put(
        "expected_datetime",
        timestamp(record.handleDue() != null ? record.handleDue() : record.responseDue()));
    request.put("address", record.address());
    request.put("address_id", null);
    request.put("zipcode", null);
    request.put("lat", record.latitude());
    request.put("long", record.longitude());
    request.put("media_url", record.mediaUrl());
    return request;
  }

  /**
   * Lianhu answers a POST with the service_request_id at once and issues no tokens; a client that
   * holds an id in the token's place gets it back, anything else is unknown.
   */
  @Transactional(readOnly = true)
  Map<String, Object> token(String token) {
    CaseRecord record = cases.byNo(token).filter(r -> publiclyListed(r.category())).orElse(null);
    if (record == null) {
      throw new Refused(
          404, "unknown token " + token + "; requests are answered with their id at once");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("service_request_id", record.caseNo());
    answer.put("token", token);
    return answer;
  }

  /**
   * The update feed FixMyStreet polls ({@code servicerequestupdates}): each public step of a
   * publicly listed case, described by the step's name only (a remark may name people), with the
   * status after it in mySociety's states (OPEN, CLOSED, FIXED, DUPLICATE,
   * NOT_COUNCILS_RESPONSIBILITY, NO_FURTHER_ACTION, INTERNAL_REFERRAL).
   */
  @Transactional(readOnly = true)
  List<Map<String, Object>> updates(Instant start, Instant end, int offset, int limit) {
    return cases.publicUpdates(start, end, offset, limit).stream()
        .map(
            u -> {
              Map<String, Object> update = new LinkedHashMap<>();
              update.put("update_id", String.valueOf(u.updateId()));
              update.put("service_request_id", u.caseNo());
              update.put("status", updateStatus(u));
              update.put("updated_datetime", timestamp(u.occurredAt()));
              update.put("description", u.action());
              update.put("media_url", u.mediaUrl());
              return update;
            })
        .toList();
  }

  /** The case's state after the step: its final state on the step that finished it, else open. */
  static String updateStatus(PublicUpdate update) {
    CaseStatus status = CaseStatus.valueOf(update.status());
    if (status.isOpen() || !FINISHING_STEPS.contains(update.action())) {
      return "OPEN";
    }
    if (status == CaseStatus.MERGED) {
      return "DUPLICATE";
    }
    if (status == CaseStatus.REJECTED) {
      return "CLOSED";
    }
    return switch (update.outcome() == null ? "" : update.outcome()) {
      case "resolved" -> "FIXED";
      case "redirected" -> "NOT_COUNCILS_RESPONSIBILITY";
      case "explained" -> "NO_FURTHER_ACTION";
      case "mediation" -> "INTERNAL_REFERRAL";
      default -> "CLOSED";
    };
  }

  /** The public steps that finish a case. */
  static final Set<String> FINISHING_STEPS =
      Set.of(CaseLifecycle.CLOSED_STEP, CaseLifecycle.REJECTED_STEP, CaseLifecycle.MERGED_STEP);

  private String timestamp(Instant instant) {
    return instant == null ? null : clock.isoDateTime(instant);
  }

  private static Instant latest(Instant... instants) {
    Instant latest = null;
    for (Instant instant : instants) {
      if (instant != null && (latest == null || instant.isAfter(latest))) {
        latest = instant;
      }
    }
    return latest;
  }

  private static BigDecimal decimal(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      BigDecimal number = new BigDecimal(value.trim());
      // 1e-1000000000 is a number, but not a coordinate: its plain form would be a gigabyte long.
      if (number.scale() > 12 || number.precision() - number.scale() > 3) {
        throw new Refused(400, field + " is not a coordinate");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new Refused(400, field + " is not a number");
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
