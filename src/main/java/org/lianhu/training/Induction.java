package org.lianhu.training;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.lianhu.calendar.CountyClock;
import org.lianhu.engine.WithoutCaller;
import org.lianhu.org.Community;
import org.lianhu.org.LiaisonUnit;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.posts.HeadTerm;
import org.lianhu.posts.TermEnded;
import org.lianhu.posts.TermStarted;
import org.lianhu.posts.Terms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Every new head's induction (processes/head-induction.bpmn), started with their term: a reminder
 * to the head before it is due, the community office told when it is overdue. Attending a session
 * of an induction course ends it ({@link Training#attend}); a term that ends stops it.
 */
@Configuration
class Induction {

  static final String PROCESS_KEY = "headInduction";
  static final String COMPLETED_MESSAGE = "InductionCompleted";
  static final String REMINDER = "初任培训提醒";

  private final RuntimeService runtime;
  private final IdentityService identity;
  private final OrganisationDirectory directory;
  private final Terms terms;
  private final TrainingSettings settings;
  private final CountyClock clock;

  Induction(
      RuntimeService runtime,
      IdentityService identity,
      OrganisationDirectory directory,
      Terms terms,
      TrainingSettings settings,
      CountyClock clock) {
    this.runtime = runtime;
    this.identity = identity;
    this.directory = directory;
    this.terms = terms;
    this.settings = settings;
    this.clock = clock;
  }

  static String businessKey(long termId) {
    return "term" + termId;
  }

  @EventListener
  void termStarted(TermStarted started) {
    if (!started.appointed()) {
      return;
    }
    Instant due = clock.local(clock.now()).plusDays(settings.inductionDays()).toInstant();
    Instant remindAt = clock.local(due).minusDays(settings.inductionReminderDays()).toInstant();
    LiaisonUnit unit = directory.liaisonUnit(started.unitCode()).orElseThrow();
    Map<String, Object> variables = new HashMap<>();
    variables.put("termId", started.termId());
    variables.put("headUser", started.headUserId());
    variables.put("headName", terms.term(started.termId()).headName());
    variables.put("unitName", unit.name());
    variables.put(
        "communityGroup",
        directory.community(started.communityCode()).map(Community::groupId).orElseThrow());
    variables.put("inductionReminderAt", Date.from(remindAt));
    variables.put("inductionDue", Date.from(due));
    variables.put("inductionDueText", clock.minute(due));
    WithoutCaller.run(
        identity,
        () ->
            runtime.startProcessInstanceByKey(
                PROCESS_KEY, businessKey(started.termId()), variables));
  }

  @EventListener
  void termEnded(TermEnded ended) {
    WithoutCaller.run(
        identity,
        () -> {
          runtime
              .createProcessInstanceQuery()
              .processDefinitionKey(PROCESS_KEY)
              .processInstanceBusinessKey(businessKey(ended.termId()))
              .list()
              .forEach(p -> runtime.deleteProcessInstance(p.getId(), "联户长已离任"));
          return null;
        });
  }

  /** A task in the head's Tasklist and on their page: induction is due on the date. */
  @Bean
  JavaDelegate remindInduction(TaskService tasks) {
    return execution -> {
      HeadTerm term = terms.term(((Number) execution.getVariable("termId")).longValue());
      Date due = (Date) execution.getVariable("inductionDue");
      Task task = tasks.newTask();
      task.setName(REMINDER + "（" + clock.minute(due.toInstant()).substring(0, 10) + "前）");
      task.setAssignee(term.headUserId());
      task.setDescription("新任联户长须在任职后 " + settings.inductionDays() + " 天内完成初任培训。请向社区报名参加最近一期初任培训。");
      task.setDueDate(due);
      tasks.saveTask(task);
    };
  }

  @Bean
  TaskListener inductionOverdueNoted() {
    return task -> {
      Object note = task.getVariable("overdueNote");
      if (note == null || note.toString().isBlank()) {
        throw new IllegalArgumentException("请填写补训安排");
      }
      if (note.toString().length() > 500) {
        throw new IllegalArgumentException("补训安排不超过500字");
      }
    };
  }
}
