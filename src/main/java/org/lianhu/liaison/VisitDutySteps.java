package org.lianhu.liaison;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.engine.FormValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates processes/visit-reminder.bpmn and visit-supervision.bpmn names; the work is {@link
 * VisitDuties}'.
 */
@Configuration
class VisitDutySteps {

  static final String STREETS = "streets";
  static final String STREET = "streetCode";

  static final String NEXT_RUN_AT = "nextRunAt";

  @Bean
  JavaDelegate scheduleVisitReminder(VisitDuties duties) {
    return execution -> execution.setVariable(NEXT_RUN_AT, Date.from(duties.nextReminderAt()));
  }

  @Bean
  JavaDelegate scheduleVisitSupervision(VisitDuties duties) {
    return execution -> execution.setVariable(NEXT_RUN_AT, Date.from(duties.nextSupervisionAt()));
  }

  @Bean
  JavaDelegate scheduleNeedsReportCheck(VisitDuties duties) {
    return execution -> execution.setVariable(NEXT_RUN_AT, Date.from(duties.nextNeedsCheckAt()));
  }

  @Bean
  JavaDelegate superviseNeedsReports(VisitDuties duties) {
    return execution -> duties.superviseNeedsReports(street(execution));
  }

  /** Each month is an instance of its own: the one that ends starts the next month's. */
  @Bean
  JavaDelegate startNextVisitDuty(VisitDuties duties) {
    return execution ->
        duties.startNext(
            execution
                .getProcessEngineServices()
                .getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId())
                .getKey());
  }

  @Bean
  JavaDelegate visitDutyStreets(VisitDuties duties) {
    // JSON, not Java serialization: the engine refuses to deserialise Java objects it did not
    // write.
    return execution -> execution.setVariable(STREETS, FormValues.groupList(duties.streets()));
  }

  @Bean
  JavaDelegate remindHeadsOfVisits(VisitDuties duties) {
    return execution -> duties.remindHeads(street(execution));
  }

  @Bean
  JavaDelegate superviseVisitCoverage(VisitDuties duties) {
    return execution -> duties.superviseGrids(street(execution));
  }

  private static String street(DelegateExecution execution) {
    return (String) execution.getVariable(STREET);
  }
}
