package org.lianhu.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates Lianhu's single-result decision tables ({@code caseDeadlines}, {@code caseRouting},
 * {@code mediationDeadlines}). Their outputs depend on their inputs only, so when the engine keeps
 * no decision history (history level below {@code full}) the result of each input combination is
 * remembered per decision definition version: the FEEL evaluation, the most expensive part of the
 * intake's CPU time, then runs once per combination instead of once per case.
 *
 * <p>A redeployment is seen at once, also one made on another node: every call still looks up the
 * latest version of the decision, as the engine itself does for {@code evaluateDecisionByKey}, and
 * a new version has a new definition id and so an empty slot in the cache. With history level
 * {@code full} every call is evaluated by the engine as before, so that each evaluation appears in
 * the decision history.
 */
@Component
public class DecisionTables {

  /** Guards the memory against a table whose inputs are unbounded (none of ours is). */
  static final int MAX_ENTRIES = 10_000;

  private record Key(String definitionId, Map<String, Object> inputs) {}

  private final ProcessEngine engine;
  private final Map<Key, Map<String, Object>> results = new ConcurrentHashMap<>();

  public DecisionTables(ProcessEngine engine) {
    this.engine = engine;
  }

  /**
   * The output entries of the single matching rule of the latest version of {@code decisionKey}, or
   * {@code null} when no rule matches.
   */
  public Map<String, Object> evaluate(String decisionKey, Map<String, Object> inputs) {
    DecisionService decisions = engine.getDecisionService();
    if (keepsDecisionHistory()) {
      return entries(
          decisions
              .evaluateDecisionByKey(decisionKey)
              .variables(inputs)
              .evaluate()
              .getSingleResult());
    }
    DecisionDefinition latest =
        engine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(decisionKey)
            .latestVersion()
            .singleResult();
    if (latest == null) {
      // Let the engine report the missing decision as it always has.
      return entries(
          decisions
              .evaluateDecisionByKey(decisionKey)
              .variables(inputs)
              .evaluate()
              .getSingleResult());
    }
    Key key = new Key(latest.getId(), Collections.unmodifiableMap(new LinkedHashMap<>(inputs)));
    Map<String, Object> cached = results.get(key);
    if (cached != null) {
      return cached;
    }
    Map<String, Object> result =
        entries(
            decisions
                .evaluateDecisionById(latest.getId())
                .variables(inputs)
                .evaluate()
                .getSingleResult());
    if (result != null) {
      if (results.size() >= MAX_ENTRIES) {
        results.clear();
      }
      results.put(key, result);
    }
    return result;
  }

  boolean keepsDecisionHistory() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration
        .getHistoryLevel()
        .isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE, null);
  }

  private static Map<String, Object> entries(DmnDecisionResultEntries entries) {
    // HashMap: outputs may be null (e.g. no handling limit in hours).
    return entries == null
        ? null
        : Collections.unmodifiableMap(new HashMap<>(entries.getEntryMap()));
  }
}
