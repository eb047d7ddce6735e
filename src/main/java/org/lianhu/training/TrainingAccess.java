package org.lianhu.training;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.org.Community;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Street;
import org.lianhu.posts.HeadTerm;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Who organises training: a community office its community's courses, a street office its street's
 * and its communities', the county's groups every course. They record attendance of the heads their
 * courses reach: a community course its community's heads, a street course its street's, a county
 * course anyone's.
 */
@Component
class TrainingAccess {

  record Caller(String userId, List<String> groups) {}

  private final IdentityService identity;
  private final OrganisationDirectory directory;

  TrainingAccess(IdentityService identity, OrganisationDirectory directory) {
    this.identity = identity;
    this.directory = directory;
  }

  Caller caller() {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      throw Refusal.unauthenticated("请先登录");
    }
    return new Caller(
        current.getUserId(), current.getGroupIds() == null ? List.of() : current.getGroupIds());
  }

  boolean county(Caller caller) {
    Set<String> groups = directory.countyWideGroups();
    groups.addAll(directory.administratorGroups());
    return caller.groups().stream().anyMatch(groups::contains);
  }

  boolean inStreet(Caller caller, String streetCode) {
    return streetCode != null
        && directory
            .street(streetCode)
            .map(Street::groupId)
            .filter(caller.groups()::contains)
            .isPresent();
  }

  boolean inCommunity(Caller caller, String communityCode) {
    return communityCode != null
        && directory
            .community(communityCode)
            .map(Community::groupId)
            .filter(caller.groups()::contains)
            .isPresent();
  }

  /** The caller, once they may organise a course of that scope (both null: the county's). */
  Caller requireOrganiser(String streetCode, String communityCode) {
    Caller caller = caller();
    boolean allowed =
        county(caller)
            || communityCode == null && inStreet(caller, streetCode)
            || communityCode != null
                && (inCommunity(caller, communityCode) || inStreet(caller, streetCode));
    if (!allowed) {
      throw Refusal.forbidden("仅本社区、所属街道和县级工作人员可组织该培训");
    }
    return caller;
  }

  /** Whether the caller records this head's attendance at this course. */
  boolean organises(Caller caller, HeadTerm term, Records.Course course) {
    boolean reaches =
        course.communityCode() != null
            ? course.communityCode().equals(term.communityCode())
            : course.streetCode() == null || course.streetCode().equals(term.streetCode());
    boolean over =
        county(caller)
            || inStreet(caller, term.streetCode())
            || inCommunity(caller, term.communityCode());
    return reaches && over;
  }
}
