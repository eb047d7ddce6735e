package org.lianhu.cases.steps;

import java.util.Map;
import java.util.Set;

/**
 * The two stages of the case loop that run against a time limit. Each owns user tasks; the timers
 * of a stage remind and escalate the owners of exactly those tasks.
 */
enum Stage {
  UNIT("联户长接单", Set.of(CaseTasks.HEAD), Set.of()),
  ACCEPTANCE("受理", Set.of(CaseTasks.ACCEPT), Set.of(CaseTasks.ACCEPT)),
  HANDLING(
      "处置",
      Set.of(CaseTasks.COORDINATE, CaseTasks.HANDLE, CaseTasks.CO_HANDLE),
      Set.of(CaseTasks.COORDINATE, CaseTasks.HANDLE));

  private static final Map<String, Stage> BY_ACTIVITY =
      Map.of(
          "remindHead",
          UNIT,
          "remindAcceptor",
          ACCEPTANCE,
          "escalateAcceptance",
          ACCEPTANCE,
          "reassignAcceptance",
          ACCEPTANCE,
          "remindHandler",
          HANDLING,
          "escalateHandling",
          HANDLING,
          "reassignHandling",
          HANDLING);

  /**
   * The activities (reminders, escalations, reassignments) that find their stage with {@link #of}.
   */
  static final Set<String> ACTIVITIES = BY_ACTIVITY.keySet();

  private final String label;
  private final Set<String> ownedTasks;
  private final Set<String> reassignableTasks;

  Stage(String label, Set<String> ownedTasks, Set<String> reassignableTasks) {
    this.label = label;
    this.ownedTasks = ownedTasks;
    this.reassignableTasks = reassignableTasks;
  }

  static Stage of(String activityId) {
    Stage stage = BY_ACTIVITY.get(activityId);
    if (stage == null) {
      throw new IllegalStateException("activity " + activityId + " belongs to no timed stage");
    }
    return stage;
  }

  String label() {
    return label;
  }

  /** Every task whose owner the stage's reminders and escalations reach. */
  Set<String> ownedTasks() {
    return ownedTasks;
  }

  /** The tasks a supervisor can hand to someone else (co-handling stays with its department). */
  Set<String> reassignableTasks() {
    return reassignableTasks;
  }
}
