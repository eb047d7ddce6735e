package org.lianhu.mediation.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.lianhu.support.Constants;

/** Every task id the mediation steps name exists in {@code disputeMediation}. */
class MediationTasksTest {

  private static final BpmnModelInstance MODEL =
      Bpmn.readModelFromFile(Path.of("processes/dispute-mediation.bpmn").toFile());

  @Test
  void everyTaskIdTheStepsNameIsAUserTaskOfDisputeMediation() {
    Set<String> userTasks = new TreeSet<>();
    MODEL.getModelElementsByType(UserTask.class).forEach(task -> userTasks.add(task.getId()));
    Set<String> named = Constants.stringsOf(MediationTasks.class);

    assertThat(named).hasSize(14);
    assertThat(userTasks).containsAll(named);
  }

  @Test
  void everyServiceTaskThatClosesADisputeHasAStatus() {
    Set<String> closing = new TreeSet<>();
    MODEL.getModelElementsByType(ServiceTask.class).stream()
        .filter(task -> "${closeDispute}".equals(task.getCamundaDelegateExpression()))
        .forEach(task -> closing.add(task.getId()));

    assertThat(closing).containsExactlyInAnyOrder("closeResolved", "closeWithdrawn", "closeGuided");
  }
}
