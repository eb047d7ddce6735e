package org.lianhu.cases;

/** 紧急程度 of a report; emergencies get minutes, not days. */
public enum Urgency {
  normal("一般"),
  urgent("紧急"),
  emergency("特急");

  private final String label;

  Urgency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
