package org.lianhu.cases.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** Every task id the case-loop steps name is a user task of the model they run in. */
class CaseTasksTest {

  @Test
  void everyTaskIdTheStepsNameIsAUserTaskOfCaseHandling() throws IllegalAccessException {
    assertThat(userTasks("processes/case-handling.bpmn")).containsAll(constants(CaseTasks.class));
  }

  /** The user task ids of a BPMN file. */
  static Set<String> userTasks(String file) {
    Set<String> ids = new TreeSet<>();
    Bpmn.readModelFromFile(Path.of(file).toFile())
        .getModelElementsByType(UserTask.class)
        .forEach(task -> ids.add(task.getId()));
    return ids;
  }

  /** The values of a class's static String constants; never empty. */
  static Set<String> constants(Class<?> holder) throws IllegalAccessException {
    Set<String> values = new TreeSet<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        values.add((String) field.get(null));
      }
    }
    assertThat(values).as("constants of %s", holder.getSimpleName()).isNotEmpty();
    return values;
  }
}
