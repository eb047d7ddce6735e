package org.lianhu.orgadmin;

import java.time.Instant;

/**
 * One change of the organisation: who, when, which row (entity is the {@link OrgKind#path()}), and
 * its fields before and after as JSON (personal data masked, passwords never).
 *
 * @param action create, update, retire or reactivate
 */
public record AuditEntry(
    Long id,
    Instant at,
    String actor,
    String entity,
    String code,
    String action,
    String beforeJson,
    String afterJson,
    String importId) {}
