package org.lianhu.cases.steps;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lianhu.attachments.AttachmentPurpose;
import org.lianhu.attachments.Attachments;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.Deadline;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseExtension;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseReturn;
import org.lianhu.cases.CaseSettings;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.lianhu.cases.ClosureOutcome;
import org.lianhu.cases.ReturnReason;
import org.lianhu.engine.FormValues;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * What the lead handler's form asks for (办结, 退单, 延期) and what the centre decides about a return or
 * an extension: the checks that refuse a form Tasklist then shows, the record on the case, and the
 * variables the next step reads. Called by {@link RecordTaskOutcome} with the case row locked.
 */
@Component
public class HandlerRequests {

  static final String RESULT = "result";
  static final String RETURN = "return";
  static final String EXTEND = "extend";
  static final String UPHOLD = "uphold";
  static final String REDISPATCH = "redispatch";
  static final String APPROVE = "approve";
  static final String REFUSE = "refuse";

  private final CaseLifecycle lifecycle;
  private final Cases cases;
  private final OrganisationDirectory directory;
  private final CaseDeadlines deadlines;
  private final CaseSettings settings;
  private final CountyClock clock;
  private final Attachments attachments;

  public HandlerRequests(
      CaseLifecycle lifecycle,
      Cases cases,
      OrganisationDirectory directory,
      CaseDeadlines deadlines,
      CaseSettings settings,
      CountyClock clock,
      Attachments attachments) {
    this.attachments = attachments;
    this.lifecycle = lifecycle;
    this.cases = cases;
    this.directory = directory;
    this.deadlines = deadlines;
    this.settings = settings;
    this.clock = clock;
  }

  /** 处置: the lead office finishes the case, returns it, or asks for more time. */
  void handled(DelegateTask task, long caseId, String actor) {
    String action = CaseVariables.text(task, CaseVariables.HANDLE_ACTION);
    if (action == null) {
      action = RESULT;
    }
    lifecycle.officeActed(caseId);
    switch (action) {
      case RESULT -> finished(task, caseId, actor);
      case RETURN -> returned(task, caseId, actor);
      case EXTEND -> extensionAsked(task, caseId, actor);
      default -> throw new IllegalArgumentException("未知的办理方式: " + action);
    }
    task.getExecution().setVariable(CaseVariables.HANDLE_ACTION, action);
  }

  private void finished(DelegateTask task, long caseId, String actor) {
    String result = RecordTaskOutcome.required(task, CaseVariables.HANDLE_RESULT, "请填写处置结果");
    ClosureOutcome.of(CaseVariables.text(task, CaseVariables.CLOSURE_OUTCOME))
        .filter(ClosureOutcome::chosenByHandler)
        .orElseThrow(() -> new IllegalArgumentException("请选择办结方式"));
    if (Boolean.TRUE.equals(task.getVariable(CaseVariables.EVIDENCE_PHOTO))
        && attachments.count(caseId, AttachmentPurpose.EVIDENCE) == 0) {
      throw new IllegalArgumentException(
          "该类事件办结须有现场处置照片：请先在事件页面 "
              + CaseVariables.casePage(CaseVariables.text(task, CaseVariables.CASE_NO))
              + " 上传办理照片，再提交办结");
    }
    // The outcome goes on the feedback entry the reporter reads; the handler's entry is the result.
    lifecycle.stepDone(caseId, actor, "处置完成", result);
  }

  private void returned(DelegateTask task, long caseId, String actor) {
    ReturnReason reason =
        ReturnReason.of(CaseVariables.text(task, CaseVariables.RETURN_REASON))
            .orElseThrow(() -> new IllegalArgumentException("请选择退单理由"));
    String comment = RecordTaskOutcome.required(task, CaseVariables.RETURN_COMMENT, "请说明退单的具体情况");
    String office = CaseVariables.text(task, CaseVariables.HANDLER_GROUP);
    if (Boolean.TRUE.equals(task.getVariable(CaseVariables.RETURN_FINAL))) {
      throw new IllegalArgumentException("该事件的退单已由县级中心最终裁定，须按裁定办理，不能再退单");
    }
    if (office != null && office.equals(task.getVariable(CaseVariables.RETURN_UPHELD_GROUP))) {
      throw new IllegalArgumentException("本单位的退单已被驳回，须办理该事件；确需更多时间可申请延期");
    }
    Object since = task.getVariable(CaseVariables.HANDLING_SINCE);
    Instant now = EngineClock.now();
    if (!(since instanceof Date received)
        || now.isAfter(deadlines.returnWindowEnd(received.toInstant()))) {
      throw new IllegalArgumentException(
          "已超过退单时限（收到派单后 "
              + windowText(settings.returnWindow())
              + "内），不能退单；确有困难请申请延期，或办结时选择相应的办结方式并说明");
    }
    CaseRecord record = cases.byId(caseId);
    int returns = record.returnCount() + 1;
    // The second return of a case goes to the county centre, whose decision is final.
    String reviewer =
        returns >= 2
            ? directory.countyCentreGroup()
            : directory.coordinatorGroup(record.streetCode());
    String summary =
        directory.groupName(office) + "退单（第 " + returns + " 次）：" + reason.label() + "。" + comment;
    lifecycle.returned(
        new CaseReturn(
            caseId, office, record.departmentCode(), reason.name(), comment, actor, now, reviewer),
        reason.label() + "：" + comment + "；由" + directory.groupName(reviewer) + "裁定");
    task.getExecution().setVariable(CaseVariables.RETURN_REVIEW_GROUP, reviewer);
    task.getExecution().setVariable(CaseVariables.RETURN_SUMMARY, summary);
  }

  private void extensionAsked(DelegateTask task, long caseId, String actor) {
    CaseRecord record = cases.byId(caseId);
    // Every request counts, granted or not: a refused one is not asked again and again.
    int asked = cases.extensionRequests(caseId);
    if (asked >= settings.maxExtensions()) {
      throw new IllegalArgumentException(
          "该事件已申请延期 " + asked + " 次，延期申请次数已用完（最多 " + settings.maxExtensions() + " 次）");
    }
    Instant currentDue = record.handleDue();
    Instant requested =
        requestedDue(CaseVariables.text(task, CaseVariables.EXTENSION_DUE), currentDue);
    String reason = RecordTaskOutcome.required(task, CaseVariables.EXTENSION_REASON, "请填写延期理由");
    if (!requested.isAfter(currentDue)) {
      throw new IllegalArgumentException("延期后的处置时限须晚于当前时限 " + clock.minute(currentDue));
    }
    if (!deadlines.isWorkingDay(clock.day(requested))) {
      throw new IllegalArgumentException("延期后的处置时限须为工作日");
    }
    Instant latest = deadlines.latestExtension(currentDue, settings.maxExtensionWorkingDays());
    if (requested.isAfter(latest)) {
      throw new IllegalArgumentException(
          "最多可延期 " + settings.maxExtensionWorkingDays() + " 个工作日，即不晚于 " + clock.minute(latest));
    }
    String office = CaseVariables.text(task, CaseVariables.HANDLER_GROUP);
    lifecycle.extensionRequested(
        new CaseExtension(caseId, office, currentDue, requested, reason, actor, EngineClock.now()),
        "申请将处置时限由 " + clock.minute(currentDue) + " 延至 " + clock.minute(requested) + "：" + reason);
    task.getExecution().setVariable(CaseVariables.EXTENSION_REQUESTED_DUE, Date.from(requested));
    task.getExecution()
        .setVariable(
            CaseVariables.EXTENSION_SUMMARY,
            directory.groupName(office)
                + "申请延期至 "
                + clock.minute(requested)
                + "（当前时限 "
                + clock.minute(currentDue)
                + "）。理由："
                + reason);
  }

  /**
   * The date a form sends (Camunda Forms' date picker: {@code 2026-12-10}), due at the current
   * deadline's time of day; an API client may send a full date-time instead.
   */
  private Instant requestedDue(String value, Instant currentDue) {
    if (value == null) {
      throw new IllegalArgumentException("请选择延期后的处置时限");
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return day.atTime(clock.local(currentDue).toLocalTime()).atZone(clock.zone()).toInstant();
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException noOffset) {
        return LocalDateTime.parse(value).atZone(clock.zone()).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("延期后的处置时限格式不正确: " + value);
    }
  }

  /** 退单审核: the centre upholds the dispatch or names another lead (and co-handlers). */
  void returnReviewed(DelegateTask task, long caseId, String actor) {
    String decision = RecordTaskOutcome.required(task, CaseVariables.RETURN_DECISION, "请选择裁定结论");
    String comment =
        RecordTaskOutcome.required(task, CaseVariables.RETURN_REVIEW_COMMENT, "请填写裁定意见，处置单位将看到该意见");
    String office = CaseVariables.text(task, CaseVariables.HANDLER_GROUP);
    boolean byCounty =
        directory.countyCentreGroup().equals(task.getVariable(CaseVariables.RETURN_REVIEW_GROUP));
    switch (decision) {
      case UPHOLD -> {
        lifecycle.returnDecided(caseId, actor, UPHOLD, "退单裁定：驳回退单，由原单位办理", comment);
        task.getExecution().setVariable(CaseVariables.RETURN_UPHELD_GROUP, office);
      }
      case REDISPATCH -> {
        String lead =
            RecordTaskOutcome.required(task, CaseVariables.RETURN_LEAD_GROUP, "改派须选择新的牵头部门");
        if (!directory.isDepartmentOffice(lead)) {
          throw new IllegalArgumentException("牵头部门无效: " + lead);
        }
        if (lead.equals(office)) {
          throw new IllegalArgumentException("改派须选择其他部门；由原单位办理请选择驳回退单");
        }
        List<String> coHandlers =
            FormValues.groups(task.getVariable(CaseVariables.RETURN_CO_HANDLER_GROUPS));
        for (String coHandler : coHandlers) {
          if (!directory.isDepartmentOffice(coHandler)) {
            throw new IllegalArgumentException("协办部门无效: " + coHandler);
          }
        }
        lifecycle.returnDecided(
            caseId, actor, REDISPATCH, "退单裁定：改派" + directory.groupName(lead), comment);
      }
      default -> throw new IllegalArgumentException("未知的裁定结论: " + decision);
    }
    if (byCounty) {
      task.getExecution().setVariable(CaseVariables.RETURN_FINAL, true);
    }
    task.getExecution().setVariable(CaseVariables.HANDLE_ACTION, RESULT);
  }

  /** 延期审批: approved, the case's deadline moves (the timers follow in applyExtension). */
  void extensionReviewed(DelegateTask task, long caseId, String actor) {
    String decision = RecordTaskOutcome.required(task, CaseVariables.EXTENSION_DECISION, "请选择审批结论");
    String comment = CaseVariables.text(task, CaseVariables.EXTENSION_REVIEW_COMMENT);
    switch (decision) {
      case APPROVE -> {
        Date requested = (Date) task.getVariable(CaseVariables.EXTENSION_REQUESTED_DUE);
        Instant newDue = requested.toInstant();
        lifecycle.extensionApproved(caseId, actor, newDue, "经街道批准，处置时限延至 " + clock.minute(newDue));
        Deadline extended = deadlines.extended(EngineClock.now(), newDue);
        task.getExecution().setVariable(CaseVariables.HANDLE_DUE, extended.dueDate());
        task.getExecution().setVariable(CaseVariables.HANDLE_WARN_AT, extended.warnAtDate());
      }
      case REFUSE -> {
        if (comment == null) {
          throw new IllegalArgumentException("不批准延期须说明理由，处置单位将看到该理由");
        }
        lifecycle.extensionRefused(caseId, actor, comment);
      }
      default -> throw new IllegalArgumentException("未知的审批结论: " + decision);
    }
    task.getExecution().setVariable(CaseVariables.HANDLE_ACTION, RESULT);
  }

  private static String windowText(Duration window) {
    return window.toMinutesPart() == 0
        ? window.toHours() + " 个工作小时"
        : window.toMinutes() + " 个工作分钟";
  }
}
