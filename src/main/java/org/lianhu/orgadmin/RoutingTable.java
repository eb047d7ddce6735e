package org.lianhu.orgadmin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * What the deployed routing table ({@code caseRouting}, latest version) says about departments: the
 * department codes its rules name (as lead or as supervising department) and, per department, the
 * categories it leads. The organisation data is checked against it: at start, at every import and
 * on the admin page, so that no case is routed to a department that does not exist.
 */
@Component
class RoutingTable {

  static final String DECISION = "caseRouting";
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  /** The table's department codes and the categories each leads. */
  record Departments(Set<String> codes, Map<String, Set<String>> categoriesLed) {}

  private final RepositoryService repository;

  RoutingTable(RepositoryService repository) {
    this.repository = repository;
  }

  Departments departments() {
    DecisionDefinition latest =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(DECISION)
            .latestVersion()
            .singleResult();
    Set<String> codes = new TreeSet<>();
    Map<String, Set<String>> led = new TreeMap<>();
    if (latest == null) {
      return new Departments(codes, led);
    }
    DmnModelInstance model = repository.getDmnModelInstance(latest.getId());
    Decision decision = model.getModelElementById(DECISION);
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<Output> outputs = new ArrayList<>(table.getOutputs());
    int department = indexOf(outputs, "department");
    int supervising = indexOf(outputs, "supervisingDepartment");
    for (Rule rule : table.getRules()) {
      List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
      List<String> lead = quoted(entries, department);
      codes.addAll(lead);
      codes.addAll(quoted(entries, supervising));
      List<InputEntry> inputs = new ArrayList<>(rule.getInputEntries());
      if (!inputs.isEmpty()) {
        List<String> categories = quotedText(inputs.get(0).getTextContent());
        for (String code : lead) {
          led.computeIfAbsent(code, c -> new TreeSet<>()).addAll(categories);
        }
      }
    }
    return new Departments(codes, led);
  }

  private static int indexOf(List<Output> outputs, String name) {
    for (int i = 0; i < outputs.size(); i++) {
      if (name.equals(outputs.get(i).getName())) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> quoted(Collection<OutputEntry> entries, int index) {
    if (index < 0 || index >= entries.size()) {
      return List.of();
    }
    return quotedText(new ArrayList<>(entries).get(index).getTextContent());
  }

  private static List<String> quotedText(String text) {
    List<String> values = new ArrayList<>();
    if (text == null) {
      return values;
    }
    Matcher m = QUOTED.matcher(text);
    while (m.find()) {
      values.add(m.group(1));
    }
    return values;
  }
}
