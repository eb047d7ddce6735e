package org.lianhu.mediation;

/**
 * Published (synchronously, in the closing transaction) when a dispute that came from a case is
 * closed, so that the case loop can note it on the case's timeline.
 */
public record DisputeClosed(long caseId, String disputeNo, String outcome) {}
