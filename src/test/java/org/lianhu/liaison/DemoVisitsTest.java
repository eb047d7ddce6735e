package org.lianhu.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.DemoSettings;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's visits, on an empty visit table inside a transaction that is rolled back: this month's
 * coverage shows every light, and a second start records nothing.
 */
@EngineTest
@Transactional
class DemoVisitsTest {

  @Autowired private VisitMapper mapper;
  @Autowired private Visits visits;
  @Autowired private OrganisationDirectory directory;
  @Autowired private CountyClock clock;
  @Autowired private LiaisonSettings settings;
  @Autowired private JdbcTemplate jdbc;

  private DemoVisits demoVisits(boolean demoData, boolean demoVisits) {
    return new DemoVisits(new DemoSettings(demoData), demoVisits, mapper, visits, directory, clock);
  }

  @Test
  void theDemoHeadsVisitMostHouseholdsOnceAndEveryLightShows() {
    jdbc.update("delete from household_visit_month");
    jdbc.update("delete from household_visit");

    int recorded = demoVisits(true, true).recordOnce();

    YearMonth month = YearMonth.from(clock.today());
    List<Coverage> units = visits.coverage(CoverageLevel.UNIT, month, null, null, null);
    long visited = units.stream().mapToLong(Coverage::visited).sum();
    assertThat(recorded).isPositive().isEqualTo((int) visited);
    assertThat(units.stream().map(c -> settings.coverageLight(c.rate())).distinct())
        .containsExactlyInAnyOrder("green", "yellow", "red");
    assertThat(jdbc.queryForObject("select count(*) from household_visit", Integer.class))
        .isEqualTo(recorded);
    assertThat(demoVisits(true, true).recordOnce()).isZero();
  }

  @Test
  void noVisitsWithoutTheDemoOrganisationOrWhenTurnedOff() {
    jdbc.update("delete from household_visit_month");
    jdbc.update("delete from household_visit");

    assertThat(demoVisits(false, true).recordOnce()).isZero();
    assertThat(demoVisits(true, false).recordOnce()).isZero();
    assertThat(mapper.anyVisit()).isFalse();
  }
}
