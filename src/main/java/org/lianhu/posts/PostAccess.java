package org.lianhu.posts;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.org.Community;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Street;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Who works a post: its community's office (opens it, nominates, withdraws a candidate, sets the
 * new head's password) and its street's centre (opens it, appoints); both and the county-wide
 * groups read it. Everyone else is refused (403).
 */
@Component
public class PostAccess {

  /** The signed-in caller. */
  public record Caller(String userId, List<String> groups) {}

  /**
   * The streets and communities a caller works in, looked up once for a list of many rows (a
   * street's pay lines, a year's terms): the county's groups cover them all.
   */
  public record Scope(boolean county, Set<String> streets, Set<String> communities) {
    public boolean covers(String streetCode, String communityCode) {
      return county || streets.contains(streetCode) || communities.contains(communityCode);
    }

    public boolean inCommunity(String communityCode) {
      return communities.contains(communityCode);
    }
  }

  private final IdentityService identity;
  private final OrganisationDirectory directory;

  public PostAccess(IdentityService identity, OrganisationDirectory directory) {
    this.identity = identity;
    this.directory = directory;
  }

  public Caller caller() {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      throw Refusal.unauthenticated("请先登录");
    }
    return new Caller(
        current.getUserId(), current.getGroupIds() == null ? List.of() : current.getGroupIds());
  }

  public Scope scope(Caller caller) {
    Set<String> streets =
        directory.streets().stream()
            .filter(s -> caller.groups().contains(s.groupId()))
            .map(Street::code)
            .collect(Collectors.toSet());
    Set<String> communities =
        directory.communities().stream()
            .filter(c -> caller.groups().contains(c.groupId()))
            .map(Community::code)
            .collect(Collectors.toSet());
    return new Scope(countyWide(caller), streets, communities);
  }

  public boolean inCommunity(Caller caller, String communityCode) {
    return directory
        .community(communityCode)
        .map(Community::groupId)
        .filter(caller.groups()::contains)
        .isPresent();
  }

  public boolean inStreet(Caller caller, String streetCode) {
    return directory
        .street(streetCode)
        .map(Street::groupId)
        .filter(caller.groups()::contains)
        .isPresent();
  }

  public boolean countyWide(Caller caller) {
    Set<String> county = directory.countyWideGroups();
    county.addAll(directory.administratorGroups());
    return caller.groups().stream().anyMatch(county::contains);
  }

  public Caller requireCommunity(String communityCode) {
    Caller caller = caller();
    if (!inCommunity(caller, communityCode)) {
      throw Refusal.forbidden("仅本社区工作人员可办理");
    }
    return caller;
  }

  public Caller requireCommunityOrStreet(String communityCode, String streetCode) {
    Caller caller = caller();
    if (!inCommunity(caller, communityCode) && !inStreet(caller, streetCode)) {
      throw Refusal.forbidden("仅本社区和所属街道工作人员可办理");
    }
    return caller;
  }

  public Caller requireReader(String communityCode, String streetCode) {
    Caller caller = caller();
    if (!inCommunity(caller, communityCode)
        && !inStreet(caller, streetCode)
        && !countyWide(caller)) {
      throw Refusal.forbidden("仅本社区、所属街道和县级工作人员可查看");
    }
    return caller;
  }
}
