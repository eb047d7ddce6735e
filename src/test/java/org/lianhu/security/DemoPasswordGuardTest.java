package org.lianhu.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoPasswordGuardTest {

  private static MockEnvironment environment(String profile, String adminPassword) {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles(profile);
    environment.setProperty("camunda.bpm.admin-user.password", adminPassword);
    return environment;
  }

  @Test
  void theEmbeddedDefaultMayUseTheDemoPassword() {
    assertThatCode(() -> DemoPasswordGuard.check(environment("default", "demo")))
        .doesNotThrowAnyException();
  }

  @Test
  void productionRefusesTheDemoAdminPassword() {
    assertThatThrownBy(() -> DemoPasswordGuard.check(environment("mysql", "demo")))
        .hasMessageContaining("LIANHU_ADMIN_PASSWORD");
  }

  @Test
  void productionRefusesDemoLogins() {
    MockEnvironment environment = environment("mysql", "s3cret-Admin");
    environment.setProperty("lianhu.demo-data", "true");
    assertThatThrownBy(() -> DemoPasswordGuard.check(environment))
        .hasMessageContaining("demo-data");
  }

  @Test
  void productionWithARealPasswordStarts() {
    assertThatCode(() -> DemoPasswordGuard.check(environment("mysql", "s3cret-Admin")))
        .doesNotThrowAnyException();
  }

  @Test
  void aTestDatabaseMayAllowTheDemoPasswordExplicitly() {
    MockEnvironment environment = environment("mysql", "demo");
    environment.setProperty("lianhu.allow-demo-password", "true");
    assertThatCode(() -> DemoPasswordGuard.check(environment)).doesNotThrowAnyException();
  }
}
