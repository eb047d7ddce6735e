package org.lianhu.liaison;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Street;
import org.springframework.stereotype.Service;

/**
 * The monthly visit duties of processes/visit-reminder.bpmn and visit-supervision.bpmn, one street
 * at a time (a job each): on the 20th each head with households not yet visited this month gets a
 * Tasklist task listing them; on the 1st each grid worker gets the households of their grid left
 * unvisited last month, to follow up. A head's earlier reminder is replaced by the new one, so no
 * stale list stays open.
 */
@Service
public class VisitDuties {

  static final String REMINDER = "本月走访提醒";
  static final String SUPERVISION = "上月走访督促";
  static final String MISSING_REPORTS = "上周需求未报送";
  static final String REMINDER_PROCESS = "visitReminder";
  static final String SUPERVISION_PROCESS = "visitSupervision";
  static final String NEEDS_CHECK_PROCESS = "needsReportCheck";
  static final int YELLOW = 75;
  static final int RED = 100;

  private final VisitMapper visits;
  private final TaskService tasks;
  private final OrganisationDirectory directory;
  private final CountyClock clock;
  private final RuntimeService runtime;
  private final LiaisonSettings settings;
  private final NeedsMapper needs;

  public VisitDuties(
      VisitMapper visits,
      TaskService tasks,
      OrganisationDirectory directory,
      CountyClock clock,
      RuntimeService runtime,
      LiaisonSettings settings,
      NeedsMapper needs) {
    this.needs = needs;
    this.runtime = runtime;
    this.settings = settings;
    this.visits = visits;
    this.tasks = tasks;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * Starts the two duty processes unless they run: each instance waits for its time, does its
   * month's work and starts the next month's instance. Called at start under the start-up lock, so
   * two nodes start them once.
   */
  public void ensureRunning() {
    for (String process : List.of(REMINDER_PROCESS, SUPERVISION_PROCESS, NEEDS_CHECK_PROCESS)) {
      if (runtime.createProcessInstanceQuery().processDefinitionKey(process).count() == 0) {
        runtime.startProcessInstanceByKey(process, process);
      }
    }
  }

  /** The next month's instance of a duty process. */
  void startNext(String process) {
    runtime.startProcessInstanceByKey(process, process);
  }

  /** The next reminder: the reminder day of this month or the next, 09:00 county time. */
  public Instant nextReminderAt() {
    return next(settings.visitReminderDay(), LocalTime.of(9, 0));
  }

  /** The next supervision of last month's coverage: the 1st, 08:00 county time. */
  public Instant nextSupervisionAt() {
    return next(1, LocalTime.of(8, 0));
  }

  /** The next check of last week's needs reports: Monday, 09:00 county time. */
  public Instant nextNeedsCheckAt() {
    ZonedDateTime now = clock.now().atZone(clock.zone());
    ZonedDateTime monday =
        now.toLocalDate()
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
            .atTime(LocalTime.of(9, 0))
            .atZone(clock.zone());
    return (monday.isAfter(now) ? monday : monday.plusWeeks(1)).toInstant();
  }

  /**
   * Gives each grid worker of a street the units whose head filed no needs report last week: a
   * yellow task (priority {@value #YELLOW}), red ({@value #RED}) when a unit missed the week before
   * too. The tasks created.
   */
  public int superviseNeedsReports(String streetCode) {
    LocalDate week = NeedsReports.weekOf(clock.today()).minusWeeks(1);
    Map<String, List<MissingReport>> byGrid =
        needs.missingReports(streetCode, week, week.minusWeeks(1)).stream()
            .collect(
                Collectors.groupingBy(
                    MissingReport::gridCode, LinkedHashMap::new, Collectors.toList()));
    byGrid.forEach(
        (grid, missing) -> {
          boolean red = missing.stream().anyMatch(m -> m.missedBefore() == 1);
          Task task = tasks.newTask();
          task.setName(
              MISSING_REPORTS
                  + "（"
                  + week
                  + " 起一周，"
                  + missing.size()
                  + " 个联户单元"
                  + (red ? "，含连续两周未报送" : "")
                  + "）");
          task.setAssignee(missing.get(0).workerUserId());
          task.setPriority(red ? RED : YELLOW);
          task.setDescription(
              missing.stream()
                      .map(m -> m.unitName() + (m.missedBefore() == 1 ? "（连续两周）" : ""))
                      .collect(Collectors.joining("、"))
                  + " 未报送居民需求信息，请督促联户长补报。");
          task.setDueDate(Date.from(clock.startOf(clock.today().plusDays(2))));
          tasks.saveTask(task);
          tasks.addCandidateGroup(task.getId(), missing.get(0).gridGroup());
        });
    return byGrid.size();
  }

  private Instant next(int day, LocalTime time) {
    ZonedDateTime now = clock.now().atZone(clock.zone());
    ZonedDateTime candidate =
        now.toLocalDate().withDayOfMonth(day).atTime(time).atZone(clock.zone());
    return (candidate.isAfter(now) ? candidate : candidate.plusMonths(1)).toInstant();
  }

  /** The street codes the month's duties are handed out by. */
  public List<String> streets() {
    return directory.streets().stream().map(Street::code).toList();
  }

  /** Reminds the heads of a street of this month's unvisited households; the tasks created. */
  public int remindHeads(String streetCode) {
    YearMonth month = YearMonth.from(clock.today());
    Map<String, List<Unvisited>> byHead =
        visits.unvisitedInStreet(streetCode, month.atDay(1)).stream()
            .filter(u -> u.headUserId() != null)
            .collect(
                Collectors.groupingBy(
                    Unvisited::headUserId, LinkedHashMap::new, Collectors.toList()));
    byHead.forEach(
        (head, due) -> {
          tasks.createTaskQuery().taskAssignee(head).taskNameLike(REMINDER + "%").list().stream()
              .map(Task::getId)
              .forEach(id -> tasks.deleteTask(id, "由新的走访提醒替换"));
          Task task = tasks.newTask();
          task.setName(REMINDER + "（" + due.size() + " 户未走访）");
          task.setAssignee(head);
          task.setDescription(
              due.get(0).unitName() + " 本月尚未走访：" + addresses(due) + "。请在月底前完成走访并在联户长页面记录。");
          task.setDueDate(Date.from(clock.startOf(month.plusMonths(1).atDay(1))));
          tasks.saveTask(task);
        });
    return byHead.size();
  }

  /** Gives each grid worker of a street last month's unvisited households; the tasks created. */
  public int superviseGrids(String streetCode) {
    YearMonth last = YearMonth.from(clock.today()).minusMonths(1);
    Map<String, List<Unvisited>> byGrid =
        visits.unvisitedInStreet(streetCode, last.atDay(1)).stream()
            .collect(
                Collectors.groupingBy(
                    Unvisited::gridCode, LinkedHashMap::new, Collectors.toList()));
    byGrid.forEach(
        (grid, missed) -> {
          Task task = tasks.newTask();
          task.setName(SUPERVISION + "（" + last + "，" + missed.size() + " 户未走访）");
          task.setAssignee(missed.get(0).workerUserId());
          task.setDescription(byUnit(missed));
          task.setDueDate(Date.from(clock.startOf(clock.today().plusDays(7))));
          tasks.saveTask(task);
          tasks.addCandidateGroup(task.getId(), missed.get(0).gridGroup());
        });
    return byGrid.size();
  }

  private static String addresses(List<Unvisited> due) {
    return due.stream().map(Unvisited::address).collect(Collectors.joining("、"));
  }

  private static String byUnit(List<Unvisited> missed) {
    Map<String, List<Unvisited>> units =
        missed.stream()
            .collect(
                Collectors.groupingBy(
                    Unvisited::unitName, LinkedHashMap::new, Collectors.toList()));
    return units.entrySet().stream()
        .map(e -> e.getKey() + "：" + addresses(e.getValue()))
        .collect(Collectors.joining("；"));
  }
}
