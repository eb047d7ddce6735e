package org.lianhu.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.lianhu.cases.CaseVariables;
import org.lianhu.mediation.MediationVariables;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every caseworker starts from. They are expressions over the logged-in
 * user, so one set serves every role: a grid worker sees their grid's cases, a department handler
 * their office's. Created once; a filter an administrator has edited since is left alone. Runs at
 * every start, from {@link org.lianhu.startup.StartupSync}, under the start-up lock.
 */
@Component
public class TasklistFilters {

  static final String MINE = "我的待办";
  static final String MY_UNIT = "本部门待办";
  static final String DUE_SOON = "即将超期";
  static final String OVERDUE = "已超期";
  static final String COPIED = "抄送本部门";

  /** 抄送知悉 tasks have this priority; the work filters start above it. */
  static final int COPY_PRIORITY = 10;

  private static final String ME = "${currentUser()}";
  private static final String MY_GROUPS = "${currentUserGroups()}";

  private final FilterService filterService;
  private final TaskService taskService;

  public TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  public void ensureFilters() {
    create(
        MINE,
        -10,
        "#2b7bb9",
        "分配给我本人的任务",
        taskService.createTaskQuery().taskAssigneeExpression(ME).orderByTaskPriority().desc());
    create(
        MY_UNIT,
        -5,
        "#3a9d5d",
        "我所在网格、社区、街道或部门的待认领任务",
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression(MY_GROUPS)
            .taskMinPriority(COPY_PRIORITY + 1)
            .orderByTaskPriority()
            .desc());
    create(
        DUE_SOON,
        0,
        "#e0a800",
        "24 小时内到期的本人或本部门任务（黄色预警）",
        mineOrMyUnit()
            .dueAfterExpression("${now()}")
            .dueBeforeExpression("${dateTime().plusHours(24).toDate()}")
            .orderByDueDate()
            .asc());
    create(
        OVERDUE,
        5,
        "#c0392b",
        "已超过时限的本人或本部门任务（红色督办）",
        mineOrMyUnit().dueBeforeExpression("${now()}").orderByDueDate().asc());
    create(
        COPIED,
        10,
        "#7d5ba6",
        "派单时抄送本部门监督的事件（知悉，可填写督办意见）",
        mineOrMyUnit().taskDefinitionKey("acknowledgeCopy").orderByTaskCreateTime().desc());
  }

  private TaskQuery mineOrMyUnit() {
    return taskService
        .createTaskQuery()
        .or()
        .taskAssigneeExpression(ME)
        .taskCandidateGroupInExpression(MY_GROUPS)
        .endOr();
  }

  private void create(
      String name, int priority, String color, String description, TaskQuery query) {
    if (filterService.createTaskFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put(
        "variables",
        List.of(
            Map.of("name", CaseVariables.CASE_NO, "label", "事件编号"),
            Map.of("name", MediationVariables.DISPUTE_NO, "label", "纠纷编号"),
            Map.of("name", CaseVariables.CATEGORY_NAME, "label", "类别"),
            Map.of("name", MediationVariables.DISPUTE_TYPE_NAME, "label", "纠纷类型"),
            Map.of("name", CaseVariables.URGENCY_NAME, "label", "紧急程度"),
            Map.of("name", MediationVariables.TIER_NAME, "label", "调解层级"),
            Map.of("name", CaseVariables.ADDRESS, "label", "地点")));
    Filter filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
    filterService.saveFilter(filter);
  }
}
