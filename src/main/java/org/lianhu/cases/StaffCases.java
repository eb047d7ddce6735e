package org.lianhu.cases;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.OrganisationMapper;
import org.lianhu.privacy.Masking;
import org.lianhu.refusal.Refusal;
import org.lianhu.timeline.TimelineEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff see of cases: only the cases of their units, the whole timeline including internal
 * remarks, and the reporter's phone number only while they hold a task of the case (the handler
 * needs to call).
 */
@Service
public class StaffCases {

  public record Summary(
      String caseNo,
      String category,
      String status,
      String statusName,
      String address,
      String streetCode,
      String communityCode,
      String handlerGroup,
      boolean overdue,
      Instant reportedAt,
      Instant responseDue,
      Instant handleDue) {}

  public record OpenTask(
      String id,
      String key,
      String name,
      String assignee,
      List<String> candidateGroups,
      Instant due) {}

  public record Detail(
      Summary summary,
      String description,
      String urgency,
      String source,
      String reporterName,
      String reporterPhone,
      String result,
      String rejectReason,
      String rating,
      int reopenCount,
      List<TimelineEntry> timeline,
      List<OpenTask> openTasks) {}

  private final CaseMapper cases;
  private final OrganisationMapper organisation;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final OrganisationDirectory directory;

  public StaffCases(
      CaseMapper cases,
      OrganisationMapper organisation,
      IdentityService identityService,
      TaskService taskService,
      OrganisationDirectory directory) {
    this.directory = directory;
    this.cases = cases;
    this.organisation = organisation;
    this.identityService = identityService;
    this.taskService = taskService;
  }

  @Transactional(readOnly = true)
  public List<Summary> list(CaseStatus status, int page, int size) {
    CaseScope scope =
        CaseScope.of(caller().getGroupIds(), organisation, directory.countyWideGroups());
    if (scope.nothing()) {
      return List.of();
    }
    return cases.findInScope(scope, status, page * size, size).stream()
        .map(StaffCases::summary)
        .toList();
  }

  @Transactional(readOnly = true)
  public Detail detail(String caseNo) {
    Authentication caller = caller();
    CaseRecord record = cases.findByNo(caseNo);
    CaseScope scope =
        CaseScope.of(caller.getGroupIds(), organisation, directory.countyWideGroups());
    if (record == null || scope.nothing() || cases.countInScope(scope, record.id()) == 0) {
      throw Refusal.notFound("没有编号为 " + caseNo + " 且属于您所在单位的事件");
    }
    List<OpenTask> openTasks = openTasks(record);
    Set<String> mine = new HashSet<>(caller.getGroupIds());
    boolean holdsATask =
        openTasks.stream()
            .anyMatch(
                task ->
                    caller.getUserId().equals(task.assignee())
                        || task.candidateGroups().stream().anyMatch(mine::contains));
    return new Detail(
        summary(record),
        record.description(),
        record.urgency(),
        record.source(),
        record.reporterName(),
        holdsATask ? record.reporterPhone() : Masking.phone(record.reporterPhone()),
        record.result(),
        record.rejectReason(),
        record.rating(),
        record.reopenCount(),
        cases.timeline(record.id()),
        openTasks);
  }

  private List<OpenTask> openTasks(CaseRecord record) {
    if (record.processInstanceId() == null) {
      return List.of();
    }
    // Read with the engine's own rights: the caller may see that a task exists without owning it.
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return taskService
          .createTaskQuery()
          .processInstanceId(record.processInstanceId())
          .list()
          .stream()
          .map(
              task ->
                  new OpenTask(
                      task.getId(),
                      task.getTaskDefinitionKey(),
                      task.getName(),
                      task.getAssignee(),
                      candidateGroups(task),
                      task.getDueDate() == null ? null : task.getDueDate().toInstant()))
          .toList();
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private Authentication caller() {
    return caller(identityService);
  }

  /** Who called a staff endpoint; the authentication filter has made sure there is someone. */
  static Authentication caller(IdentityService identityService) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      throw new IllegalStateException("staff endpoint reached without authentication");
    }
    return caller;
  }

  static Summary summary(CaseRecord r) {
    return new Summary(
        r.caseNo(),
        r.category(),
        r.status(),
        r.caseStatus().label(),
        r.address(),
        r.streetCode(),
        r.communityCode(),
        r.handlerGroup(),
        Boolean.TRUE.equals(r.overdue()),
        r.createdAt(),
        r.responseDue(),
        r.handleDue());
  }
}
