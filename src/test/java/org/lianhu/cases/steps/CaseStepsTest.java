package org.lianhu.cases.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianhu.calendar.CountyClock;
import org.lianhu.calendar.Deadline;
import org.lianhu.cases.CaseDeadlines;
import org.lianhu.cases.CaseLifecycle;
import org.lianhu.cases.CaseNotices;
import org.lianhu.cases.CaseRecord;
import org.lianhu.cases.CaseVariables;
import org.lianhu.cases.Cases;
import org.lianhu.engine.DecisionTables;
import org.lianhu.org.DepartmentOffice;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.support.MockExecutions;
import org.mockito.ArgumentCaptor;

/**
 * The case-loop delegates as adapters, without an engine or a database: what they read from the
 * case and the organisation, what they set on the process, and which {@link CaseLifecycle} step
 * they call.
 */
class CaseStepsTest {

  private static final long CASE_ID = 42;
  private static final Instant DUE = Instant.parse("2026-12-03T09:00:00Z");
  private static final Instant OFFICE_DUE = Instant.parse("2026-12-01T09:00:00Z");
  private static final Deadline HANDLING = new Deadline(DUE.minusSeconds(3600), DUE);

  private final DecisionTables decisionTables = mock(DecisionTables.class);
  private final OrganisationDirectory directory = mock(OrganisationDirectory.class);
  private final CaseDeadlines deadlines = mock(CaseDeadlines.class);
  private final Cases cases = mock(Cases.class);
  private final CaseLifecycle lifecycle = mock(CaseLifecycle.class);
  private final CaseNotices notices = mock(CaseNotices.class);
  private final Map<String, Object> variables = new HashMap<>();
  private final DelegateExecution execution = MockExecutions.of("2026-000042", variables);

  @BeforeEach
  void aCaseOnDongcheng() {
    when(cases.byId(CASE_ID)).thenReturn(record("streetlight", "dongcheng"));
    when(deadlines.handling(eq("streetlight"), eq("normal"), any())).thenReturn(HANDLING);
    when(deadlines.officeResponse(any())).thenReturn(OFFICE_DUE);
    when(directory.coordinatorGroup("dongcheng")).thenReturn("dongchengCentre");
    when(directory.departmentOptions("dongcheng")).thenReturn(List.of());
    when(directory.groupName(anyString())).thenAnswer(call -> "名称:" + call.getArgument(0));
  }

  @Test
  void routingDispatchesToTheOfficeTheDecisionTableNamesAndCopiesTheSupervisor() {
    route("urban", "supervision", RouteCase.SINGLE);
    when(directory.officeFor("urban", "dongcheng"))
        .thenReturn(Optional.of(office("urban", "dongchengUrban")));
    when(directory.officeFor("supervision", "dongcheng"))
        .thenReturn(Optional.of(office("supervision", "dongchengSup")));

    routeCase().execute(execution);

    assertThat(variables)
        .containsEntry(CaseVariables.ROUTING, RouteCase.SINGLE)
        .containsEntry(CaseVariables.HANDLER_GROUP, "dongchengUrban")
        .containsEntry(CaseVariables.SUPERVISOR_GROUP, "dongchengSup")
        .containsEntry(CaseVariables.DISPATCHED, true);
    ArgumentCaptor<CaseLifecycle.Dispatch> dispatch =
        ArgumentCaptor.forClass(CaseLifecycle.Dispatch.class);
    verify(lifecycle).dispatched(eq(CASE_ID), dispatch.capture(), eq("派单"), anyString());
    assertThat(dispatch.getValue())
        .isEqualTo(
            new CaseLifecycle.Dispatch("urban", "supervision", "dongchengUrban", DUE, OFFICE_DUE));
  }

  @Test
  void aSingleDepartmentWithoutAnOfficeInTheStreetGoesToTheStreetCentre() {
    route("water", null, RouteCase.SINGLE);
    when(directory.officeFor(eq("water"), eq("dongcheng"))).thenReturn(Optional.empty());
    when(directory.officeFor(eq(null), eq("dongcheng"))).thenReturn(Optional.empty());

    routeCase().execute(execution);

    assertThat(variables)
        .containsEntry(CaseVariables.ROUTING, RouteCase.COORDINATE)
        .containsEntry(CaseVariables.SUPERVISOR_GROUP, "dongchengCentre");
    verify(lifecycle).dispatched(eq(CASE_ID), any(), eq("转街道协调"), anyString());
  }

  @Test
  void aCategoryTheDecisionTableDoesNotCoverStopsTheStepInsteadOfDispatchingNowhere() {
    when(decisionTables.evaluate(eq(RouteCase.DECISION), anyMap())).thenReturn(null);

    assertThatThrownBy(() -> routeCase().execute(execution))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("streetlight/dongcheng");
  }

  @Test
  void reopeningCountsTheRoundRenewsTheDeadlineAndBringsAMediationCaseBackToTheStreet() {
    variables.put(CaseVariables.REOPEN_COUNT, 1);
    variables.put(CaseVariables.ROUTING, RouteCase.MEDIATION);
    variables.put(CaseVariables.RATING, "unsatisfied");

    new ReopenCase(cases, lifecycle, deadlines).execute(execution);

    assertThat(variables)
        .containsEntry(CaseVariables.REOPEN_COUNT, 2)
        .containsEntry(CaseVariables.ROUTING, RouteCase.COORDINATE)
        .containsEntry(CaseVariables.HANDLE_DUE, HANDLING.dueDate())
        .doesNotContainKey(CaseVariables.RATING);
    verify(lifecycle).reopened(CASE_ID, 2, DUE);
  }

  @Test
  void rejectingPassesTheAcceptorsReasonToTheLifecycle() {
    variables.put(CaseVariables.REJECT_REASON, "  不属于受理范围  ");

    new RejectCase(lifecycle).execute(execution);

    verify(lifecycle).rejected(CASE_ID, "不属于受理范围");
  }

  private RouteCase routeCase() {
    return new RouteCase(
        decisionTables,
        directory,
        deadlines,
        cases,
        lifecycle,
        new CountyClock("Asia/Shanghai"),
        notices);
  }

  private void route(String department, String supervising, String routing) {
    Map<String, Object> result = new HashMap<>();
    result.put("department", department);
    result.put("supervisingDepartment", supervising);
    result.put("routing", routing);
    when(decisionTables.evaluate(eq(RouteCase.DECISION), anyMap())).thenReturn(result);
  }

  private static DepartmentOffice office(String department, String group) {
    return new DepartmentOffice(1L, group, department, "dongcheng", "办公室", group);
  }

  private static CaseRecord record(String category, String street) {
    return new CaseRecord(
        CASE_ID,
        "2026-000042",
        "TESTCODE",
        null,
        null,
        category,
        "路灯不亮",
        "和平里东街1号",
        BigDecimal.ONE,
        BigDecimal.ONE,
        null,
        "hepingli1",
        "hepingli",
        street,
        "normal",
        "张三",
        "13800000000",
        "resident",
        "DISPATCHED",
        null,
        null,
        null,
        "pi",
        0,
        false,
        null,
        null,
        null,
        null,
        Instant.parse("2026-12-01T01:00:00Z"),
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        null);
  }
}
