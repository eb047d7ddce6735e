package org.lianhu.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API takes JSON as typed: a number where text belongs, text where a number belongs, or a
 * boolean for either is a client error (400), not something to coerce silently into a stored
 * report. Text may hold line breaks and tabs but no other control character (NUL, escape
 * sequences...): those are refused too, never stored.
 */
@Configuration
public class StrictJson {

  /** Raised for text with a control character other than tab, line feed and carriage return. */
  public static class ControlCharacter extends InvalidFormatException {
    ControlCharacter(JsonParser parser, String value) {
      super(parser, "text contains a control character", value, String.class);
    }
  }

  /** Jackson's own text reading, then the control-character check. */
  static class PlainText extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = super.deserialize(parser, context);
      if (hasControlCharacter(value)) {
        throw new ControlCharacter(parser, value);
      }
      return value;
    }
  }

  /** A control character other than tab, line feed and carriage return: NUL, escape, DEL... */
  public static boolean hasControlCharacter(String value) {
    if (value == null) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  @Bean
  Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
    return builder ->
        builder
            .deserializerByType(String.class, new PlainText())
            .postConfigurer(
                mapper -> {
                  mapper
                      .coercionConfigFor(LogicalType.Textual)
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                  for (LogicalType number :
                      new LogicalType[] {
                        LogicalType.Integer, LogicalType.Float, LogicalType.Boolean
                      }) {
                    mapper
                        .coercionConfigFor(number)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                  }
                });
  }
}
