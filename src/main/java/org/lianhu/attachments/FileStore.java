package org.lianhu.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where attachments' bytes live, by key ({@code 2026/12/<id>.orig}). Keys are made by Lianhu, never
 * from a client's file name. {@link LocalFileStore} is the default; another store (an object store)
 * implements the same five operations.
 */
public interface FileStore {

  /** Takes a finished file (written and checked in the spool) into the store under the key. */
  void put(String key, Path file) throws IOException;

  /** The file's bytes; {@link java.nio.file.NoSuchFileException} when the key holds none. */
  InputStream open(String key) throws IOException;

  boolean exists(String key);

  void delete(String key) throws IOException;

  /** Each key whose file was written before {@code before}: for the sweep of files no row names. */
  void forEachOlderThan(Instant before, Consumer<String> key) throws IOException;

  /** A directory for files being received and checked before they are put. */
  Path spool() throws IOException;

  /** Removes what a stopped node left in the spool. */
  void clearSpool(Instant before) throws IOException;
}
