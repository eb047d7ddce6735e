package org.lianhu.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * The values of a class's static String constants, for checking ids the code names against models.
 */
public final class Constants {

  private Constants() {}

  /** Never empty: a holder without constants is a mistake in the test. */
  public static Set<String> stringsOf(Class<?> holder) {
    Set<String> values = new TreeSet<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    assertThat(values).as("constants of %s", holder.getSimpleName()).isNotEmpty();
    return values;
  }
}
