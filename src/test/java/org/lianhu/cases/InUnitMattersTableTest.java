package org.lianhu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The table of small matters (processes/in-unit-matters.dmn) over every category the county has:
 * never an emergency or an urgent case, never what the routing table sends to the police, power or
 * water, and the three small matters of the liaison-unit rules do stay in the unit.
 */
@EngineTest
class InUnitMattersTableTest {

  private static final Set<String> NEVER_IN_UNIT = Set.of("police", "power", "water");

  @Autowired private DecisionService decisions;
  @Autowired private JdbcTemplate jdbc;

  private boolean inUnit(String category, String urgency) {
    return Boolean.TRUE.equals(
        decisions
            .evaluateDecisionTableByKey(
                "inUnitMatters",
                Variables.createVariables()
                    .putValue("category", category)
                    .putValue("urgency", urgency))
            .getSingleResult()
            .getEntry("inUnit"));
  }

  private String department(String category) {
    Map<String, Object> routed =
        decisions
            .evaluateDecisionTableByKey(
                "caseRouting",
                Variables.createVariables()
                    .putValue("category", category)
                    .putValue("streetCode", "dongcheng"))
            .getSingleResult()
            .getEntryMap();
    return (String) routed.get("department");
  }

  @Test
  void noCategoryTheRoutingTableSendsToPolicePowerOrWaterStaysInTheUnit() {
    List<String> categories = jdbc.queryForList("select code from case_category", String.class);
    assertThat(categories).contains("noise", "power_outage", "water_supply", "neighbour_noise");
    for (String category : categories) {
      assertThat(inUnit(category, "emergency")).as(category).isFalse();
      assertThat(inUnit(category, "urgent")).as(category).isFalse();
      if (inUnit(category, "normal")) {
        assertThat(department(category)).as(category).isNotIn(NEVER_IN_UNIT);
      }
    }
    assertThat(categories.stream().filter(c -> inUnit(c, "normal")))
        .containsExactlyInAnyOrder("neighbour_noise", "corridor_clutter", "shared_facility");
  }
}
