package org.lianhu.calendar;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.deadlines}: the share of a deadline's time after which its owner is warned (the
 * yellow light), for the process timers and the dashboard alike.
 */
@Validated
@ConfigurationProperties("lianhu.deadlines")
public record DeadlineSettings(
    @DecimalMin(value = "0", inclusive = false)
        @DecimalMax(value = "1", inclusive = false)
        @DefaultValue("0.75")
        double warningShare) {}
