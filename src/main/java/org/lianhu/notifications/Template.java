package org.lianhu.notifications;

import java.time.Instant;

/** The subject and body of one event's messages, with {placeholders}. */
public record Template(
    String event, String subject, String body, String updatedBy, Instant updatedAt) {}
