package org.lianhu.posts;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The staff's side of heads' posts: open a vacancy, nominate, withdraw, read, the pool. */
@RestController
class StaffPostController {

  record VacancyBody(String reason, String note) {}

  record NoteBody(String note) {}

  record PasswordBody(String password) {}

  private final Posts posts;
  private final PostViews views;

  StaffPostController(Posts posts, PostViews views) {
    this.posts = posts;
    this.views = views;
  }

  @PostMapping("/api/staff/units/{unit}/vacancy")
  @ResponseStatus(HttpStatus.CREATED)
  PostViews.StaffPost open(@PathVariable String unit, @RequestBody VacancyBody body) {
    return views.staffPost(posts.open(unit, body.reason(), body.note()).id());
  }

  @GetMapping("/api/staff/head-posts")
  List<PostViews.StaffPost> list(
      @RequestParam(required = false) String community,
      @RequestParam(required = false) String street,
      @RequestParam(defaultValue = "false") boolean open) {
    return views.staffPosts(community, street, open);
  }

  @GetMapping("/api/staff/head-posts/{id}")
  PostViews.StaffPost get(@PathVariable long id) {
    return views.staffPost(id);
  }

  @PostMapping("/api/staff/head-posts/{id}/nominations")
  @ResponseStatus(HttpStatus.CREATED)
  PostViews.StaffPost nominate(@PathVariable long id, @RequestBody Posts.NominationBody body) {
    posts.nominateAsCommunity(id, body);
    return views.staffPost(id);
  }

  @PostMapping("/api/staff/head-candidates/{id}/withdrawal")
  PostViews.CandidateView withdraw(@PathVariable long id, @RequestBody NoteBody body) {
    Candidate candidate = posts.withdraw(id, body.note());
    return views.pool(candidate.communityCode()).stream()
        .filter(c -> c.id() == id)
        .findFirst()
        .orElseGet(
            () ->
                new PostViews.CandidateView(
                    candidate.id(),
                    candidate.postId(),
                    candidate.name(),
                    null,
                    null,
                    null,
                    Nomination.of(candidate.nomination()).orElseThrow().label(),
                    candidate.supporters(),
                    candidate.status(),
                    candidate.state().label(),
                    candidate.reviewNote(),
                    candidate.reviewedBy()));
  }

  @PutMapping("/api/staff/head-posts/{id}/head-password")
  ResponseEntity<Void> headPassword(@PathVariable long id, @RequestBody PasswordBody body) {
    posts.setHeadPassword(id, body.password());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/staff/communities/{code}/reserve-pool")
  List<PostViews.CandidateView> pool(@PathVariable String code) {
    return views.pool(code);
  }

  @GetMapping("/api/stats/reserve-pool")
  List<PostViews.Pool> pools(@RequestParam(required = false) String street) {
    return views.pools(street);
  }
}
