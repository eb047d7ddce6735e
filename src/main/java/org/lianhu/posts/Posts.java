package org.lianhu.posts;

import static org.lianhu.posts.SelectionVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lianhu.calendar.CountyClock;
import org.lianhu.engine.FormValues;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.Community;
import org.lianhu.org.Grid;
import org.lianhu.org.LiaisonUnit;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Street;
import org.lianhu.orgadmin.HeadAppointments;
import org.lianhu.refusal.Refusal;
import org.lianhu.refusal.TextInput;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do to a post from outside Tasklist: the community office or the street opens it (the
 * head leaves, or a new unit), residents and the community nominate, residents object to a notice,
 * a candidate withdraws. Each checks the post's state first and changes nothing when it refuses;
 * the process (processes/liaison-head-selection.bpmn) learns of each by a message in the same
 * transaction.
 */
@Service
public class Posts {

  static final String NOT_OPEN = "post-not-open";
  static final String NOTICE_CLOSED = "notice-closed";

  private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

  /** A nomination as a resident or the community office gives it. */
  public record NominationBody(
      String nomination,
      String name,
      String phone,
      String address,
      String profile,
      String householdCode,
      String householdPhoneLast4) {}

  /** Where a post sits in the organisation. */
  record Place(LiaisonUnit unit, Grid grid, Community community, Street street) {}

  private final PostMapper posts;
  private final PostLifecycle lifecycle;
  private final Selection selection;
  private final PostAccess access;
  private final HouseholdProof households;
  private final PostSettings settings;
  private final OrganisationDirectory directory;
  private final HeadAppointments appointments;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CountyClock clock;

  Posts(
      PostMapper posts,
      PostLifecycle lifecycle,
      Selection selection,
      PostAccess access,
      HouseholdProof households,
      PostSettings settings,
      OrganisationDirectory directory,
      HeadAppointments appointments,
      RuntimeService runtime,
      IdentityService identity,
      CountyClock clock) {
    this.posts = posts;
    this.lifecycle = lifecycle;
    this.selection = selection;
    this.access = access;
    this.households = households;
    this.settings = settings;
    this.directory = directory;
    this.appointments = appointments;
    this.runtime = runtime;
    this.identity = identity;
    this.clock = clock;
  }

  Place place(String unitCode) {
    LiaisonUnit unit =
        directory
            .liaisonUnit(unitCode)
            .orElseThrow(() -> Refusal.notFound("联户单元 " + unitCode + " 不存在"));
    Grid grid = directory.grid(unit.gridCode()).orElseThrow();
    Community community = directory.community(grid.communityCode()).orElseThrow();
    Street street = directory.street(community.streetCode()).orElseThrow();
    return new Place(unit, grid, community, street);
  }

  HeadPost require(long postId) {
    HeadPost post = posts.post(postId);
    if (post == null) {
      throw Refusal.notFound("岗位 " + postId + " 不存在");
    }
    return post;
  }

  /**
   * 岗位空缺: the head leaves (their login goes, the unit's work passes to the grid worker) or a new
   * unit needs one; the selection starts.
   */
  @Transactional
  public HeadPost open(String unitCode, String reasonCode, String note) {
    Place place = place(unitCode);
    PostAccess.Caller caller =
        access.requireCommunityOrStreet(place.community().code(), place.street().code());
    return open(place, reasonCode, note, caller.userId());
  }

  /**
   * 免职: the street confirmed a removal proposal of the head's evaluation (the process's task was
   * the street's, so no caller is checked here); the post is vacant from now on.
   */
  @Transactional
  public HeadPost removeHead(String unitCode, String note, String actor) {
    return open(place(unitCode), VacancyReason.REMOVED.code(), note, actor);
  }

  private HeadPost open(Place place, String reasonCode, String note, String actor) {
    String unitCode = place.unit().code();
    VacancyReason reason =
        VacancyReason.of(reasonCode)
            .orElseThrow(
                () -> Refusal.invalid("reason", "空缺原因须为 new_unit、resigned、removed 或 moved_away"));
    boolean hasHead = place.unit().headUserId() != null || place.unit().headName() != null;
    if (reason.headLeaves() && !hasHead) {
      throw Refusal.invalid("reason", "该单元当前没有联户长，空缺原因应为新设单元（new_unit）");
    }
    if (!reason.headLeaves() && hasHead) {
      throw Refusal.invalid("reason", "该单元已有联户长；联户长离任请写明原因（辞任、免职或迁离）");
    }
    String text = TextInput.optional(note, 500, "note", "说明");
    if (posts.openPostOfUnit(unitCode) != null) {
      throw Refusal.conflict("post-open", "岗位已在推选中", "联户单元 " + unitCode + " 的联户长岗位已在推选中");
    }
    Instant now = clock.now();
    Instant due = clock.local(now).plusDays(settings.backfillDays()).toInstant();
    Instant remindAt = clock.local(now).plusDays(settings.backfillReminderDays()).toInstant();
    HeadPost post;
    try {
      post =
          lifecycle.opened(
              place.unit(),
              place.community().code(),
              place.street().code(),
              reason,
              now,
              due,
              text,
              actor);
    } catch (DuplicateKeyException e) {
      throw Refusal.conflict("post-open", "岗位已在推选中", "联户单元 " + unitCode + " 的联户长岗位已在推选中");
    }
    if (reason.headLeaves() && place.unit().headUserId() != null) {
      appointments.vacate(unitCode, actor);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(POST_ID, post.id());
    variables.put(COMMUNITY_GROUP, place.community().groupId());
    variables.put(STREET_GROUP, place.street().groupId());
    variables.put(UNIT_NAME, place.community().name() + " " + place.unit().name());
    variables.put(REASON_LABEL, reason.label());
    variables.put(OPENED_AT_TEXT, clock.minute(now));
    variables.put(BACKFILL_REMINDER_AT, Date.from(remindAt));
    variables.put(BACKFILL_DUE, Date.from(due));
    variables.put(OPTIONS, FormValues.options(selection.options(post.id())));
    WithoutCaller.run(
        identity,
        () ->
            runtime.startProcessInstanceByKey(
                PROCESS_KEY, SelectionVariables.businessKey(post.id()), variables));
    return posts.post(post.id());
  }

  /** A resident's nomination (self, or by a household of the unit). */
  @Transactional
  public Candidate nominateAsResident(long postId, NominationBody body) {
    HeadPost post = requireNominating(postId);
    Nomination nomination =
        Nomination.of(body.nomination())
            .filter(n -> n != Nomination.COMMUNITY)
            .orElseThrow(() -> Refusal.invalid("nomination", "推荐方式须为 self（自荐）或 households（住户推荐）"));
    String householdCode = null;
    if (nomination == Nomination.HOUSEHOLDS) {
      householdCode =
          households
              .verify(
                  body.householdCode(),
                  body.householdPhoneLast4(),
                  post.unitCode(),
                  "住户推荐须填写住户编号和户主电话后四位",
                  "住户编号与户主电话不符，或该住户不属于本联户单元")
              .code();
    }
    return nominate(post, nomination, body, householdCode, "resident");
  }

  /** The community office's own nomination. */
  @Transactional
  public Candidate nominateAsCommunity(long postId, NominationBody body) {
    HeadPost post = require(postId);
    PostAccess.Caller caller = access.requireCommunity(post.communityCode());
    requireNominating(postId);
    return nominate(post, Nomination.COMMUNITY, body, null, caller.userId());
  }

  private HeadPost requireNominating(long postId) {
    HeadPost post = require(postId);
    if (post.state() != PostStatus.NOMINATING) {
      throw Refusal.conflict(NOT_OPEN, "岗位不在推选期", "该岗位" + post.state().label() + "，现在不接受推荐");
    }
    return post;
  }

  private Candidate nominate(
      HeadPost post, Nomination nomination, NominationBody body, String household, String actor) {
    String name = TextInput.required(body.name(), 32, "name", "候选人姓名");
    String phone = TextInput.required(body.phone(), 20, "phone", "联系电话").replace(" ", "");
    if (!PHONE.matcher(phone).matches()) {
      throw Refusal.invalid("phone", "联系电话须为11位手机号或带区号的固定电话");
    }
    String address = TextInput.optional(body.address(), 200, "address", "住址");
    String profile = TextInput.optional(body.profile(), 500, "profile", "推荐理由");
    Candidate existing = posts.candidateByPhone(post.id(), phone);
    if (existing != null && household != null && lifecycle.nominatedBy(existing.id(), household)) {
      throw Refusal.conflict("already-nominated", "已推荐过", "本户已推荐过该候选人");
    }
    if (existing != null && !existing.name().equals(name)) {
      throw Refusal.conflict("phone-of-another-candidate", "电话已被使用", "该电话已登记为本岗位另一位候选人的电话");
    }
    Candidate candidate =
        lifecycle.nominated(post, nomination, name, phone, address, profile, household, actor);
    if (existing == null) {
      // The message's variables land on the instance; the review task maps them into its own
      // scope as it is created, so the next nomination does not overwrite this one's.
      Map<String, Object> local = new HashMap<>();
      local.put(CANDIDATE_ID, candidate.id());
      local.put(CANDIDATE_NAME, candidate.name());
      local.put(CANDIDATE_PHONE, candidate.phone());
      local.put(CANDIDATE_PROFILE, candidate.profile() == null ? "（未填写）" : candidate.profile());
      local.put(NOMINATION_LABEL, nomination.label());
      WithoutCaller.run(
          identity,
          () ->
              runtime
                  .createMessageCorrelation(NOMINATED_MESSAGE)
                  .processInstanceBusinessKey(SelectionVariables.businessKey(post.id()))
                  .setVariables(local)
                  .correlateWithResult());
    }
    return candidate;
  }

  /** An objection to the notice, while it runs; the code the objector reads the answer with. */
  @Transactional
  public Objection object(long postId, String text, String contactName, String contactPhone) {
    HeadPost post = require(postId);
    if (post.state() != PostStatus.NOTICE || !clock.now().isBefore(post.noticeEndsAt())) {
      throw Refusal.conflict(NOTICE_CLOSED, "不在公示期", "该岗位不在任前公示期内，不能提出异议");
    }
    String objection = TextInput.required(text, 2000, "text", "异议内容");
    if (objection.length() < 5) {
      throw Refusal.invalid("text", "请写明异议的具体内容");
    }
    String name = TextInput.optional(contactName, 32, "contactName", "联系人");
    String phone = TextInput.optional(contactPhone, 20, "contactPhone", "联系电话");
    if (phone != null && !PHONE.matcher(phone.replace(" ", "")).matches()) {
      throw Refusal.invalid("contactPhone", "联系电话须为11位手机号或带区号的固定电话");
    }
    Objection filed = lifecycle.objectionFiled(post, objection, name, phone, "resident");
    Map<String, Object> local = new HashMap<>();
    local.put(OBJECTION_ID, filed.id());
    local.put(OBJECTION_TEXT, filed.text());
    WithoutCaller.run(
        identity,
        () ->
            runtime
                .createMessageCorrelation(OBJECTION_MESSAGE)
                .processInstanceBusinessKey(SelectionVariables.businessKey(post.id()))
                .setVariables(local)
                .correlateWithResult());
    return filed;
  }

  /**
   * A candidate withdraws (the community office records it): out of the pool; if they were chosen,
   * the post goes back to choosing.
   */
  @Transactional
  public Candidate withdraw(long candidateId, String note) {
    Candidate candidate = posts.candidate(candidateId);
    if (candidate == null) {
      throw Refusal.notFound("候选人 " + candidateId + " 不存在");
    }
    PostAccess.Caller caller = access.requireCommunity(candidate.communityCode());
    String text = TextInput.required(note, 500, "note", "退出说明");
    CandidateStatus status = candidate.state();
    if (status != CandidateStatus.NOMINATED
        && status != CandidateStatus.ELIGIBLE
        && status != CandidateStatus.CHOSEN) {
      throw Refusal.conflict(
          "candidate-not-active", "候选人已不在推选中", "该候选人" + status.label() + "，不能退出");
    }
    HeadPost choosing = status == CandidateStatus.CHOSEN ? posts.postChoosing(candidateId) : null;
    lifecycle.withdrawn(candidate, text, caller.userId());
    if (choosing != null) {
      WithoutCaller.run(
          identity,
          () ->
              runtime
                  .createMessageCorrelation(WITHDREW_MESSAGE)
                  .processInstanceBusinessKey(SelectionVariables.businessKey(choosing.id()))
                  .correlateWithResult());
    }
    refreshOptions(candidate.communityCode());
    return posts.candidate(candidateId);
  }

  /** The option lists of the community's posts being chosen for, after the pool changed. */
  void refreshOptions(String communityCode) {
    for (HeadPost open :
        posts.posts(communityCode, null, List.of(PostStatus.NOMINATING.code()), 1000)) {
      WithoutCaller.run(
          identity,
          () -> {
            ProcessInstance instance =
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(SelectionVariables.businessKey(open.id()))
                    .processDefinitionKey(PROCESS_KEY)
                    .singleResult();
            if (instance != null) {
              runtime.setVariable(
                  instance.getId(), OPTIONS, FormValues.options(selection.options(open.id())));
            }
            return null;
          });
    }
  }

  /** The new head's password, set by the community office and handed over in person. */
  @Transactional
  public void setHeadPassword(long postId, String password) {
    HeadPost post = require(postId);
    PostAccess.Caller caller = access.requireCommunity(post.communityCode());
    LiaisonUnit unit = place(post.unitCode()).unit();
    if (post.state() != PostStatus.FILLED || !post.headUserId().equals(unit.headUserId())) {
      throw Refusal.conflict("post-not-filled", "岗位未聘任", "只能为本岗位聘任的现任联户长设置密码");
    }
    appointments.setPassword(post.unitCode(), password, caller.userId());
    lifecycle.noted(postId, "设置联户长初始密码", null, caller.userId());
  }
}
