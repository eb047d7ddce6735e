package org.lianhu.liaison;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.Household;
import org.lianhu.org.LiaisonHead;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the signed-in head's page (/unit/) shows and does: their unit, its households (care-flagged
 * first), the in-unit cases waiting for them, and their decision on one of those. The tasks are
 * read with the head's own Camunda authentication, so they see exactly what Tasklist shows them.
 */
@Service
public class HeadsUnit {

  /** The user task of the in-unit tier (联户长接单) in caseHandling. */
  static final String HEAD_TASK = "headTask";

  static final int MAX_TEXT = 2000;

  public record UnitSummary(
      String code, String name, String gridName, String communityName, String headName) {}

  public record OpenCase(
      String caseNo,
      String categoryName,
      String urgencyName,
      String address,
      String description,
      OffsetDateTime reportedAt,
      OffsetDateTime due,
      boolean overdue) {}

  /** This month's coverage of the unit: households visited of the active ones. */
  public record MonthCoverage(
      String month, long households, long visited, double rate, double target) {}

  public record View(
      UnitSummary unit,
      List<HouseholdView> households,
      List<OpenCase> openCases,
      List<VisitDue> visitsDue,
      MonthCoverage coverage,
      NeedsReports.WeekReport weeklyReport) {}

  private static final Map<String, String> DECISIONS =
      Map.of(
          "resolve", CaseVariables.HEAD_RESULT,
          "passUp", CaseVariables.HEAD_NOTE,
          "refer", CaseVariables.HEAD_NOTE,
          "mediate", CaseVariables.HEAD_NOTE);

  private final OrganisationDirectory directory;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ZoneId zone;
  private final Cases cases;
  private final Visits visits;
  private final CountyClock clock;
  private final NeedsReports needsReports;
  private final LiaisonSettings settings;

  public HeadsUnit(
      OrganisationDirectory directory,
      TaskService tasks,
      IdentityService identity,
      CountyClock clock,
      Cases cases,
      Visits visits,
      NeedsReports needsReports,
      LiaisonSettings settings) {
    this.settings = settings;
    this.needsReports = needsReports;
    this.cases = cases;
    this.visits = visits;
    this.clock = clock;
    this.directory = directory;
    this.tasks = tasks;
    this.identity = identity;
    this.zone = clock.zone();
  }

  /** The head's page in one read-only transaction: one connection for its dozen queries. */
  @Transactional(readOnly = true)
  public View view() {
    LiaisonHead head = signedInHead();
    List<Household> roster = directory.householdsOf(head.unitCode());
    List<HouseholdView> households =
        roster.stream()
            .map(HouseholdView::of)
            .sorted(Comparator.comparing((HouseholdView h) -> h.careFlags().isEmpty()))
            .toList();
    // The query names the head's own tasks (assignee, or the unit's candidate group), so Camunda's
    // authorization checks of the query and of each task's variables add nothing but their cost:
    // each reads every group id that has a grant, 80,000 and more in a county (docs/performance.md,
    // "Issue 13: the heads' page").
    List<OpenCase> open =
        WithoutCaller.run(
            identity, () -> openTasks(head).list().stream().map(this::openCase).toList());
    YearMonth month = YearMonth.from(clock.today());
    Visits.UnitMonth visiting = visits.month(head.unitCode(), roster);
    Coverage unit = visiting.coverage();
    return new View(
        new UnitSummary(
            head.unitCode(), head.unitName(), head.gridName(), head.communityName(), head.name()),
        households,
        open,
        visiting.due(),
        new MonthCoverage(
            month.toString(),
            unit.households(),
            unit.visited(),
            unit.rate(),
            settings.coverageTarget()),
        needsReports.of(head.unitCode(), clock.today()));
  }

  /**
   * The head's decision on an in-unit case: resolve it in the unit, pass it up, refer it to the
   * deliberation meeting, or hand a dispute to mediation.
   */
  public void decide(String caseNo, String decision, String text) {
    LiaisonHead head = signedInHead();
    String variable = decision == null ? null : DECISIONS.get(decision);
    if (variable == null) {
      throw Refusal.invalid(
          "decision", "处理方式须为 resolve（联户内解决）、passUp（上报网格员）、refer（提交社区议事会）或 mediate（转矛盾纠纷调解）");
    }
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.isEmpty()) {
      throw Refusal.invalid("text", "resolve".equals(decision) ? "请填写处理结果，该内容将反馈给上报人" : "请填写情况说明");
    }
    if (trimmed.length() > MAX_TEXT) {
      throw Refusal.invalid("text", "不能超过 " + MAX_TEXT + " 字");
    }
    Task task =
        openTasks(head).processInstanceBusinessKey(caseNo).list().stream()
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("本单元没有待接单的事件 " + caseNo));
    if (task.getAssignee() == null) {
      tasks.claim(task.getId(), head.userId());
    }
    tasks.complete(task.getId(), Map.of(CaseVariables.HEAD_DECISION, decision, variable, trimmed));
  }

  LiaisonHead signedInHead() {
    Authentication caller = identity.getCurrentAuthentication();
    String user = caller == null ? null : caller.getUserId();
    if (user == null) {
      throw Refusal.unauthenticated("请先登录");
    }
    return directory.headOf(user).orElseThrow(() -> Refusal.forbidden("仅联户长可使用本页面"));
  }

  private TaskQuery openTasks(LiaisonHead head) {
    return tasks
        .createTaskQuery()
        .taskDefinitionKey(HEAD_TASK)
        .or()
        .taskAssignee(head.userId())
        .taskCandidateGroup(head.unitGroup())
        .endOr()
        .orderByDueDate()
        .asc();
  }

  private OpenCase openCase(Task task) {
    Map<String, Object> values =
        tasks.getVariables(
            task.getId(),
            Set.of(
                CaseVariables.CASE_NO,
                CaseVariables.CATEGORY_NAME,
                CaseVariables.URGENCY_NAME,
                CaseVariables.ADDRESS,
                CaseVariables.DESCRIPTION));
    OffsetDateTime due = task.getDueDate() == null ? null : at(task.getDueDate().toInstant());
    String caseNo = text(values.get(CaseVariables.CASE_NO));
    Instant reported =
        cases.byNo(caseNo).map(CaseRecord::createdAt).orElse(task.getCreateTime().toInstant());
    return new OpenCase(
        caseNo,
        text(values.get(CaseVariables.CATEGORY_NAME)),
        text(values.get(CaseVariables.URGENCY_NAME)),
        text(values.get(CaseVariables.ADDRESS)),
        text(values.get(CaseVariables.DESCRIPTION)),
        at(reported),
        due,
        due != null && due.toInstant().isBefore(EngineClock.now()));
  }

  private OffsetDateTime at(Instant instant) {
    return instant.atZone(zone).toOffsetDateTime();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
