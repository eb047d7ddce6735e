package org.lianhu.stats;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.stats}: how far back a roll-up refresh looks beyond its last run, for transactions
 * that committed late (docs/performance.md, "KPI roll-up").
 */
@Validated
@ConfigurationProperties("lianhu.stats")
public record StatsSettings(@NotNull @DefaultValue("PT5M") Duration rollupMargin) {}
