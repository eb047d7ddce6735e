package org.lianhu.orgadmin;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.security.AccessGrants;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's identity in step with one organisation change, in the change's transaction
 * (Camunda's identity tables are in the same database and its commands join the Spring
 * transaction). The administrator's right to change the organisation is checked before (see {@link
 * AdminAccess}); the identity writes themselves run without the caller's Camunda authentication, so
 * a county administrator needs no Camunda permission on users, groups or tasks.
 */
@Component
class IdentityStep {

  static final String GROUP_TYPE = "WORKFLOW";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final IdentityService identity;
  private final AccessGrants grants;

  IdentityStep(IdentityService identity, AccessGrants grants) {
    this.identity = identity;
    this.grants = grants;
  }

  /**
   * Creates the group of a new or changed unit, or renames it, and grants what its role needs
   * (idempotent: a grant it has is not written again).
   */
  void unit(String groupId, String name, Set<String> supervisors) {
    asSystem(
        () -> {
          Group group = identity.createGroupQuery().groupId(groupId).singleResult();
          if (group == null || !name.equals(group.getName())) {
            group = group == null ? identity.newGroup(groupId) : group;
            group.setName(name);
            group.setType(GROUP_TYPE);
            identity.saveGroup(group);
          }
          // Also for a changed unit: a department that became the supervision office gains Cockpit.
          grants.grantUnit(groupId, supervisors);
          return null;
        });
  }

  /**
   * The login of a staff member and their one membership: created when missing (with the initial
   * password, if any), renamed, moved from the former group.
   */
  void staff(String userId, String name, String password, String formerGroup, String group) {
    asSystem(
        () -> {
          User user = identity.createUserQuery().userId(userId).singleResult();
          if (user == null) {
            user = identity.newUser(userId);
            user.setFirstName(name);
            // Camunda shows "first last"; a Chinese name reads whole, family name first.
            user.setLastName("");
            // Without an initial password the login gets a random one nobody knows, so it refuses
            // every login until an administrator sets one: Camunda fails on a user with none.
            user.setPassword(password != null ? password : unknownPassword());
            identity.saveUser(user);
          } else if (!name.equals(user.getFirstName())) {
            user.setFirstName(name);
            identity.saveUser(user);
          }
          if (formerGroup != null && !formerGroup.equals(group)) {
            identity.deleteMembership(userId, formerGroup);
          }
          if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
            identity.createMembership(userId, group);
          }
          return null;
        });
  }

  private static String unknownPassword() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** Sets a new password (an administrator's reset). */
  void password(String userId, String password) {
    asSystem(
        () -> {
          User user = identity.createUserQuery().userId(userId).singleResult();
          if (user != null) {
            user.setPassword(password);
            identity.saveUser(user);
          }
          return null;
        });
  }

  /** Removes the login of a retired staff member, with its memberships: it cannot log in again. */
  void retireStaff(String userId) {
    asSystem(
        () -> {
          if (identity.createUserQuery().userId(userId).count() > 0) {
            identity.deleteUser(userId);
          }
          return null;
        });
  }

  /** Runs without the caller's authentication, restoring it afterwards. */
  <T> T asSystem(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
