package org.lianhu.cases.steps;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.Deadline;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseNotices;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.lianhu.engine.DecisionTables;
import org.lianhu.engine.FormValues;
import org.lianhu.notifications.NoticeEvent;
import org.lianhu.org.DepartmentOffice;
import org.lianhu.org.OrganisationDirectory;
import org.springframework.stereotype.Component;

/**
 * 派单: the DMN table {@code caseRouting} names the responsible and the supervising department; this
 * delegate finds the office of that department serving the case's street. A category the table does
 * not route, or a department without an office there, goes to the street coordination centre
 * instead.
 */
@Component("routeCase")
public class RouteCase implements JavaDelegate {

  public static final String DECISION = "caseRouting";
  static final String SINGLE = "single";
  static final String COORDINATE = "coordinate";
  static final String MEDIATION = "mediation";

  private final DecisionTables decisionTables;
  private final OrganisationDirectory directory;
  private final CaseDeadlines deadlines;
  private final Cases cases;
  private final CaseLifecycle lifecycle;
  private final CountyClock clock;
  private final CaseNotices notices;

  public RouteCase(
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
    // Category, street and urgency from the case row, which only the case's own steps change.
    CaseRecord record = cases.byId(caseId);
    String category = record.category();
    String street = record.streetCode();
    Map<String, Object> inputs =
        Variables.createVariables().putValue("category", category).putValue("streetCode", street);
    Map<String, Object> route = decisionTables.evaluate(DECISION, inputs);
    if (route == null) {
      throw new IllegalStateException(DECISION + " has no rule for " + category + "/" + street);
    }
    String department = (String) route.get("department");
    String supervising = (String) route.get("supervisingDepartment");
    String routing = (String) route.get("routing");

    String handlerGroup =
        directory.officeFor(department, street).map(DepartmentOffice::groupId).orElse(null);
    if (SINGLE.equals(routing) && handlerGroup == null) {
      routing = COORDINATE;
    }
    String coordinatorGroup = directory.coordinatorGroup(street);
    String copyGroup =
        directory.officeFor(supervising, street).map(DepartmentOffice::groupId).orElse(null);
    String supervisorGroup = copyGroup == null ? coordinatorGroup : copyGroup;
    Deadline handling = deadlines.handling(category, record.urgency(), EngineClock.now());

    execution.setVariable(CaseVariables.DEPARTMENT, department);
    execution.setVariable(CaseVariables.SUPERVISING_DEPARTMENT, supervising);
    execution.setVariable(CaseVariables.ROUTING, routing);
    execution.setVariable(
        CaseVariables.EVIDENCE_PHOTO, Boolean.TRUE.equals(route.get(CaseVariables.EVIDENCE_PHOTO)));
    execution.setVariable(CaseVariables.HANDLER_GROUP, handlerGroup);
    execution.setVariable(CaseVariables.COORDINATOR_GROUP, coordinatorGroup);
    execution.setVariable(CaseVariables.SUPERVISOR_GROUP, supervisorGroup);
    execution.setVariable(CaseVariables.CO_HANDLER_GROUPS, FormValues.groupList(List.of()));
    execution.setVariable(
        CaseVariables.DEPARTMENT_OPTIONS, FormValues.options(directory.departmentOptions(street)));
    execution.setVariable(CaseVariables.DISPATCHED, true);
    execution.setVariable(CaseVariables.HANDLE_DUE, handling.dueDate());
    execution.setVariable(CaseVariables.HANDLE_WARN_AT, handling.warnAtDate());
    // Copied once: a case routed again (reopened after an on-the-spot fix) keeps its first copy.
    boolean copyNow = copyGroup != null && record.copyGroup() == null;
    execution.setVariable(CaseVariables.COPY_TO_GROUP, copyNow ? copyGroup : null);
    if (copyNow) {
      lifecycle.copied(caseId, copyGroup);
    }
    execution.setVariable(CaseVariables.HANDLING_SINCE, Date.from(EngineClock.now()));
    var dispatch =
        new CaseLifecycle.Dispatch(
            department,
            supervising,
            handlerGroup,
            handling.due(),
            handlerGroup == null ? null : deadlines.officeResponse(EngineClock.now()));

    String due = "处置时限 " + clock.minute(handling.due());
    String copied = supervising == null ? "" : "，抄送" + directory.groupName(supervisorGroup);
    if (MEDIATION.equals(routing)) {
      lifecycle.dispatched(caseId, dispatch, "派单", "矛盾纠纷，转入三级调解" + copied);
    } else if (COORDINATE.equals(routing)) {
      lifecycle.dispatched(
          caseId,
          dispatch,
          "转街道协调",
          "由" + directory.groupName(coordinatorGroup) + "确定牵头部门" + copied + "；" + due);
    } else {
      lifecycle.dispatched(
          caseId, dispatch, "派单", "派至" + directory.groupName(handlerGroup) + copied + "；" + due);
    }
    if (copyNow) {
      notices.groups(NoticeEvent.CASE_COPIED, caseId, List.of(copyGroup), Map.of());
    }
  }
}
