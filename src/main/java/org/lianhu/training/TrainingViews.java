package org.lianhu.training;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.Community;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.PostAccess;
import org.lianhu.posts.Terms;
import org.lianhu.refusal.Refusal;
import org.lianhu.refusal.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff and heads read of training: courses, a head's record, the year's coverage. */
@Service
@Transactional(readOnly = true)
public class TrainingViews {

  public record SessionView(
      long id, LocalDate heldOn, String mode, String place, BigDecimal hours) {}

  public record CourseView(
      long id,
      String title,
      String level,
      String levelLabel,
      String streetCode,
      String communityCode,
      List<SessionView> sessions) {}

  public record AttendedView(
      long sessionId,
      String title,
      String levelLabel,
      LocalDate heldOn,
      String mode,
      BigDecimal hours) {}

  public record ShadowingView(
      String role,
      String otherHead,
      String otherName,
      LocalDate startsOn,
      LocalDate endsOn,
      String note) {}

  public record HeadTraining(
      String headUserId,
      String termStartedAt,
      boolean inductionDone,
      String inductionDue,
      List<AttendedView> attended,
      BigDecimal hours,
      List<ShadowingView> shadowing) {}

  /** A community's heads in post in the year and those of them trained in it. */
  public record Coverage(
      String communityCode,
      String communityName,
      String streetCode,
      int heads,
      int trained,
      Double rate,
      String light) {}

  private final TrainingMapper training;
  private final TrainingAccess access;
  private final Terms terms;
  private final OrganisationDirectory directory;
  private final TrainingSettings settings;
  private final CountyClock clock;

  TrainingViews(
      TrainingMapper training,
      TrainingAccess access,
      Terms terms,
      OrganisationDirectory directory,
      TrainingSettings settings,
      CountyClock clock) {
    this.training = training;
    this.access = access;
    this.terms = terms;
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
  }

  /** The courses of the county, the street and the community (the caller's). */
  public List<CourseView> courses(String streetCode, String communityCode) {
    String street = TextInput.trimmed(streetCode);
    String community = TextInput.trimmed(communityCode);
    if (community != null) {
      street = directory.community(community).map(Community::streetCode).orElse(street);
    }
    PostAccess.Caller caller = access.caller();
    if (!access.county(caller)
        && !access.inStreet(caller, street)
        && !access.inCommunity(caller, community)) {
      throw Refusal.forbidden("仅本社区、所属街道和县级工作人员可查看");
    }
    return training.courses(street, community).stream()
        .map(
            c ->
                new CourseView(
                    c.id(),
                    c.title(),
                    c.level(),
                    CourseLevel.of(c.level()).orElseThrow().label(),
                    c.streetCode(),
                    c.communityCode(),
                    training.sessionsOfCourse(c.id()).stream()
                        .map(
                            s ->
                                new SessionView(s.id(), s.heldOn(), s.mode(), s.place(), s.hours()))
                        .toList()))
        .toList();
  }

  /** A head's own record (their page), for the head in post. */
  public HeadTraining ofHead(String headUserId) {
    HeadTerm term =
        terms.openTermOf(headUserId).orElseThrow(() -> Refusal.forbidden("仅在任联户长可查看本人培训记录"));
    return record(headUserId, term);
  }

  /** A head's training over all their terms, in post or not (their archive). */
  public HeadTraining recordOf(String headUserId) {
    List<HeadTerm> all = terms.termsOf(headUserId);
    if (all.isEmpty()) {
      throw Refusal.notFound("联户长 " + headUserId + " 没有任职记录");
    }
    return record(headUserId, all.get(all.size() - 1));
  }

  private HeadTraining record(String headUserId, HeadTerm term) {
    List<Long> termIds = terms.termsOf(headUserId).stream().map(HeadTerm::id).toList();
    List<AttendedView> attended =
        training.attendanceOf(termIds).stream()
            .map(
                a ->
                    new AttendedView(
                        a.sessionId(),
                        a.title(),
                        CourseLevel.of(a.level()).orElseThrow().label(),
                        a.heldOn(),
                        a.mode(),
                        a.hours()))
            .toList();
    BigDecimal hours =
        attended.stream().map(AttendedView::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    boolean inductionDone = training.inductionsOf(term.id(), CourseLevel.INDUCTION.code()) > 0;
    String due =
        term.postId() == null || term.startedAt() == null
            ? null
            : clock.minute(
                clock.local(term.startedAt()).plusDays(settings.inductionDays()).toInstant());
    List<ShadowingView> shadowing = new ArrayList<>();
    for (Records.Shadowing s : training.shadowingOf(term.id())) {
      boolean mentee = s.termId() == term.id();
      HeadTerm other = terms.term(mentee ? s.mentorTermId() : s.termId());
      shadowing.add(
          new ShadowingView(
              mentee ? "带教人" : "带教对象",
              other.headUserId(),
              other.headName(),
              s.startsOn(),
              s.endsOn(),
              s.note()));
    }
    return new HeadTraining(
        headUserId,
        term.startedAt() == null ? null : clock.minute(term.startedAt()),
        inductionDone,
        due,
        attended,
        hours,
        shadowing);
  }

  /**
   * Training coverage of a year by community: heads in post at some time in the year, and those of
   * them who attended at least one session held in the year (any level). The county's groups see
   * every community, a street its own, a community itself.
   */
  public List<Coverage> coverage(int year, String streetCode) {
    if (year < 2000 || year > clock.today().getYear()) {
      throw Refusal.invalid("year", "年份须在 2000 年到今年之间");
    }
    PostAccess.Caller caller = access.caller();
    PostAccess.Scope scope = access.scope(caller);
    boolean county = scope.county();
    String street = TextInput.trimmed(streetCode);
    LocalDate first = LocalDate.of(year, 1, 1);
    Instant from = clock.startOf(first);
    Instant to = clock.startOf(first.plusYears(1));
    Map<String, Set<String>> heads = new LinkedHashMap<>();
    Set<Long> termIds = new HashSet<>();
    Map<String, String> streets = new HashMap<>();
    for (HeadTerm term : terms.inPostDuring(null, street, from, to)) {
      if (!scope.covers(term.streetCode(), term.communityCode())) {
        continue;
      }
      heads.computeIfAbsent(term.communityCode(), k -> new HashSet<>()).add(term.headUserId());
      termIds.add(term.id());
      streets.put(term.communityCode(), term.streetCode());
    }
    if (heads.isEmpty() && !county && street == null) {
      throw Refusal.forbidden("仅社区、街道和县级工作人员可查看培训覆盖率");
    }
    Map<String, Set<String>> trained = new HashMap<>();
    if (!heads.isEmpty()) {
      for (Records.Attended a :
          training.attendedBetween(first, first.plusYears(1), heads.keySet())) {
        if (termIds.contains(a.termId())) {
          trained.computeIfAbsent(a.communityCode(), k -> new HashSet<>()).add(a.headUserId());
        }
      }
    }
    List<Coverage> rows = new ArrayList<>();
    heads.forEach(
        (community, inPost) -> {
          int done = trained.getOrDefault(community, Set.of()).size();
          Double rate = inPost.isEmpty() ? null : (double) done / inPost.size();
          rows.add(
              new Coverage(
                  community,
                  directory.community(community).map(Community::name).orElse(community),
                  streets.get(community),
                  inPost.size(),
                  done,
                  rate,
                  rate == null ? null : settings.coverageLight(rate)));
        });
    return rows;
  }
}
