package org.lianhu.liaison;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.calendar.CountyClock;
import org.lianhu.mediation.HeadMediation;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The liaison head's API ({@code /api/unit}, the phone page /unit/) and the households of a unit
 * for the staff who may read them ({@code /api/staff/units/{code}/households}). Both sit behind the
 * staff authentication filter: HTTP Basic or the page's session.
 */
@RestController
public class UnitController {

  public record Decision(String decision, String text) {}

  public record MediationNote(String note) {}

  private final HeadsUnit heads;
  private final HouseholdReaders readers;
  private final OrganisationDirectory directory;
  private final IdentityService identity;
  private final Visits visits;
  private final CountyClock clock;
  private final LiaisonSettings settings;
  private final NeedsReports needsReports;
  private final UnitKpis unitKpis;
  private final HeadMediation mediation;

  public UnitController(
      HeadsUnit heads,
      HouseholdReaders readers,
      OrganisationDirectory directory,
      IdentityService identity,
      Visits visits,
      CountyClock clock,
      LiaisonSettings settings,
      NeedsReports needsReports,
      UnitKpis unitKpis,
      HeadMediation mediation) {
    this.mediation = mediation;
    this.unitKpis = unitKpis;
    this.needsReports = needsReports;
    this.visits = visits;
    this.clock = clock;
    this.settings = settings;
    this.heads = heads;
    this.readers = readers;
    this.directory = directory;
    this.identity = identity;
  }

  @GetMapping("/api/unit")
  public HeadsUnit.View unit() {
    return heads.view();
  }

  @PostMapping("/api/unit/cases/{caseNo}/decision")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void decide(@PathVariable String caseNo, @RequestBody Decision body) {
    heads.decide(caseNo, body == null ? null : body.decision(), body == null ? null : body.text());
  }

  /** The unit's open disputes, for 联户长调解. */
  @GetMapping("/api/unit/disputes")
  public List<HeadMediation.UnitDispute> disputes() {
    return mediation.openInUnit(heads.signedInHead());
  }

  /** The head joins a dispute's tier-1 mediation (联户长调解), recorded on its timeline. */
  @PostMapping("/api/unit/disputes/{disputeNo}/mediation")
  @ResponseStatus(HttpStatus.CREATED)
  public void joinMediation(@PathVariable String disputeNo, @RequestBody MediationNote body) {
    mediation.join(heads.signedInHead(), disputeNo, body == null ? null : body.note());
  }

  @PostMapping("/api/unit/visits")
  public ResponseEntity<Visits.Recorded> visit(@RequestBody Visits.NewVisit body) {
    Visits.Recorded recorded = visits.record(heads.signedInHead(), body);
    return ResponseEntity.status(HttpStatus.CREATED).body(recorded);
  }

  @PostMapping("/api/unit/needs-reports")
  public ResponseEntity<NeedsReports.WeekReport> needsReport(
      @RequestBody NeedsReports.NewReport body) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(needsReports.file(heads.signedInHead(), body));
  }

  @GetMapping("/api/unit/visits")
  public List<Visit> visits(@RequestParam(required = false) String month) {
    return visits.ofMonth(heads.signedInHead().unitCode(), month(month));
  }

  /**
   * Visit coverage of a month by unit, grid, community or street, for the supervisors (the same
   * groups as the KPIs), with its light: green at the goal (all visited), yellow at the target.
   */
  @GetMapping("/api/stats/visit-coverage")
  public Map<String, Object> coverage(
      @RequestParam(defaultValue = "street") String groupBy,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) String streetCode,
      @RequestParam(required = false) String communityCode,
      @RequestParam(required = false) String gridCode) {
    supervisorsOnly();
    CoverageLevel level = level(groupBy);
    YearMonth period = month(month);
    List<Map<String, Object>> rows =
        visits.coverage(level, period, streetCode, communityCode, gridCode).stream()
            .map(
                c ->
                    Map.<String, Object>of(
                        "code", c.code(),
                        "name", c.name(),
                        "households", c.households(),
                        "visited", c.visited(),
                        "rate", c.rate(),
                        "light", settings.coverageLight(c.rate())))
            .toList();
    return Map.of(
        "month",
        period.toString(),
        "groupBy",
        groupBy,
        "target",
        settings.coverageTarget(),
        "rows",
        rows);
  }

  /** The liaison heads' KPIs of a month, for the supervisors (the same groups as the KPIs). */
  @GetMapping("/api/stats/unit-kpis")
  public Map<String, Object> unitKpis(
      @RequestParam(defaultValue = "street") String groupBy,
      @RequestParam(required = false) String month,
      @RequestParam(required = false) String streetCode) {
    supervisorsOnly();
    CoverageLevel level = level(groupBy);
    YearMonth period = month(month);
    return Map.of(
        "month", period.toString(),
        "groupBy", groupBy,
        "coverageTarget", settings.coverageTarget(),
        "rows", unitKpis.of(level, period, streetCode));
  }

  private void supervisorsOnly() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller.getGroupIds().stream().noneMatch(directory.supervisorGroups()::contains)) {
      throw Refusal.forbidden("联户指标仅供督导人员查看");
    }
  }

  private static CoverageLevel level(String groupBy) {
    return CoverageLevel.of(groupBy)
        .orElseThrow(() -> Refusal.invalid("groupBy", "groupBy 须为 unit、grid、community 或 street"));
  }

  private YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      return YearMonth.from(clock.today());
    }
    YearMonth parsed;
    try {
      parsed = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw Refusal.invalid("month", "月份格式为 yyyy-MM，例如 2026-12");
    }
    if (parsed.isAfter(YearMonth.from(clock.today()))) {
      throw Refusal.invalid("month", "月份不能晚于本月，尚无走访和周报");
    }
    return parsed;
  }

  /** The needs of the grid's units (weekly reports and visits), for its grid worker. */
  @GetMapping("/api/staff/grids/{code}/needs")
  public List<ResidentNeed> gridNeeds(
      @PathVariable String code, @RequestParam(defaultValue = "true") boolean open) {
    return needsReports.ofGrid(identity.getCurrentAuthentication().getUserId(), code, open);
  }

  /** The grid worker turns a resident's need from a weekly report into a case. */
  @PostMapping("/api/staff/needs/{id}/case")
  public ResponseEntity<Map<String, String>> needToCase(@PathVariable long id) {
    String caseNo = needsReports.turnIntoCase(identity.getCurrentAuthentication().getUserId(), id);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("caseNo", caseNo));
  }

  @GetMapping("/api/staff/units/{code}/households")
  public List<HouseholdView> households(@PathVariable String code) {
    Authentication caller = identity.getCurrentAuthentication();
    readers.require(caller.getUserId(), caller.getGroupIds(), code);
    return directory.householdsOf(code).stream().map(HouseholdView::of).toList();
  }
}
