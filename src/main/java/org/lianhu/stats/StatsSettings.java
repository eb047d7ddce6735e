package org.lianhu.stats;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.stats}: how far back a roll-up refresh looks beyond its last run, for transactions
 * that committed late (docs/performance.md, "KPI roll-up"); the target of each headline KPI; and
 * the weights of the department score (docs/kpis.md).
 */
@Validated
@ConfigurationProperties("lianhu.stats")
public record StatsSettings(
    @NotNull @DefaultValue("PT5M") Duration rollupMargin,
    @Valid @NotNull @DefaultValue Targets targets,
    @Valid @NotNull @DefaultValue ScoreWeights departmentScore) {

  /**
   * What each rate should reach (the heads' turnover: at most); the dashboard colours a figure
   * against its target.
   */
  public record Targets(
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.95") double response,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.90") double resolution,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.90") double satisfaction,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.85") double mediation,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.90") double officeResponse,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.90") double handledInTime,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.90") double reportTimeliness,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.90") double inUnitResolution,
      @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.10") double headTurnover) {}

  /**
   * The department score's weights: the office's own response, handling within the limit, returns
   * upheld against it, reopens and satisfaction. They need not add up to one: the score divides by
   * the weights of the components that have something to count.
   */
  public record ScoreWeights(
      @DecimalMin("0") @DefaultValue("0.25") double officeResponse,
      @DecimalMin("0") @DefaultValue("0.25") double handledInTime,
      @DecimalMin("0") @DefaultValue("0.10") double returnsUpheld,
      @DecimalMin("0") @DefaultValue("0.15") double reopens,
      @DecimalMin("0") @DefaultValue("0.25") double satisfaction) {}
}
