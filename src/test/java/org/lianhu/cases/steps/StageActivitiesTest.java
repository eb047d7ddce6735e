package org.lianhu.cases.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The activity and task ids the stages name in Java exist in case-handling.bpmn, so a rename there
 * fails here.
 */
class StageActivitiesTest {

  private static final BpmnModelInstance MODEL =
      Bpmn.readModelFromFile(Path.of("processes/case-handling.bpmn").toFile());

  @Test
  void everyTaskAStageOwnsIsAUserTaskOfTheModel() {
    Set<String> userTasks = new TreeSet<>();
    MODEL.getModelElementsByType(UserTask.class).forEach(task -> userTasks.add(task.getId()));

    for (Stage stage : Stage.values()) {
      assertThat(userTasks)
          .as(stage.name())
          .containsAll(stage.ownedTasks())
          .containsAll(stage.reassignableTasks());
    }
  }

  @Test
  void everyActivityThatAsksForItsStageExistsInTheModel() {
    Set<String> activities = new TreeSet<>();
    MODEL.getModelElementsByType(FlowNode.class).forEach(node -> activities.add(node.getId()));

    assertThat(Stage.ACTIVITIES).hasSize(7);
    assertThat(activities).containsAll(Stage.ACTIVITIES);
  }
}
