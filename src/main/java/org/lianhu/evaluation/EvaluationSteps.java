package org.lianhu.evaluation;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lianhu.calendar.CountyClock;
import org.lianhu.engine.TaskActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners processes/liaison-head-evaluation.bpmn names; the work is {@link
 * Evaluations}'. Form fields are mapped into each task's own scope; what a gateway needs is set on
 * the instance.
 */
@Configuration
class EvaluationSteps {

  static long evaluationId(VariableScope scope) {
    return ((Number) scope.getVariable("evaluationId")).longValue();
  }

  @Bean
  JavaDelegate collectEvaluationFigures(Evaluations evaluations) {
    return execution -> {
      Evaluation e = evaluations.evaluation(evaluationId(execution));
      execution.setVariable("figuresText", Evaluations.figuresText(e));
      execution.setVariable("suggestedScore", String.valueOf(e.suggestedScore()));
    };
  }

  @Bean
  TaskListener organisationScored(Evaluations evaluations, IdentityService identity) {
    return task ->
        evaluations.score(
            evaluationId(task),
            task.getVariable("organisationScore"),
            task.getVariable("organisationNote"),
            TaskActor.of(identity, task));
  }

  @Bean
  JavaDelegate gradeHead(Evaluations evaluations, CountyClock clock) {
    return execution -> {
      Evaluation e = evaluations.grade(evaluationId(execution));
      execution.setVariable("appealClosesAt", Date.from(e.appealClosesAt()));
      execution.setVariable(
          "resultText",
          "总分 "
              + e.totalScore()
              + "（群众评议 "
              + (e.residentScore() == null
                  ? "无"
                  : e.residentScore() + "，" + e.residentRatings() + " 户")
              + "；组织考核 "
              + e.organisationScore()
              + "），等次："
              + Grade.of(e.grade()).orElseThrow().label());
    };
  }

  @Bean
  TaskListener appealDecided(Evaluations evaluations, IdentityService identity) {
    return task ->
        evaluations.appealDecided(
            evaluationId(task),
            task.getVariable("appealDecision"),
            task.getVariable("revisedGrade"),
            task.getVariable("appealNote"),
            TaskActor.of(identity, task));
  }

  @Bean
  JavaDelegate finaliseEvaluation(Evaluations evaluations) {
    return execution -> {
      boolean removal = evaluations.finalise(evaluationId(execution));
      execution.setVariable("removalDue", removal);
      if (removal) {
        Evaluation e = evaluations.evaluation(evaluationId(execution));
        execution.setVariable(
            "removalText",
            Quarters.label(e.quarter()) + "考核不称职，为本年度第二次不称职（" + e.totalScore() + " 分）");
      }
    };
  }

  @Bean
  TaskListener removalDecided(Evaluations evaluations, IdentityService identity) {
    return task -> {
      boolean remove =
          evaluations.removalDecided(
              evaluationId(task),
              task.getVariable("removalDecision"),
              task.getVariable("removalNote"));
      task.getExecution().setVariable("removalConfirmed", remove);
      task.getExecution().setVariable("removalBy", TaskActor.of(identity, task));
    };
  }

  @Bean
  JavaDelegate removeHead(Evaluations evaluations) {
    return execution ->
        evaluations.remove(evaluationId(execution), (String) execution.getVariable("removalBy"));
  }
}
