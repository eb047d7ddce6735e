package org.lianhu.mediation;

import java.time.Instant;
import java.util.List;
import org.lianhu.timeline.PublicTimeline;

/**
 * The parties' view of a dispute: status, tier, agreement and the public timeline, names masked.
 */
public record DisputeView(
    String disputeNo,
    String type,
    String typeName,
    String description,
    String address,
    String status,
    String statusName,
    int tier,
    String tierName,
    List<PartyView> parties,
    Instant registeredAt,
    Instant agreementAt,
    String agreementTerms,
    String confirmationResult,
    String guidance,
    Instant closedAt,
    String fromCaseNo,
    List<PublicTimeline.Step> timeline) {

  public record PartyView(String role, String roleName, String name) {}
}
