package org.lianhu.cases.steps;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.Deadline;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseNotices;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.lianhu.engine.DecisionTables;
import org.lianhu.notifications.NoticeEvent;
import org.lianhu.org.Community;
import org.lianhu.org.LiaisonUnit;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * 确定联户长: a case placed in a liaison unit that has a head with a login goes to that head first when
 * the table {@value #DECISION} marks its category and urgency as a small matter (小事不出户); every
 * other case goes straight to acceptance. The head's time limit counts from the report; the
 * community office is the deliberation meeting's seat (议事会) should the head refer the case.
 */
@Component("assignHead")
public class AssignHead implements JavaDelegate {

  public static final String DECISION = "inUnitMatters";

  private final DecisionTables decisionTables;
  private final OrganisationDirectory directory;
  private final CaseDeadlines deadlines;
  private final Cases cases;
  private final CaseLifecycle lifecycle;
  private final CountyClock clock;
  private final CaseNotices notices;

  public AssignHead(
      DecisionTables decisionTables,
      OrganisationDirectory directory,
      CaseDeadlines deadlines,
      Cases cases,
      CaseLifecycle lifecycle,
      CountyClock clock,
      CaseNotices notices) {
    this.notices = notices;
    this.decisionTables = decisionTables;
    this.directory = directory;
    this.deadlines = deadlines;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    CaseRecord record = cases.byId(caseId);
    LiaisonUnit unit =
        directory
            .liaisonUnit(record.liaisonUnitCode())
            .filter(u -> u.headUserId() != null)
            .orElse(null);
    boolean inUnit = unit != null && small(record.category(), record.urgency());
    execution.setVariable(CaseVariables.IN_UNIT, inUnit);
    if (!inUnit) {
      return;
    }
    Deadline due = deadlines.head(record.category(), record.urgency(), record.createdAt());
    execution.setVariable(CaseVariables.HEAD_USER, unit.headUserId());
    execution.setVariable(CaseVariables.UNIT_GROUP, unit.groupId());
    execution.setVariable(CaseVariables.HEAD_DUE, due.dueDate());
    execution.setVariable(CaseVariables.HEAD_WARN_AT, due.warnAtDate());
    // The street's centre coordinates and reviews a case that never passes through acceptance.
    execution.setVariable(
        CaseVariables.COORDINATOR_GROUP, directory.coordinatorGroup(record.streetCode()));
    execution.setVariable(
        CaseVariables.COUNCIL_GROUP,
        directory.community(record.communityCode()).map(Community::groupId).orElse(null));
    lifecycle.unitAssigned(
        caseId,
        due.due(),
        "由联户长" + unit.headName() + "（" + unit.name() + "）接单，时限 " + clock.minute(due.due()));
    notices.users(
        NoticeEvent.UNIT_CASE,
        caseId,
        List.of(unit.headUserId()),
        Map.of("due", clock.minute(due.due())));
  }

  private boolean small(String category, String urgency) {
    Map<String, Object> result =
        decisionTables.evaluate(
            DECISION,
            Variables.createVariables()
                .putValue("category", category)
                .putValue("urgency", urgency));
    return result != null && Boolean.TRUE.equals(result.get("inUnit"));
  }
}
