package org.lianhu.cases;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.lianhu.attachments.Attachments;
import org.lianhu.org.Location;
import org.lianhu.support.TestPhotos;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Drives the case loop through the services and the engine, the way Tasklist and the API do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class CaseLoopTestSupport {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected CaseIntake intake;
  @Autowired protected CaseRating rating;
  @Autowired protected Cases cases;
  @Autowired protected CaseLifecycle lifecycle;
  @Autowired protected StaffCases staffCases;
  @Autowired protected Attachments attachments;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(processEngine);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  private static final AtomicInteger REPORTERS = new AtomicInteger();

  /**
   * A report by a reporter of its own (the phone differs in its middle digits, so it masks alike as
   * 138****5678): the same reporter writing the same again would be refused as a repeat.
   */
  protected static ReportCaseRequest report(String category, String urgency, String address) {
    return new ReportCaseRequest(
        category,
        "  路灯不亮已经三天了，晚上出行很不方便。\n请尽快处理！  ",
        new Location(address, null, null, null),
        urgency,
        new ReportCaseRequest.Reporter(
            "张三", String.format("138%04d5678", REPORTERS.incrementAndGet() % 10_000)),
        "resident");
  }

  protected CaseReceipt reportCase(String category, String urgency, String address) {
    return intake.report(report(category, urgency, address), null);
  }

  protected ProcessInstance instanceOf(CaseReceipt receipt) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(receipt.caseNo())
        .singleResult();
  }

  protected String instanceIdOf(CaseReceipt receipt) {
    return recordOf(receipt).processInstanceId();
  }

  protected CaseRecord recordOf(CaseReceipt receipt) {
    return cases.byNo(receipt.caseNo()).orElseThrow();
  }

  protected List<String> actions(CaseReceipt receipt) {
    return cases.timeline(recordOf(receipt).id()).stream().map(TimelineEntry::action).toList();
  }

  protected Task openTask(CaseReceipt receipt, String taskKey) {
    List<Task> tasks = openTasks(receipt, taskKey);
    if (tasks.size() != 1) {
      throw new AssertionError("expected one open " + taskKey + " task, found " + tasks.size());
    }
    return tasks.get(0);
  }

  protected List<Task> openTasks(CaseReceipt receipt, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceId(instanceIdOf(receipt))
        .taskDefinitionKey(taskKey)
        .list();
  }

  /**
   * Completes a task as the given user would in Tasklist: logged in with their groups, claim,
   * submit.
   */
  protected void completeAs(String userId, Task task, Map<String, Object> form) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(group -> group.getId())
            .toList();
    identityService.setAuthentication(userId, groups);
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), userId);
      }
      taskService.complete(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /**
   * 办理照片: a photo of the result added by the handler, as the case page uploads it (the routing
   * table wants one before most categories may be finished).
   */
  protected void withEvidence(CaseReceipt receipt, String handler) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(handler).list().stream()
            .map(group -> group.getId())
            .toList();
    identityService.setAuthentication(handler, groups);
    try {
      staffCases.addEvidence(
          receipt.caseNo(),
          List.of(
              attachments.receive(
                  "files", "result.jpg", new ByteArrayInputStream(TestPhotos.jpeg(64, 48)))));
    } finally {
      identityService.clearAuthentication();
    }
  }

  protected List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .toList();
  }

  /**
   * Moves the engine clock just past the timer's due date and runs the timer, as the job executor
   * would.
   */
  protected void fireTimer(CaseReceipt receipt, String timerActivityId) {
    Job job =
        managementService
            .createJobQuery()
            .processInstanceId(instanceIdOf(receipt))
            .activityId(timerActivityId)
            .timers()
            .singleResult();
    if (job == null) {
      throw new AssertionError("no timer " + timerActivityId + " is waiting");
    }
    Date due = job.getDuedate();
    if (ClockUtil.getCurrentTime().before(due)) {
      ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(Duration.ofSeconds(1))));
    }
    managementService.executeJob(job.getId());
  }

  protected boolean timerWaiting(CaseReceipt receipt, String timerActivityId) {
    return managementService
            .createJobQuery()
            .processInstanceId(instanceIdOf(receipt))
            .activityId(timerActivityId)
            .timers()
            .count()
        > 0;
  }

  protected void rate(CaseReceipt receipt, Rating verdict, String comment) {
    rating.rate(
        receipt.caseNo(), new RateCaseRequest(receipt.trackingCode(), verdict.name(), comment));
  }

  protected static Duration between(Instant from, Date to) {
    return Duration.between(from, to.toInstant());
  }
}
