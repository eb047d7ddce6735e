package org.lianhu.cases;

import java.util.Arrays;
import java.util.Optional;

/** Why a handling office returns a dispatched case (退单理由, 接诉即办条例第十二条). */
public enum ReturnReason {
  notOurDuty("不属于本单位职责"),
  wrongLocation("事发地点不在本单位辖区"),
  duplicate("与其他事件重复"),
  needsOthers("需其他部门共同处置");

  private final String label;

  ReturnReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ReturnReason> of(String code) {
    return Arrays.stream(values()).filter(r -> r.name().equals(code)).findFirst();
  }
}
