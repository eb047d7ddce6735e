package org.lianhu.org;

/**
 * Published (synchronously, in the transaction of the change) when a liaison unit's head changes: a
 * head leaves ({@code successor} null: the post is vacant), a head is appointed to a unit without
 * one ({@code former} null), or one head follows another. The case loop hands a vacant unit's
 * in-unit cases to the grid worker at once; the heads' terms begin and end with it.
 *
 * @param successorName the new head's name, null when vacant
 * @param gridWorker the worker of the unit's grid, who takes a vacant unit's work over; null when
 *     the grid has none (the grid's group then)
 */
public record HeadChanged(
    String unitCode,
    String unitGroup,
    String former,
    String successor,
    String successorName,
    String gridWorker,
    String actor) {

  /** The unit has no head now. */
  public boolean vacant() {
    return successor == null;
  }
}
