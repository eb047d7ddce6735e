package org.lianhu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPIs read a daily roll-up; these prove it follows every change to the cases. The class has a
 * database of its own, so the figures it counts are its own cases' only.
 */
@TestPropertySource(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:kpi-rollup-test;DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true"
    })
class KpiRollupTest extends CaseLoopTestSupport {

  private static final LocalDate JULY_1 = LocalDate.parse("2031-07-01");
  private static final LocalDate JULY_31 = LocalDate.parse("2031-07-31");

  @Autowired private Statistics statistics;
  @Autowired private KpiRollup rollup;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private PlatformTransactionManager transactions;

  private Kpi july(String street) {
    return statistics
        .kpis(Statistics.GroupBy.street, Statistics.Period.month, JULY_1, JULY_31)
        .stream()
        .filter(k -> street.equals(k.group()))
        .findFirst()
        .orElse(null);
  }

  private CaseReceipt reportOn(String day, String address) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse(day + "T02:00:00Z")));
    try {
      return reportCase("sanitation", "normal", address);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aCaseReportedOrChangedAfterTheRollUpWasBuiltCountsAtOnce() {
    Kpi before = july("dongcheng");
    long reportedBefore = before == null ? 0 : before.reported();
    long overdueBefore = before == null ? 0 : before.overdue();

    CaseReceipt receipt = reportOn("2031-07-03", "和平里东街5号");
    assertThat(july("dongcheng").reported()).isEqualTo(reportedBefore + 1);

    lifecycle.escalated(recordOf(receipt).id(), false, "测试：超期");
    assertThat(july("dongcheng").overdue()).isEqualTo(overdueBefore + 1);
    assertThat(statistics.hotspots(JULY_1, JULY_31))
        .anySatisfy(
            row -> {
              assertThat(row.get("communityCode")).isEqualTo("hepingli");
              assertThat(row.get("cases")).isEqualTo(reportedBefore + 1);
            });
  }

  @Test
  void aChangeCommittedAfterARefreshBeganIsCaughtByTheNextOne() throws Exception {
    CaseReceipt receipt = reportOn("2031-07-09", "新华路东段6号");
    long overdueBefore = july("xicheng").overdue();

    // The case is written in a transaction that commits only after another request refreshed the
    // roll-up.
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              lifecycle.escalated(recordOf(receipt).id(), false, "测试：超期");
              Kpi meanwhile =
                  CompletableFuture.supplyAsync(() -> july("xicheng"))
                      .orTimeout(30, TimeUnit.SECONDS)
                      .join();
              assertThat(meanwhile.overdue()).isEqualTo(overdueBefore);
            });

    assertThat(july("xicheng").overdue()).isEqualTo(overdueBefore + 1);
  }

  @Test
  void casesLoadedDirectlyCountOnceTheRollUpIsToldToRebuild() {
    reportOn("2031-07-20", "和平里东街7号");
    long reported = july("dongcheng").reported();
    // An import straight into case_record leaves updated_at empty, as the benchmark's history
    // loader does.
    jdbc.update(
        "update case_record set status = 'REJECTED', updated_at = null"
            + " where created_at >= ? and created_at < ?",
        LocalDate.parse("2031-07-20").atStartOfDay(),
        LocalDate.parse("2031-07-21").atStartOfDay());
    assertThat(july("dongcheng").rejected()).as("not yet told").isZero();

    jdbc.update("update kpi_rollup_state set built_at = null");
    assertThat(rollup.refresh()).isEqualTo(-1);
    Kpi after = july("dongcheng");
    assertThat(after.reported()).isEqualTo(reported);
    assertThat(after.rejected()).isEqualTo(1);
  }

  @Test
  void consecutiveDaysAreRebuiltAsOneRange() {
    TreeSet<LocalDate> days =
        new TreeSet<>(
            List.of(
                LocalDate.parse("2031-07-01"),
                LocalDate.parse("2031-07-02"),
                LocalDate.parse("2031-07-03"),
                LocalDate.parse("2031-07-05"),
                LocalDate.parse("2031-08-01")));

    assertThat(KpiRollup.runs(days))
        .extracting(run -> run[0] + ".." + run[1])
        .containsExactly(
            "2031-07-01..2031-07-04", "2031-07-05..2031-07-06", "2031-08-01..2031-08-02");
    assertThat(KpiRollup.runs(new TreeSet<>())).isEmpty();
  }
}
