package org.lianhu.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs work as Lianhu itself, without the caller's Camunda authentication, and restores it after:
 * the case intake started for a head or a grid worker (who may not start process instances in
 * Camunda), the organisation's identity writes for a county administrator.
 */
public final class WithoutCaller {

  private WithoutCaller() {}

  public static <T> T run(IdentityService identity, Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
