package org.lianhu.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.apache.tika.Tika;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Takes one file in: streams it into the spool (never whole into memory) up to the size limit while
 * hashing it, tells its type from its content, refuses what is not a photo or a document of the
 * types Lianhu takes, an image whose header promises more pixels than the limit, and an image that
 * cannot be read or cleaned of its location data. The clean copy is not written: it is made while a
 * photo is served to the public (one write of the photo per upload, docs/performance.md).
 */
@Component
class FileIntake {

  private static final Tika TYPES = new Tika();
  private static final int DETECTION_BYTES = 4096;
  static final String ACCEPTED = "JPEG、PNG、WebP、HEIC 照片或 PDF 文档";

  private final FileStore store;
  private final AttachmentSettings settings;

  FileIntake(FileStore store, AttachmentSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  ReceivedFile receive(String field, String name, InputStream content, Set<FileType> allowed) {
    Path original = null;
    try {
      Path spool = store.spool();
      original = Files.createTempFile(spool, "in-", ".part");
      MessageDigest sha = sha256();
      long size = spoolAtMost(new DigestInputStream(content, sha), original, field);
      if (size == 0) {
        throw Refusal.invalid(field, "上传的文件是空的");
      }
      FileType type = detect(original, field, allowed);
      Integer width = null;
      Integer height = null;
      int orientation = type == FileType.JPEG ? LocationData.orientation(original) : 1;
      if (type.previewable()) {
        Images.Size pixels = checkedSize(type, original, field);
        width = pixels.width();
        height = pixels.height();
        // Cleaned into nothing: a photo whose segments or chunks cannot be walked is refused now,
        // not when someone opens it.
        try (InputStream in = Files.newInputStream(original)) {
          LocationData.clean(type, in, OutputStream.nullOutputStream());
        }
      }
      return new ReceivedFile(
          UUID.randomUUID().toString(),
          type,
          size,
          HexFormat.of().formatHex(sha.digest()),
          width,
          height,
          orientation,
          FileNames.safe(name, type),
          original);
    } catch (LocationData.UnreadableImage broken) {
      discard(original);
      throw Refusal.unsupportedType(field, "文件已损坏，或内容不是它看上去的图片类型；请上传" + ACCEPTED);
    } catch (IOException failed) {
      discard(original);
      throw new UncheckedIOException(failed);
    } catch (RuntimeException refused) {
      discard(original);
      throw refused;
    }
  }

  private long spoolAtMost(InputStream in, Path target, String field) throws IOException {
    long limit = settings.maxFileSize().toBytes();
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw Refusal.tooLarge(field, "每个文件不能超过 " + settings.maxFileSize().toMegabytes() + " MB");
        }
        out.write(buffer, 0, n);
      }
    }
    return total;
  }

  private static FileType detect(Path file, String field, Set<FileType> allowed)
      throws IOException {
    // The types taken are known by their first bytes; Tika's text and regex magics decode all it is
    // given, so it gets the start of the file only.
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(DETECTION_BYTES);
    }
    String detected = TYPES.detect(head);
    return FileType.detected(detected)
        .filter(allowed::contains)
        .orElseThrow(
            () ->
                Refusal.unsupportedType(
                    field, "文件内容是 " + detected + "，不是可以上传的类型；请上传" + names(allowed)));
  }

  private Images.Size checkedSize(FileType type, Path file, String field) throws IOException {
    Images.Size size = Images.size(type, file);
    if (size.width() <= 0 || size.height() <= 0) {
      throw new LocationData.UnreadableImage(new IOException("no pixels"));
    }
    if (size.pixels() > settings.maxPixels()) {
      throw Refusal.tooLarge(
          field,
          "图片为 "
              + size.width()
              + "×"
              + size.height()
              + " 像素，不能超过 "
              + settings.maxPixels() / 10_000
              + " 万像素");
    }
    return size;
  }

  private static String names(Set<FileType> allowed) {
    return allowed.contains(FileType.PDF) ? ACCEPTED : "JPEG、PNG、WebP 或 HEIC 照片";
  }

  static void discard(Path... files) {
    for (Path file : files) {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // The spool's sweep removes what is left.
        }
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
