package org.lianhu.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianhu.allowance.Awards;
import org.lianhu.archive.HeadArchive;
import org.lianhu.refusal.Refusal;
import org.lianhu.stats.HeadKpis;
import org.lianhu.support.HeadTermJourney;
import org.lianhu.support.SelectionDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The head's term on the MySQL-compatible server: the journey from a vacancy to pay (every
 * statement of the posts, terms, training, evaluation and pay sheets), then the archive, the heads'
 * KPIs and an award nomination, whose statements the journey does not reach. The database keeps
 * earlier runs' data; each run makes a unit of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"mysql", "mysqltest"})
class HeadTermMySqlIT {

  @Autowired private ApplicationContext context;
  @Autowired private JdbcTemplate jdbc;
  @Autowired private HeadArchive archive;
  @Autowired private HeadKpis kpis;
  @Autowired private Awards awards;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aVacancyIsFilledTrainedEvaluatedPaidAndOnRecord() {
    String head = HeadTermJourney.run(context, jdbc);
    SelectionDriver driver = new SelectionDriver(context);

    HeadArchive.Archive record = driver.as("hejun", () -> archive.of(head));
    assertThat(record.terms()).hasSize(1);
    assertThat(record.training().inductionDone()).isTrue();
    assertThat(record.evaluations()).isNotEmpty();

    int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    assertThat(driver.as("linlin", () -> kpis.of(year, "xicheng")))
        .anySatisfy(
            r -> {
              assertThat(r.communityCode()).isEqualTo("taoyuan");
              assertThat(r.filled()).isPositive();
            });
    try {
      driver.as("hejun", () -> awards.nominate(year - 1, head, "去年尚未任职"));
      throw new AssertionError("a head without an 优秀 quarter was nominated");
    } catch (Refusal refused) {
      assertThat(refused.type()).isEqualTo("not-eligible");
    }
  }
}
