package org.lianhu.cases.steps;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.Deadline;
import org.lianhu.calendar.EngineClock;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.lianhu.cases.DuplicateCases;
import org.lianhu.engine.FormValues;
import org.lianhu.org.Community;
import org.lianhu.org.Grid;
import org.lianhu.org.Option;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.org.Placement;
import org.springframework.stereotype.Component;

/**
 * 确定受理人: the grid worker of the case's grid accepts it; without a grid the community office, the
 * street centre or, for an unknown place, the county centre. The response time limit counts from
 * the moment of the report, or from the moment the liaison head passed the case up.
 */
@Component("assignAcceptor")
public class AssignAcceptor implements JavaDelegate {

  private final OrganisationDirectory directory;
  private final CaseDeadlines deadlines;
  private final Cases cases;
  private final CaseLifecycle lifecycle;
  private final CountyClock clock;
  private final DuplicateCases duplicates;

  public AssignAcceptor(
      OrganisationDirectory directory,
      CaseDeadlines deadlines,
      Cases cases,
      CaseLifecycle lifecycle,
      CountyClock clock,
      DuplicateCases duplicates) {
    this.duplicates = duplicates;
    this.directory = directory;
    this.deadlines = deadlines;
    this.cases = cases;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long caseId = CaseVariables.caseId(execution);
    // The community and grid are read from the case row, not copied into process variables: only
    // the
    // acceptance needs them.
    CaseRecord record = cases.byId(caseId);
    Placement placement =
        new Placement(record.streetCode(), record.communityCode(), record.gridCode());
    // A grid without an active worker (none named, or the worker retired) is served by its
    // community office; a retired grid is no grid at all.
    var grid = directory.grid(placement.gridCode()).filter(g -> g.workerUserId() != null);
    String acceptorUser = grid.map(Grid::workerUserId).orElse(null);
    String acceptorGroup =
        grid.map(Grid::groupId)
            .or(() -> directory.community(placement.communityCode()).map(Community::groupId))
            .orElseGet(() -> directory.coordinatorGroup(placement.streetCode()));

    // After the liaison head (passed up, referred on, or out of time) the limit starts afresh.
    boolean fromUnit = Boolean.TRUE.equals(execution.getVariable(CaseVariables.IN_UNIT));
    Deadline response =
        deadlines.response(
            record.category(), record.urgency(), fromUnit ? EngineClock.now() : record.createdAt());
    execution.setVariable(CaseVariables.ACCEPTOR_USER, acceptorUser);
    execution.setVariable(CaseVariables.ACCEPTOR_GROUP, acceptorGroup);
    execution.setVariable(
        CaseVariables.ACCEPT_SUPERVISOR_GROUP, directory.acceptanceSupervisorGroup(placement));
    execution.setVariable(
        CaseVariables.COORDINATOR_GROUP, directory.coordinatorGroup(placement.streetCode()));
    execution.setVariable(CaseVariables.RESPONSE_DUE, response.dueDate());
    execution.setVariable(CaseVariables.RESPONSE_WARN_AT, response.warnAtDate());
    offerDuplicates(execution, record);
    lifecycle.acceptanceAssigned(
        caseId,
        response.due(),
        "由" + directory.groupName(acceptorGroup) + "受理，响应时限 " + clock.minute(response.due()));
  }

  /**
   * The open cases this report may repeat, for the acceptor to merge it into (set only when there
   * are some: each variable is a row per case).
   */
  private void offerDuplicates(DelegateExecution execution, CaseRecord record) {
    List<CaseRecord> candidates = duplicates.candidates(record);
    if (candidates.isEmpty()) {
      return;
    }
    List<Option> options = new ArrayList<>();
    StringBuilder summary = new StringBuilder();
    for (CaseRecord c : candidates) {
      String line =
          c.caseNo()
              + " · "
              + c.caseStatus().label()
              + " · "
              + c.address()
              + " · "
              + clock.minute(c.createdAt());
      options.add(new Option(line, c.caseNo()));
      summary.append(line).append("\n  ").append(abbreviate(c.description())).append('\n');
    }
    execution.setVariable(CaseVariables.DUPLICATE_OPTIONS, FormValues.options(options));
    execution.setVariable(CaseVariables.DUPLICATE_SUMMARY, summary.toString().strip());
  }

  private static String abbreviate(String text) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return flat.length() > 60 ? flat.substring(0, 60) + "…" : flat;
  }
}
