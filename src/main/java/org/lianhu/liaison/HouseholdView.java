package org.lianhu.liaison;

import java.util.List;
import org.lianhu.org.CareFlag;
import org.lianhu.org.Household;

/**
 * A household as its readers see it: phone and care flags whole (care flags by their Chinese
 * names). The ID-card number stays in the organisation data: nobody's page needs it.
 */
public record HouseholdView(
    String code,
    String address,
    String headName,
    String phone,
    Integer members,
    List<String> careFlags) {

  static HouseholdView of(Household household) {
    return new HouseholdView(
        household.code(),
        household.address(),
        household.headName(),
        household.phone(),
        household.members(),
        household.flags().stream().map(CareFlag::label).toList());
  }
}
