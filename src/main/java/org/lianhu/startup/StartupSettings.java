package org.lianhu.startup;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.startup-lock}: how long a starting node waits for another node's start-up to
 * finish.
 */
@Validated
@ConfigurationProperties("lianhu.startup-lock")
public record StartupSettings(@NotNull @DefaultValue("300s") Duration timeout) {}
