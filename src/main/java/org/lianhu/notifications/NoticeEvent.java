package org.lianhu.notifications;

/** What a message is about; each has its template ({@code notification_template}). */
public enum NoticeEvent {
  CASE_ACCEPTED("已受理"),
  CASE_DISPATCHED("已派单"),
  CASE_EXTENDED("延期"),
  CASE_RESULT("结果反馈"),
  CASE_CLOSED("已结案"),
  TASK_ASSIGNED("新的待办"),
  STAGE_YELLOW("临期预警"),
  STAGE_RED("超期"),
  SUPERVISE_RED("超期督办"),
  CASE_COPIED("抄送"),
  UNIT_CASE("联户内新事件");

  private final String label;

  NoticeEvent(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
