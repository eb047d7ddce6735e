package org.lianhu.liaison;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.lianhu.calendar.CountyClock;
import org.lianhu.cases.CaseIntake;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.Household;
import org.lianhu.org.LiaisonHead;
import org.lianhu.org.Location;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one class that writes visits (走访): a head records a visit to a household of their own unit,
 * on a day that is not in the future nor more than {@link LiaisonSettings#visitBackdateDays()}
 * back, and may raise a case from it in the same step, linked to the visit; either both are stored
 * or neither. The month's first visit of a household counts it as covered.
 */
@Service
public class Visits {

  static final int MAX_TEXT = 2000;
  static final Set<String> KINDS = Set.of("routine", "care", "follow_up");

  /** A case raised from a visit: the household is the reporter, the unit the place. */
  public record RaisedCase(String category, String description, String urgency) {}

  public record NewVisit(
      String household,
      LocalDate visitedOn,
      String kind,
      String notes,
      String needs,
      RaisedCase raiseCase,
      NeedsReports.NewNeed raiseNeed) {}

  public record Recorded(long id, String caseNo) {}

  private final VisitMapper visits;
  private final OrganisationDirectory directory;
  private final CaseIntake intake;
  private final CountyClock clock;
  private final LiaisonSettings settings;
  private final IdentityService identity;
  private final NeedsReports needsReports;

  public Visits(
      VisitMapper visits,
      OrganisationDirectory directory,
      CaseIntake intake,
      CountyClock clock,
      LiaisonSettings settings,
      IdentityService identity,
      NeedsReports needsReports) {
    this.needsReports = needsReports;
    this.identity = identity;
    this.visits = visits;
    this.directory = directory;
    this.intake = intake;
    this.clock = clock;
    this.settings = settings;
  }

  @Transactional
  public Recorded record(LiaisonHead head, NewVisit visit) {
    if (visit == null || blank(visit.household())) {
      throw Refusal.invalid("household", "请选择走访的住户");
    }
    Household household =
        directory.householdsOf(head.unitCode()).stream()
            .filter(h -> h.code().equals(visit.household()))
            .findFirst()
            .orElseThrow(() -> Refusal.forbidden("住户 " + visit.household() + " 不在本联户单元"));
    LocalDate today = clock.today();
    if (visit.visitedOn() == null) {
      throw Refusal.invalid("visitedOn", "请填写走访日期");
    }
    if (visit.visitedOn().isAfter(today)) {
      throw Refusal.invalid("visitedOn", "走访日期不能晚于今天（" + today + "）");
    }
    if (visit.visitedOn().isBefore(today.minusDays(settings.visitBackdateDays()))) {
      throw Refusal.invalid("visitedOn", "走访日期不能早于 " + settings.visitBackdateDays() + " 天前，请及时记录");
    }
    String kind = visit.kind() == null ? "routine" : visit.kind();
    if (!KINDS.contains(kind)) {
      throw Refusal.invalid("kind", "走访类型须为 routine（日常）、care（关爱）或 follow_up（回访）");
    }
    String notes = text("notes", visit.notes());
    String needs = text("needs", visit.needs());
    if (visit.raiseNeed() != null) {
      needsReports.checkVisitNeed(household, visit.raiseNeed());
    }
    String caseNo = visit.raiseCase() == null ? null : raise(head, household, visit.raiseCase());
    VisitRow row =
        new VisitRow(
            household.code(),
            head.unitCode(),
            head.userId(),
            visit.visitedOn(),
            kind,
            notes,
            needs,
            caseNo,
            clock.now());
    visits.insertVisit(row);
    LocalDate month = YearMonth.from(visit.visitedOn()).atDay(1);
    try {
      visits.insertVisitMonth(household.code(), head.unitCode(), month);
    } catch (DuplicateKeyException coveredMeanwhile) {
      // Another visit of the household in the same month committed first: it is covered either way.
    }
    if (visit.raiseNeed() != null) {
      needsReports.fromVisit(head, household, row.getId(), visit.raiseNeed());
    }
    return new Recorded(row.getId(), caseNo);
  }

  private String raise(LiaisonHead head, Household household, RaisedCase raised) {
    if (blank(raised.category())) {
      throw Refusal.invalid("raiseCase.category", "请选择事件类别");
    }
    if (blank(raised.description())) {
      throw Refusal.invalid("raiseCase.description", "请填写诉求内容");
    }
    if (raised.description().length() > ReportCaseRequest.MAX_DESCRIPTION) {
      throw Refusal.invalid("raiseCase.description", "诉求内容不能超过 2000 字");
    }
    String phone = household.phone() != null ? household.phone() : headPhone(head);
    ReportCaseRequest report =
        new ReportCaseRequest(
            raised.category(),
            raised.description(),
            new Location(household.address(), null, null, head.unitCode()),
            raised.urgency(),
            new ReportCaseRequest.Reporter(household.headName(), phone),
            "liaison_head");
    try {
      return WithoutCaller.run(identity, () -> intake.report(report, null).caseNo());
    } catch (Refusal refused) {
      // The intake names its own fields; in a visit they are the raised case's.
      if (refused.kind() == Refusal.Kind.INVALID && refused.field() != null) {
        throw Refusal.invalid("raiseCase." + refused.field(), refused.getMessage());
      }
      throw refused;
    }
  }

  private String headPhone(LiaisonHead head) {
    String phone = directory.liaisonUnit(head.unitCode()).map(u -> u.headPhone()).orElse(null);
    if (phone == null) {
      throw Refusal.invalid("raiseCase", "住户和联户长都没有登记电话，无法上报事件");
    }
    return phone;
  }

  /** This month in the unit for its head's page: the households due a visit, and the coverage. */
  public record UnitMonth(List<VisitDue> due, Coverage coverage) {}

  /**
   * The unit's month from its active households (the page has read them already): which still need
   * a visit, and why; and how many were visited, counted among these households only.
   */
  public UnitMonth month(String unitCode, List<Household> households) {
    LocalDate today = clock.today();
    LocalDate monthStart = YearMonth.from(today).atDay(1);
    Map<String, LocalDate> last =
        visits.lastVisits(unitCode).stream()
            .filter(v -> v.lastVisitedOn() != null)
            .collect(Collectors.toMap(LastVisit::householdCode, LastVisit::lastVisitedOn));
    // No visit is dated after today: a household was visited this month when its last visit was.
    Set<String> visitedThisMonth =
        last.entrySet().stream()
            .filter(e -> !e.getValue().isBefore(monthStart))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    List<VisitDue> due =
        households.stream()
            .flatMap(
                h -> VisitDue.of(h, last.get(h.code()), visitedThisMonth, today, settings).stream())
            .sorted(VisitDue.ORDER)
            .toList();
    long visited = households.stream().filter(h -> visitedThisMonth.contains(h.code())).count();
    return new UnitMonth(due, new Coverage(unitCode, null, households.size(), visited));
  }

  /** The unit's visits of a month, newest first. */
  public List<Visit> ofMonth(String unitCode, YearMonth month) {
    return visits.visitsOfUnit(unitCode, month.atDay(1), month.plusMonths(1).atDay(1));
  }

  /** Coverage of a month by level, optionally within one street, community or grid. */
  public List<Coverage> coverage(
      CoverageLevel level,
      YearMonth month,
      String streetCode,
      String communityCode,
      String gridCode) {
    return visits.coverage(
        level.column(), level.nameColumn(), month.atDay(1), streetCode, communityCode, gridCode);
  }

  private static String text(String field, String value) {
    if (blank(value)) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw Refusal.invalid(field, "不能超过 " + MAX_TEXT + " 字");
    }
    return value.trim();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
