package org.lianhu.liaison;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.lianhu.calendar.CountyClock;
import org.lianhu.cases.CaseCategory;
import org.lianhu.cases.CaseIntake;
import org.lianhu.cases.Cases;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.Household;
import org.lianhu.org.LiaisonHead;
import org.lianhu.org.LiaisonUnit;
import org.lianhu.org.Location;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one class that writes the weekly needs reports (每周报送1次居民需求信息): one per unit and county week
 * (Monday to Sunday), for this week or, late, the last one; with the needs collected, or explicitly
 * 无新增. A second report for the same week is a 409; a bad need refuses the whole report.
 */
@Service
public class NeedsReports {

  static final String FILED_TWICE = "needs-report-filed";
  static final String ALREADY_A_CASE = "need-already-a-case";
  static final int MAX_NEEDS = 50;
  static final Set<String> URGENCIES = Set.of("normal", "urgent", "emergency");

  public record NewNeed(String household, String category, String text, String urgency) {}

  public record NewReport(LocalDate week, Boolean nothingNew, List<NewNeed> needs) {}

  /** The report of a week, if filed, with its needs; {@code onTime} when filed within its week. */
  public record WeekReport(
      LocalDate weekStart,
      boolean filed,
      Instant filedAt,
      boolean onTime,
      boolean nothingNew,
      List<ResidentNeed> needs) {}

  private final NeedsMapper needs;
  private final OrganisationDirectory directory;
  private final Cases cases;
  private final CountyClock clock;
  private final CaseIntake intake;
  private final IdentityService identity;

  public NeedsReports(
      NeedsMapper needs,
      OrganisationDirectory directory,
      Cases cases,
      CountyClock clock,
      CaseIntake intake,
      IdentityService identity) {
    this.intake = intake;
    this.identity = identity;
    this.needs = needs;
    this.directory = directory;
    this.cases = cases;
    this.clock = clock;
  }

  /** The Monday of the county's week of that day. */
  static LocalDate weekOf(LocalDate day) {
    return day.with(DayOfWeek.MONDAY);
  }

  @Transactional
  public WeekReport file(LiaisonHead head, NewReport report) {
    LocalDate thisWeek = weekOf(clock.today());
    LocalDate week = report == null || report.week() == null ? thisWeek : weekOf(report.week());
    if (!week.equals(thisWeek) && !week.equals(thisWeek.minusWeeks(1))) {
      throw Refusal.invalid("week", "只能报送本周或上周（补报）的需求");
    }
    List<NewNeed> given = report == null || report.needs() == null ? List.of() : report.needs();
    boolean nothingNew = report != null && Boolean.TRUE.equals(report.nothingNew());
    if (nothingNew && !given.isEmpty()) {
      throw Refusal.invalid("nothingNew", "选择“无新增”时不能同时填写需求");
    }
    if (!nothingNew
        && given.isEmpty()
        && needs
            .visitNeedsUnreported(
                head.unitCode(), clock.startOf(week), clock.startOf(week.plusWeeks(1)))
            .isEmpty()) {
      throw Refusal.invalid("needs", "请填写收集到的需求，或选择“无新增”");
    }
    if (given.size() > MAX_NEEDS) {
      throw Refusal.invalid("needs", "一次最多报送 " + MAX_NEEDS + " 条需求");
    }
    Map<String, Household> households =
        directory.householdsOf(head.unitCode()).stream()
            .collect(Collectors.toMap(Household::code, h -> h));
    for (int i = 0; i < given.size(); i++) {
      check(given.get(i), "needs[" + i + "]", households);
    }
    if (needs.reportOf(head.unitCode(), week) != null) {
      throw filedTwice(week);
    }
    Instant from = clock.startOf(week);
    Instant to = clock.startOf(week.plusWeeks(1));
    int fromVisits = needs.visitNeedsUnreported(head.unitCode(), from, to).size();
    if (nothingNew && fromVisits > 0) {
      throw Refusal.invalid("nothingNew", "本周走访已登记 " + fromVisits + " 条需求，不能报送“无新增”");
    }
    Instant now = clock.now();
    Map<String, Object> row = new HashMap<>();
    row.put("unitCode", head.unitCode());
    row.put("weekStart", week);
    row.put("headUserId", head.userId());
    row.put("nothingNew", nothingNew);
    row.put("filedAt", now);
    try {
      needs.insertReport(row);
    } catch (DuplicateKeyException raced) {
      throw filedTwice(week);
    }
    long id = ((Number) row.get("id")).longValue();
    for (NewNeed need : given) {
      needs.insertNeed(
          id,
          head.unitCode(),
          blank(need.household()) ? null : need.household(),
          need.category(),
          need.text().trim(),
          need.urgency() == null ? "normal" : need.urgency(),
          now,
          null);
    }
    needs.attachToReport(id, head.unitCode(), from, to);
    return of(head.unitCode(), week);
  }

  /**
   * A need the head found on a visit to a household, recorded with the visit (in its transaction);
   * the week's report lists it once filed.
   */
  void fromVisit(LiaisonHead head, Household household, long visitId, NewNeed need) {
    checkVisitNeed(household, need);
    // Collected now: in this week's report, at once when that is filed already.
    NeedsReport filed = needs.reportOf(head.unitCode(), weekOf(clock.today()));
    needs.insertNeed(
        filed == null ? null : filed.id(),
        head.unitCode(),
        household.code(),
        need.category(),
        need.text().trim(),
        need.urgency() == null ? "normal" : need.urgency(),
        clock.now(),
        visitId);
  }

  /**
   * Refuses a need raised on a visit that a weekly report would refuse; the household is the
   * visit's.
   */
  void checkVisitNeed(Household household, NewNeed need) {
    check(
        need == null
            ? null
            : new NewNeed(household.code(), need.category(), need.text(), need.urgency()),
        "raiseNeed",
        Map.of(household.code(), household));
  }

  /** The needs of a grid's units for its grid worker, newest first (at most 500). */
  public List<ResidentNeed> ofGrid(String userId, String gridCode, boolean open) {
    boolean worker =
        directory.grid(gridCode).map(g -> userId.equals(g.workerUserId())).orElse(false);
    if (!worker) {
      throw Refusal.forbidden("仅本网格的网格员可查看居民需求");
    }
    return needs.needsOfGrid(gridCode, open, 500);
  }

  /**
   * The grid worker of the need's unit turns a need into a case: reported in the unit, the
   * household (else the unit's head) as reporter, linked to the need. A need becomes one case only.
   */
  @Transactional
  public String turnIntoCase(String userId, long needId) {
    ResidentNeed need = needs.need(needId);
    if (need == null) {
      throw Refusal.notFound("需求 " + needId + " 不存在");
    }
    LiaisonUnit unit =
        directory
            .liaisonUnit(need.unitCode())
            .orElseThrow(() -> Refusal.notFound("联户单元 " + need.unitCode() + " 已停用"));
    boolean worker =
        directory.grid(unit.gridCode()).map(g -> userId.equals(g.workerUserId())).orElse(false);
    if (!worker) {
      throw Refusal.forbidden("仅所在网格的网格员可将需求转为事件");
    }
    if (need.caseNo() != null) {
      throw Refusal.conflict(ALREADY_A_CASE, "需求已转为事件", "需求 " + needId + " 已转为事件 " + need.caseNo());
    }
    Household household =
        need.householdCode() == null
            ? null
            : directory.householdsOf(unit.code()).stream()
                .filter(h -> h.code().equals(need.householdCode()))
                .findFirst()
                .orElse(null);
    String name = household != null ? household.headName() : unit.headName();
    String phone =
        household != null && household.phone() != null ? household.phone() : unit.headPhone();
    if (phone == null) {
      throw Refusal.invalid("need", "住户和联户长都没有登记电话，无法转为事件");
    }
    ReportCaseRequest report =
        new ReportCaseRequest(
            need.category(),
            need.text(),
            new Location(
                household != null ? household.address() : unit.name(), null, null, unit.code()),
            need.urgency(),
            new ReportCaseRequest.Reporter(name, phone),
            "grid_worker");
    String caseNo = WithoutCaller.run(identity, () -> intake.report(report, null).caseNo());
    if (needs.linkCase(needId, caseNo) == 0) {
      throw Refusal.conflict(ALREADY_A_CASE, "需求已转为事件", "需求 " + needId + " 已由他人转为事件");
    }
    return caseNo;
  }

  /** The unit's report of the week that day lies in. */
  public WeekReport of(String unitCode, LocalDate day) {
    LocalDate week = weekOf(day);
    NeedsReport report = needs.reportOf(unitCode, week);
    if (report == null) {
      // Not filed: the needs so far are those the week's visits raised, which the report will
      // carry.
      return new WeekReport(
          week,
          false,
          null,
          false,
          false,
          needs.visitNeedsUnreported(
              unitCode, clock.startOf(week), clock.startOf(week.plusWeeks(1))));
    }
    boolean onTime = clock.day(report.filedAt()).isBefore(week.plusWeeks(1));
    return new WeekReport(
        week,
        true,
        report.filedAt(),
        onTime,
        report.nothingNew(),
        needs.needsOfReport(report.id()));
  }

  private void check(NewNeed need, String at, Map<String, Household> households) {
    if (need == null) {
      throw Refusal.invalid(at, "需求不能为空");
    }
    if (!blank(need.household()) && !households.containsKey(need.household())) {
      throw Refusal.forbidden("住户 " + need.household() + " 不在本联户单元");
    }
    if (blank(need.category())
        || cases
            .category(need.category())
            .map(CaseCategory::active)
            .filter(Boolean.TRUE::equals)
            .isEmpty()) {
      throw Refusal.invalid(at + ".category", "未知的类别: " + need.category());
    }
    if (blank(need.text())) {
      throw Refusal.invalid(at + ".text", "请填写需求内容");
    }
    if (need.text().length() > Visits.MAX_TEXT) {
      throw Refusal.invalid(at + ".text", "不能超过 " + Visits.MAX_TEXT + " 字");
    }
    if (need.urgency() != null && !URGENCIES.contains(need.urgency())) {
      throw Refusal.invalid(at + ".urgency", "紧急程度须为 normal、urgent 或 emergency");
    }
  }

  private static Refusal filedTwice(LocalDate week) {
    return Refusal.conflict(FILED_TWICE, "本周需求已报送", "第 " + week + " 起的一周已报送过需求信息，每周报送一次");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
