package org.lianhu.calendar;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock. Business timestamps use it too, so that a test that moves the engine clock to
 * fire a timer sees the timeline and the case row move with it.
 */
public final class EngineClock {

  private EngineClock() {}

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
