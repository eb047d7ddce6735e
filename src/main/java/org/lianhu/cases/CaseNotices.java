package org.lianhu.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.calendar.CountyClock;
import org.lianhu.notifications.NoticeEvent;
import org.lianhu.notifications.NotificationSettings;
import org.lianhu.notifications.Outbox;
import org.lianhu.notifications.Recipient;
import org.lianhu.notifications.Recipients;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.privacy.Masking;
import org.springframework.stereotype.Component;

/**
 * Who hears of a case's steps, and with which facts: the reporter (受理, 派单, 延期, 结果, 结案), the
 * handling office when it receives the case, the holders of a stage's tasks at yellow and red, the
 * supervisor at red, the copied office at dispatch and the liaison head of a new in-unit case. The
 * messages go into the outbox in the step's own transaction. The facts are the case's, with the
 * reporter's name and phone masked as the tracking page masks them; no message carries a tracking
 * code.
 */
@Component
public class CaseNotices {

  private final Outbox outbox;
  private final Recipients recipients;
  private final CaseMapper cases;
  private final CountyClock clock;
  private final OrganisationDirectory directory;
  private final NotificationSettings settings;
  private final TaskService taskService;

  CaseNotices(
      Outbox outbox,
      Recipients recipients,
      CaseMapper cases,
      CountyClock clock,
      OrganisationDirectory directory,
      NotificationSettings settings,
      TaskService taskService) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.cases = cases;
    this.clock = clock;
    this.directory = directory;
    this.settings = settings;
    this.taskService = taskService;
  }

  /** Keeps the e-mail address a reporter gave, for the messages about their case. */
  public void remember(long caseId, String email) {
    outbox.remember(Recipient.reporterInbox(caseId), email);
  }

  /** Tells the case's reporter. */
  public void reporter(NoticeEvent event, long caseId, Map<String, String> facts) {
    CaseRecord record = cases.findById(caseId);
    tellReporter(event, record, values(record, facts));
  }

  /**
   * 派单: the reporter hears where the case went; the office that received it, of its new task. One
   * read of the case for both.
   */
  void dispatched(long caseId, String handlerGroup, Instant handleDue) {
    CaseRecord record = cases.findById(caseId);
    Map<String, String> values = values(record, Map.of());
    tellReporter(NoticeEvent.CASE_DISPATCHED, record, values);
    if (handlerGroup != null) {
      Map<String, String> task = new HashMap<>(values);
      task.put("taskName", "处置");
      task.put("due", minute(handleDue));
      outbox.tell(
          NoticeEvent.TASK_ASSIGNED,
          caseId,
          record.caseNo(),
          recipients.ofGroups(List.of(handlerGroup)),
          task);
    }
  }

  private void tellReporter(NoticeEvent event, CaseRecord record, Map<String, String> values) {
    Recipient reporter =
        recipients.reporter(
            record.id(), Masking.name(record.reporterName()), record.reporterPhone());
    outbox.tell(event, record.id(), record.caseNo(), List.of(reporter), values);
  }

  /** Tells the staff of these groups. */
  public void groups(
      NoticeEvent event, long caseId, List<String> groups, Map<String, String> facts) {
    CaseRecord record = cases.findById(caseId);
    outbox.tell(event, caseId, record.caseNo(), recipients.ofGroups(groups), values(record, facts));
  }

  /** Tells these users (staff or a unit's head). */
  public void users(NoticeEvent event, long caseId, List<String> users, Map<String, String> facts) {
    CaseRecord record = cases.findById(caseId);
    List<Recipient> people = new ArrayList<>();
    users.forEach(user -> people.addAll(recipients.ofUser(user)));
    outbox.tell(event, caseId, record.caseNo(), people, values(record, facts));
  }

  /** Tells who holds these tasks: each assignee, else the members of each candidate group. */
  public void holders(NoticeEvent event, long caseId, List<Task> tasks, Map<String, String> facts) {
    Set<String> users = new LinkedHashSet<>();
    Set<String> groups = new LinkedHashSet<>();
    for (Task task : tasks) {
      if (task.getAssignee() != null) {
        users.add(task.getAssignee());
        continue;
      }
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if ("candidate".equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    CaseRecord record = cases.findById(caseId);
    List<Recipient> people = new ArrayList<>(recipients.ofGroups(List.copyOf(groups)));
    users.forEach(user -> people.addAll(recipients.ofUser(user)));
    outbox.tell(event, caseId, record.caseNo(), people, values(record, facts));
  }

  public String minute(Instant instant) {
    return instant == null ? "" : clock.minute(instant);
  }

  private Map<String, String> values(CaseRecord record, Map<String, String> facts) {
    Map<String, String> values = new HashMap<>();
    CaseCategory category = cases.category(record.category());
    values.put("caseNo", record.caseNo());
    values.put("categoryName", category == null ? record.category() : category.name());
    values.put("address", record.address());
    values.put("reportedAt", minute(record.createdAt()));
    values.put("handleDue", minute(record.handleDue()));
    values.put(
        "handlerName",
        record.handlerGroup() == null ? "街道协调中心" : directory.groupName(record.handlerGroup()));
    values.put("reporterName", Masking.name(record.reporterName()));
    values.put("reporterPhone", Masking.phone(record.reporterPhone()));
    values.put("result", record.result() == null ? "" : record.result());
    values.put(
        "outcomeName", ClosureOutcome.of(record.outcome()).map(ClosureOutcome::label).orElse(""));
    values.put("link", settings.baseUrl() + "/report/#/track?no=" + record.caseNo());
    values.put("staffLink", settings.baseUrl() + CaseVariables.casePage(record.caseNo()));
    values.putAll(facts);
    return values;
  }
}
