package org.lianhu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.lianhu.allowance.AllowanceSettings;
import org.lianhu.calendar.CalendarSettings;
import org.lianhu.calendar.DeadlineSettings;
import org.lianhu.cases.CaseSettings;
import org.lianhu.evaluation.EvaluationSettings;
import org.lianhu.org.DemoSettings;
import org.lianhu.posts.PostSettings;
import org.lianhu.startup.StartupSettings;
import org.lianhu.stats.StatsSettings;
import org.lianhu.training.TrainingSettings;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The settings records: their defaults, and a start refused for a value they do not take. */
class SettingsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({
    CaseSettings.class,
    DeadlineSettings.class,
    CalendarSettings.class,
    StatsSettings.class,
    StartupSettings.class,
    DemoSettings.class,
    PostSettings.class,
    TrainingSettings.class,
    EvaluationSettings.class,
    AllowanceSettings.class
  })
  static class Settings {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ConfigurationPropertiesAutoConfiguration.class,
                  ValidationAutoConfiguration.class))
          .withUserConfiguration(Settings.class);

  @Test
  void withNothingSetEachSettingHasItsDocumentedDefault() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(CaseSettings.class))
              .isEqualTo(
                  new CaseSettings(
                      2,
                      Duration.ofDays(7),
                      Duration.ofHours(2),
                      1,
                      10,
                      Duration.ofHours(8),
                      100,
                      Duration.ofDays(7),
                      true));
          assertThat(context.getBean(DeadlineSettings.class).warningShare()).isEqualTo(0.75);
          assertThat(context.getBean(CalendarSettings.class).zone()).isEqualTo("Asia/Shanghai");
          assertThat(context.getBean(CalendarSettings.class).holidays()).isEmpty();
          assertThat(context.getBean(CalendarSettings.class).officeOpens())
              .isEqualTo(LocalTime.of(9, 0));
          assertThat(context.getBean(CalendarSettings.class).officeCloses())
              .isEqualTo(LocalTime.of(17, 30));
          assertThat(context.getBean(StatsSettings.class).rollupMargin())
              .isEqualTo(Duration.ofMinutes(5));
          assertThat(context.getBean(StatsSettings.class).targets())
              .isEqualTo(
                  new StatsSettings.Targets(0.95, 0.90, 0.90, 0.85, 0.90, 0.90, 0.90, 0.90, 0.10));
          assertThat(context.getBean(StatsSettings.class).departmentScore())
              .isEqualTo(new StatsSettings.ScoreWeights(0.25, 0.25, 0.10, 0.15, 0.25));
          assertThat(context.getBean(StartupSettings.class).timeout())
              .isEqualTo(Duration.ofSeconds(300));
          assertThat(context.getBean(DemoSettings.class).demoData()).isFalse();
          assertThat(context.getBean(PostSettings.class)).isEqualTo(new PostSettings(5, 7, 5, 0.1));
          assertThat(context.getBean(TrainingSettings.class))
              .isEqualTo(new TrainingSettings(30, 7, 0.85));
          assertThat(context.getBean(EvaluationSettings.class))
              .isEqualTo(new EvaluationSettings(10, 7, 2));
          assertThat(context.getBean(AllowanceSettings.class))
              .isEqualTo(new AllowanceSettings(200, 100, 60, 30, 0, 20, 40, 100));
        });
  }

  @Test
  void aListOfDaysBindsFromOneCommaSeparatedValue() {
    runner
        .withPropertyValues(
            "lianhu.calendar.holidays=2026-10-01,2026-10-02",
            "lianhu.cases.max-reopens=3",
            "lianhu.cases.rating-window=P3D")
        .run(
            context -> {
              assertThat(context.getBean(CalendarSettings.class).holidays())
                  .containsExactly("2026-10-01", "2026-10-02");
              assertThat(context.getBean(CaseSettings.class))
                  .isEqualTo(
                      new CaseSettings(
                          3,
                          Duration.ofDays(3),
                          Duration.ofHours(2),
                          1,
                          10,
                          Duration.ofHours(8),
                          100,
                          Duration.ofDays(7),
                          true));
            });
  }

  @Test
  void aValueOutsideItsRangeRefusesTheStartAndNamesTheSetting() {
    runner
        .withPropertyValues("lianhu.deadlines.warning-share=1.5")
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("warningShare"));
    runner
        .withPropertyValues("lianhu.cases.max-reopens=-1")
        .run(
            context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("maxReopens"));
    runner
        .withPropertyValues("lianhu.posts.backfill-reminder-days=7")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("lianhu.posts.backfill-reminder-days"));
    runner
        .withPropertyValues("lianhu.training.coverage-target=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("lianhu.training.coverage-target"));
  }
}
