package org.lianhu.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.engine.FormValues;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Street;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * processes/evaluation-round.bpmn: on the first day of each quarter at 09:00 county time, the
 * quarter that ended is evaluated, one job per street; each round starts the next. The time is
 * computed here in the county's zone, never by the engine.
 */
@Configuration
public class EvaluationRound {

  static final String PROCESS_KEY = "evaluationRound";

  private final RuntimeService runtime;
  private final CountyClock clock;

  EvaluationRound(RuntimeService runtime, CountyClock clock) {
    this.runtime = runtime;
    this.clock = clock;
  }

  /** Starts the round unless it runs; called at start under the start-up lock. */
  public void ensureRunning() {
    if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count() == 0) {
      runtime.startProcessInstanceByKey(PROCESS_KEY, PROCESS_KEY);
    }
  }

  /** The next quarter's first day, 09:00 county time. */
  Instant nextRunAt() {
    LocalDate next = Quarters.start(clock.today()).plusMonths(3);
    return next.atTime(LocalTime.of(9, 0)).atZone(clock.zone()).toInstant();
  }

  @Bean
  JavaDelegate scheduleEvaluationRound() {
    return execution -> execution.setVariable("nextRunAt", Date.from(nextRunAt()));
  }

  @Bean
  JavaDelegate evaluationStreets(OrganisationDirectory directory) {
    return execution -> {
      execution.setVariable(
          "streets", FormValues.groupList(directory.streets().stream().map(Street::code).toList()));
      execution.setVariable("quarterStart", Quarters.previousStart(clock.today()).toString());
    };
  }

  @Bean
  JavaDelegate startEvaluations(Evaluations evaluations) {
    return execution ->
        evaluations.openForStreet(
            (String) execution.getVariable("streetCode"),
            LocalDate.parse((String) execution.getVariable("quarterStart")));
  }

  @Bean
  JavaDelegate startNextEvaluationRound() {
    return execution -> runtime.startProcessInstanceByKey(PROCESS_KEY, PROCESS_KEY);
  }
}
