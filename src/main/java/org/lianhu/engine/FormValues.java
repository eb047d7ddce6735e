package org.lianhu.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.lianhu.org.Option;

/**
 * Values that travel between the engine and Camunda Forms as JSON: option lists for selects, and
 * the group lists a checklist submits (Tasklist sends those as JSON, the engine needs a Java list).
 */
public final class FormValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormValues() {}

  /**
   * Options for a form select ({@code valuesKey}); Tasklist parses a Json variable into the list.
   */
  public static TypedValue options(List<Option> options) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A list of group ids the engine can iterate ({@code camunda:collection}), stored as JSON. */
  public static ObjectValue groupList(Collection<String> groups) {
    return Variables.objectValue(new ArrayList<>(groups))
        .serializationDataFormat("application/json")
        .create();
  }

  /** Reads a group list whatever form it arrived in: Java collection, Spin JSON, or JSON text. */
  public static List<String> groups(Object value) {
    if (value == null) {
      return List.of();
    }
    LinkedHashSet<String> groups = new LinkedHashSet<>();
    if (value instanceof Collection<?> collection) {
      collection.forEach(item -> add(groups, item));
    } else if (value instanceof SpinJsonNode node) {
      if (node.isArray()) {
        node.elements()
            .forEach(item -> add(groups, item.isString() ? item.stringValue() : item.toString()));
      } else if (node.isString()) {
        add(groups, node.stringValue());
      }
    } else {
      String text = value.toString().trim();
      if (text.startsWith("[")) {
        try {
          JSON.readValue(text, new TypeReference<List<String>>() {})
              .forEach(item -> add(groups, item));
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("不是有效的部门列表: " + text, e);
        }
      } else {
        for (String item : text.split(",")) {
          add(groups, item);
        }
      }
    }
    return List.copyOf(groups);
  }

  private static void add(Collection<String> groups, Object item) {
    if (item != null && !item.toString().isBlank()) {
      groups.add(item.toString().trim());
    }
  }
}
