package org.lianhu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.refusal.Refusal;
import org.lianhu.support.PostsTest;
import org.lianhu.support.SelectionDriver;
import org.lianhu.support.TestUnits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The heads' KPIs counted by hand on 和平里社区 (office sunli, street 东城街道 gaofeng), whose four demo
 * heads no other test moves: a new unit's post opened on the first Monday of March at 09:00, its
 * successor chosen at once and appointed when the five working days' notice ran out, a week later.
 * Vacancy 7.0 days, back-fill 7.0 days, chosen within the 7 days, nobody left.
 */
@PostsTest
class HeadKpisTest {

  @Autowired private ApplicationContext context;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private HeadKpis kpis;
  @Autowired private CountyClock clock;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void vacancyBackfillTurnoverAndThePoolByCommunity() {
    int year = clock.today().getYear();
    LocalDate monday =
        LocalDate.of(year, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    ClockUtil.setCurrentTime(Date.from(monday.atTime(9, 0).atZone(clock.zone()).toInstant()));
    String unit = TestUnits.create(jdbc, "hepingli2");
    new SelectionDriver(context).appoint(unit, "岳建华", "13700001919", "sunli", "gaofeng");
    ClockUtil.reset();

    HeadKpis.Row hepingli =
        new SelectionDriver(context)
            .as("gaofeng", () -> kpis.of(year, "dongcheng")).stream()
                .filter(r -> r.communityCode().equals("hepingli"))
                .findFirst()
                .orElseThrow();
    assertThat(hepingli.posts()).isEqualTo(5);
    assertThat(hepingli.headsInPost()).isEqualTo(5);
    assertThat(hepingli.vacantNow()).isZero();
    assertThat(hepingli.vacancyDays()).isEqualTo(7.0);
    assertThat(hepingli.filled()).isEqualTo(1);
    assertThat(hepingli.backfillDays()).isEqualTo(7.0);
    assertThat(hepingli.chosenInTime()).isEqualTo(1);
    assertThat(hepingli.headsAtStart()).isEqualTo(4);
    assertThat(hepingli.termsEnded()).isZero();
    assertThat(hepingli.turnover()).isEqualTo(0.0);
    assertThat(hepingli.turnoverLight()).isEqualTo("green");
    assertThat(hepingli.poolTarget()).isEqualTo(1); // ceil(10% of 5)
    assertThat(hepingli.poolLight()).isEqualTo(hepingli.pool() >= 1 ? "green" : "red");

    assertThat(
            new SelectionDriver(context)
                .as("sunli", () -> kpis.of(year, null)).stream().map(HeadKpis.Row::communityCode))
        .containsExactly("hepingli");
    try {
      new SelectionDriver(context).as("lixiuying", () -> kpis.of(year, null));
      throw new AssertionError("a head read the KPIs");
    } catch (Refusal refused) {
      assertThat(refused.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
    }
  }
}
