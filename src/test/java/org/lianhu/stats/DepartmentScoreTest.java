package org.lianhu.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The department score of docs/kpis.md, computed by hand. */
class DepartmentScoreTest {

  private final DepartmentRanking ranking =
      new DepartmentRanking(
          null,
          null,
          null,
          new StatsSettings(
              Duration.ofMinutes(5),
              new StatsSettings.Targets(0.95, 0.9, 0.9, 0.85, 0.9, 0.9, 0.9, 0.9, 0.1),
              new StatsSettings.ScoreWeights(0.25, 0.25, 0.10, 0.15, 0.25)));

  @Test
  void theScoreIsTheWeightedMeanOfTheOfficesOwnFigures() {
    // 0.25 x 0.8 + 0.25 x 0.6 + 0.10 x (1 - 0.2) + 0.15 x (1 - 0.1) + 0.25 x 0.9 = 0.79
    assertThat(ranking.score(0.8, 0.6, 0.2, 0.1, 0.9)).isEqualTo(79.0);
    assertThat(ranking.score(1.0, 1.0, 0.0, 0.0, 1.0)).isEqualTo(100.0);
  }

  @Test
  void aComponentWithNothingToCountNeitherHelpsNorHurts() {
    // Without ratings and returns: (0.25 x 0.8 + 0.25 x 0.6 + 0.15 x 0.9) / 0.65
    assertThat(ranking.score(0.8, 0.6, null, 0.1, null)).isEqualTo(74.6154);
    assertThat(ranking.score(null, null, null, null, null)).isEqualTo(0.0);
  }

  @Test
  void returnsUpheldCountAgainstTheDepartmentAndItsReturnRateCountsEveryReturn() {
    var returns = new DepartmentRanking.DepartmentReturns("urban", 3, 1, 2);
    DepartmentRanking.DepartmentScore score = ranking.score("urban", "城管", null, returns);
    // Received: 0 kept + 2 returned and sent on; 3 returns (one still undecided) over 2 received.
    assertThat(score.cases()).isEqualTo(2);
    assertThat(score.returns()).isEqualTo(3);
    assertThat(score.upheldReturns()).isEqualTo(1);
    assertThat(score.returnRate()).isEqualTo(1.5);
    // Only the returns component counts: 1 - 1/2.
    assertThat(score.score()).isEqualTo(50.0);
  }
}
