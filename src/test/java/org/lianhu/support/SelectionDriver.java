package org.lianhu.support;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.posts.Candidate;
import org.lianhu.posts.HeadPost;
import org.lianhu.posts.PostViews;
import org.lianhu.posts.Posts;
import org.springframework.context.ApplicationContext;

/**
 * Takes a test unit of 桃园村 through the head's selection as its people would (the community office
 * hejun, the street linlin), for the tests that need a newly appointed head: open, nominate,
 * review, choose, the notice's timer, appoint. Answers the new head's login.
 */
public class SelectionDriver {

  private final Posts posts;
  private final PostViews views;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;

  public SelectionDriver(ApplicationContext context) {
    this.posts = context.getBean(Posts.class);
    this.views = context.getBean(PostViews.class);
    this.tasks = context.getBean(TaskService.class);
    this.runtime = context.getBean(RuntimeService.class);
    this.management = context.getBean(ManagementService.class);
    this.identity = context.getBean(IdentityService.class);
  }

  public <T> T as(String user, Supplier<T> work) {
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void complete(String user, Task task, Map<String, Object> form) {
    as(
        user,
        () -> {
          tasks.complete(task.getId(), form);
          return null;
        });
  }

  public Task task(String businessKey, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** Runs a waiting timer of the instance with that business key, the clock moved past it. */
  public void fire(String businessKey, String activity) {
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(businessKey)
            .singleResult()
            .getId();
    Job job =
        management
            .createJobQuery()
            .processInstanceId(instance)
            .activityId(activity)
            .timers()
            .singleResult();
    if (job == null) {
      throw new AssertionError("no timer " + activity + " waiting in " + businessKey);
    }
    if (ClockUtil.getCurrentTime().before(job.getDuedate())) {
      ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
    }
    management.executeJob(job.getId());
  }

  /** The unit's new head, appointed through the whole selection (a unit of 桃园村). */
  public String appoint(String unit, String name, String phone) {
    return appoint(unit, name, phone, "hejun", "linlin");
  }

  /** The same with the unit's community office and street. */
  public String appoint(String unit, String name, String phone, String office, String street) {
    return fill(as(office, () -> posts.open(unit, "new_unit", null)), name, phone, office, street);
  }

  /** An open post filled through the rest of the selection; the new head's login. */
  public String fill(HeadPost post, String name, String phone, String office, String street) {
    String key = "post" + post.id();
    Candidate candidate =
        as(
            office,
            () ->
                posts.nominateAsCommunity(
                    post.id(),
                    new Posts.NominationBody("community", name, phone, null, null, null, null)));
    complete(
        office,
        task(key, "reviewCandidate"),
        Map.of("reviewResult", "eligible", "reviewNote", "符合条件"));
    complete(office, task(key, "chooseCandidate"), Map.of("chosenCandidate", "" + candidate.id()));
    fire(key, "noticePeriod");
    complete(street, task(key, "appointHead"), Map.of("appointDecision", "appoint"));
    return as(office, () -> views.staffPost(post.id()).headUserId());
  }
}
