package org.lianhu.cases;

import org.camunda.bpm.engine.IdentityService;
import org.lianhu.org.LiaisonHead;
import org.lianhu.org.OrganisationDirectory;
import org.lianhu.refusal.Refusal;
import org.lianhu.security.BasicLogin;
import org.springframework.stereotype.Component;

/**
 * Who may say who reported a case. Anyone reports as a resident; the other sources are claims that
 * count in the KPIs and route the case, so each needs its credential on {@code POST /api/cases}:
 *
 * <ul>
 *   <li>{@code grid_worker}: HTTP Basic of a staff member who is the worker of a grid;
 *   <li>{@code hotline}: HTTP Basic of a member of the county centre, which takes the 12345
 *       hotline's calls;
 *   <li>{@code liaison_head}: HTTP Basic of a liaison head; the case lies in the head's unit,
 *       whatever the body names;
 *   <li>{@code sensor}: only through {@code POST /api/alerts} with a device key.
 * </ul>
 */
@Component
public class ReportingSources {

  private final IdentityService identityService;
  private final OrganisationDirectory directory;

  public ReportingSources(IdentityService identityService, OrganisationDirectory directory) {
    this.identityService = identityService;
    this.directory = directory;
  }

  /**
   * Refuses a claimed source whose credential the request does not carry; the report as it is taken
   * in (a head's in the head's unit).
   */
  public ReportCaseRequest vouched(
      CaseSource source, String authorization, ReportCaseRequest request) {
    if (source == CaseSource.liaison_head) {
      LiaisonHead head =
          directory
              .headOf(signedIn(authorization))
              .orElseThrow(() -> Refusal.forbidden("来源 liaison_head 须由联户长账号登录上报"));
      return request.inUnit(head.unitCode());
    }
    check(source, authorization);
    return request;
  }

  private void check(CaseSource source, String authorization) {
    switch (source) {
      case resident -> {}
      case sensor -> throw Refusal.forbidden("来源 sensor 只能通过 POST /api/alerts（设备密钥）上报");
      case grid_worker -> {
        String user = signedIn(authorization);
        if (directory.gridOfWorker(user).isEmpty()) {
          throw Refusal.forbidden("来源 grid_worker 须由网格员账号登录上报");
        }
      }
      case hotline -> {
        String user = signedIn(authorization);
        if (identityService
                .createGroupQuery()
                .groupMember(user)
                .groupId(directory.countyCentreGroup())
                .count()
            == 0) {
          throw Refusal.forbidden("来源 hotline 须由县综治中心（12345 热线）账号登录上报");
        }
      }
      default -> throw Refusal.forbidden("未知的来源");
    }
  }

  private String signedIn(String authorization) {
    String user = BasicLogin.userOf(identityService, authorization);
    if (user == null) {
      throw unauthenticated();
    }
    return user;
  }

  private static Refusal unauthenticated() {
    return Refusal.unauthenticated("以居民以外的来源上报须登录（HTTP Basic）");
  }
}
