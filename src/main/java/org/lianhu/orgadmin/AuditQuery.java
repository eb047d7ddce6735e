package org.lianhu.orgadmin;

import java.time.Instant;

/** Filters of the audit: any of them may be null. {@code to} is exclusive. */
record AuditQuery(
    String entity, String code, String actor, Instant from, Instant to, String importId) {}
