package org.lianhu.attachments;

import java.nio.file.Path;

/**
 * A file taken in and checked: in the spool, not yet in the store or the database. {@code
 * shownToPublic}: whether anyone but staff may see it (a photo without its location data, a
 * document as it came); false for a type shown to staff only.
 */
public record ReceivedFile(
    String id,
    FileType type,
    long size,
    String sha256,
    Integer width,
    Integer height,
    int orientation,
    String name,
    Path original,
    boolean shownToPublic) {}
