package org.lianhu.web;

/** Text for XML documents written by hand (Open311 answers, XLSX sheets). */
public final class Xml {

  private Xml() {}

  /** Escapes markup characters and drops control characters XML 1.0 cannot carry. */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> {
          if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
            escaped.append(ch);
          }
        }
      }
    }
    return escaped.toString();
  }
}
