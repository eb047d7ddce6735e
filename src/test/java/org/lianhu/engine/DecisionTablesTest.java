package org.lianhu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseDeadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class DecisionTablesTest {

  private static final Map<String, Object> EMERGENCY =
      Map.of("category", "road_damage", "urgency", "emergency");

  @Autowired DecisionTables tables;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;

  @Test
  void aResultIsRememberedUntilTheTableIsRedeployedAndWritesNoDecisionHistoryAtLevelAudit()
      throws IOException {
    assertThat(tables.keepsDecisionHistory()).isFalse();
    Map<String, Object> first = tables.evaluate(CaseDeadlines.DECISION, EMERGENCY);
    assertThat(first)
        .containsEntry("responseLimit", "PT30M")
        .containsEntry("handleHours", 4)
        .containsEntry("handleWorkingDays", null);
    assertThat(tables.evaluate(CaseDeadlines.DECISION, EMERGENCY)).isSameAs(first);

    String original = Files.readString(Path.of("processes/case-deadlines.dmn"));
    try {
      deploy(original.replace("\"PT30M\"", "\"PT20M\""));
      assertThat(tables.evaluate(CaseDeadlines.DECISION, EMERGENCY))
          .containsEntry("responseLimit", "PT20M");
    } finally {
      deploy(original);
    }
    assertThat(tables.evaluate(CaseDeadlines.DECISION, EMERGENCY))
        .containsEntry("responseLimit", "PT30M");
    assertThat(
            historyService
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey(CaseDeadlines.DECISION)
                .count())
        .isZero();
  }

  private void deploy(String dmn) {
    repositoryService
        .createDeployment()
        .name("decision-tables-test")
        .addString("case-deadlines.dmn", dmn)
        .deploy();
  }
}
