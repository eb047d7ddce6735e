package org.lianhu.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.lianhu.calendar.CountyClock;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.Community;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.PostAccess;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.lianhu.refusal.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses, sessions, attendance and shadowing, kept by the community office (for its heads), the
 * street (for its communities' heads) and the county's groups (county-wide courses). The one class
 * that writes the training tables. A head who attends a session of an induction course has
 * completed their induction (the message {@code InductionCompleted} to their term's process).
 */
@Service
public class Training {

  private final TrainingMapper training;
  private final TrainingAccess access;
  private final Terms terms;
  private final OrganisationDirectory directory;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CountyClock clock;

  Training(
      TrainingMapper training,
      TrainingAccess access,
      Terms terms,
      OrganisationDirectory directory,
      RuntimeService runtime,
      TaskService tasks,
      IdentityService identity,
      CountyClock clock) {
    this.training = training;
    this.access = access;
    this.terms = terms;
    this.directory = directory;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.clock = clock;
  }

  /** A course of the community, of the street, or (both null) of the county. */
  @Transactional
  public Records.Course addCourse(
      String title, String levelCode, String streetCode, String communityCode) {
    String name = TextInput.required(title, 100, "title", "课程名称");
    CourseLevel level =
        CourseLevel.of(levelCode)
            .orElseThrow(
                () ->
                    Refusal.invalid(
                        "level", "课程级别须为 induction（初任培训）、topic（专项提升）或 extension（能力拓展）"));
    String street = TextInput.trimmed(streetCode);
    String community = TextInput.trimmed(communityCode);
    if (community != null) {
      Community c =
          directory
              .community(community)
              .orElseThrow(() -> Refusal.invalid("community", "社区 " + community + " 不存在"));
      street = c.streetCode();
    }
    PostAccess.Caller caller = access.requireOrganiser(street, community);
    Map<String, Object> row = new HashMap<>();
    row.put("title", name);
    row.put("level", level.code());
    row.put("streetCode", street);
    row.put("communityCode", community);
    row.put("createdBy", caller.userId());
    row.put("createdAt", clock.now());
    training.insertCourse(row);
    return training.course(((Number) row.get("id")).longValue());
  }

  /** A session of a course: when, online or offline, where, how many hours. */
  @Transactional
  public Records.Session addSession(
      long courseId, LocalDate heldOn, String modeCode, String place, BigDecimal hours) {
    Records.Course course = course(courseId);
    PostAccess.Caller caller = access.requireOrganiser(course.streetCode(), course.communityCode());
    if (heldOn == null) {
      throw Refusal.invalid("heldOn", "请填写培训日期");
    }
    if (heldOn.isAfter(clock.today().plusYears(1))
        || heldOn.isBefore(clock.today().minusYears(1))) {
      throw Refusal.invalid("heldOn", "培训日期须在一年之内");
    }
    if (!"online".equals(modeCode) && !"offline".equals(modeCode)) {
      throw Refusal.invalid("mode", "培训方式须为 online（线上）或 offline（线下）");
    }
    if (hours == null || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(40)) > 0) {
      throw Refusal.invalid("hours", "学时须大于0且不超过40");
    }
    Map<String, Object> row = new HashMap<>();
    row.put("courseId", course.id());
    row.put("heldOn", heldOn);
    row.put("mode", modeCode);
    row.put("place", TextInput.optional(place, 200, "place", "地点"));
    row.put("hours", hours);
    row.put("createdBy", caller.userId());
    row.put("createdAt", clock.now());
    training.insertSession(row);
    return training.session(((Number) row.get("id")).longValue());
  }

  /**
   * Records who attended: heads in post whom the caller organises. Refuses the whole list if one is
   * not; a head already recorded for the session is left as is. The heads recorded now.
   */
  @Transactional
  public List<String> attend(long sessionId, List<String> heads) {
    Records.Session session = training.session(sessionId);
    if (session == null) {
      throw Refusal.notFound("培训场次 " + sessionId + " 不存在");
    }
    Records.Course course = training.course(session.courseId());
    PostAccess.Caller caller = access.requireOrganiser(course.streetCode(), course.communityCode());
    if (session.heldOn().isAfter(clock.today())) {
      throw Refusal.conflict("session-not-held", "培训尚未举行", "培训尚未举行，不能登记出勤");
    }
    Set<String> wanted = new LinkedHashSet<>();
    if (heads != null) {
      heads.stream().filter(h -> h != null && !h.isBlank()).map(String::strip).forEach(wanted::add);
    }
    if (wanted.isEmpty()) {
      throw Refusal.invalid("heads", "请选择参加培训的联户长");
    }
    Map<String, HeadTerm> inPost = new HashMap<>();
    terms.openTermsAmong(wanted).forEach(t -> inPost.put(t.headUserId(), t));
    List<String> refused = new ArrayList<>();
    for (String head : wanted) {
      HeadTerm term = inPost.get(head);
      if (term == null || !access.organises(caller, term, course)) {
        refused.add(head);
      }
    }
    if (!refused.isEmpty()) {
      throw Refusal.invalid("heads", "不是本课程范围内的在任联户长：" + String.join("、", refused));
    }
    List<String> recorded = new ArrayList<>();
    for (String head : wanted) {
      HeadTerm term = inPost.get(head);
      if (training.attended(sessionId, term.id()) > 0) {
        continue;
      }
      Map<String, Object> row = new HashMap<>();
      row.put("sessionId", sessionId);
      row.put("termId", term.id());
      row.put("headUserId", head);
      row.put("communityCode", term.communityCode());
      row.put("recordedBy", caller.userId());
      row.put("recordedAt", clock.now());
      training.insertAttendance(row);
      recorded.add(head);
      if (CourseLevel.INDUCTION.code().equals(course.level())) {
        inductionCompleted(term);
      }
    }
    return recorded;
  }

  private void inductionCompleted(HeadTerm term) {
    WithoutCaller.run(
        identity,
        () -> {
          runtime
              .createMessageCorrelation(Induction.COMPLETED_MESSAGE)
              .processInstanceBusinessKey(Induction.businessKey(term.id()))
              .correlateAllWithResult();
          tasks
              .createTaskQuery()
              .taskAssignee(term.headUserId())
              .taskNameLike(Induction.REMINDER + "%")
              .list()
              .forEach(t -> tasks.deleteTask(t.getId(), "已完成初任培训"));
          return null;
        });
  }

  /** 老带新: a head shadows an experienced one of the same street for a period. */
  @Transactional
  public Records.Shadowing pair(
      String head, String mentor, LocalDate startsOn, LocalDate endsOn, String note) {
    HeadTerm term =
        terms
            .openTermOf(TextInput.trimmed(head) == null ? "" : head.strip())
            .orElseThrow(() -> Refusal.invalid("head", "不是在任联户长：" + head));
    HeadTerm mentorTerm =
        terms
            .openTermOf(TextInput.trimmed(mentor) == null ? "" : mentor.strip())
            .orElseThrow(() -> Refusal.invalid("mentor", "带教人不是在任联户长：" + mentor));
    PostAccess.Caller caller = access.requireOrganiser(term.streetCode(), term.communityCode());
    if (term.id() == mentorTerm.id()) {
      throw Refusal.invalid("mentor", "带教人不能是本人");
    }
    if (!mentorTerm.streetCode().equals(term.streetCode())) {
      throw Refusal.invalid("mentor", "带教人须为本街道的联户长");
    }
    if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
      throw Refusal.invalid("endsOn", "请填写带教起止日期，结束不早于开始");
    }
    if (startsOn.plusYears(1).isBefore(endsOn)) {
      throw Refusal.invalid("endsOn", "带教期不超过一年");
    }
    Map<String, Object> row = new HashMap<>();
    row.put("termId", term.id());
    row.put("mentorTermId", mentorTerm.id());
    row.put("startsOn", startsOn);
    row.put("endsOn", endsOn);
    row.put("note", TextInput.optional(note, 500, "note", "带教说明"));
    row.put("createdBy", caller.userId());
    row.put("createdAt", clock.now());
    training.insertShadowing(row);
    return training.shadowingOf(term.id()).stream()
        .filter(s -> s.termId() == term.id() && s.mentorTermId() == mentorTerm.id())
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  Records.Course course(long courseId) {
    Records.Course course = training.course(courseId);
    if (course == null) {
      throw Refusal.notFound("培训课程 " + courseId + " 不存在");
    }
    return course;
  }
}
