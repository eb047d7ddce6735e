package org.lianhu.security;

import org.camunda.bpm.engine.IdentityService;
import org.lianhu.web.Requests;

/**
 * A staff login sent as an HTTP Basic {@code Authorization} header, checked against Camunda's
 * users.
 */
public final class BasicLogin {

  private BasicLogin() {}

  /**
   * The user the header names when its password is right; null for a missing, malformed or wrong
   * one.
   */
  public static String userOf(IdentityService identityService, String authorization) {
    String[] credentials = Requests.basicCredentials(authorization);
    return credentials != null && identityService.checkPassword(credentials[0], credentials[1])
        ? credentials[0]
        : null;
  }
}
