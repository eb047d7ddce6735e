package org.lianhu.orgadmin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lianhu.calendar.CountyClock;
import org.lianhu.refusal.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The county administrators' API for the organisation (docs/organisation.md): the workbook's
 * template, import and export, the rows of each level with single edits, the audit and the checks
 * against the routing table. Every call is refused (403) to anyone but an administrator.
 */
@RestController
@RequestMapping("/api/admin/organisation")
class OrganisationAdminController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final AdminAccess access;
  private final OrganisationImport imports;
  private final OrganisationEdits edits;
  private final OrganisationViews views;
  private final WorkbookExport workbooks;
  private final CountyClock clock;
  private final HeadLoginWriter headLogins;

  OrganisationAdminController(
      AdminAccess access,
      OrganisationImport imports,
      OrganisationEdits edits,
      OrganisationViews views,
      WorkbookExport workbooks,
      CountyClock clock,
      HeadLoginWriter headLogins) {
    this.headLogins = headLogins;
    this.access = access;
    this.imports = imports;
    this.edits = edits;
    this.views = views;
    this.workbooks = workbooks;
    this.clock = clock;
  }

  private static final Set<String> KNOWN_FIELDS =
      java.util.Arrays.stream(OrgKind.values())
          .flatMap(k -> k.fields().stream())
          .map(Field::code)
          .collect(java.util.stream.Collectors.toSet());

  record Body(String code, Map<String, String> fields) {}

  record RetireBody(String successor) {}

  record PasswordBody(String password) {}

  @GetMapping("/kinds")
  List<Map<String, Object>> kinds() {
    access.require();
    return views.kinds();
  }

  @GetMapping("/template.xlsx")
  ResponseEntity<StreamingResponseBody> template() {
    access.require();
    return xlsx("组织机构导入模板.xlsx", workbooks::template);
  }

  @GetMapping("/export.xlsx")
  ResponseEntity<StreamingResponseBody> export() {
    access.require();
    return xlsx("组织机构-" + clock.today() + ".xlsx", workbooks::export);
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  OrganisationImport.Result importWorkbook(
      @RequestPart("file") MultipartFile file,
      @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun)
      throws IOException {
    String actor = access.require();
    Path copy = Files.createTempFile("lianhu-organisation-", ".xlsx");
    try {
      try (InputStream in = file.getInputStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return imports.importWorkbook(copy, actor, dryRun);
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  @GetMapping("/audit")
  Map<String, Object> audit(
      @RequestParam(required = false) String entity,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String importId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    access.require();
    if (entity != null) {
      kind(entity);
    }
    AuditQuery query =
        new AuditQuery(entity, code, actor, day(from, "from", 0), day(to, "to", 1), importId);
    return views.audit(query, page(page), size(size));
  }

  /** How many units' heads' logins an import still has to write on this node. */
  @GetMapping("/identity")
  Map<String, Object> identity() {
    access.require();
    return Map.of("headLoginsPending", headLogins.pending());
  }

  @GetMapping("/checks")
  Map<String, Object> checks() {
    access.require();
    return Map.of("problems", views.checks());
  }

  @GetMapping("/{kind}")
  Map<String, Object> list(
      @PathVariable String kind,
      @RequestParam(required = false) String parent,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "false") boolean includeRetired,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    access.require();
    String query = q == null || q.isBlank() ? null : q.strip();
    return views.list(kind(kind), parent, query, includeRetired, page(page), size(size));
  }

  @GetMapping("/{kind}/{code}")
  Map<String, Object> one(@PathVariable String kind, @PathVariable String code) {
    access.require();
    OrgKind of = kind(kind);
    return views.item(edits.get(of, code));
  }

  @PostMapping("/{kind}")
  ResponseEntity<Map<String, Object>> create(@PathVariable String kind, @RequestBody Body body) {
    String actor = access.require();
    OrgKind of = kind(kind);
    if (body == null || body.code() == null || body.code().isBlank()) {
      throw Refusal.invalid("code", "须填写代码");
    }
    OrganisationEdits.Edited edited = edits.create(of, body.code().strip(), fields(body), actor);
    return ResponseEntity.status(HttpStatus.CREATED).body(views.item(edited.record()));
  }

  @PatchMapping("/{kind}/{code}")
  Map<String, Object> change(
      @PathVariable String kind, @PathVariable String code, @RequestBody Body body) {
    String actor = access.require();
    Map<String, String> fields = fields(body);
    if (fields.containsKey("code") && !code.equals(fields.get("code"))) {
      throw Refusal.invalid("fields.code", "代码不可更改");
    }
    OrganisationEdits.Edited edited = edits.change(kind(kind), code, fields, actor);
    Map<String, Object> answer = views.item(edited.record());
    answer.put("handedOverTasks", edited.handedOverTasks());
    return answer;
  }

  @PostMapping("/{kind}/{code}/retire")
  Map<String, Object> retire(
      @PathVariable String kind,
      @PathVariable String code,
      @RequestBody(required = false) RetireBody body) {
    String actor = access.require();
    OrganisationEdits.Edited edited =
        edits.retire(kind(kind), code, body == null ? null : body.successor(), actor);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("item", views.item(edited.record()));
    answer.put("handedOverTasks", edited.handedOverTasks());
    return answer;
  }

  @PostMapping("/staff/{code}/password")
  ResponseEntity<Void> password(@PathVariable String code, @RequestBody PasswordBody body) {
    String actor = access.require();
    edits.resetPassword(code, body == null ? null : body.password(), actor);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/units/{code}/head-password")
  ResponseEntity<Void> headPassword(@PathVariable String code, @RequestBody PasswordBody body) {
    String actor = access.require();
    edits.resetHeadPassword(code, body == null ? null : body.password(), actor);
    return ResponseEntity.noContent().build();
  }

  private static Map<String, String> fields(Body body) {
    if (body == null || body.fields() == null) {
      return Map.of();
    }
    for (String field : body.fields().keySet()) {
      if (!"retired".equals(field) && !KNOWN_FIELDS.contains(field)) {
        throw Refusal.invalid("fields." + field, "未知字段: " + field);
      }
    }
    return body.fields();
  }

  private static OrgKind kind(String path) {
    return OrgKind.ofPath(path).orElseThrow(() -> Refusal.notFound("未知的组织层级: " + path));
  }

  private java.time.Instant day(String text, String field, int plusDays) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip())
          .plusDays(plusDays)
          .atStartOfDay(clock.zone())
          .toInstant();
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(field, "日期格式须为 yyyy-MM-dd");
    }
  }

  private static int page(int page) {
    if (page < 0) {
      throw Refusal.invalid("page", "page 不能为负数");
    }
    return page;
  }

  private static int size(int size) {
    if (size < 1 || size > 500) {
      throw Refusal.invalid("size", "size 须在 1 到 500 之间");
    }
    return size;
  }

  private interface Writer {
    void write(java.io.OutputStream out) throws IOException;
  }

  private static ResponseEntity<StreamingResponseBody> xlsx(String name, Writer writer) {
    String encoded =
        java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"organisation.xlsx\"; filename*=UTF-8''" + encoded)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(writer::write);
  }
}
