package org.lianhu.posts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.LiaisonUnit;
import org.lianhu.privacy.TrackingCodes;
import org.springframework.stereotype.Service;

/**
 * The one class that writes posts, candidates, nominations and objections: each method is one step
 * and writes its timeline entry with it. Who may take a step, and when, is checked by the callers
 * ({@link Posts}, {@link SelectionSteps}).
 */
@Service
class PostLifecycle {

  static final String SYSTEM = "system";

  private final PostMapper posts;
  private final CountyClock clock;

  PostLifecycle(PostMapper posts, CountyClock clock) {
    this.posts = posts;
    this.clock = clock;
  }

  /** 岗位空缺: the post is open from now on. */
  HeadPost opened(
      LiaisonUnit unit,
      String communityCode,
      String streetCode,
      VacancyReason reason,
      Instant openedAt,
      Instant backfillDue,
      String note,
      String actor) {
    Map<String, Object> row = new HashMap<>();
    row.put("unitCode", unit.code());
    row.put("communityCode", communityCode);
    row.put("streetCode", streetCode);
    row.put("status", PostStatus.NOMINATING.code());
    row.put("reason", reason.code());
    row.put("formerHeadUserId", reason.headLeaves() ? unit.headUserId() : null);
    row.put("formerHeadName", reason.headLeaves() ? unit.headName() : null);
    row.put("openedAt", openedAt);
    row.put("openedBy", actor);
    row.put("backfillDue", backfillDue);
    posts.insertPost(row);
    long id = ((Number) row.get("id")).longValue();
    String former =
        reason.headLeaves() && unit.headName() != null ? "原联户长 " + unit.headName() + " " : "";
    entry(id, actor, "岗位空缺（" + reason.label() + "）", former + "开始推选", true);
    if (note != null) {
      entry(id, actor, "空缺说明", note, false);
    }
    return posts.post(id);
  }

  /**
   * A nomination: a new candidate, or one more household behind a candidate already nominated for
   * the post (the same phone).
   */
  Candidate nominated(
      HeadPost post,
      Nomination nomination,
      String name,
      String phone,
      String address,
      String profile,
      String householdCode,
      String actor) {
    Candidate existing = posts.candidateByPhone(post.id(), phone);
    long candidateId;
    if (existing == null) {
      Map<String, Object> row = new HashMap<>();
      row.put("postId", post.id());
      row.put("communityCode", post.communityCode());
      row.put("name", name);
      row.put("phone", phone);
      row.put("address", address);
      row.put("profile", profile);
      row.put("nomination", nomination.code());
      row.put("status", CandidateStatus.NOMINATED.code());
      row.put("createdAt", clock.now());
      posts.insertCandidate(row);
      candidateId = ((Number) row.get("id")).longValue();
      // A candidate's name is public only once they are chosen and published.
      entry(post.id(), actor, "收到推荐（" + nomination.label() + "）", null, true);
      entry(post.id(), actor, "候选人（" + nomination.label() + "）", name, false);
    } else {
      candidateId = existing.id();
      entry(post.id(), actor, "追加推荐（" + nomination.label() + "）", existing.name(), false);
    }
    posts.insertNomination(candidateId, nomination.code(), householdCode, actor, clock.now());
    return posts.candidate(candidateId);
  }

  boolean nominatedBy(long candidateId, String householdCode) {
    return posts.householdNominations(candidateId, householdCode) > 0;
  }

  /** 组织考察: eligible (in the pool from now on until chosen) or not. */
  void reviewed(Candidate candidate, boolean eligible, String note, String actor) {
    CandidateStatus status = eligible ? CandidateStatus.ELIGIBLE : CandidateStatus.INELIGIBLE;
    posts.review(candidate.id(), status.code(), note, actor, clock.now());
    entry(
        candidate.postId(), actor, "组织考察：" + candidate.name() + " " + status.label(), note, false);
  }

  /** 拟任人选 chosen: their name is published until {@code noticeEndsAt}. */
  void chosen(HeadPost post, Candidate candidate, Instant noticeEndsAt, String actor) {
    posts.choose(post.id(), candidate.id(), noticeEndsAt, PostStatus.NOTICE.code(), clock.now());
    posts.setCandidateStatus(candidate.id(), CandidateStatus.CHOSEN.code());
    entry(
        post.id(),
        actor,
        "任前公示",
        "拟任联户长 " + candidate.name() + "，公示至 " + clock.minute(noticeEndsAt),
        true);
  }

  /** An objection to the notice; the code lets the objector read the answer. */
  Objection objectionFiled(
      HeadPost post, String text, String contactName, String contactPhone, String actor) {
    Map<String, Object> row = new HashMap<>();
    row.put("postId", post.id());
    row.put("candidateId", post.chosenCandidateId());
    row.put("code", TrackingCodes.next());
    row.put("text", text);
    row.put("contactName", contactName);
    row.put("contactPhone", contactPhone);
    row.put("filedAt", clock.now());
    posts.insertObjection(row);
    entry(post.id(), actor, "收到公示异议", null, true);
    return posts.objection(((Number) row.get("id")).longValue());
  }

  void objectionAnswered(Objection objection, String answer, boolean upheld, String actor) {
    posts.answer(objection.id(), answer, upheld, actor, clock.now());
    entry(objection.postId(), actor, upheld ? "公示异议成立" : "公示异议不成立", answer, false);
    entry(objection.postId(), actor, "公示异议已答复", null, true);
  }

  /** The notice passed without an objection upheld: the street appoints. */
  void noticeEnded(long postId) {
    posts.setStatus(postId, PostStatus.APPOINTING.code());
    entry(postId, SYSTEM, "公示期满", "报街道聘任", true);
  }

  /**
   * The chosen candidate is not appointed (an objection upheld, the street declined, or they
   * withdrew): the post goes back to choosing.
   */
  void notAppointed(
      HeadPost post, CandidateStatus why, String action, String remark, String actor) {
    if (post.chosenCandidateId() != null) {
      Candidate chosen = posts.candidate(post.chosenCandidateId());
      if (chosen.state() == CandidateStatus.CHOSEN) {
        posts.setCandidateStatus(chosen.id(), why.code());
      }
    }
    posts.clearChoice(post.id(), PostStatus.NOMINATING.code());
    entry(post.id(), actor, action, remark, true);
  }

  void withdrawn(Candidate candidate, String note, String actor) {
    posts.setCandidateStatus(candidate.id(), CandidateStatus.WITHDRAWN.code());
    entry(candidate.postId(), actor, "候选人退出：" + candidate.name(), note, false);
  }

  /** 聘任: the post is filled by the chosen candidate, who is head from now on. */
  void appointed(HeadPost post, Candidate candidate, String headUserId, String note, String actor) {
    posts.fill(post.id(), headUserId, clock.now(), PostStatus.FILLED.code());
    posts.setCandidateStatus(candidate.id(), CandidateStatus.APPOINTED.code());
    entry(post.id(), actor, "街道聘任", "聘任 " + candidate.name() + " 为联户长", true);
    if (note != null) {
      entry(post.id(), actor, "聘任意见", note, false);
    }
  }

  void declined(HeadPost post, String note, String actor) {
    notAppointed(post, CandidateStatus.REJECTED, "街道不予聘任", note, actor);
  }

  void reminded(long postId, String remark) {
    entry(postId, SYSTEM, "空缺提醒", remark, false);
  }

  void escalated(long postId, String remark) {
    entry(postId, SYSTEM, "空缺超期督办", remark, false);
  }

  void supervised(long postId, String note, String actor) {
    entry(postId, actor, "街道督办意见", note, false);
  }

  void noted(long postId, String action, String remark, String actor) {
    entry(postId, actor, action, remark, false);
  }

  List<PostEntry> timeline(long postId, boolean shownOnly) {
    return posts.entries(postId, shownOnly);
  }

  private void entry(long postId, String actor, String action, String remark, boolean shown) {
    posts.insertEntry(postId, clock.now(), actor, action, remark, shown);
  }
}
