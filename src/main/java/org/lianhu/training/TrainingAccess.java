package org.lianhu.training;

import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.PostAccess;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Who organises training: a community office its community's courses, a street office its street's
 * and its communities', the county's groups every course. They record attendance of the heads their
 * courses reach: a community course its community's heads, a street course its street's, a county
 * course anyone's. Who is in which office is {@link PostAccess}'s rule.
 */
@Component
class TrainingAccess {

  private final PostAccess access;

  TrainingAccess(PostAccess access) {
    this.access = access;
  }

  PostAccess.Caller caller() {
    return access.caller();
  }

  PostAccess.Scope scope(PostAccess.Caller caller) {
    return access.scope(caller);
  }

  boolean county(PostAccess.Caller caller) {
    return access.countyWide(caller);
  }

  boolean inStreet(PostAccess.Caller caller, String streetCode) {
    return streetCode != null && access.inStreet(caller, streetCode);
  }

  boolean inCommunity(PostAccess.Caller caller, String communityCode) {
    return communityCode != null && access.inCommunity(caller, communityCode);
  }

  /** The caller, once they may organise a course of that scope (both null: the county's). */
  PostAccess.Caller requireOrganiser(String streetCode, String communityCode) {
    PostAccess.Caller caller = caller();
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
  boolean organises(PostAccess.Caller caller, HeadTerm term, Records.Course course) {
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
