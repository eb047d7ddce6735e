package org.lianhu.posts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lianhu.calendar.CountyClock;
import org.lianhu.org.Community;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.privacy.Masking;
import org.lianhu.privacy.TrackingCodes;
import org.lianhu.refusal.Refusal;
import org.lianhu.refusal.TextInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What residents and staff read of posts. Residents see the open posts, the chosen candidate's name
 * during the notice (公示 is public), and the public steps; staff of the community, the street and
 * the county see candidates and objections, with phones whole for the community office only.
 */
@Service
@Transactional(readOnly = true)
public class PostViews {

  public record Entry(String at, String actor, String action, String remark) {}

  public record PublicPost(
      long id,
      String unitCode,
      String unitName,
      String communityCode,
      String communityName,
      String streetName,
      String status,
      String statusLabel,
      boolean nominating,
      String chosenName,
      String noticeEndsAt,
      List<Entry> timeline) {}

  public record CandidateView(
      long id,
      long postId,
      String name,
      String phone,
      String address,
      String profile,
      String nomination,
      int supporters,
      String status,
      String statusLabel,
      String reviewNote,
      String reviewedBy) {}

  public record ObjectionView(
      long id,
      String text,
      String contactName,
      String contactPhone,
      String filedAt,
      String answer,
      Boolean upheld,
      String answeredAt) {}

  public record StaffPost(
      long id,
      String unitCode,
      String unitName,
      String communityCode,
      String communityName,
      String streetCode,
      String status,
      String statusLabel,
      String reason,
      String reasonLabel,
      String formerHeadName,
      String openedAt,
      String openedBy,
      String backfillDue,
      boolean overdue,
      String noticeEndsAt,
      String filledAt,
      String headUserId,
      List<CandidateView> candidates,
      List<ObjectionView> objections,
      List<Entry> timeline) {}

  public record ObjectionAnswer(String filedAt, boolean answered, String answer, Boolean upheld) {}

  public record Pool(
      String communityCode,
      String communityName,
      String streetCode,
      int posts,
      int vacant,
      int pool,
      int target,
      String light) {}

  private final PostMapper posts;
  private final Posts service;
  private final PostAccess access;
  private final PostSettings settings;
  private final OrganisationDirectory directory;
  private final CountyClock clock;

  PostViews(
      PostMapper posts,
      Posts service,
      PostAccess access,
      PostSettings settings,
      OrganisationDirectory directory,
      CountyClock clock) {
    this.posts = posts;
    this.service = service;
    this.access = access;
    this.settings = settings;
    this.directory = directory;
    this.clock = clock;
  }

  /** The open posts of a community (or of the county), newest first. */
  public List<PublicPost> openPosts(String communityCode) {
    List<PublicPost> shown = new ArrayList<>();
    for (HeadPost post :
        posts.posts(
            TextInput.trimmed(communityCode),
            null,
            PostStatus.VACANT.stream().map(PostStatus::code).toList(),
            200)) {
      shown.add(publicPost(post));
    }
    return shown;
  }

  public PublicPost openPost(long postId) {
    HeadPost post = service.require(postId);
    if (post.state() == PostStatus.FILLED) {
      throw Refusal.notFound("岗位 " + postId + " 已聘任");
    }
    return publicPost(post);
  }

  private PublicPost publicPost(HeadPost post) {
    Posts.Place place = service.place(post.unitCode());
    boolean notice = post.state() == PostStatus.NOTICE || post.state() == PostStatus.APPOINTING;
    String chosen =
        notice && post.chosenCandidateId() != null
            ? posts.candidate(post.chosenCandidateId()).name()
            : null;
    return new PublicPost(
        post.id(),
        post.unitCode(),
        place.unit().name(),
        place.community().code(),
        place.community().name(),
        place.street().name(),
        post.status(),
        post.state().label(),
        post.state() == PostStatus.NOMINATING,
        chosen,
        notice ? minute(post.noticeEndsAt()) : null,
        entries(post.id(), true));
  }

  /** The posts of a community or a street the caller works in, newest first. */
  public List<StaffPost> staffPosts(String communityCode, String streetCode, boolean openOnly) {
    String community = TextInput.trimmed(communityCode);
    String street = TextInput.trimmed(streetCode);
    if (community == null && street == null) {
      throw Refusal.invalid("community", "请指定社区（community）或街道（street）");
    }
    if (community != null) {
      Community c =
          directory
              .community(community)
              .orElseThrow(() -> Refusal.notFound("社区 " + community + " 不存在"));
      access.requireReader(c.code(), c.streetCode());
    } else {
      PostAccess.Caller caller = access.caller();
      directory.street(street).orElseThrow(() -> Refusal.notFound("街道 " + street + " 不存在"));
      if (!access.inStreet(caller, street) && !access.countyWide(caller)) {
        throw Refusal.forbidden("仅所属街道和县级工作人员可查看");
      }
    }
    List<String> statuses =
        openOnly ? PostStatus.VACANT.stream().map(PostStatus::code).toList() : null;
    return posts.posts(community, street, statuses, 500).stream().map(this::staffPost).toList();
  }

  public StaffPost staffPost(long postId) {
    HeadPost post = service.require(postId);
    access.requireReader(post.communityCode(), post.streetCode());
    return staffPost(post);
  }

  private StaffPost staffPost(HeadPost post) {
    PostAccess.Caller caller = access.caller();
    boolean whole = access.inCommunity(caller, post.communityCode());
    Posts.Place place = service.place(post.unitCode());
    List<CandidateView> candidates =
        posts.candidatesOfPost(post.id()).stream().map(c -> candidate(c, whole)).toList();
    List<ObjectionView> objections =
        posts.objectionsOfPost(post.id()).stream()
            .map(
                o ->
                    new ObjectionView(
                        o.id(),
                        o.text(),
                        whole ? o.contactName() : Masking.name(o.contactName()),
                        whole ? o.contactPhone() : Masking.phone(o.contactPhone()),
                        minute(o.filedAt()),
                        o.answer(),
                        o.upheld(),
                        minute(o.answeredAt())))
            .toList();
    VacancyReason reason = VacancyReason.of(post.reason()).orElseThrow();
    boolean overdue = post.state() != PostStatus.FILLED && clock.now().isAfter(post.backfillDue());
    return new StaffPost(
        post.id(),
        post.unitCode(),
        place.unit().name(),
        post.communityCode(),
        place.community().name(),
        post.streetCode(),
        post.status(),
        post.state().label(),
        reason.code(),
        reason.label(),
        post.formerHeadName(),
        minute(post.openedAt()),
        post.openedBy(),
        minute(post.backfillDue()),
        overdue,
        minute(post.noticeEndsAt()),
        minute(post.filledAt()),
        post.headUserId(),
        candidates,
        objections,
        entries(post.id(), false));
  }

  private CandidateView candidate(Candidate c, boolean whole) {
    return new CandidateView(
        c.id(),
        c.postId(),
        c.name(),
        whole ? c.phone() : Masking.phone(c.phone()),
        whole ? c.address() : null,
        c.profile(),
        Nomination.of(c.nomination()).orElseThrow().label(),
        c.supporters(),
        c.status(),
        c.state().label(),
        c.reviewNote(),
        c.reviewedBy());
  }

  /** 备选库: the community's reviewed candidates not appointed, for its office and its street. */
  public List<CandidateView> pool(String communityCode) {
    Community community =
        directory
            .community(communityCode)
            .orElseThrow(() -> Refusal.notFound("社区 " + communityCode + " 不存在"));
    PostAccess.Caller caller = access.requireReader(community.code(), community.streetCode());
    boolean whole = access.inCommunity(caller, community.code());
    return posts.candidatesOfCommunity(community.code(), CandidateStatus.ELIGIBLE.code()).stream()
        .map(c -> candidate(c, whole))
        .toList();
  }

  /**
   * Each community's pool against its target (the pool share of its posts, rounded up): red when
   * short. The county's groups see every street (or one), a street its own, a community itself.
   */
  public List<Pool> pools(String streetCode) {
    PostAccess.Caller caller = access.caller();
    String street = TextInput.trimmed(streetCode);
    PostAccess.Scope scope = access.scope(caller);
    boolean county = scope.county();
    List<Pool> pools = new ArrayList<>();
    for (PoolRow row :
        posts.pools(
            street,
            PostStatus.VACANT.stream().map(PostStatus::code).toList(),
            CandidateStatus.ELIGIBLE.code())) {
      if (scope.covers(row.streetCode(), row.communityCode())) {
        int target = settings.poolTarget(row.posts());
        pools.add(
            new Pool(
                row.communityCode(),
                row.communityName(),
                row.streetCode(),
                row.posts(),
                row.vacant(),
                row.pool(),
                target,
                row.pool() >= target ? "green" : "red"));
      }
    }
    if (pools.isEmpty() && !county) {
      throw Refusal.forbidden("仅社区、街道和县级工作人员可查看备选库");
    }
    return pools;
  }

  /** The answer to an objection, for whoever holds its code. */
  public ObjectionAnswer objection(String code) {
    Objection objection = code == null ? null : posts.objectionByCode(code.strip().toUpperCase());
    if (objection == null || !TrackingCodes.matches(objection.code(), code.strip().toUpperCase())) {
      throw Refusal.notFound("查询码不正确");
    }
    return new ObjectionAnswer(
        minute(objection.filedAt()),
        objection.answeredAt() != null,
        objection.answer(),
        objection.upheld());
  }

  private List<Entry> entries(long postId, boolean shownOnly) {
    return posts.entries(postId, shownOnly).stream()
        .map(
            e ->
                new Entry(
                    minute(e.enteredAt()), shownOnly ? null : e.actor(), e.action(), e.remark()))
        .toList();
  }

  private String minute(Instant at) {
    return at == null ? null : clock.minute(at);
  }
}
