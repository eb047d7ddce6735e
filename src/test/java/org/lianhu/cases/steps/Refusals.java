package org.lianhu.cases.steps;

/** A refusal thrown from Lianhu's own code, as a listener throws it, for tests elsewhere. */
public final class Refusals {

  private Refusals() {}

  public static IllegalArgumentException sample(String message) {
    try {
      throw new IllegalArgumentException(message);
    } catch (IllegalArgumentException e) {
      return e;
    }
  }
}
