package org.lianhu.allowance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lianhu.calendar.CountyClock;
import org.lianhu.evaluation.Evaluations;
import org.lianhu.evaluation.Grade;
import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.PostAccess;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 年度评优, once a year: the community office nominates a head in post who was rated 优秀 at least once
 * in the year, the street approves or declines. An approved award pays the honour allowance in each
 * month of the following year. The one class that writes {@code head_award}.
 */
@Service
public class Awards {

  private final AwardMapper awards;
  private final Terms terms;
  private final Evaluations evaluations;
  private final PostAccess access;
  private final CountyClock clock;

  Awards(
      AwardMapper awards,
      Terms terms,
      Evaluations evaluations,
      PostAccess access,
      CountyClock clock) {
    this.awards = awards;
    this.terms = terms;
    this.evaluations = evaluations;
    this.access = access;
    this.clock = clock;
  }

  @Transactional
  public Award nominate(Integer year, String headUserId, String note) {
    if (year == null || year < 2000 || year > clock.today().getYear()) {
      throw Refusal.invalid("year", "评优年度须为今年或以前");
    }
    HeadTerm term =
        terms
            .openTermOf(headUserId == null ? "" : headUserId.strip())
            .orElseThrow(() -> Refusal.invalid("head", "不是在任联户长：" + headUserId));
    PostAccess.Caller caller = access.requireCommunity(term.communityCode());
    String text = note == null ? "" : note.strip();
    if (text.isEmpty() || text.length() > 500) {
      throw Refusal.invalid("note", "请填写推荐事迹（不超过500字）");
    }
    boolean excellent =
        evaluations.finalsInYear(term.headUserId(), year).stream()
            .anyMatch(e -> Grade.EXCELLENT.code().equals(e.finalGrade()));
    if (!excellent) {
      throw Refusal.unprocessable("not-eligible", "不符合评优条件", "该联户长 " + year + " 年没有考核为优秀的季度");
    }
    if (awards.awardOf(year, term.headUserId()) != null) {
      throw Refusal.conflict("award-nominated", "已推荐", "该联户长已被推荐参加 " + year + " 年度评优");
    }
    Map<String, Object> row = new HashMap<>();
    row.put("awardYear", year);
    row.put("termId", term.id());
    row.put("headUserId", term.headUserId());
    row.put("communityCode", term.communityCode());
    row.put("streetCode", term.streetCode());
    row.put("status", Award.NOMINATED);
    row.put("note", text);
    row.put("nominatedBy", caller.userId());
    row.put("nominatedAt", clock.now());
    awards.insertAward(row);
    return awards.award(((Number) row.get("id")).longValue());
  }

  @Transactional
  public Award decide(long id, Boolean approve, String note) {
    Award award = awards.award(id);
    if (award == null) {
      throw Refusal.notFound("评优推荐 " + id + " 不存在");
    }
    PostAccess.Caller caller = access.caller();
    if (!access.inStreet(caller, award.streetCode())) {
      throw Refusal.forbidden("年度评优由所属街道审定");
    }
    if (approve == null) {
      throw Refusal.invalid("approve", "请选择是否评为优秀联户长");
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 500) {
      throw Refusal.invalid("note", "审定意见不超过500字");
    }
    int decided =
        awards.decide(
            id,
            approve ? Award.APPROVED : Award.DECLINED,
            text,
            caller.userId(),
            clock.now(),
            Award.NOMINATED);
    if (decided == 0) {
      throw Refusal.conflict("award-decided", "已审定", "该推荐已审定");
    }
    return awards.award(id);
  }

  @Transactional(readOnly = true)
  public List<Award> ofYear(int year, String communityCode, String streetCode) {
    return awards.awards(year, communityCode, streetCode);
  }

  /** The head's nominations and awards, by year. */
  @Transactional(readOnly = true)
  public List<Award> ofHead(String headUserId) {
    return awards.ofHead(headUserId);
  }

  /** The head holds an approved award of that year. */
  boolean honoured(String headUserId, int year) {
    Award award = awards.awardOf(year, headUserId);
    return award != null && Award.APPROVED.equals(award.status());
  }
}
