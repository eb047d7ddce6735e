package org.lianhu.cases;

import java.time.Instant;
import org.lianhu.attachments.Attachment;

/**
 * A photo or document of a case as a page lists it. The reporter's view has no file name and no
 * uploader; {@code preview} says whether the file itself may be opened (the copy without location
 * data), {@code thumbnail} whether a small picture exists.
 */
public record CaseFile(
    String id,
    String purpose,
    String purposeName,
    String mediaType,
    long size,
    Integer width,
    Integer height,
    Instant uploadedAt,
    boolean preview,
    boolean thumbnail,
    String fileName,
    String uploadedBy) {

  static CaseFile forReporter(Attachment a) {
    return of(a, a.shownToPublic(), null, null);
  }

  /** Staff see every file as it came, with its name and who added it. */
  static CaseFile forStaff(Attachment a) {
    return of(a, true, a.fileName(), a.uploadedBy());
  }

  private static CaseFile of(Attachment a, boolean preview, String fileName, String uploadedBy) {
    return new CaseFile(
        a.id(),
        a.purpose(),
        a.attachmentPurpose().label(),
        a.mediaType(),
        a.byteSize(),
        a.width(),
        a.height(),
        a.uploadedAt(),
        preview,
        a.hasThumbnail(),
        fileName,
        uploadedBy);
  }
}
