package org.lianhu.attachments;

import java.time.Instant;

/**
 * One file on a case (or an upload waiting for its report while {@code caseId} is null): its type
 * as its content showed, its size, the name the client gave (shown only), and the key of the file
 * in the store (staff get it as it came; anyone else, if the type is shown at all, cleaned of its
 * location data while it is served).
 */
public record Attachment(
    String id,
    Long caseId,
    String purpose,
    String mediaType,
    long byteSize,
    Integer width,
    Integer height,
    int orientation,
    String fileName,
    String sha256,
    String originalKey,
    String uploadedBy,
    Instant uploadedAt,
    Instant linkedAt,
    int position) {

  public FileType type() {
    return FileType.ofMediaType(mediaType);
  }

  public AttachmentPurpose attachmentPurpose() {
    return AttachmentPurpose.valueOf(purpose);
  }

  /** Whether anyone but staff may see it: only through the copy without location data. */
  public boolean shownToPublic() {
    return type().shownToPublic();
  }

  public boolean hasThumbnail() {
    return type().previewable();
  }

  String thumbnailKey() {
    return originalKey.replace(".orig", ".thumb");
  }
}
