package org.lianhu.cases;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.attachments.Attachment;
import org.lianhu.attachments.AttachmentPurpose;
import org.lianhu.attachments.Attachments;
import org.lianhu.attachments.FileContent;
import org.lianhu.attachments.ReceivedFile;
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
      List<OpenTask> openTasks,
      List<CaseFile> files,
      boolean evidencePhotoRequired) {}

  private final CaseMapper cases;
  private final OrganisationMapper organisation;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final OrganisationDirectory directory;
  private final Attachments attachments;
  private final CaseLifecycle lifecycle;
  private final RuntimeService runtimeService;

  public StaffCases(
      CaseMapper cases,
      OrganisationMapper organisation,
      IdentityService identityService,
      TaskService taskService,
      OrganisationDirectory directory,
      Attachments attachments,
      CaseLifecycle lifecycle,
      RuntimeService runtimeService) {
    this.attachments = attachments;
    this.lifecycle = lifecycle;
    this.runtimeService = runtimeService;
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
    CaseRecord record = inScope(caller, caseNo);
    List<OpenTask> openTasks = openTasks(record);
    boolean holdsATask = holdsATask(caller, openTasks);
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
        openTasks,
        attachments.ofCase(record.id()).stream().map(CaseFile::forStaff).toList(),
        evidencePhotoRequired(record));
  }

  /** A file of a case in the caller's scope: as it came (location data and all), or a thumbnail. */
  @Transactional(readOnly = true)
  public FileContent file(String caseNo, String fileId, boolean thumbnail) {
    CaseRecord record = inScope(caller(), caseNo);
    Attachment file = attachments.ofCase(record.id(), fileId);
    return thumbnail ? attachments.thumbnail(file) : attachments.original(file);
  }

  /**
   * 办理照片: photos (or documents) of the result, added by someone who holds an open task of the case,
   * kept with a staff timeline entry in one transaction.
   */
  @Transactional
  public List<CaseFile> addEvidence(String caseNo, List<ReceivedFile> files) {
    Authentication caller = caller();
    CaseRecord record = inScope(caller, caseNo);
    if (record.caseStatus() == CaseStatus.CLOSED || record.caseStatus() == CaseStatus.REJECTED) {
      throw Refusal.conflict(
          "case-finished",
          "事件已办结",
          "事件 " + caseNo + " 已" + record.caseStatus().label() + "，不能再上传办理照片");
    }
    if (!holdsATask(caller, openTasks(record))) {
      throw Refusal.forbidden("只有正在办理该事件的工作人员可以上传办理照片");
    }
    if (files.isEmpty()) {
      throw Refusal.invalid("files", "请选择要上传的照片");
    }
    attachments.checkCount(
        attachments.count(record.id(), AttachmentPurpose.EVIDENCE) + files.size(), "files");
    lifecycle.lock(record.id());
    List<Attachment> kept =
        attachments.keep(files, record.id(), AttachmentPurpose.EVIDENCE, caller.getUserId());
    lifecycle.noteInternal(record.id(), caller.getUserId(), "上传办理照片", "上传 " + kept.size() + " 个文件");
    return kept.stream().map(CaseFile::forStaff).toList();
  }

  private CaseRecord inScope(Authentication caller, String caseNo) {
    CaseRecord record = caseNo == null ? null : cases.findByNo(caseNo);
    CaseScope scope =
        CaseScope.of(caller.getGroupIds(), organisation, directory.countyWideGroups());
    if (record == null || scope.nothing() || cases.countInScope(scope, record.id()) == 0) {
      throw Refusal.notFound("没有编号为 " + caseNo + " 且属于您所在单位的事件");
    }
    return record;
  }

  private static boolean holdsATask(Authentication caller, List<OpenTask> openTasks) {
    Set<String> mine = new HashSet<>(caller.getGroupIds());
    return openTasks.stream()
        .anyMatch(
            task ->
                caller.getUserId().equals(task.assignee())
                    || task.candidateGroups().stream().anyMatch(mine::contains));
  }

  private boolean evidencePhotoRequired(CaseRecord record) {
    if (record.processInstanceId() == null) {
      return false;
    }
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      var variable =
          runtimeService
              .createVariableInstanceQuery()
              .processInstanceIdIn(record.processInstanceId())
              .variableName(CaseVariables.EVIDENCE_PHOTO)
              .singleResult();
      return variable != null && Boolean.TRUE.equals(variable.getValue());
    } finally {
      identityService.setAuthentication(caller);
    }
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
