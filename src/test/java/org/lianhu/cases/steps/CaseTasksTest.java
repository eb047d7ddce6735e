package org.lianhu.cases.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.lianhu.support.Constants;

/** Every task id the case-loop steps name is a user task of the model they run in. */
class CaseTasksTest {

  @Test
  void everyTaskIdTheStepsNameIsAUserTaskOfCaseHandling() {
    assertThat(userTasks("processes/case-handling.bpmn"))
        .containsAll(Constants.stringsOf(CaseTasks.class));
  }

  /** The user task ids of a BPMN file. */
  static Set<String> userTasks(String file) {
    Set<String> ids = new TreeSet<>();
    Bpmn.readModelFromFile(Path.of(file).toFile())
        .getModelElementsByType(UserTask.class)
        .forEach(task -> ids.add(task.getId()));
    return ids;
  }
}
