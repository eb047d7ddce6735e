package org.lianhu.org;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Writes the organisation's wanted identity into Camunda: groups, logins and memberships, many at a
 * time. For each slice of {@value #SLICE} wanted entries it reads the existing groups and users
 * with one query each, so a county's forty thousand heads cost about three identity commands each
 * (the login and its two memberships) instead of twice as many. Used by the start-up sync and by
 * the organisation module, which runs each slice in a transaction of its own.
 */
@Component
public class IdentityWrites {

  public static final String GROUP_TYPE = "WORKFLOW";
  public static final int SLICE = 500;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One wanted piece of identity. */
  public sealed interface Wanted {}

  /** A group with its Chinese name: created, or renamed. */
  public record WantedGroup(String groupId, String name) implements Wanted {}

  /**
   * A login with its name and memberships: created when missing (with the password, or one nobody
   * knows, so it refuses every login until an administrator sets one), renamed, added to {@code
   * groups} and taken out of {@code leaving}; with {@code exact}, out of every other group too (a
   * head belongs to nothing but their unit and their community's heads).
   */
  public record WantedLogin(
      String userId,
      String name,
      String password,
      List<String> groups,
      List<String> leaving,
      boolean exact)
      implements Wanted {

    public static WantedLogin staff(String userId, String name, String password, String group) {
      return new WantedLogin(userId, name, password, List.of(group), List.of(), false);
    }

    public static WantedLogin head(LiaisonHead head, String password) {
      return new WantedLogin(
          head.userId(),
          head.name(),
          password,
          List.of(head.unitGroup(), head.headsGroup()),
          List.of(),
          true);
    }
  }

  /** A login that must not exist any more: deleted with its memberships. */
  public record NoLogin(String userId) implements Wanted {}

  /** A new password for an existing login. */
  public record NewPassword(String userId, String password) implements Wanted {}

  private final IdentityService identity;

  public IdentityWrites(IdentityService identity) {
    this.identity = identity;
  }

  /** Writes what differs, in order; the groups of a slice before its logins. */
  public void write(List<? extends Wanted> wanted) {
    for (int i = 0; i < wanted.size(); i += SLICE) {
      writeSlice(wanted.subList(i, Math.min(wanted.size(), i + SLICE)));
    }
  }

  /** The wanted entries cut into slices of {@value #SLICE}, for a transaction each. */
  public static <T> List<List<T>> slices(List<T> wanted) {
    List<List<T>> slices = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i += SLICE) {
      slices.add(List.copyOf(wanted.subList(i, Math.min(wanted.size(), i + SLICE))));
    }
    return slices;
  }

  private void writeSlice(List<? extends Wanted> slice) {
    List<WantedGroup> groups = only(slice, WantedGroup.class);
    if (!groups.isEmpty()) {
      Map<String, Group> existing =
          byId(
              identity
                  .createGroupQuery()
                  .groupIdIn(groups.stream().map(WantedGroup::groupId).toArray(String[]::new))
                  .list(),
              Group::getId);
      for (WantedGroup wanted : groups) {
        Group group = existing.get(wanted.groupId());
        if (group != null && wanted.name().equals(group.getName())) {
          continue;
        }
        group = group != null ? group : identity.newGroup(wanted.groupId());
        group.setName(wanted.name());
        group.setType(GROUP_TYPE);
        identity.saveGroup(group);
        existing.put(wanted.groupId(), group);
      }
    }
    Set<String> userIds = new HashSet<>();
    slice.forEach(w -> userIds.add(userOf(w)));
    userIds.remove(null);
    if (userIds.isEmpty()) {
      return;
    }
    Map<String, User> users =
        byId(
            identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list(),
            User::getId);
    for (Wanted wanted : slice) {
      if (wanted instanceof WantedLogin login) {
        users.put(login.userId(), login(login, users.get(login.userId())));
      } else if (wanted instanceof NoLogin gone) {
        if (users.remove(gone.userId()) != null) {
          identity.deleteUser(gone.userId());
        }
      } else if (wanted instanceof NewPassword change) {
        User user = users.get(change.userId());
        if (user != null) {
          user.setPassword(change.password());
          identity.saveUser(user);
        }
      }
    }
  }

  private User login(WantedLogin wanted, User user) {
    Set<String> current = new HashSet<>();
    if (user == null) {
      user = identity.newUser(wanted.userId());
      // Camunda shows "first last"; a Chinese name reads whole, family name first.
      user.setFirstName(wanted.name());
      user.setLastName("");
      user.setPassword(wanted.password() != null ? wanted.password() : unknownPassword());
      identity.saveUser(user);
    } else {
      if (!wanted.name().equals(user.getFirstName())) {
        user.setFirstName(wanted.name());
        identity.saveUser(user);
      }
      identity.createGroupQuery().groupMember(wanted.userId()).list().stream()
          .map(Group::getId)
          .forEach(current::add);
    }
    List<String> leaving = wanted.exact() ? List.copyOf(current) : wanted.leaving();
    for (String group : leaving) {
      if (!wanted.groups().contains(group) && current.remove(group)) {
        identity.deleteMembership(wanted.userId(), group);
      }
    }
    for (String group : wanted.groups()) {
      if (current.add(group)) {
        identity.createMembership(wanted.userId(), group);
      }
    }
    return user;
  }

  private static String userOf(Wanted wanted) {
    if (wanted instanceof WantedLogin login) {
      return login.userId();
    } else if (wanted instanceof NoLogin gone) {
      return gone.userId();
    } else if (wanted instanceof NewPassword change) {
      return change.userId();
    }
    return null;
  }

  private static <T> List<T> only(List<? extends Wanted> slice, Class<T> type) {
    return slice.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T> Map<String, T> byId(List<T> found, Function<T, String> id) {
    return found.stream()
        .collect(Collectors.toMap(id, t -> t, (a, b) -> a, () -> new HashMap<>(found.size())));
  }

  private static String unknownPassword() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}
