package org.lianhu.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a production server (profile {@code mysql}) with the demo admin password or demo
 * logins, unless {@code lianhu.allow-demo-password=true} says that is intended (a test database).
 * It runs on the prepared environment, before any bean exists, so nothing is written with the demo
 * password.
 */
public class DemoPasswordGuard implements EnvironmentPostProcessor {

  static final String DEMO_PASSWORD = "demo";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    check(environment);
  }

  static void check(Environment environment) {
    boolean production = Arrays.asList(environment.getActiveProfiles()).contains("mysql");
    boolean allowed = environment.getProperty("lianhu.allow-demo-password", Boolean.class, false);
    if (!production || allowed) {
      return;
    }
    if (DEMO_PASSWORD.equals(environment.getProperty("camunda.bpm.admin-user.password"))) {
      throw new IllegalStateException(
          "The mysql profile refuses the demo admin password: set "
              + "LIANHU_ADMIN_PASSWORD (or lianhu.allow-demo-password=true for a test database).");
    }
    if (environment.getProperty("lianhu.demo-data", Boolean.class, false)) {
      throw new IllegalStateException(
          "The mysql profile refuses demo logins (lianhu.demo-data=true) unless "
              + "lianhu.allow-demo-password=true.");
    }
  }
}
