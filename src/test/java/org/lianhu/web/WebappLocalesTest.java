package org.lianhu.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Camunda webapps in Chinese: each app's zh.json (Lianhu's) has exactly the keys of the en.json
 * the 7.24 webjar on the classpath ships, so an upgrade that adds or drops a label fails here, and
 * keeps every placeholder of the English label; the app's config.js offers zh and falls back to it;
 * the end-of-life banner is hidden.
 */
class WebappLocalesTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";

  /**
   * What a translation must keep: Angular expressions, printf slots and HTML tags (not the
   * angle-bracketed words some labels show, like {@code <definition>}, which are translated).
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\{\\{.*?}}|%[sd]|</?(?:a|b|br|code|div|em|i|li|ol|p|pre|small|span|strong|sub|sup|u|ul"
              + "|h[1-6]|table|tr|td|th|tbody|thead|img|hr)(?:\\s[^>]*)?/?>");

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String read(String path) throws IOException {
    try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  private static Map<String, String> leaves(JsonNode node, String prefix, Map<String, String> out) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (field.getValue().isObject()) {
        leaves(field.getValue(), key, out);
      } else {
        out.put(
            key,
            field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString());
      }
    }
    return out;
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    found.sort(null);
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theChineseLabelsMatchTheEnglishKeysAndKeepTheirPlaceholders(String app) throws IOException {
    Map<String, String> english =
        leaves(JSON.readTree(read(APP + app + "/locales/en.json")), "", new TreeMap<>());
    Map<String, String> chinese =
        leaves(JSON.readTree(read(APP + app + "/locales/zh.json")), "", new TreeMap<>());

    assertThat(chinese.keySet()).as(app + " zh.json keys").isEqualTo(english.keySet());
    for (Map.Entry<String, String> label : english.entrySet()) {
      if (label.getKey().startsWith("dateLocales.")) {
        continue;
      }
      assertThat(placeholders(chinese.get(label.getKey())))
          .as("%s %s keeps the placeholders of \"%s\"", app, label.getKey(), label.getValue())
          .isEqualTo(placeholders(label.getValue()));
    }
    if (english.containsKey("dateLocales.week.dow")) {
      assertThat(chinese.get("dateLocales.week.dow")).as("weeks start on Monday").isEqualTo("1");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void eachAppOffersChineseFirstAndHidesTheEndOfLifeBanner(String app) throws IOException {
    String config = read(APP + app + "/scripts/config.js");
    assertThat(config).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'zh'");
    assertThat(read(APP + app + "/styles/user-styles.css"))
        .contains(".ce-eol-banner")
        .contains("display: none");
  }
}
