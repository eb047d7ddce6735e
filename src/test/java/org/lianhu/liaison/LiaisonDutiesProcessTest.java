package org.lianhu.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.Household;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly visit duties of processes/visit-reminder.bpmn and visit-supervision.bpmn, with the
 * engine clock moved to each timer (no sleeping): on the 20th at 09:00 county time the heads with
 * unvisited households get a reminder listing them (replacing an earlier one); on the 1st at 08:00
 * the grid workers get last month's unvisited households. Demo: hepingli1a (lixiuying, 12
 * households) is never visited here; hepingli1b (zhangjianguo) is visited whole; both lie in
 * wangli's grid hepingli1.
 */
@EngineTest
class LiaisonDutiesProcessTest {

  @Autowired private ManagementService management;
  @Autowired private TaskService tasks;
  @Autowired private VisitMapper visits;
  @Autowired private VisitDuties duties;
  @Autowired private OrganisationDirectory directory;
  @Autowired private CountyClock clock;
  @Autowired private NeedsMapper needs;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Job timer(String startEvent) {
    return management.createJobQuery().activityId(startEvent).timers().singleResult();
  }

  /**
   * Runs the timer as the job executor would at its time, then every street's job it handed out.
   */
  private void fire(Job timer) {
    Instant due = timer.getDuedate().toInstant();
    if (ClockUtil.getCurrentTime().toInstant().isBefore(due)) {
      ClockUtil.setCurrentTime(Date.from(due.plusSeconds(1)));
    }
    management.executeJob(timer.getId());
    for (Job street :
        management
            .createJobQuery()
            .processDefinitionKey(timer.getProcessDefinitionKey())
            .messages()
            .list()) {
      management.executeJob(street.getId());
    }
  }

  private void visitWhole(String unit, YearMonth month) {
    for (Household household : directory.householdsOf(unit)) {
      visits.insertVisitMonth(household.code(), unit, month.atDay(1));
    }
  }

  private List<Task> tasksOf(String user, String name) {
    return tasks.createTaskQuery().taskAssignee(user).taskNameLike(name + "%").list();
  }

  @Test
  void eachDutyRunsOnceAndWaitsForThe20thAtNineAndThe1stAtEightCountyTime() {
    duties.ensureRunning();
    assertThat(management.createJobQuery().activityId("reminderDue").count()).isOne();
    assertThat(management.createJobQuery().activityId("needsCheckDue").count()).isOne();
    assertThat(management.createJobQuery().activityId("supervisionDue").count()).isOne();
    ZonedDateTime reminder = timer("reminderDue").getDuedate().toInstant().atZone(clock.zone());
    assertThat(reminder.getDayOfMonth()).isEqualTo(20);
    assertThat(reminder.getHour()).isEqualTo(9);
    assertThat(reminder.getMinute()).isZero();
    assertThat(Duration.between(clock.now(), reminder.toInstant())).isLessThan(Duration.ofDays(32));
    ZonedDateTime supervision =
        timer("supervisionDue").getDuedate().toInstant().atZone(clock.zone());
    assertThat(supervision.getDayOfMonth()).isEqualTo(1);
    assertThat(supervision.getHour()).isEqualTo(8);
    ZonedDateTime needsCheck = timer("needsCheckDue").getDuedate().toInstant().atZone(clock.zone());
    assertThat(needsCheck.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    assertThat(needsCheck.getHour()).isEqualTo(9);
  }

  @Test
  void onMondayTheGridWorkerGetsTheUnitsWithoutLastWeeksReportRedWhenTwoWeeksAreMissing() {
    Job check = timer("needsCheckDue");
    java.time.LocalDate lastWeek =
        NeedsReports.weekOf(check.getDuedate().toInstant().atZone(clock.zone()).toLocalDate())
            .minusWeeks(1);
    // Grid hepingli2: hepingli2b filed last week, hepingli2a only the week before (yellow).
    fileFor("hepingli2b", lastWeek);
    fileFor("hepingli2a", lastWeek.minusWeeks(1));
    // hepingli1a and hepingli1b filed neither week: grid hepingli1 is red.

    fire(check);

    List<Task> grid1 = tasksOf("wangli", VisitDuties.MISSING_REPORTS);
    assertThat(grid1).hasSize(1);
    assertThat(grid1.get(0).getName()).contains("2 个联户单元").contains("含连续两周未报送");
    assertThat(grid1.get(0).getPriority()).isEqualTo(VisitDuties.RED);
    assertThat(grid1.get(0).getDescription()).contains("和平里一区1号楼联户单元（连续两周）");
    List<Task> grid2 = tasksOf("zhaoqiang", VisitDuties.MISSING_REPORTS);
    assertThat(grid2).hasSize(1);
    assertThat(grid2.get(0).getName()).contains("1 个联户单元").doesNotContain("连续两周");
    assertThat(grid2.get(0).getPriority()).isEqualTo(VisitDuties.YELLOW);
    assertThat(grid2.get(0).getDescription()).startsWith("和平里二区5号楼联户单元 未报送");
    // The next week's check is waiting.
    assertThat(timer("needsCheckDue").getDuedate()).isAfter(check.getDuedate());
  }

  private void fileFor(String unit, java.time.LocalDate week) {
    java.util.Map<String, Object> row = new java.util.HashMap<>();
    row.put("unitCode", unit);
    row.put("weekStart", week);
    row.put("headUserId", "test");
    row.put("nothingNew", true);
    row.put("filedAt", clock.startOf(week.plusDays(1)));
    needs.insertReport(row);
  }

  @Test
  void headsAreRemindedOnThe20thAndGridWorkersGetLastMonthsUnvisitedOnThe1st() {
    Job reminder = timer("reminderDue");
    YearMonth reminderMonth =
        YearMonth.from(reminder.getDuedate().toInstant().atZone(clock.zone()).toLocalDate());
    visitWhole("hepingli1b", reminderMonth);

    fire(reminder);

    List<Task> reminded = tasksOf("lixiuying", VisitDuties.REMINDER);
    assertThat(reminded).hasSize(1);
    assertThat(reminded.get(0).getName()).isEqualTo("本月走访提醒（12 户未走访）");
    assertThat(reminded.get(0).getDescription()).contains("和平里一区1号楼101室");
    assertThat(tasksOf("zhangjianguo", VisitDuties.REMINDER)).isEmpty();
    // A second round replaces the head's reminder instead of adding one.
    duties.remindHeads("dongcheng");
    assertThat(tasksOf("lixiuying", VisitDuties.REMINDER)).hasSize(1);
    // The process waits again, for next month's reminder day.
    assertThat(timer("reminderDue").getDuedate()).isAfter(reminder.getDuedate());

    Job supervision = timer("supervisionDue");
    Instant at =
        supervision.getDuedate().toInstant().isAfter(ClockUtil.getCurrentTime().toInstant())
            ? supervision.getDuedate().toInstant()
            : ClockUtil.getCurrentTime().toInstant();
    YearMonth lastMonth = YearMonth.from(at.atZone(clock.zone()).toLocalDate()).minusMonths(1);
    visitWhole("hepingli1b", lastMonth);
    fire(supervision);

    List<Task> supervise = tasksOf("wangli", VisitDuties.SUPERVISION);
    assertThat(supervise).hasSize(1);
    assertThat(supervise.get(0).getName()).isEqualTo("上月走访督促（" + lastMonth + "，12 户未走访）");
    assertThat(supervise.get(0).getDescription()).startsWith("和平里一区1号楼联户单元：").doesNotContain("2号楼");
    assertThat(tasks.getIdentityLinksForTask(supervise.get(0).getId()))
        .extracting(IdentityLink::getGroupId)
        .contains("gridHepingli1");
  }
}
