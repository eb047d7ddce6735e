package org.lianhu.mediation;

/** 纠纷类型. */
public enum DisputeType {
  neighbour("邻里纠纷"),
  property_management("物业纠纷"),
  land("土地纠纷"),
  family("婚姻家庭纠纷"),
  public_service("公共服务纠纷"),
  other("其他纠纷");

  private final String label;

  DisputeType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
