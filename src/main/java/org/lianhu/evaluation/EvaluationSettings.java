package org.lianhu.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The quarterly evaluation's figures, each a default: {@code lianhu.evaluation.*}.
 *
 * @param ratingDays residents rate their head for this many calendar days after the quarter's
 *     evaluation starts (the community office scores within the same days)
 * @param appealDays the head may appeal this many calendar days after the result is published
 * @param removalAfter this many 不称职 in a calendar year start a removal proposal
 */
@ConfigurationProperties("lianhu.evaluation")
public record EvaluationSettings(
    @DefaultValue("10") int ratingDays,
    @DefaultValue("7") int appealDays,
    @DefaultValue("2") int removalAfter) {

  public EvaluationSettings {
    if (ratingDays < 1 || ratingDays > 60 || appealDays < 1 || appealDays > 60) {
      throw new IllegalArgumentException(
          "lianhu.evaluation.rating-days and appeal-days must be 1 to 60: "
              + ratingDays
              + " / "
              + appealDays);
    }
    if (removalAfter < 1 || removalAfter > 4) {
      throw new IllegalArgumentException(
          "lianhu.evaluation.removal-after must be 1 to 4 (quarters in a year): " + removalAfter);
    }
  }
}
