package org.lianhu.posts;

import static org.lianhu.posts.SelectionVariables.*;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lianhu.engine.FormValues;
import org.lianhu.engine.TaskActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners processes/liaison-head-selection.bpmn names; the work is {@link
 * Selection}'s. Form fields are mapped into each task's own scope (so a form never shows the last
 * task's answer); what a gateway or a later step needs is set on the process instance.
 */
@Configuration
class SelectionSteps {

  static long postId(VariableScope scope) {
    return ((Number) scope.getVariable(POST_ID)).longValue();
  }

  private static long longOf(VariableScope scope, String name) {
    return ((Number) scope.getVariable(name)).longValue();
  }

  @Bean
  TaskListener offerCandidates(Selection selection) {
    return task ->
        task.getExecution()
            .setVariable(OPTIONS, FormValues.options(selection.options(postId(task))));
  }

  @Bean
  TaskListener candidateChosen(Selection selection, IdentityService identity) {
    return task -> {
      Candidate chosen = selection.choosable(postId(task), task.getVariable(CHOSEN_CANDIDATE));
      task.getExecution().setVariable(CHOSEN_ID, chosen.id());
      task.getExecution().setVariable(CHOSEN_BY, TaskActor.of(identity, task));
    };
  }

  @Bean
  JavaDelegate startNotice(Selection selection) {
    return execution -> {
      Selection.NoticeStarted notice =
          selection.startNotice(
              postId(execution),
              longOf(execution, CHOSEN_ID),
              (String) execution.getVariable(CHOSEN_BY));
      execution.setVariable(NOTICE_ENDS_AT, Date.from(notice.endsAt()));
      execution.setVariable(CHOSEN_NAME, notice.chosenName());
      execution.setVariable(CHOSEN_SUMMARY, notice.summary());
    };
  }

  @Bean
  TaskListener candidateReviewed(Selection selection, Posts posts, IdentityService identity) {
    return task -> {
      selection.review(
          longOf(task, CANDIDATE_ID),
          task.getVariable(REVIEW_RESULT),
          task.getVariable(REVIEW_NOTE),
          TaskActor.of(identity, task));
      // The pool is the community's: every post being chosen for sees the new candidate.
      posts.refreshOptions(selection.post(postId(task)).communityCode());
    };
  }

  @Bean
  TaskListener objectionAnswered(Selection selection, IdentityService identity) {
    return task ->
        task.getExecution()
            .setVariable(
                OBJECTION_UPHELD,
                selection.answer(
                    longOf(task, OBJECTION_ID),
                    task.getVariable(ANSWER_UPHELD),
                    task.getVariable(ANSWER_TEXT),
                    TaskActor.of(identity, task)));
  }

  @Bean
  JavaDelegate noticeEnded(Selection selection) {
    return execution -> selection.noticeEnded(postId(execution));
  }

  @Bean
  TaskListener appointDecided(Selection selection, IdentityService identity) {
    return task -> {
      String actor = TaskActor.of(identity, task);
      boolean appointed =
          selection.appointDecision(
              postId(task),
              task.getVariable(APPOINT_DECISION),
              task.getVariable(APPOINT_NOTE),
              actor);
      task.getExecution().setVariable(APPOINTED, appointed);
      task.getExecution().setVariable(APPOINTED_BY, actor);
    };
  }

  @Bean
  JavaDelegate grantHead(Selection selection) {
    return execution ->
        selection.appoint(postId(execution), (String) execution.getVariable(APPOINTED_BY));
  }

  @Bean
  JavaDelegate returnToNomination(Selection selection) {
    return execution -> selection.returnToNomination(postId(execution));
  }

  @Bean
  JavaDelegate remindVacancy(Selection selection) {
    return execution -> selection.remind(postId(execution));
  }

  @Bean
  JavaDelegate escalateVacancy(Selection selection) {
    return execution ->
        execution.setVariable("stillNominating", selection.escalate(postId(execution)));
  }

  @Bean
  TaskListener vacancySupervised(Selection selection, IdentityService identity) {
    return task ->
        selection.supervised(
            postId(task), task.getVariable(SUPERVISE_NOTE), TaskActor.of(identity, task));
  }
}
