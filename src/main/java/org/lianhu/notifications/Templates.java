package org.lianhu.notifications;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a template's {placeholders}. Only the names below exist; personal data among them is
 * already masked as the tracking page masks it ({@code reporterName} 张**, {@code reporterPhone}
 * 138****5678), and none is a tracking code.
 */
final class Templates {

  static final Set<String> PLACEHOLDERS =
      Set.of(
          "caseNo",
          "categoryName",
          "address",
          "reportedAt",
          "handlerName",
          "handleDue",
          "remark",
          "outcomeName",
          "result",
          "link",
          "staffLink",
          "reporterName",
          "reporterPhone",
          "recipientName",
          "taskName",
          "stageName",
          "due");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private Templates() {}

  static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = PLACEHOLDERS.contains(m.group(1)) ? values.get(m.group(1)) : null;
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The placeholders a text names that do not exist, in order. */
  static Set<String> unknown(String text) {
    Set<String> unknown = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        unknown.add(m.group(1));
      }
    }
    return unknown;
  }
}
