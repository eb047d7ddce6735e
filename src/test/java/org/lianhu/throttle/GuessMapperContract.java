package org.lianhu.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lianhu.support.MapperTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GuessMapper.xml}, whose upsert is written once per database; run on H2 ({@link
 * GuessMapperTest}) and MariaDB ({@link GuessMapperMySqlIT}).
 */
@MapperTest
abstract class GuessMapperContract {

  private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

  @Autowired GuessMapper guesses;

  @Test
  void failuresCountWithinTheirWindowAndALaterOneOpensANewWindow() {
    String scope = "case:contract-" + System.nanoTime();
    assertThat(guesses.failuresSince(scope, T0.minusSeconds(900))).isNull();

    guesses.countFailure(scope, T0, T0.minusSeconds(900));
    guesses.countFailure(scope, T0.plusSeconds(60), T0.minusSeconds(840));
    assertThat(guesses.failuresSince(scope, T0.minusSeconds(840))).isEqualTo(2);
    assertThat(guesses.windowStart(scope)).isEqualTo(T0);

    Instant later = T0.plusSeconds(1800);
    guesses.countFailure(scope, later, later.minusSeconds(900));
    assertThat(guesses.windowStart(scope)).isEqualTo(later);
    assertThat(guesses.failuresSince(scope, later.minusSeconds(900))).isEqualTo(1);
    assertThat(guesses.failuresSince(scope, later.plusSeconds(1))).isNull();
  }
}
