package org.lianhu.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lianhu.web.Xml;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GeoReport v2 answers in JSON or XML, chosen by the URL's extension. Each answer is a list of flat
 * records (field → value, a nested list for service attributes), so one small writer serves both.
 */
final class Open311Format {

  private Open311Format() {}

  static boolean supported(String format) {
    return "json".equals(format) || "xml".equals(format);
  }

  static ResponseEntity<String> render(
      HttpStatus status,
      String format,
      String listName,
      String itemName,
      List<? extends Map<String, ?>> items,
      ObjectMapper json) {
    if ("xml".equals(format)) {
      StringBuilder xml = new StringBuilder(XML_DECLARATION);
      xml.append('<').append(listName).append('>');
      for (Map<String, ?> item : items) {
        element(xml, itemName, item);
      }
      xml.append("</").append(listName).append('>');
      return xml(status, xml);
    }
    return json(status, items, json);
  }

  /** One object at the root (discovery): a JSON object, or an XML root element. */
  static ResponseEntity<String> object(
      HttpStatus status, String format, String rootName, Map<String, ?> root, ObjectMapper json) {
    if ("xml".equals(format)) {
      StringBuilder xml = new StringBuilder(XML_DECLARATION);
      element(xml, rootName, root);
      return xml(status, xml);
    }
    return json(status, root, json);
  }

  private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

  private static ResponseEntity<String> xml(HttpStatus status, StringBuilder xml) {
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
        .body(xml.toString());
  }

  private static ResponseEntity<String> json(HttpStatus status, Object body, ObjectMapper json) {
    try {
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_JSON)
          .body(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ResponseEntity<String> error(
      HttpStatus status, String format, String description, ObjectMapper json) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", status.value());
    error.put("description", description);
    return render(
        status,
        format == null || !supported(format) ? "json" : format,
        "errors",
        "error",
        List.of(error),
        json);
  }

  @SuppressWarnings("unchecked")
  private static void element(StringBuilder xml, String name, Object value) {
    if (value == null) {
      xml.append('<').append(name).append("/>");
      return;
    }
    xml.append('<').append(name).append('>');
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, inner) -> element(xml, key.toString(), inner));
    } else if (value instanceof List<?> list) {
      String child = name.endsWith("s") ? name.substring(0, name.length() - 1) : "item";
      for (Object inner : list) {
        element(xml, child, inner);
      }
    } else {
      xml.append(Xml.escape(value.toString()));
    }
    xml.append("</").append(name).append('>');
  }
}
