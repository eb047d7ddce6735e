package org.lianhu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Tasklist, Cockpit and Modeler need from every model in processes/: a diagram for every
 * element, history time to live, a Camunda Form that exists for every user task, Chinese names on
 * everything a caseworker sees.
 */
class ProcessModelsTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(PROCESSES)) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    try (Stream<Path> files = Files.list(PROCESSES)) {
      for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode schema = JSON.readTree(form.toFile());
        assertThat(form.getFileName().toString()).isEqualTo(schema.get("id").asText() + ".form");
        ids.add(schema.get("id").asText());
      }
    }
    return ids;
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void everyElementHasADiagramShapeOrEdge(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    Set<String> drawn = new HashSet<>();
    model
        .getModelElementsByType(BpmnShape.class)
        .forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model
        .getModelElementsByType(BpmnEdge.class)
        .forEach(e -> drawn.add(e.getBpmnElement().getId()));

    assertThat(model.getModelElementsByType(FlowNode.class))
        .allSatisfy(n -> assertThat(drawn).contains(n.getId()));
    assertThat(model.getModelElementsByType(SequenceFlow.class))
        .allSatisfy(f -> assertThat(drawn).contains(f.getId()));
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void everyProcessIsExecutableWithAHistoryTimeToLive(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    assertThat(model.getModelElementsByType(Process.class))
        .allSatisfy(
            process -> {
              assertThat(process.isExecutable()).isTrue();
              assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
            });
  }

  private static final Set<String> DUTY_PROCESSES =
      Set.of(
          "visit-reminder.bpmn",
          "visit-supervision.bpmn",
          "needs-report-check.bpmn",
          "evaluation-round.bpmn");

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void everyUserTaskHasACamundaFormThatIsDeployedWithIt(Path file) throws IOException {
    Set<String> forms = formIds();
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    // The liaison heads' duty processes create Tasklist tasks of their own and have none; the
    // evaluation round only starts the evaluations.
    assertThat(model.getModelElementsByType(UserTask.class).isEmpty())
        .as("%s has user tasks", file)
        .isEqualTo(DUTY_PROCESSES.contains(file.getFileName().toString()));
    assertThat(model.getModelElementsByType(UserTask.class))
        .allSatisfy(
            task -> {
              assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isIn(forms);
              assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            });
  }

  @ParameterizedTest
  @MethodSource("bpmnFiles")
  void everyFlowNodeAndEveryDecisionHasAChineseName(Path file) {
    BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
    assertThat(model.getModelElementsByType(FlowNode.class))
        .allSatisfy(
            n -> assertThat(n.getName()).as("name of %s", n.getId()).matches(".*\\p{IsHan}.*"));
    // Flows out of a deciding gateway carry the condition's name; after parallel and event-based
    // gateways
    // the tasks and events name the branches (bpmnlint's superfluous-label rule wants those flows
    // bare).
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() > 1) {
        assertThat(gateway.getOutgoing())
            .allSatisfy(
                f -> assertThat(f.getName()).as("name of %s", f.getId()).matches(".*\\p{IsHan}.*"));
      }
    }
  }
}
