package org.lianhu.cases;

import org.lianhu.org.Location;

/**
 * A report as intake takes it, from whichever channel: the staff and resident API, Open311 or a
 * sensor. {@code reporterPhone} and {@code deviceId} are null where the channel has none.
 */
public record CaseReport(
    String category,
    String description,
    Location location,
    Urgency urgency,
    String reporterName,
    String reporterPhone,
    CaseSource source,
    String deviceId,
    String mediaUrl) {}
