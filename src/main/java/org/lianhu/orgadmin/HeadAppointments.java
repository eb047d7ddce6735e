package org.lianhu.orgadmin;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A liaison head's post as the organisation records it: vacated when the head leaves, filled when
 * the street appoints a successor. Each is an edit of the unit through {@link OrganisationEdits},
 * so the same rules, audit, task hand-over and Camunda identity apply as to an administrator's
 * edit, in the caller's transaction: the new head's login, unit group and heads' group exist the
 * moment the appointment commits.
 */
@Service
public class HeadAppointments {

  private final OrganisationEdits edits;

  HeadAppointments(OrganisationEdits edits) {
    this.edits = edits;
  }

  /**
   * 空缺: the unit has no head from now on; the former head's login goes and their tasks pass to the
   * grid worker ({@code org.HeadChanged}).
   */
  @Transactional
  public void vacate(String unitCode, String actor) {
    Map<String, String> fields = new HashMap<>();
    fields.put("headUserId", null);
    fields.put("headName", null);
    fields.put("headPhone", null);
    edits.change(OrgKind.UNITS, unitCode, fields, actor);
  }

  /**
   * 聘任: the unit's new head gets a login with a password nobody knows, which the community office
   * sets with {@link #setPassword} and hands to the head in person.
   */
  @Transactional
  public void appoint(String unitCode, String userId, String name, String phone, String actor) {
    Map<String, String> fields = new HashMap<>();
    fields.put("headUserId", userId);
    fields.put("headName", name);
    fields.put("headPhone", phone);
    edits.change(OrgKind.UNITS, unitCode, fields, actor);
  }

  /** A new password for the unit's head. */
  @Transactional
  public void setPassword(String unitCode, String password, String actor) {
    edits.resetHeadPassword(unitCode, password, actor);
  }
}
