package org.lianhu.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Files on the local disk under {@code lianhu.attachments.directory}. A key is checked against a
 * strict pattern and its path must stay under the directory, so no key can reach another file.
 */
@Component
class LocalFileStore implements FileStore {

  private static final Pattern KEY =
      Pattern.compile("[0-9]{4}/[0-9]{2}/[0-9a-f-]{36}\\.[a-z]{3,5}");
  private static final String SPOOL = ".spool";

  private final Path root;

  LocalFileStore(AttachmentSettings settings) {
    this.root = settings.directory().toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, Path file) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    try {
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException otherDisk) {
      Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    return Files.newInputStream(resolve(key));
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  @Override
  public void forEachOlderThan(Instant before, Consumer<String> key) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root, 3)) {
      files
          .filter(path -> !path.startsWith(root.resolve(SPOOL)))
          .filter(path -> writtenBefore(path, before))
          .map(path -> root.relativize(path).toString().replace('\\', '/'))
          .filter(name -> KEY.matcher(name).matches())
          .forEach(key);
    }
  }

  private static boolean writtenBefore(Path path, Instant before) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return attributes.isRegularFile()
          && attributes.lastModifiedTime().toInstant().isBefore(before);
    } catch (IOException gone) {
      return false;
    }
  }

  @Override
  public Path spool() throws IOException {
    return Files.createDirectories(root.resolve(SPOOL));
  }

  @Override
  public void clearSpool(Instant before) throws IOException {
    Path spool = root.resolve(SPOOL);
    if (!Files.isDirectory(spool)) {
      return;
    }
    try (Stream<Path> files = Files.list(spool)) {
      for (Path file : files.filter(path -> writtenBefore(path, before)).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  Path resolve(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a file store key: " + key);
    }
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new UncheckedIOException(new IOException("key outside the store: " + key));
    }
    return path;
  }
}
