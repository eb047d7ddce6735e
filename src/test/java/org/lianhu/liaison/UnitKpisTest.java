package org.lianhu.liaison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.cases.CaseIntake;
import org.lianhu.cases.CaseRating;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.cases.RateCaseRequest;
import org.lianhu.cases.ReportCaseRequest;
import org.lianhu.org.Location;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The heads' KPIs against hand-counted data in the demo village 桃园村 (street xicheng), on a database
 * of its own: three in-unit cases this month (taoyuan1a: one resolved in the unit and rated
 * satisfied, one passed up; taoyuan1b: one whose head ran out of time), and the weekly reports of a
 * month three months back (taoyuan1a every week on time, taoyuan1b one week late).
 */
@EngineTest
class UnitKpisTest {

  @Autowired private UnitKpis kpis;
  @Autowired private CaseIntake intake;
  @Autowired private CaseRating rating;
  @Autowired private TaskService tasks;
  @Autowired private ManagementService management;
  @Autowired private NeedsMapper needs;
  @Autowired private CountyClock clock;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private int reporters;

  /** Each case by a reporter of its own: one reporter's same text again would be a repeat. */
  private CaseReceipt report(String unit) {
    return intake.report(
        new ReportCaseRequest(
            "neighbour_noise",
            "邻居噪音",
            new Location("桃园东组", null, null, unit),
            "normal",
            new ReportCaseRequest.Reporter("张三", String.format("138%04d5678", ++reporters)),
            "resident"),
        null);
  }

  private Task headTask(CaseReceipt receipt) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(receipt.caseNo())
        .taskDefinitionKey("headTask")
        .singleResult();
  }

  private static Map<String, Object> decision(String decision, String variable, String text) {
    Map<String, Object> form = new HashMap<>();
    form.put("headDecision", decision);
    form.put(variable, text);
    return form;
  }

  private Map<String, UnitKpis.Row> byCode(List<UnitKpis.Row> rows) {
    Map<String, UnitKpis.Row> map = new HashMap<>();
    rows.forEach(r -> map.put(r.code(), r));
    return map;
  }

  @Test
  void theInUnitFiguresCountWhatBecameOfEachCaseInItsUnit() {
    CaseReceipt resolved = report("taoyuan1a");
    CaseReceipt passedUp = report("taoyuan1a");
    CaseReceipt timedOut = report("taoyuan1b");
    tasks.complete(headTask(resolved).getId(), decision("resolve", "headResult", "已协调"));
    rating.rate(resolved.caseNo(), new RateCaseRequest(resolved.trackingCode(), "satisfied", "好"));
    tasks.complete(headTask(passedUp).getId(), decision("passUp", "headNote", "需网格员"));
    Job red =
        management
            .createJobQuery()
            .processInstanceId(headTask(timedOut).getProcessInstanceId())
            .activityId("headOverdueTimer")
            .singleResult();
    management.executeJob(red.getId());

    Map<String, UnitKpis.Row> units =
        byCode(kpis.of(CoverageLevel.UNIT, YearMonth.from(clock.today()), "xicheng"));
    UnitKpis.Row a = units.get("taoyuan1a");
    assertThat(a.inUnitCases()).isEqualTo(2);
    assertThat(a.resolvedInUnit()).isEqualTo(1);
    assertThat(a.inUnitResolutionRate()).isEqualTo(0.5);
    assertThat(a.satisfactionRate()).isEqualTo(1.0);
    assertThat(a.headResponseHours()).isNotNull().isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    UnitKpis.Row b = units.get("taoyuan1b");
    assertThat(b.inUnitCases()).isEqualTo(1);
    assertThat(b.inUnitResolutionRate()).isEqualTo(0.0);
    assertThat(b.satisfactionRate()).isNull();
    assertThat(b.headResponseHours()).isNull();
    assertThat(b.headTimedOut()).isEqualTo(1);
    assertThat(units.get("taoyuan2a").inUnitResolutionRate()).isNull();
    assertThat(units.get("taoyuan2a").households()).isEqualTo(12);

    UnitKpis.Row village =
        byCode(kpis.of(CoverageLevel.COMMUNITY, YearMonth.from(clock.today()), "xicheng"))
            .get("taoyuan");
    assertThat(village.inUnitCases()).isEqualTo(3);
    assertThat(village.inUnitResolutionRate()).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void reportTimelinessIsReportsFiledWithinTheirWeekOverReportsDue() {
    YearMonth month = YearMonth.from(clock.today()).minusMonths(3);
    List<LocalDate> mondays =
        month
            .atDay(1)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
            .datesUntil(month.plusMonths(1).atDay(1), java.time.Period.ofWeeks(1))
            .toList();
    for (LocalDate monday : mondays) {
      file("taoyuan1a", monday, monday.plusDays(2));
    }
    file("taoyuan1b", mondays.get(0), mondays.get(0).plusDays(8));

    Map<String, UnitKpis.Row> units = byCode(kpis.of(CoverageLevel.UNIT, month, "xicheng"));
    assertThat(units.get("taoyuan1a").reportsDue()).isEqualTo(mondays.size());
    assertThat(units.get("taoyuan1a").reportTimeliness()).isEqualTo(1.0);
    assertThat(units.get("taoyuan1b").reportsOnTime()).isZero();
    assertThat(units.get("taoyuan1b").reportTimeliness()).isEqualTo(0.0);
    UnitKpis.Row village =
        byCode(kpis.of(CoverageLevel.COMMUNITY, month, "xicheng")).get("taoyuan");
    assertThat(village.reportsDue()).isEqualTo(4L * mondays.size());
    assertThat(village.reportsOnTime()).isEqualTo(mondays.size());
  }

  private void file(String unit, LocalDate week, LocalDate filedOn) {
    Map<String, Object> row = new HashMap<>();
    row.put("unitCode", unit);
    row.put("weekStart", week);
    row.put("headUserId", "test");
    row.put("nothingNew", true);
    row.put("filedAt", clock.startOf(filedOn).plusSeconds(36_000));
    needs.insertReport(row);
  }
}
