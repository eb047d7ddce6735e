package org.lianhu.liaison;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The liaison-unit rules' figures (../shared/liaison-rules.md), each a default: {@code
 * lianhu.liaison.*}.
 *
 * @param careVisitDays how often a care-flagged household is visited, by flag code, in days
 *     (default: 独居老人 every 7 days); every household is visited once a month in any case
 * @param visitBackdateDays how far back a visit may be dated when it is recorded late
 * @param coverageTarget the share of households visited in a month that is yellow; green is the
 *     goal, all of them
 * @param visitReminderDay the day of the month (1-28) the heads are reminded of the households not
 *     yet visited, at 09:00 county time
 */
@ConfigurationProperties("lianhu.liaison")
public record LiaisonSettings(
    Map<String, Integer> careVisitDays,
    @DefaultValue("31") int visitBackdateDays,
    @DefaultValue("0.9") double coverageTarget,
    @DefaultValue("20") int visitReminderDay) {

  public LiaisonSettings {
    careVisitDays =
        careVisitDays == null || careVisitDays.isEmpty()
            ? Map.of("elderly_alone", 7)
            : Map.copyOf(careVisitDays);
    if (visitReminderDay < 1 || visitReminderDay > 28) {
      throw new IllegalArgumentException(
          "lianhu.liaison.visit-reminder-day must be 1 to 28, every month has it: "
              + visitReminderDay);
    }
  }

  /** The light of a month's coverage: green at the goal (all visited), yellow at the target. */
  public String coverageLight(double rate) {
    return rate >= 1.0 ? "green" : rate >= coverageTarget ? "yellow" : "red";
  }
}
