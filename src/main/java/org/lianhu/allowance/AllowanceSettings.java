package org.lianhu.allowance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The heads' monthly allowance in yuan (基础补贴 + 绩效奖励 + 荣誉津贴, ../shared/liaison-rules.md), each a
 * default: {@code lianhu.allowance.*}. The performance part is the amount of the latest final grade
 * plus the month's activities; formulas in docs/liaison-heads.md.
 */
@ConfigurationProperties("lianhu.allowance")
public record AllowanceSettings(
    @DefaultValue("200") int base,
    @DefaultValue("100") int excellent,
    @DefaultValue("60") int competent,
    @DefaultValue("30") int basic,
    @DefaultValue("0") int incompetent,
    @DefaultValue("20") int perActivity,
    @DefaultValue("40") int activitiesMax,
    @DefaultValue("100") int honour) {

  public AllowanceSettings {
    for (int amount :
        new int[] {
          base, excellent, competent, basic, incompetent, perActivity, activitiesMax, honour
        }) {
      if (amount < 0 || amount > 100_000) {
        throw new IllegalArgumentException(
            "lianhu.allowance amounts must be 0 to 100000 yuan: " + amount);
      }
    }
  }
}
