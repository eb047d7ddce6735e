package org.lianhu.web;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API takes JSON as typed: a number where text belongs, text where a number belongs, or a boolean
 * for either is a client error (400), not something to coerce silently into a stored report.
 */
@Configuration
public class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer noScalarCoercion() {
    return builder -> builder.postConfigurer(mapper -> {
      mapper.coercionConfigFor(LogicalType.Textual)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
      for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
        mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      }
    });
  }
}
