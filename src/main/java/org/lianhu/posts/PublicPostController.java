package org.lianhu.posts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
 * The residents' side (the resident page): the open posts and their notices, nominations (self, or
 * by a household of the unit, checked by its code and the last four digits of its phone, with wrong
 * tries throttled like tracking codes), objections during a notice, and an objection's answer.
 */
@RestController
class PublicPostController {

  record Nominated(long postId, String candidateName, String message) {}

  record ObjectionBody(String text, String contactName, String contactPhone) {}

  record ObjectionFiled(String code, String message) {}

  private final Posts posts;
  private final PostViews views;
  private final GuessThrottle guesses;

  PublicPostController(Posts posts, PostViews views, GuessThrottle guesses) {
    this.posts = posts;
    this.views = views;
    this.guesses = guesses;
  }

  @GetMapping("/api/head-posts")
  List<PostViews.PublicPost> open(@RequestParam(required = false) String community) {
    return views.openPosts(community);
  }

  @GetMapping("/api/head-posts/{id}")
  PostViews.PublicPost post(@PathVariable long id) {
    return views.openPost(id);
  }

  @PostMapping("/api/head-posts/{id}/nominations")
  @ResponseStatus(HttpStatus.CREATED)
  Nominated nominate(
      @PathVariable long id, @RequestBody Posts.NominationBody body, HttpServletRequest http) {
    Candidate candidate =
        body.householdCode() == null
            ? posts.nominateAsResident(id, body)
            : guesses.guarded(
                "household:" + body.householdCode(),
                http.getRemoteAddr(),
                () -> posts.nominateAsResident(id, body),
                HouseholdProof::wrong);
    return new Nominated(id, candidate.name(), "推荐已收到，社区将组织考察");
  }

  @PostMapping("/api/head-posts/{id}/objections")
  @ResponseStatus(HttpStatus.CREATED)
  ObjectionFiled object(@PathVariable long id, @RequestBody ObjectionBody body) {
    Objection filed = posts.object(id, body.text(), body.contactName(), body.contactPhone());
    return new ObjectionFiled(filed.code(), "异议已收到，社区将核实答复；请凭查询码查看答复");
  }

  @GetMapping("/api/head-objections/{code}")
  PostViews.ObjectionAnswer objection(@PathVariable String code, HttpServletRequest http) {
    return guesses.guarded(
        "objection:" + code,
        http.getRemoteAddr(),
        () -> views.objection(code),
        e -> e instanceof Refusal refusal && "not-found".equals(refusal.type()));
  }
}
