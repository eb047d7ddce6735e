package org.lianhu.liaison;

/**
 * A unit whose head filed no needs report for the week; {@code missedBefore} 1 if the week before
 * neither.
 */
record MissingReport(
    String unitCode,
    String unitName,
    String gridCode,
    String workerUserId,
    String gridGroup,
    int missedBefore) {}
