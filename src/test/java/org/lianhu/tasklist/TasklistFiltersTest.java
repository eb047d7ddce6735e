package org.lianhu.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lianhu.cases.CaseLoopTestSupport;
import org.lianhu.cases.CaseReceipt;
import org.lianhu.support.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared Tasklist filters find, for the logged-in user, what their names promise. */
@EngineTest
class TasklistFiltersTest extends CaseLoopTestSupport {

  @Autowired private FilterService filterService;

  private List<String> taskIds(String filterName, String userId) {
    Filter filter = filterService.createTaskFilterQuery().filterName(filterName).singleResult();
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(group -> group.getId())
            .toList();
    identityService.setAuthentication(userId, groups);
    try {
      List<Task> tasks = filterService.list(filter.getId());
      return tasks.stream().map(Task::getId).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theFourFiltersExistForEveryone() {
    assertThat(filterService.createTaskFilterQuery().list())
        .extracting(Filter::getName)
        .contains(
            TasklistFilters.MINE,
            TasklistFilters.MY_UNIT,
            TasklistFilters.DUE_SOON,
            TasklistFilters.OVERDUE,
            TasklistFilters.COPIED);
  }

  @Test
  void myTasksMyUnitsTasksDueSoonAndOverdueEachFindTheirTasks() {
    CaseReceipt receipt = reportCase("sanitation", "normal", "和平里东街50号");
    completeAs("wangli", openTask(receipt, "acceptCase"), Map.of("acceptDecision", "dispatch"));
    Task handle = openTask(receipt, "handleCase");
    CaseReceipt waiting = reportCase("sanitation", "normal", "和平里东街51号");
    Task accept = openTask(waiting, "acceptCase");

    assertThat(taskIds(TasklistFilters.MINE, "wangli"))
        .contains(accept.getId())
        .doesNotContain(handle.getId());
    assertThat(taskIds(TasklistFilters.MY_UNIT, "hanxue"))
        .contains(handle.getId())
        .doesNotContain(accept.getId());
    assertThat(taskIds(TasklistFilters.OVERDUE, "wangli")).doesNotContain(accept.getId());
    // The supervising department's copy is listed under 抄送本部门, not among its work.
    Task copy = openTask(receipt, "acknowledgeCopy");
    assertThat(taskIds(TasklistFilters.COPIED, "duchao")).contains(copy.getId());
    assertThat(taskIds(TasklistFilters.MY_UNIT, "duchao")).doesNotContain(copy.getId());
    assertThat(taskIds(TasklistFilters.COPIED, "hanxue")).doesNotContain(copy.getId());

    // 23 hours later the 24-hour response limit is near: due soon. Two hours more and it has
    // passed.
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(23))));
    assertThat(taskIds(TasklistFilters.DUE_SOON, "wangli")).contains(accept.getId());
    ClockUtil.setCurrentTime(
        Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(2))));
    assertThat(taskIds(TasklistFilters.OVERDUE, "wangli")).contains(accept.getId());
    assertThat(taskIds(TasklistFilters.DUE_SOON, "wangli")).doesNotContain(accept.getId());
    assertThat(taskIds(TasklistFilters.OVERDUE, "hanxue")).doesNotContain(accept.getId());
  }
}
