package org.lianhu.attachments;

import java.io.IOException;
import java.io.InputStream;

/** A file to send: its type, the name to offer, its length when known, and its bytes on demand. */
public record FileContent(String mediaType, String fileName, long length, Source source) {

  /** Opens the bytes; the caller closes them. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }
}
