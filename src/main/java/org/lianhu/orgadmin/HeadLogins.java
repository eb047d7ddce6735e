package org.lianhu.orgadmin;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The heads' logins and unit groups an import leaves to {@link HeadLoginWriter}: the units whose
 * group or head changed, the initial passwords given for new heads, and the former heads whose
 * login goes. Only codes and passwords are kept: the writer reads each unit as it is when it
 * writes, so an edit made in the meantime is not undone.
 */
final class HeadLogins {

  private final Set<String> units = new LinkedHashSet<>();
  private final Map<String, String> passwords = new HashMap<>();
  private final Set<String> formerHeads = new LinkedHashSet<>();

  void unit(String unitCode, String head, String initialPassword) {
    units.add(unitCode);
    if (head != null && initialPassword != null) {
      passwords.put(head, initialPassword);
    }
  }

  void former(String userId) {
    formerHeads.add(userId);
  }

  Set<String> units() {
    return units;
  }

  String password(String userId) {
    return passwords.get(userId);
  }

  Set<String> formerHeads() {
    return formerHeads;
  }

  int size() {
    return units.size() + formerHeads.size();
  }
}
