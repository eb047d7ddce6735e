package org.lianhu.evaluation;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lianhu.org.Community;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.posts.HouseholdProof;
import org.lianhu.posts.PostAccess;
import org.lianhu.refusal.Refusal;
import org.lianhu.throttle.GuessThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evaluation's API: the head reads their results and appeals; households rate their head on the
 * resident page (household code and the last four digits of its phone, wrong tries throttled);
 * staff read a community's or street's evaluations and the grade distribution.
 */
@RestController
class EvaluationController {

  record AppealBody(String text) {}

  record RoundBody(String street, java.time.LocalDate quarterStart) {}

  /** What a head, or staff, see of an evaluation: the figures and, once graded, the result. */
  record EvaluationView(
      long id,
      String headUserId,
      String headName,
      String unitCode,
      String communityCode,
      String quarter,
      String quarterLabel,
      String status,
      String figures,
      Double suggestedScore,
      Double organisationScore,
      Double residentScore,
      Integer residentRatings,
      Double totalScore,
      String grade,
      String gradeLabel,
      String finalGrade,
      String finalGradeLabel,
      boolean appealed,
      String appealNote,
      java.time.Instant appealClosesAt) {}

  private final Evaluations evaluations;
  private final PostAccess access;
  private final OrganisationDirectory directory;
  private final GuessThrottle guesses;

  EvaluationController(
      Evaluations evaluations,
      PostAccess access,
      OrganisationDirectory directory,
      GuessThrottle guesses) {
    this.evaluations = evaluations;
    this.access = access;
    this.directory = directory;
    this.guesses = guesses;
  }

  static EvaluationView view(Evaluation e) {
    boolean graded = e.grade() != null;
    return new EvaluationView(
        e.id(),
        e.headUserId(),
        e.headName(),
        e.unitCode(),
        e.communityCode(),
        e.quarter(),
        Quarters.label(e.quarter()),
        e.status(),
        Evaluations.figuresText(e),
        e.suggestedScore(),
        graded ? e.organisationScore() : null,
        graded ? e.residentScore() : null,
        graded ? e.residentRatings() : null,
        e.totalScore(),
        e.grade(),
        Grade.of(e.grade()).map(Grade::label).orElse(null),
        e.finalGrade(),
        Grade.of(e.finalGrade()).map(Grade::label).orElse(null),
        e.appealedAt() != null,
        e.appealNote(),
        e.appealClosesAt());
  }

  /**
   * Runs a quarter's round for a street now (the county's administrators: a county that starts
   * using Lianhu mid-year, or a round to repeat after the organisation data was mended); heads
   * already evaluated for the quarter are left as they are.
   */
  @PostMapping("/api/admin/head-evaluations/rounds")
  Map<String, Object> round(@RequestBody RoundBody body) {
    PostAccess.Caller caller = access.caller();
    if (caller.groups().stream().noneMatch(directory.administratorGroups()::contains)) {
      throw Refusal.forbidden("仅县级管理员可启动季度考核");
    }
    if (body == null || body.street() == null || directory.street(body.street()).isEmpty()) {
      throw Refusal.invalid("street", "请指定街道");
    }
    if (body.quarterStart() == null
        || !body.quarterStart().equals(Quarters.start(body.quarterStart()))) {
      throw Refusal.invalid("quarterStart", "季度起始日须为1月1日、4月1日、7月1日或10月1日");
    }
    int opened = evaluations.openForStreet(body.street(), body.quarterStart());
    return Map.of("quarter", Quarters.of(body.quarterStart()), "opened", opened);
  }

  @GetMapping("/api/unit/evaluations")
  List<EvaluationView> mine() {
    return evaluations.ofHead(access.caller().userId()).stream()
        .map(EvaluationController::view)
        .toList();
  }

  @PostMapping("/api/unit/evaluations/{id}/appeal")
  EvaluationView appeal(@PathVariable long id, @RequestBody AppealBody body) {
    return view(
        evaluations.appeal(access.caller().userId(), id, body == null ? null : body.text()));
  }

  @GetMapping("/api/head-ratings/open")
  Evaluations.OpenRating openRating(
      @RequestParam String household, @RequestParam String last4, HttpServletRequest http) {
    return guesses.guarded(
        "household:" + household,
        http.getRemoteAddr(),
        () -> evaluations.openRating(household, last4),
        HouseholdProof::wrong);
  }

  @PostMapping("/api/head-ratings")
  @ResponseStatus(HttpStatus.CREATED)
  Evaluations.OpenRating rate(@RequestBody Evaluations.RatingBody body, HttpServletRequest http) {
    return guesses.guarded(
        "household:" + (body == null ? "" : body.householdCode()),
        http.getRemoteAddr(),
        () -> evaluations.rate(body),
        HouseholdProof::wrong);
  }

  /** A community's (its office, its street, the county) or a street's evaluations of a quarter. */
  @GetMapping("/api/staff/head-evaluations")
  List<EvaluationView> list(
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String street,
      @RequestParam(required = false) String quarter) {
    if (community != null) {
      Community c =
          directory
              .community(community)
              .orElseThrow(() -> Refusal.notFound("社区 " + community + " 不存在"));
      access.requireReader(c.code(), c.streetCode());
    } else if (street != null) {
      PostAccess.Caller caller = access.caller();
      if (!access.inStreet(caller, street) && !access.countyWide(caller)) {
        throw Refusal.forbidden("仅所属街道和县级工作人员可查看");
      }
    } else {
      throw Refusal.invalid("community", "请指定社区（community）或街道（street）");
    }
    return evaluations.ofPlace(community, community == null ? street : null, quarter).stream()
        .map(EvaluationController::view)
        .toList();
  }

  /** The grade distribution of a quarter by community (final grades). */
  @GetMapping("/api/stats/head-grades")
  List<Map<String, Object>> grades(
      @RequestParam String quarter, @RequestParam(required = false) String street) {
    PostAccess.Caller caller = access.caller();
    PostAccess.Scope scope = access.scope(caller);
    boolean county = scope.county();
    Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
    for (EvaluationMapper.GradeCount count : evaluations.gradeCounts(street, quarter)) {
      if (!scope.covers(count.streetCode(), count.communityCode())) {
        continue;
      }
      Map<String, Object> row =
          rows.computeIfAbsent(
              count.communityCode(),
              code -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("communityCode", code);
                r.put("communityName", directory.community(code).map(Community::name).orElse(code));
                r.put("streetCode", count.streetCode());
                for (Grade g : Grade.values()) {
                  r.put(g.code(), 0);
                }
                return r;
              });
      row.put(count.grade(), count.heads());
    }
    if (!county && caller.groups().stream().noneMatch(directory.supervisorGroups()::contains)) {
      throw Refusal.forbidden("仅社区、街道和县级工作人员可查看");
    }
    return new ArrayList<>(rows.values());
  }
}
