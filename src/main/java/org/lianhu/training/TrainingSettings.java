package org.lianhu.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The heads' training figures (../shared/liaison-rules.md), each a default: {@code
 * lianhu.training.*}.
 *
 * @param inductionDays a new head completes induction (初任培训) within this many calendar days
 * @param inductionReminderDays the head is reminded this many days before the induction is due
 * @param coverageTarget the share of a year's heads trained that is yellow; green is all of them
 */
@ConfigurationProperties("lianhu.training")
public record TrainingSettings(
    @DefaultValue("30") int inductionDays,
    @DefaultValue("7") int inductionReminderDays,
    @DefaultValue("0.85") double coverageTarget) {

  public TrainingSettings {
    if (inductionDays < 1 || inductionReminderDays < 0 || inductionReminderDays >= inductionDays) {
      throw new IllegalArgumentException(
          "lianhu.training.induction-reminder-days must be 0 or more and less than"
              + " lianhu.training.induction-days: "
              + inductionReminderDays
              + " / "
              + inductionDays);
    }
    if (coverageTarget <= 0 || coverageTarget > 1) {
      throw new IllegalArgumentException(
          "lianhu.training.coverage-target must be above 0 and at most 1: " + coverageTarget);
    }
  }

  public String coverageLight(double rate) {
    return rate >= 1.0 ? "green" : rate >= coverageTarget ? "yellow" : "red";
  }
}
