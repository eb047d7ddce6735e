package org.lianhu.attachments;

import java.time.Instant;

/**
 * One file on a case (or an upload waiting for its report while {@code caseId} is null): its type
 * as its content showed, its size, the name the client gave (shown only), the keys of the original
 * (staff only) and of the copy without location data (null when there is none).
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
    String publicKey,
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
    return publicKey != null;
  }

  public boolean hasThumbnail() {
    return type().previewable();
  }

  String thumbnailKey() {
    return originalKey.replace(".orig", ".thumb");
  }
}
