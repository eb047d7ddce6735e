package org.lianhu.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * processes/head-evaluation.dmn: the grade bands at their edges, the weights of the two assessments
 * adding up to one and the organisation's figures to 100 points, and the suggested score worked by
 * hand.
 */
@EngineTest
class HeadEvaluationTableTest {

  @Autowired private DecisionService decisions;

  private String grade(double score) {
    return (String)
        decisions
            .evaluateDecisionTableByKey(
                Evaluations.GRADES, Variables.createVariables().putValue("score", score))
            .getSingleResult()
            .getEntry("grade");
  }

  private Map<String, Object> weights(String kind) {
    return decisions
        .evaluateDecisionTableByKey(
            Evaluations.WEIGHTS, Variables.createVariables().putValue("communityKind", kind))
        .getSingleResult()
        .getEntryMap();
  }

  @Test
  void theBandsAreNinetySeventyFiveAndSixty() {
    assertThat(grade(100)).isEqualTo("excellent");
    assertThat(grade(90)).isEqualTo("excellent");
    assertThat(grade(89.9)).isEqualTo("competent");
    assertThat(grade(75)).isEqualTo("competent");
    assertThat(grade(74.9)).isEqualTo("basic");
    assertThat(grade(60)).isEqualTo("basic");
    assertThat(grade(59.9)).isEqualTo("incompetent");
    assertThat(grade(0)).isEqualTo("incompetent");
  }

  @Test
  void theWeightsAddUpAndTheSuggestedScoreCountsOnlyFiguresWithABase() {
    for (String kind : new String[] {"community", "village", null}) {
      Map<String, Object> w = weights(kind);
      assertThat((Double) w.get("residentWeight") + (Double) w.get("organisationWeight"))
          .isEqualTo(1.0);
      assertThat(
              (Double) w.get("coverageWeight")
                  + (Double) w.get("reportsWeight")
                  + (Double) w.get("resolutionWeight")
                  + (Double) w.get("satisfactionWeight")
                  + (Double) w.get("participationWeight"))
          .isEqualTo(100.0);
    }
    Map<String, Object> figures = new java.util.HashMap<>();
    figures.put("visitCoverage", 0.9);
    figures.put("reportTimeliness", 0.75);
    figures.put("inUnitResolution", null);
    figures.put("satisfaction", 1.0);
    figures.put("mediationJoined", 0);
    figures.put("activities", 1);
    // (30 × 0.9 + 20 × 0.75 + 20 × 1 + 10 × 1) / (30 + 20 + 20 + 10) × 100 = 72 / 80 × 100 = 90.0
    assertThat(Evaluations.suggested(weights("community"), figures)).isEqualTo(90.0);
  }
}
