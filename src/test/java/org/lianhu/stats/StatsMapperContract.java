package org.lianhu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
  // When the roll-up runs, in county time (as the database's clock reads).
  private static final LocalDateTime NOW = LocalDateTime.parse("2026-11-25T20:00:00");

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
    stats.rollUpDays(FROM, TO, NOW);

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

  // docs/kpis.md: one test per formula, against cases counted by hand.

  @Test
  void responseRateIsAnsweredWithinTheLimitOverCasesDueToRespond() {
    String street = street();
    // In time (due later); late; never answered and past due; answered early though not yet due.
    answered(
        reported(street, "2026-11-24T01:00:00Z"), "2026-11-24T01:50:00Z", "2026-11-24T02:00:00Z");
    answered(
        reported(street, "2026-11-24T02:00:00Z"), "2026-11-24T05:00:00Z", "2026-11-24T03:00:00Z");
    due(reported(street, "2026-11-24T03:00:00Z"), "2026-11-25T03:00:00Z");
    answered(
        reported(street, "2026-11-25T08:00:00Z"), "2026-11-25T08:30:00Z", "2026-11-26T08:00:00Z");
    // Not answered and not yet due when the roll-up runs (20:00 county time = 12:00 UTC): not
    // counted.
    due(reported(street, "2026-11-25T09:00:00Z"), "2026-11-26T09:00:00Z");

    Kpi kpi = allOf(street);
    assertThat(kpi.reported()).isEqualTo(5);
    assertThat(kpi.dueToRespond()).isEqualTo(4);
    assertThat(kpi.respondedInTime()).isEqualTo(2);
    assertThat(kpi.responseRate()).isEqualTo(0.5);
  }

  @Test
  void resolutionRateIsClosedAsResolvedOverClosedWithAHandlingOutcome() {
    String street = street();
    for (String outcome : List.of("resolved", "resolved", "partly", "explained", "redirected")) {
      closed(reported(street, "2026-11-24T02:00:00Z"), "CLOSED", outcome);
    }
    // Not counted: handed to mediation; resolved but still awaiting the rating; rejected.
    closed(reported(street, "2026-11-24T03:00:00Z"), "CLOSED", "mediation");
    closed(reported(street, "2026-11-24T04:00:00Z"), "AWAITING_RATING", "resolved");
    closed(reported(street, "2026-11-24T05:00:00Z"), "REJECTED", null);

    Kpi kpi = allOf(street);
    assertThat(kpi.closed()).isEqualTo(5);
    assertThat(kpi.resolved()).isEqualTo(2);
    assertThat(kpi.resolutionRate()).isEqualTo(0.4);
  }

  @Test
  void satisfactionRateIsSatisfiedOrBasicallySatisfiedOverRated() {
    String street = street();
    for (String rating : List.of("satisfied", "satisfied", "basically_satisfied", "unsatisfied")) {
      long id = reported(street, "2026-11-24T02:00:00Z");
      jdbc.update("update case_record set rating = ? where id = ?", rating, id);
    }
    reported(street, "2026-11-24T03:00:00Z");

    Kpi kpi = allOf(street);
    assertThat(kpi.rated()).isEqualTo(4);
    assertThat(kpi.satisfied()).isEqualTo(3);
    assertThat(kpi.satisfactionRate()).isEqualTo(0.75);
  }

  @Test
  void extendedAndReturnedCasesAreCountedApart() {
    String street = street();
    long extended = reported(street, "2026-11-24T02:00:00Z");
    long returned = reported(street, "2026-11-24T03:00:00Z");
    reported(street, "2026-11-24T04:00:00Z");
    jdbc.update("update case_record set extension_count = 1 where id = ?", extended);
    jdbc.update("update case_record set return_count = 2 where id = ?", returned);

    Kpi kpi = allOf(street);
    assertThat(kpi.extended()).isOne();
    assertThat(kpi.returns()).isEqualTo(2);
  }

  @Test
  void anOfficeIsScoredOnItsOwnResponseAndHandlingAndAnExtensionHidesNoOverdue() {
    String street = street();
    // Acted in time and handled in time; acted late and handled late; overdue, then extended and
    // handled before the new deadline; received, not acted, response due passed.
    office(
        reported(street, "2026-11-24T01:00:00Z"),
        "2026-11-24T02:00:00Z",
        "2026-11-24T01:30:00Z",
        "2026-11-25T01:00:00Z",
        "2026-11-24T05:00:00Z",
        false);
    office(
        reported(street, "2026-11-24T02:00:00Z"),
        "2026-11-24T03:00:00Z",
        "2026-11-24T06:00:00Z",
        "2026-11-24T10:00:00Z",
        "2026-11-24T11:00:00Z",
        false);
    office(
        reported(street, "2026-11-24T03:00:00Z"),
        "2026-11-24T04:00:00Z",
        "2026-11-24T03:10:00Z",
        "2026-11-26T10:00:00Z",
        "2026-11-25T10:00:00Z",
        true);
    office(
        reported(street, "2026-11-24T04:00:00Z"),
        "2026-11-24T05:00:00Z",
        null,
        "2026-11-28T10:00:00Z",
        null,
        false);
    // Never reached an office (the street coordinates it): not counted.
    reported(street, "2026-11-24T05:00:00Z");

    Kpi kpi = allOf(street);
    assertThat(kpi.dispatched()).isEqualTo(4);
    assertThat(kpi.officeRespondedInTime()).isEqualTo(2);
    assertThat(kpi.officeResponseRate()).isEqualTo(0.5);
    assertThat(kpi.handledInTime()).isEqualTo(1);
    // Due to handle: the three resolved; the fourth is due on the 28th, after the roll-up.
    assertThat(kpi.handledInTimeRate()).isEqualTo(0.3333);
  }

  private void office(
      long id,
      String responseDue,
      String actedAt,
      String handleDue,
      String resolvedAt,
      boolean handlingOverdue) {
    jdbc.update(
        "update case_record set dispatched_at = created_at, office_response_due = ?, office_acted_at = ?,"
            + " handle_due = ?, resolved_at = ?, handling_overdue = ? where id = ?",
        ts(responseDue),
        actedAt == null ? null : ts(actedAt),
        ts(handleDue),
        resolvedAt == null ? null : ts(resolvedAt),
        handlingOverdue,
        id);
  }

  private Kpi allOf(String street) {
    stats.forgetDays(FROM, TO);
    stats.rollUpDays(FROM, TO, NOW);
    List<KpiRow> rows = mine(stats.kpis("street_code", "all", FROM, TO), street);
    assertThat(rows).hasSize(1);
    return Kpi.of(rows.get(0), street);
  }

  private static String street() {
    return "st" + (System.nanoTime() % 1_000_000_000L);
  }

  private void answered(long id, String respondedAt, String responseDue) {
    jdbc.update(
        "update case_record set responded_at = ?, response_due = ? where id = ?",
        ts(respondedAt),
        ts(responseDue),
        id);
  }

  private void due(long id, String responseDue) {
    jdbc.update("update case_record set response_due = ? where id = ?", ts(responseDue), id);
  }

  private void closed(long id, String status, String outcome) {
    jdbc.update("update case_record set status = ?, outcome = ? where id = ?", status, outcome, id);
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
