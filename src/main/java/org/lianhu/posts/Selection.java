package org.lianhu.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.WorkingCalendar;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.Option;
import org.lianhu.orgadmin.HeadAppointments;
import org.springframework.stereotype.Service;

/**
 * The steps of processes/liaison-head-selection.bpmn, as {@link SelectionSteps} calls them: what
 * each reads, checks and asks {@link PostLifecycle} to write. A refused form (a candidate who may
 * not be chosen, an answer missing) throws {@link IllegalArgumentException}, which Tasklist shows
 * and which leaves the task open.
 */
@Service
class Selection {

  /** What a started notice tells the forms that follow. */
  record NoticeStarted(Instant endsAt, String chosenName, String summary) {}

  private final PostMapper posts;
  private final PostLifecycle lifecycle;
  private final PostSettings settings;
  private final WorkingCalendar calendar;
  private final CountyClock clock;
  private final HeadAppointments appointments;
  private final IdentityService identity;

  Selection(
      PostMapper posts,
      PostLifecycle lifecycle,
      PostSettings settings,
      WorkingCalendar calendar,
      CountyClock clock,
      HeadAppointments appointments,
      IdentityService identity) {
    this.posts = posts;
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.calendar = calendar;
    this.clock = clock;
    this.appointments = appointments;
    this.identity = identity;
  }

  HeadPost post(long postId) {
    return posts.post(postId);
  }

  /**
   * Who may be chosen: the post's own reviewed candidates, then the community's reserve pool
   * (eligible candidates nominated for other posts and not appointed).
   */
  List<Option> options(long postId) {
    HeadPost post = posts.post(postId);
    Map<Long, Option> options = new LinkedHashMap<>();
    for (Candidate c : posts.candidatesOfPost(postId)) {
      if (c.state() == CandidateStatus.ELIGIBLE) {
        options.put(c.id(), option(c, "本岗位"));
      }
    }
    for (Candidate c :
        posts.candidatesOfCommunity(post.communityCode(), CandidateStatus.ELIGIBLE.code())) {
      options.putIfAbsent(c.id(), option(c, "备选库"));
    }
    return new ArrayList<>(options.values());
  }

  private static Option option(Candidate c, String where) {
    String support = c.supporters() > 0 ? "，" + c.supporters() + "户推荐" : "";
    return new Option(
        c.name()
            + "（"
            + where
            + "，"
            + Nomination.of(c.nomination()).orElseThrow().label()
            + support
            + "）",
        String.valueOf(c.id()));
  }

  /** The candidate the community office chose, once they may be chosen for this post. */
  Candidate choosable(long postId, Object chosen) {
    long id;
    try {
      id = Long.parseLong(String.valueOf(chosen).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("请选择拟任人选");
    }
    HeadPost post = posts.post(postId);
    Candidate candidate = posts.candidate(id);
    if (candidate == null
        || !candidate.communityCode().equals(post.communityCode())
        || candidate.state() != CandidateStatus.ELIGIBLE) {
      throw new IllegalArgumentException("该人选不是本社区考察合格的候选人，或已被确定为其他岗位的人选");
    }
    return candidate;
  }

  /** 任前公示: the chosen candidate's name is published for the notice period, in working days. */
  NoticeStarted startNotice(long postId, long candidateId, String actor) {
    HeadPost post = posts.post(postId);
    Candidate candidate = posts.candidate(candidateId);
    Instant ends = calendar.plusWorkingDays(clock.now(), settings.noticeWorkingDays());
    lifecycle.chosen(post, candidate, ends, actor);
    String summary =
        Nomination.of(candidate.nomination()).orElseThrow().label()
            + (candidate.supporters() > 0 ? "（" + candidate.supporters() + "户推荐）" : "")
            + "；考察意见："
            + candidate.reviewNote()
            + "；公示至 "
            + clock.minute(ends);
    return new NoticeStarted(ends, candidate.name(), summary);
  }

  void review(long candidateId, Object result, Object note, String actor) {
    String text = required(note, "请填写考察意见");
    if (text.length() > 500) {
      throw new IllegalArgumentException("考察意见不超过500字");
    }
    boolean eligible =
        switch (required(result, "请选择考察结论")) {
          case "eligible" -> true;
          case "ineligible" -> false;
          default -> throw new IllegalArgumentException("未知的考察结论: " + result);
        };
    Candidate candidate = posts.candidate(candidateId);
    if (candidate.state() != CandidateStatus.NOMINATED) {
      // Withdrawn before the review: nothing to decide, the task just closes.
      lifecycle.noted(candidate.postId(), "组织考察", candidate.name() + " 已退出，无需考察", actor);
      return;
    }
    lifecycle.reviewed(candidate, eligible, text, actor);
  }

  /** The answer to an objection; true when it is upheld (the candidate is not appointed). */
  boolean answer(long objectionId, Object upheld, Object text, String actor) {
    String answer = required(text, "请填写答复内容");
    if (answer.length() > 2000) {
      throw new IllegalArgumentException("答复内容不超过2000字");
    }
    boolean isUpheld =
        switch (required(upheld, "请选择核实结论")) {
          case "upheld" -> true;
          case "dismissed" -> false;
          default -> throw new IllegalArgumentException("未知的核实结论: " + upheld);
        };
    lifecycle.objectionAnswered(posts.objection(objectionId), answer, isUpheld, actor);
    return isUpheld;
  }

  void noticeEnded(long postId) {
    lifecycle.noticeEnded(postId);
  }

  /** The street's decision; true to appoint. A decline needs its reason. */
  boolean appointDecision(long postId, Object decision, Object note, String actor) {
    String why =
        note == null || String.valueOf(note).isBlank() ? null : String.valueOf(note).strip();
    if (why != null && why.length() > 500) {
      throw new IllegalArgumentException("意见不超过500字");
    }
    return switch (required(decision, "请选择聘任决定")) {
      case "appoint" -> {
        if (why != null) {
          lifecycle.noted(postId, "聘任意见", why, actor);
        }
        yield true;
      }
      case "decline" -> {
        if (why == null) {
          throw new IllegalArgumentException("不予聘任须说明理由");
        }
        lifecycle.noted(postId, "街道不予聘任", why, actor);
        yield false;
      }
      default -> throw new IllegalArgumentException("未知的聘任决定: " + decision);
    };
  }

  /**
   * 聘任: the organisation records the new head (login, unit group, heads' group) and the post is
   * filled, in one transaction.
   */
  void appoint(long postId, String actor) {
    HeadPost post = posts.post(postId);
    Candidate candidate = posts.candidate(post.chosenCandidateId());
    String userId = freeLogin(post);
    appointments.appoint(post.unitCode(), userId, candidate.name(), candidate.phone(), actor);
    lifecycle.appointed(post, candidate, userId, null, actor);
  }

  /** The head's login: the unit's code and the post's number, in letters and digits only. */
  private String freeLogin(HeadPost post) {
    String base =
        post.unitCode().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "h" + post.id();
    String candidate = base;
    for (int n = 2; exists(candidate); n++) {
      candidate = base + "x" + n;
    }
    return candidate;
  }

  private boolean exists(String userId) {
    return WithoutCaller.run(identity, () -> identity.createUserQuery().userId(userId).count() > 0);
  }

  void returnToNomination(long postId) {
    HeadPost post = posts.post(postId);
    lifecycle.notAppointed(
        post, CandidateStatus.REJECTED, "重新推选", "拟任人选未获聘任，重新确定人选", PostLifecycle.SYSTEM);
  }

  /** Day 5: the community office is reminded, unless a successor is already chosen. */
  void remind(long postId) {
    HeadPost post = posts.post(postId);
    if (post.state() != PostStatus.NOMINATING) {
      return;
    }
    lifecycle.reminded(
        postId,
        "岗位空缺将满 "
            + settings.backfillDays()
            + " 天（"
            + clock.minute(post.backfillDue())
            + "），请社区尽快确定人选");
  }

  /**
   * Day 7: the street supervises a post that has no successor chosen yet; true when it must (a post
   * whose successor is in notice or waiting for appointment is on its way: 7日内补充到位 counts to the
   * choice, docs/liaison-heads.md).
   */
  boolean escalate(long postId) {
    HeadPost post = posts.post(postId);
    if (post.state() != PostStatus.NOMINATING) {
      lifecycle.noted(postId, "空缺期满", "拟任人选已在公示或待聘任", PostLifecycle.SYSTEM);
      return false;
    }
    lifecycle.escalated(postId, "岗位空缺已满 " + settings.backfillDays() + " 天仍未确定人选，报街道督办");
    return true;
  }

  void supervised(long postId, Object note, String actor) {
    lifecycle.supervised(postId, required(note, "请填写督办意见"), actor);
  }

  private static String required(Object value, String message) {
    if (value == null || String.valueOf(value).isBlank()) {
      throw new IllegalArgumentException(message);
    }
    return String.valueOf(value).strip();
  }
}
