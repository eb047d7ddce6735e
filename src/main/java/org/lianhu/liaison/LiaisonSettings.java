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
 * @param coverageTarget the share of households visited in a month that is green (goal: all)
 */
@ConfigurationProperties("lianhu.liaison")
public record LiaisonSettings(
    Map<String, Integer> careVisitDays,
    @DefaultValue("31") int visitBackdateDays,
    @DefaultValue("0.9") double coverageTarget) {

  public LiaisonSettings {
    careVisitDays =
        careVisitDays == null || careVisitDays.isEmpty()
            ? Map.of("elderly_alone", 7)
            : Map.copyOf(careVisitDays);
  }
}
