package org.lianhu.attachments;

import java.nio.file.Path;

/** A file taken in and checked: in the spool, not yet in the store or the database. */
public record ReceivedFile(
    String id,
    FileType type,
    long size,
    String sha256,
    Integer width,
    Integer height,
    int orientation,
    String name,
    Path original) {}
