package org.lianhu.org;

/**
 * Published (synchronously, in the transaction of the change) when a liaison unit loses its head
 * and has no successor yet: the post is vacant. The case loop hands the unit's in-unit cases to the
 * grid worker at once, so none waits on nobody.
 *
 * @param gridWorker the worker of the unit's grid, who takes the unit's work over; null when the
 *     grid has none (the grid's group then)
 */
public record HeadLeft(
    String unitCode, String unitGroup, String formerHead, String gridWorker, String actor) {}
