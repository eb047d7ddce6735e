package org.lianhu.mediation;

/**
 * 风险标识. Violence, many parties and a risk of petitioning make a dispute high-risk: it starts at the
 * county centre and the police are alerted. Emotional distress adds psychological counselling.
 */
public enum RiskFlag {
  violence("有暴力倾向", true),
  many_parties("涉及人数众多", true),
  petition_risk("有越级上访风险", true),
  emotional("当事人情绪激动", false);

  private final String label;
  private final boolean highRisk;

  RiskFlag(String label, boolean highRisk) {
    this.label = label;
    this.highRisk = highRisk;
  }

  public String label() {
    return label;
  }

  public boolean highRisk() {
    return highRisk;
  }
}
