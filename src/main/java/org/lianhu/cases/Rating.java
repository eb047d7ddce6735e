package org.lianhu.cases;

import java.util.EnumSet;
import java.util.Set;

/** 评价: the reporter's verdict on the result. Only {@link #unsatisfied} sends the case back. */
public enum Rating {
  satisfied("满意"),
  basically_satisfied("基本满意"),
  unsatisfied("不满意");

  /** The ratings that count as satisfied in the KPIs. */
  public static final Set<Rating> SATISFIED = EnumSet.of(satisfied, basically_satisfied);

  private final String label;

  Rating(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
