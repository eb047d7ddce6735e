package org.lianhu.mediation;

/** A party's place in the dispute. */
public enum PartyRole {
  applicant("申请人"),
  respondent("被申请人"),
  other("其他当事人");

  private final String label;

  PartyRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
