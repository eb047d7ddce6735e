package org.lianhu.org;

import java.util.Optional;

/**
 * 联户长 with a login: the unit they head and where it lies. A head belongs to the unit's group and to
 * the community's heads' group ({@link #headsGroupOf}), which carries the heads' grants.
 */
public record LiaisonHead(
    String userId,
    String name,
    String unitCode,
    String unitName,
    String unitGroup,
    String gridCode,
    String gridName,
    String communityCode,
    String communityName,
    String communityGroup) {

  private static final String HEADS = "heads";

  public String headsGroup() {
    return headsGroupOf(communityGroup);
  }

  /** The heads' group of a community: its own group id behind "heads", unique as that one is. */
  public static String headsGroupOf(String communityGroup) {
    return HEADS + Character.toUpperCase(communityGroup.charAt(0)) + communityGroup.substring(1);
  }

  /** The community group whose heads' group this may be. */
  public static Optional<String> communityGroupOf(String groupId) {
    if (!groupId.startsWith(HEADS) || groupId.length() == HEADS.length()) {
      return Optional.empty();
    }
    String rest = groupId.substring(HEADS.length());
    return Optional.of(Character.toLowerCase(rest.charAt(0)) + rest.substring(1));
  }

  /** The heads' group's Chinese name. */
  public static String headsGroupName(String communityName) {
    return communityName + "联户长";
  }
}
