package org.lianhu.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.cases}: how often a reporter may send a case back before the street reviews it, and
 * how long the reporter has to rate a result before the case closes unrated.
 */
@Validated
@ConfigurationProperties("lianhu.cases")
public record CaseSettings(
    @PositiveOrZero @Max(10) @DefaultValue("2") int maxReopens,
    @NotNull @DefaultValue("P7D") Duration ratingWindow) {}
