package org.lianhu.org;

/**
 * Published (synchronously, in the transaction of the staff change) for each open task that a
 * retired or moved staff member held, so that the case loop and mediation write it on the timeline
 * of the case or dispute the task belongs to.
 *
 * @param successor the user who holds the task now, or null when it went back to its candidate
 *     groups unassigned
 */
public record TaskHandedOver(
    String processDefinitionKey,
    String businessKey,
    String taskName,
    String formerHolder,
    String successor,
    String actor) {

  /** The timeline remark, in Chinese like every other entry. */
  public String remark() {
    return "「"
        + taskName
        + "」原由 "
        + formerHolder
        + " 办理，因人员变动"
        + (successor == null ? "退回所在单位待认领" : "交由 " + successor + " 接办");
  }
}
