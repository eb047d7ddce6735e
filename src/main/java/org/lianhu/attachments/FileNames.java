package org.lianhu.attachments;

/**
 * A client's file name, kept only to be shown and offered on download: its last path segment, with
 * control and reserved characters replaced and its length bounded. Files are stored by Lianhu's own
 * keys, never by this name.
 */
final class FileNames {

  static final int MAX_LENGTH = 100;

  private FileNames() {}

  static String safe(String name, FileType type) {
    String given = name == null ? "" : name;
    int slash = Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\'));
    String last = given.substring(slash + 1).strip();
    StringBuilder kept = new StringBuilder();
    last.codePoints()
        .forEach(
            c -> {
              boolean reserved = c < 0x20 || c == 0x7f || "<>:\"|?*%;".indexOf(c) >= 0;
              kept.appendCodePoint(reserved ? '_' : c);
            });
    String safe = kept.toString().replaceAll("^\\.+", "");
    if (safe.isBlank()) {
      safe = "file." + type.extension();
    }
    return safe.length() > MAX_LENGTH ? safe.substring(safe.length() - MAX_LENGTH) : safe;
  }
}
