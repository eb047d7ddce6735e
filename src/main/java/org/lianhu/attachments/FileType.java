package org.lianhu.attachments;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The types Lianhu takes, known by their content (never by a name or a client's Content-Type):
 * photos as phones and cameras write them, and PDF for documents. Only JPEG, PNG and WebP are shown
 * to residents and get thumbnails; HEIC is kept for staff as it came.
 */
public enum FileType {
  JPEG("image/jpeg", "jpg", true, Set.of("image/jpeg")),
  PNG("image/png", "png", true, Set.of("image/png")),
  WEBP("image/webp", "webp", true, Set.of("image/webp")),
  HEIC("image/heic", "heic", false, Set.of("image/heic", "image/heif", "image/heic-sequence")),
  PDF("application/pdf", "pdf", false, Set.of("application/pdf"));

  private final String mediaType;
  private final String extension;
  private final boolean previewable;
  private final Set<String> detectedAs;

  FileType(String mediaType, String extension, boolean previewable, Set<String> detectedAs) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.previewable = previewable;
    this.detectedAs = detectedAs;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** Decoded here: gets a thumbnail and a copy without location data that residents may see. */
  public boolean previewable() {
    return previewable;
  }

  /**
   * Shown to anyone with the right to the case: a photo cleaned of its location data as it is
   * served, a document as it came; HEIC is kept for staff only.
   */
  public boolean shownToPublic() {
    return previewable || this == PDF;
  }

  static Optional<FileType> detected(String mediaType) {
    return Arrays.stream(values()).filter(t -> t.detectedAs.contains(mediaType)).findFirst();
  }

  public static FileType ofMediaType(String mediaType) {
    return Arrays.stream(values())
        .filter(t -> t.mediaType.equals(mediaType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown file type " + mediaType));
  }
}
