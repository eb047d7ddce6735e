package org.lianhu.attachments;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file to send: its type, the name to offer, its length when known (-1 otherwise), and its bytes,
 * written on demand (a photo for the public is cleaned of its location data while it is written).
 */
public record FileContent(String mediaType, String fileName, long length, Body body) {

  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
