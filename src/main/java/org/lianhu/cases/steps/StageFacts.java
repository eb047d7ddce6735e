package org.lianhu.cases.steps;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.cases.CaseNotices;

/** What a stage's yellow and red messages say: the stage and the earliest due date of its tasks. */
final class StageFacts {

  private StageFacts() {}

  static Map<String, String> of(CaseNotices notices, Stage stage, List<Task> open) {
    String due =
        open.stream()
            .map(Task::getDueDate)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .map(d -> notices.minute(d.toInstant()))
            .orElse("");
    return Map.of("stageName", stage.label(), "due", due);
  }
}
