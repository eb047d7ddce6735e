package org.lianhu.liaison;

/** The in-unit cases of one unit, grid, community or street reported in a period. */
record InUnitCases(
    String code,
    long cases,
    long resolved,
    long rated,
    long satisfied,
    long answered,
    long answerSeconds,
    long timedOut) {}
