package org.lianhu.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code lianhu.cases}: how often a reporter may send a case back before the street reviews it, how
 * long the reporter has to rate a result before the case closes unrated, how long (in working
 * hours) a handling office may return a wrongly dispatched case (退单), how often and how far a
 * handler may ask to extend the handling limit (延期), and within how many working hours an office
 * that receives a case must first act on it (its own response, scored in the department ranking),
 * and how near and how recent an open case of the same category must be to count as a possible
 * duplicate of a new report, and whether a reporter's own repeat with nothing new is pointed at
 * their open case instead of opening another.
 */
@Validated
@ConfigurationProperties("lianhu.cases")
public record CaseSettings(
    @PositiveOrZero @Max(10) @DefaultValue("2") int maxReopens,
    @NotNull @DefaultValue("P7D") Duration ratingWindow,
    @NotNull @DefaultValue("PT2H") Duration returnWindow,
    @PositiveOrZero @Max(5) @DefaultValue("1") int maxExtensions,
    @Positive @Max(60) @DefaultValue("10") int maxExtensionWorkingDays,
    @NotNull @DefaultValue("PT8H") Duration officeResponseLimit,
    @Positive @Max(5000) @DefaultValue("100") int duplicateDistanceMetres,
    @NotNull @DefaultValue("P7D") Duration duplicateWindow,
    @DefaultValue("true") boolean refuseOwnRepeats) {}
