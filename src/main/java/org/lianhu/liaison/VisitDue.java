package org.lianhu.liaison;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lianhu.org.CareFlag;
import org.lianhu.org.Household;

/**
 * A household that needs a visit: not visited this month (每月走访全覆盖), or care-flagged and not visited
 * within its flag's interval ({@link LiaisonSettings#careVisitDays()}).
 */
public record VisitDue(
    String household,
    String address,
    String headName,
    List<String> careFlags,
    LocalDate lastVisitedOn,
    String reason,
    boolean care) {

  static final Comparator<VisitDue> ORDER =
      Comparator.comparing((VisitDue d) -> !d.care())
          .thenComparing(VisitDue::lastVisitedOn, Comparator.nullsFirst(Comparator.naturalOrder()));

  static Optional<VisitDue> of(
      Household household,
      LocalDate last,
      Set<String> visitedThisMonth,
      LocalDate today,
      LiaisonSettings settings) {
    List<String> flags = household.flags().stream().map(CareFlag::label).toList();
    for (CareFlag flag : household.flags()) {
      Integer days = settings.careVisitDays().get(flag.code());
      if (days != null && (last == null || ChronoUnit.DAYS.between(last, today) >= days)) {
        return Optional.of(
            new VisitDue(
                household.code(),
                household.address(),
                household.headName(),
                flags,
                last,
                flag.label() + "每 " + days + " 天走访一次",
                true));
      }
    }
    if (!visitedThisMonth.contains(household.code())) {
      return Optional.of(
          new VisitDue(
              household.code(),
              household.address(),
              household.headName(),
              flags,
              last,
              "本月未走访",
              false));
    }
    return Optional.empty();
  }
}
