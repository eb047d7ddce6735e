package org.lianhu.allowance;

import java.util.List;
import java.util.Map;
import org.lianhu.org.Community;
import org.lianhu.org.LiaisonUnit;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Street;
import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.PostAccess;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The heads' pay: the street's monthly sheet (JSON and XLSX), the annual award, a head's own. */
@RestController
class AllowanceController {

  record SheetBody(String street, String month) {}

  record SheetView(PaySheet sheet, List<PayLine> lines) {}

  record AwardBody(Integer year, String head, String note) {}

  record DecisionBody(Boolean approve, String note) {}

  record AccountBody(String account) {}

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final PaySheets sheets;
  private final Awards awards;
  private final Terms terms;
  private final PostAccess access;
  private final OrganisationDirectory directory;

  AllowanceController(
      PaySheets sheets,
      Awards awards,
      Terms terms,
      PostAccess access,
      OrganisationDirectory directory) {
    this.sheets = sheets;
    this.awards = awards;
    this.terms = terms;
    this.access = access;
    this.directory = directory;
  }

  @PostMapping("/api/staff/pay-sheets")
  @ResponseStatus(HttpStatus.CREATED)
  SheetView draw(@RequestBody SheetBody body) {
    PaySheet sheet = sheets.draw(body.street(), body.month());
    return new SheetView(sheet, sheets.lines(sheet.id()));
  }

  @GetMapping("/api/staff/pay-sheets/{id}")
  SheetView get(@PathVariable long id) {
    List<PayLine> lines = sheets.lines(id);
    return new SheetView(sheets.sheet(id), lines);
  }

  @PostMapping("/api/staff/pay-sheets/{id}/approval")
  SheetView approve(@PathVariable long id) {
    PaySheet sheet = sheets.approve(id);
    return new SheetView(sheet, sheets.lines(id));
  }

  @GetMapping("/api/staff/pay-sheets/{id}/xlsx")
  ResponseEntity<byte[]> workbook(@PathVariable long id) {
    List<PayLine> lines = sheets.lines(id);
    PaySheet sheet = sheets.sheet(id);
    String street =
        directory.street(sheet.streetCode()).map(Street::name).orElse(sheet.streetCode());
    byte[] bytes =
        PaySheetWorkbook.of(
            sheet,
            street,
            lines,
            l -> directory.liaisonUnit(l.unitCode()).map(LiaisonUnit::name).orElse(l.unitCode()),
            l ->
                directory
                    .community(l.communityCode())
                    .map(Community::name)
                    .orElse(l.communityCode()),
            l -> PaySheets.masked(terms.term(l.termId()).bankAccount()));
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(
                    "联户长补贴-" + sheet.streetCode() + "-" + sheet.payMonth() + ".xlsx",
                    java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }

  @PutMapping("/api/staff/heads/{head}/bank-account")
  ResponseEntity<Void> bankAccount(@PathVariable String head, @RequestBody AccountBody body) {
    sheets.bankAccount(head, body.account());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/staff/head-awards")
  @ResponseStatus(HttpStatus.CREATED)
  Award nominate(@RequestBody AwardBody body) {
    return awards.nominate(body.year(), body.head(), body.note());
  }

  @PostMapping("/api/staff/head-awards/{id}/decision")
  Award decide(@PathVariable long id, @RequestBody DecisionBody body) {
    return awards.decide(id, body.approve(), body.note());
  }

  @GetMapping("/api/staff/head-awards")
  List<Award> awards(
      @RequestParam int year,
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String street) {
    PostAccess.Caller caller = access.caller();
    if (community != null) {
      Community c = directory.community(community).orElseThrow();
      access.requireReader(c.code(), c.streetCode());
    } else if (street == null) {
      throw Refusal.invalid("community", "请指定社区（community）或街道（street）");
    } else if (!access.inStreet(caller, street) && !access.countyWide(caller)) {
      throw Refusal.forbidden("仅社区、所属街道和县级工作人员可查看");
    }
    return awards.ofYear(year, community, community == null ? street : null);
  }

  /** The head's own pay, from final sheets only; the account masked. */
  @GetMapping("/api/unit/pay")
  Map<String, Object> mine() {
    String head = access.caller().userId();
    String account = terms.openTermOf(head).map(HeadTerm::bankAccount).orElse(null);
    return Map.of(
        "lines",
        sheets.ofHead(head),
        "bankAccount",
        account == null ? "" : PaySheets.masked(account));
  }
}
