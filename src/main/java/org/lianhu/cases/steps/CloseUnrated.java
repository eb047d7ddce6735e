package org.lianhu.cases.steps;

import org.lianhu.cases.CaseLifecycle;
import org.springframework.stereotype.Component;

/** 默认结案: the rating window passed without a rating; the case closes unrated. */
@Component("closeUnrated")
public class CloseUnrated extends CloseCase {

  public CloseUnrated(CaseLifecycle lifecycle) {
    super(lifecycle);
  }

  @Override
  protected String remark() {
    return "评价期内未收到评价，按未评价结案";
  }
}
