package org.lianhu.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.lianhu.calendar.EngineClock;
import org.lianhu.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The attachments of cases, the one writer of {@code attachment}. A file is received and checked
 * first ({@link #receive}); it is put into the {@link FileStore} and its row written in the
 * transaction of the case step it belongs to ({@link #keep}), and removed from the store again if
 * that transaction rolls back. An upload made ahead of its report ({@link #upload}) waits, linked
 * by its id when the report names it ({@link #link}), and is deleted after {@code
 * lianhu.attachments.upload-lifetime} otherwise.
 */
@Service
public class Attachments {

  public static final Set<FileType> ANY = EnumSet.allOf(FileType.class);
  private static final Logger LOG = LoggerFactory.getLogger(Attachments.class);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

  private static final java.time.Duration SPOOL_AGE = java.time.Duration.ofHours(1);

  private final AttachmentMapper rows;
  private final FileStore store;
  private final FileIntake intake;
  private final AttachmentSettings settings;
  // Decoding is the one step whose memory follows the photo: at most two at a time.
  private final Semaphore decoding = new Semaphore(2);

  Attachments(
      AttachmentMapper rows, FileStore store, FileIntake intake, AttachmentSettings settings) {
    this.rows = rows;
    this.store = store;
    this.intake = intake;
    this.settings = settings;
  }

  public AttachmentSettings settings() {
    return settings;
  }

  /** Takes one file in and checks it ({@code field} names it in a refusal); nothing is kept yet. */
  public ReceivedFile receive(String field, String name, InputStream content) {
    return intake.receive(field, name, content, ANY);
  }

  /** Drops files received for a step that did not happen. */
  public void discard(List<ReceivedFile> files) {
    files.forEach(f -> FileIntake.discard(f.original()));
  }

  /**
   * Keeps received files on a case, in the caller's transaction: their rows are written with it and
   * their bytes leave the store again if it rolls back.
   */
  @Transactional
  public List<Attachment> keep(
      List<ReceivedFile> files, long caseId, AttachmentPurpose purpose, String uploadedBy) {
    List<Attachment> kept = new ArrayList<>();
    // A case's files in the order they came: times may tie (a server that stores whole seconds).
    int next = files.isEmpty() ? 0 : rows.countOfCase(caseId);
    for (ReceivedFile file : files) {
      Attachment row = stored(file, caseId, purpose, uploadedBy, next + kept.size());
      rows.insert(row);
      kept.add(row);
    }
    return kept;
  }

  /** An upload ahead of its report: kept, waiting for the report that names its id. */
  @Transactional
  public Attachment upload(ReceivedFile file) {
    Attachment row = stored(file, null, AttachmentPurpose.REPORT, null, 0);
    rows.insert(row);
    return row;
  }

  /**
   * Links uploads to the case their report opens, in the report's transaction. An id that is
   * unknown, already used or older than the upload lifetime is refused, and with it the report.
   */
  @Transactional
  public void link(List<String> ids, long caseId, String field) {
    Set<String> distinct = new LinkedHashSet<>(ids);
    if (distinct.isEmpty()) {
      return;
    }
    Instant now = EngineClock.now();
    Instant since = now.minus(settings.uploadLifetime());
    int position = rows.countOfCase(caseId);
    for (String id : distinct) {
      if (id == null
          || rows.link(id, caseId, AttachmentPurpose.REPORT.name(), position++, now, since) != 1) {
        throw Refusal.invalid(
            field,
            "上传编号 " + id + " 无效、已过期（" + settings.uploadLifetime().toHours() + " 小时）或已用于其他上报");
      }
    }
  }

  /** Refuses more files than one report (or one case's handlers) may attach. */
  public void checkCount(int count, String field) {
    if (count > settings.maxPerReport()) {
      throw Refusal.invalid(field, "最多可以上传 " + settings.maxPerReport() + " 个文件");
    }
  }

  public List<Attachment> ofCase(long caseId) {
    return rows.ofCase(caseId);
  }

  /** The attachment of this case, or not found (an id of another case is not found either). */
  public Attachment ofCase(long caseId, String id) {
    Attachment row = id == null || id.length() > 36 ? null : rows.byId(id);
    if (row == null || row.caseId() == null || row.caseId() != caseId) {
      throw Refusal.notFound("该事件没有编号为 " + id + " 的附件");
    }
    return row;
  }

  public int count(long caseId, AttachmentPurpose purpose) {
    return rows.count(caseId, purpose.name());
  }

  /** The file as it came, location data and all: for staff only. */
  public FileContent original(Attachment row) {
    String key = stored(row.originalKey());
    return new FileContent(row.mediaType(), row.fileName(), row.byteSize(), out -> copy(key, out));
  }

  /**
   * What anyone with the right to the case may see: a photo cleaned of its location data as it is
   * written, a document as it came; not found for a type kept for staff.
   */
  public FileContent publicCopy(Attachment row) {
    if (!row.shownToPublic()) {
      throw Refusal.notFound("该附件（" + row.type().extension().toUpperCase() + "）仅供工作人员查看");
    }
    String key = stored(row.originalKey());
    FileType type = row.type();
    if (!type.previewable()) {
      return new FileContent(
          row.mediaType(), row.fileName(), row.byteSize(), out -> copy(key, out));
    }
    return new FileContent(
        row.mediaType(),
        row.fileName(),
        -1,
        out -> {
          try (InputStream in = store.open(key)) {
            LocationData.clean(type, in, out);
          }
        });
  }

  private String stored(String key) {
    if (!store.exists(key)) {
      throw Refusal.notFound("附件的文件已不在文件存储中，请联系管理员");
    }
    return key;
  }

  private void copy(String key, OutputStream out) throws IOException {
    try (InputStream in = store.open(key)) {
      in.transferTo(out);
    }
  }

  /**
   * A small JPEG of a photo, made from the copy without location data on first request and kept.
   */
  public FileContent thumbnail(Attachment row) {
    if (!row.hasThumbnail()) {
      throw Refusal.notFound("该附件没有缩略图");
    }
    String key = row.thumbnailKey();
    if (!store.exists(key)) {
      byte[] thumb = makeThumbnail(row);
      try {
        Path spooled = Files.createTempFile(store.spool(), "thumb-", ".part");
        Files.write(spooled, thumb);
        store.put(key, spooled);
      } catch (IOException failed) {
        LOG.warn("thumbnail of {} not kept: {}", row.id(), failed.toString());
        return new FileContent(
            "image/jpeg", "thumbnail.jpg", thumb.length, out -> out.write(thumb));
      }
    }
    return new FileContent("image/jpeg", "thumbnail.jpg", -1, out -> copy(key, out));
  }

  private byte[] makeThumbnail(Attachment row) {
    decoding.acquireUninterruptibly();
    try (InputStream photo = store.open(row.originalKey())) {
      return Images.thumbnail(row.type(), photo, row.orientation(), settings.thumbnailSize());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    } finally {
      decoding.release();
    }
  }

  private Attachment stored(
      ReceivedFile file, Long caseId, AttachmentPurpose purpose, String uploadedBy, int position) {
    Instant now = EngineClock.now();
    String originalKey = MONTH.format(now) + "/" + file.id() + ".orig";
    try {
      store.put(originalKey, file.original());
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
    removeOnRollback(originalKey);
    return new Attachment(
        file.id(),
        caseId,
        purpose.name(),
        file.type().mediaType(),
        file.size(),
        file.width(),
        file.height(),
        file.orientation(),
        file.name(),
        file.sha256(),
        originalKey,
        uploadedBy,
        now,
        caseId == null ? null : now,
        position);
  }

  private void removeOnRollback(String... keys) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              deleteQuietly(keys);
            }
          }
        });
  }

  /**
   * Deletes uploads that waited longer than their lifetime, and files no row names (left by a node
   * that stopped between storing a file and committing its row).
   */
  @Transactional
  public int sweep() {
    Instant before = EngineClock.now().minus(settings.uploadLifetime());
    int removed = 0;
    for (Attachment waiting : rows.waitingSince(before)) {
      if (rows.deleteWaiting(waiting.id()) == 1) {
        deleteQuietly(waiting.originalKey(), waiting.thumbnailKey());
        removed++;
      }
    }
    List<String> orphans = new ArrayList<>();
    try {
      store.clearSpool(EngineClock.now().minus(SPOOL_AGE));
      store.forEachOlderThan(before, orphans::add);
    } catch (IOException failed) {
      LOG.warn("attachment sweep could not list the store: {}", failed.toString());
    }
    for (String key : orphans) {
      String id = key.substring(key.lastIndexOf('/') + 1, key.lastIndexOf('.'));
      if (rows.exists(id) == 0) {
        deleteQuietly(key);
        removed++;
      }
    }
    return removed;
  }

  private void deleteQuietly(String... keys) {
    for (String key : keys) {
      if (key == null) {
        continue;
      }
      try {
        store.delete(key);
      } catch (IOException | RuntimeException failed) {
        LOG.warn("attachment file {} not deleted: {}", key, failed.toString());
      }
    }
  }
}
