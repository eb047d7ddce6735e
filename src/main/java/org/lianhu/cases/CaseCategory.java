package org.lianhu.cases;

/** 事件类别: what kind of issue a report is; the routing and deadline tables key on {@link #code}. */
public record CaseCategory(String code, String name, Integer sortOrder, Boolean active) {}
