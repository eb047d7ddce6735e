package org.lianhu.allowance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.evaluation.Grade;

/**
 * The allowance worked by hand with the default figures (base 200; grades 100 / 60 / 30 / 0; 20 a
 * activity up to 40; honour 100), in the county's days (Asia/Shanghai), whatever the JVM's zone.
 */
class PayCalculatorTest {

  private final PayCalculator calculator =
      new PayCalculator(
          new AllowanceSettings(200, 100, 60, 30, 0, 20, 40, 100),
          new CountyClock("Asia/Shanghai"));

  private static java.time.Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  @Test
  void aHeadInPostAllMonthGetsTheBaseTheGradesAmountAndTheActivities() {
    PayCalculator.Amounts november =
        calculator.amounts(
            YearMonth.of(2026, 11), null, null, Optional.of(Grade.COMPETENT), 1, false);
    assertThat(november.days()).isEqualTo(30);
    assertThat(november.base()).isEqualByComparingTo("200.00");
    assertThat(november.performance()).isEqualByComparingTo("80.00"); // 60 + 1 × 20
    assertThat(november.honour()).isEqualByComparingTo("0");
    assertThat(november.total()).isEqualByComparingTo("280.00");
  }

  @Test
  void aVacancyMidMonthPaysEachHeadTheDaysTheyHeldThePost() {
    YearMonth november = YearMonth.of(2026, 11);
    // The outgoing head left on 15 November at 14:00: 1-15 November, 15 of 30 days.
    PayCalculator.Amounts outgoing =
        calculator.amounts(
            november, null, at("2026-11-15T14:00:00+08:00"), Optional.of(Grade.EXCELLENT), 3, true);
    assertThat(outgoing.days()).isEqualTo(15);
    assertThat(outgoing.base()).isEqualByComparingTo("100.00"); // 200 × 15 / 30
    assertThat(outgoing.performance())
        .isEqualByComparingTo("90.00"); // 100 × 15 / 30 + min(3 × 20, 40)
    assertThat(outgoing.honour()).isEqualByComparingTo("50.00"); // 100 × 15 / 30
    assertThat(outgoing.total()).isEqualByComparingTo("240.00");

    // 16 November the post was vacant; the successor was appointed on 17 November at 10:00.
    PayCalculator.Amounts incoming =
        calculator.amounts(
            november, at("2026-11-17T10:00:00+08:00"), null, Optional.empty(), 0, false);
    assertThat(incoming.days()).isEqualTo(14);
    assertThat(incoming.base()).isEqualByComparingTo("93.33"); // 200 × 14 / 30 = 93.333…
    assertThat(incoming.performance()).isEqualByComparingTo("0.00");
    assertThat(incoming.total()).isEqualByComparingTo("93.33");
  }

  @Test
  void daysAreTheCountysAndAShortMonthDividesByItsOwnLength() {
    // 23:30 on 20 February in the county is still 20 February: 20-28, 9 of 28 days.
    PayCalculator.Amounts february =
        calculator.amounts(
            YearMonth.of(2027, 2),
            at("2027-02-20T23:30:00+08:00"),
            null,
            Optional.of(Grade.BASIC),
            0,
            false);
    assertThat(february.days()).isEqualTo(9);
    assertThat(february.base()).isEqualByComparingTo("64.29"); // 200 × 9 / 28 = 64.2857…
    assertThat(february.performance()).isEqualByComparingTo("9.64"); // 30 × 9 / 28 = 9.642…
    assertThat(february.total()).isEqualByComparingTo("73.93");

    // A term that ended at the first midnight of the month held no day of it.
    assertThat(
            calculator
                .amounts(
                    YearMonth.of(2026, 11),
                    null,
                    at("2026-11-01T00:00:00+08:00"),
                    Optional.empty(),
                    2,
                    false)
                .total())
        .isEqualByComparingTo("0");
  }
}
