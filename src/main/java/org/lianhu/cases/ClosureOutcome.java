package org.lianhu.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a handled case ended (办结方式), chosen by the handler and shown to the reporter. The resolution
 * rate counts {@link #resolved} among the cases closed with one of the four handling outcomes
 * (docs/kpis.md); a case handed to mediation is measured by the mediation's own rates.
 */
public enum ClosureOutcome {
  resolved("已解决"),
  partly("部分解决"),
  explained("未能解决，已向上报人说明"),
  redirected("不属于政府职责，已告知办理渠道"),
  mediation("已转矛盾纠纷调解");

  private final String label;

  ClosureOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The four a handler may choose; mediation is set by the hand-over itself. */
  public boolean chosenByHandler() {
    return this != mediation;
  }

  public static Optional<ClosureOutcome> of(String code) {
    return Arrays.stream(values()).filter(o -> o.name().equals(code)).findFirst();
  }
}
