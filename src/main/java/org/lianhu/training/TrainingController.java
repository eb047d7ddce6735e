package org.lianhu.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The heads' training API: courses, sessions, attendance, shadowing, coverage, a head's record. */
@RestController
class TrainingController {

  record CourseBody(String title, String level, String street, String community) {}

  record SessionBody(LocalDate heldOn, String mode, String place, BigDecimal hours) {}

  record AttendanceBody(List<String> heads) {}

  record ShadowingBody(
      String head, String mentor, LocalDate startsOn, LocalDate endsOn, String note) {}

  private final Training training;
  private final TrainingViews views;
  private final TrainingAccess access;

  TrainingController(Training training, TrainingViews views, TrainingAccess access) {
    this.training = training;
    this.views = views;
    this.access = access;
  }

  @PostMapping("/api/staff/training/courses")
  @ResponseStatus(HttpStatus.CREATED)
  Records.Course addCourse(@RequestBody CourseBody body) {
    return training.addCourse(body.title(), body.level(), body.street(), body.community());
  }

  @GetMapping("/api/staff/training/courses")
  List<TrainingViews.CourseView> courses(
      @RequestParam(required = false) String street,
      @RequestParam(required = false) String community) {
    return views.courses(street, community);
  }

  @PostMapping("/api/staff/training/courses/{id}/sessions")
  @ResponseStatus(HttpStatus.CREATED)
  Records.Session addSession(@PathVariable long id, @RequestBody SessionBody body) {
    return training.addSession(id, body.heldOn(), body.mode(), body.place(), body.hours());
  }

  @PostMapping("/api/staff/training/sessions/{id}/attendance")
  Map<String, List<String>> attend(@PathVariable long id, @RequestBody AttendanceBody body) {
    return Map.of("recorded", training.attend(id, body.heads()));
  }

  @PostMapping("/api/staff/training/shadowing")
  @ResponseStatus(HttpStatus.CREATED)
  Records.Shadowing pair(@RequestBody ShadowingBody body) {
    return training.pair(body.head(), body.mentor(), body.startsOn(), body.endsOn(), body.note());
  }

  @GetMapping("/api/stats/training-coverage")
  List<TrainingViews.Coverage> coverage(
      @RequestParam int year, @RequestParam(required = false) String street) {
    return views.coverage(year, street);
  }

  @GetMapping("/api/unit/training")
  TrainingViews.HeadTraining mine() {
    return views.ofHead(access.caller().userId());
  }
}
