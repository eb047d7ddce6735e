package org.lianhu.journey;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lianhu.support.HeadTermJourney;
import org.lianhu.support.PostsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link HeadTermJourney} on the embedded database: vacancy, selection, training, evaluation, pay.
 */
@PostsTest
class HeadTermJourneyTest {

  @Autowired private ApplicationContext context;
  @Autowired private JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aVacancyIsFilledTheNewHeadTrainedEvaluatedAndPaid() {
    HeadTermJourney.run(context, jdbc);
  }
}
