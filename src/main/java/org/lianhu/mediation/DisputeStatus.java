package org.lianhu.mediation;

/** Where a dispute stands, as the parties see it. */
public enum DisputeStatus {
  MEDIATING("调解中"),
  AGREED("协议履行中"),
  RESOLVED("调解成功"),
  WITHDRAWN("已撤回"),
  GUIDED("已引导诉讼或仲裁");

  private final String label;

  DisputeStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
