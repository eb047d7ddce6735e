package org.lianhu.orgadmin;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Who may administer the organisation: members of Camunda's administrators group or of a department
 * whose role is {@code administration} in the organisation data. Everyone else gets a 403.
 */
@Component
class AdminAccess {

  private final IdentityService identity;
  private final OrganisationDirectory directory;

  AdminAccess(IdentityService identity, OrganisationDirectory directory) {
    this.identity = identity;
    this.directory = directory;
  }

  /** The administrator's user id; refuses anyone else. */
  String require() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw Refusal.unauthenticated("组织机构管理需要登录");
    }
    Set<String> administrators = directory.administratorGroups();
    if (caller.getGroupIds() == null
        || caller.getGroupIds().stream().noneMatch(administrators::contains)) {
      throw Refusal.forbidden("仅县级管理员可管理组织机构");
    }
    return caller.getUserId();
  }
}
