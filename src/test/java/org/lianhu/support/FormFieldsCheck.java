package org.lianhu.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.lianhu.security.TaskVariableGuard;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Part of the model contract, active in every test that starts the application: when a user task is
 * created, each field its Camunda Form only shows (read-only: the case number, category,
 * address...) must already have its variable, set by the process before the task. A process test
 * that reaches a task whose form would show an empty field fails there, naming the form, the field
 * and the task.
 */
@Component
public class FormFieldsCheck {

  private final Map<String, List<String>> shownFields = new ConcurrentHashMap<>();

  @EventListener(condition = "#task.eventName == 'create'")
  public void taskCreated(DelegateTask task) {
    UserTask userTask = task.getBpmnModelElementInstance();
    if (userTask == null || userTask.getCamundaFormRef() == null) {
      return;
    }
    String form = userTask.getCamundaFormRef();
    for (String field : shownFields.computeIfAbsent(form, FormFieldsCheck::readOnlyKeys)) {
      if (task.getVariable(field) == null) {
        throw new AssertionError(
            "form "
                + form
                + " shows "
                + field
                + ", which the process has not set before task "
                + task.getTaskDefinitionKey());
      }
    }
  }

  /**
   * The read-only fields the form always shows; one it hides by a condition (shown only once the
   * process has something to show, like a supervision remark) may be absent.
   */
  static List<String> readOnlyKeys(String formId) {
    try (InputStream in =
        FormFieldsCheck.class.getResourceAsStream("/processes/" + formId + ".form")) {
      if (in == null) {
        throw new AssertionError("no form processes/" + formId + ".form");
      }
      JsonNode form = new ObjectMapper().readTree(in);
      List<String> conditional = new ArrayList<>();
      collectConditional(form, conditional);
      List<String> keys = new ArrayList<>();
      try (InputStream again =
          FormFieldsCheck.class.getResourceAsStream("/processes/" + formId + ".form")) {
        TaskVariableGuard.TaskForm.parse(again).readOnly().stream()
            .filter(key -> !conditional.contains(key))
            .forEach(keys::add);
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collectConditional(JsonNode node, List<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key") && component.path("conditional").hasNonNull("hide")) {
        keys.add(component.get("key").asText());
      }
      collectConditional(component, keys);
    }
  }
}
