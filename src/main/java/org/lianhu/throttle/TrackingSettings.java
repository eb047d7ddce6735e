package org.lianhu.throttle;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.tracking.*}: how many wrong tracking codes per case and per client address, within
 * one window, before lookups and ratings answer 429.
 */
@Validated
@ConfigurationProperties("lianhu.tracking")
public record TrackingSettings(
    @DefaultValue("PT15M") Duration window,
    @DefaultValue("10") @Min(1) int maxWrongCodesPerCase,
    @DefaultValue("50") @Min(1) int maxWrongCodesPerClient) {}
