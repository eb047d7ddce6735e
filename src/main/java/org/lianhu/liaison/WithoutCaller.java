package org.lianhu.liaison;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs the case intake as the public API does, not with the caller's Camunda rights: a head or a
 * grid worker may not start process instances in Camunda, only report through Lianhu.
 */
final class WithoutCaller {

  private WithoutCaller() {}

  static <T> T run(IdentityService identity, Supplier<T> work) {
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
