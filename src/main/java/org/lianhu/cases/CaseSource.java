package org.lianhu.cases;

/** 来源: who or what reported the case. */
public enum CaseSource {
  resident("居民"),
  liaison_head("联户长"),
  grid_worker("网格员"),
  hotline("热线"),
  sensor("感知设备");

  private final String label;

  CaseSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
