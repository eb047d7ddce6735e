package org.lianhu.evaluation;

import java.time.LocalDate;

/** Quarters as the county counts them: {@code 2026Q4} is 1 October to 31 December 2026. */
final class Quarters {

  private Quarters() {}

  static String of(LocalDate day) {
    return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
  }

  static LocalDate start(LocalDate day) {
    return LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
  }

  /** The quarter before the one {@code day} lies in: the one that just ended. */
  static LocalDate previousStart(LocalDate day) {
    return start(day).minusMonths(3);
  }

  static String label(String quarter) {
    return quarter.substring(0, 4) + "年第" + "一二三四".charAt(quarter.charAt(5) - '1') + "季度";
  }
}
