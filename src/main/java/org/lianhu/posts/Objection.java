package org.lianhu.posts;

import java.time.Instant;

/** An objection to a public notice (公示异议), and the community office's answer. */
public record Objection(
    long id,
    long postId,
    long candidateId,
    String code,
    String text,
    String contactName,
    String contactPhone,
    Instant filedAt,
    String answer,
    Boolean upheld,
    String answeredBy,
    Instant answeredAt) {}
