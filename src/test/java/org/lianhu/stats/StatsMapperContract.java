package org.lianhu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.NewCaseFixture;
import org.lianhu.support.MapperTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code StatsMapper.xml}, whose period keys and time differences are written once per database;
 * run on H2 ({@link StatsMapperTest}) and MariaDB ({@link StatsMapperMySqlIT}). The cases sit in a
 * street of the test's own, so rows other tests left on the same days do not count.
 */
@MapperTest
abstract class StatsMapperContract {

  private static final LocalDate FROM = LocalDate.parse("2026-11-24");
  private static final LocalDate TO = LocalDate.parse("2026-11-26");

  @Autowired StatsMapper stats;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;

  @Test
  void theRollUpCountsEachFigureAndTheKpisGroupThemByPeriod() {
    String street = "st" + (System.nanoTime() % 1_000_000_000L);
    long answered = reported(street, "2026-11-24T02:00:00Z");
    long rejected = reported(street, "2026-11-25T02:00:00Z");
    reported(street, "2026-11-25T03:00:00Z");
    jdbc.update(
        "update case_record set responded_at = ?, response_due = ?, resolved_at = ?,"
            + " rating = 'basically_satisfied' where id = ?",
        ts("2026-11-24T02:10:00Z"),
        ts("2026-11-24T03:00:00Z"),
        ts("2026-11-24T04:10:00Z"),
        answered);
    jdbc.update("update case_record set status = 'REJECTED' where id = ?", rejected);

    stats.forgetDays(FROM, TO);
    stats.rollUpDays(FROM, TO);

    List<KpiRow> weeks = mine(stats.kpis("street_code", "week", FROM, TO), street);
    assertThat(weeks).extracting(KpiRow::period).containsExactly("2026-W48");
    KpiRow week = weeks.get(0);
    assertThat(week.reported()).isEqualTo(3);
    assertThat(week.rejected()).isOne();
    assertThat(week.responded()).isOne();
    assertThat(week.respondedInTime()).isOne();
    assertThat(week.satisfied()).isOne();
    assertThat(week.avgResponseSeconds()).isEqualTo(600.0);
    assertThat(week.avgHandlingSeconds()).isEqualTo(7200.0);

    assertThat(mine(stats.kpis("street_code", "month", FROM, TO), street))
        .extracting(KpiRow::period)
        .containsExactly("2026-11");
    assertThat(mine(stats.kpis("street_code", "quarter", FROM, TO), street))
        .extracting(KpiRow::period)
        .containsExactly("2026-Q4");
  }

  private long reported(String street, String at) {
    long id = NewCaseFixture.insert(context, "统计", Instant.parse(at));
    jdbc.update("update case_record set street_code = ? where id = ?", street, id);
    return id;
  }

  /**
   * An instant as the drivers take it with its offset, converted to the connection's county time.
   */
  private static OffsetDateTime ts(String instant) {
    return Instant.parse(instant).atOffset(ZoneOffset.UTC);
  }

  private static List<KpiRow> mine(List<KpiRow> rows, String street) {
    return rows.stream().filter(row -> street.equals(row.groupCode())).toList();
  }
}
