package org.lianhu.cases;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * 重复诉求: the open cases a new report may repeat, for the acceptor to merge it into, and the
 * reporter's own open case that a report adds nothing to. Same category, and either within {@code
 * lianhu.cases.duplicate-distance} when both have coordinates or at the same normalised address
 * within {@code lianhu.cases.duplicate-window}.
 */
@Service
public class DuplicateCases {

  static final int LIMIT = 10;
  private static final double EARTH_METRES = 6_371_000;
  private static final double METRES_PER_DEGREE = Math.PI * EARTH_METRES / 180;

  /** Open: reported, dispatched, awaiting the rating, in street review. */
  static final Set<CaseStatus> OPEN = EnumSet.complementOf(EnumSet.copyOf(CaseStatus.FINISHED));

  private final CaseMapper cases;
  private final CaseSettings settings;

  public DuplicateCases(CaseMapper cases, CaseSettings settings) {
    this.cases = cases;
    this.settings = settings;
  }

  /** The open cases {@code report} may repeat, newest first. */
  public List<CaseRecord> candidates(CaseRecord report) {
    return candidates(
        report.id(),
        report.category(),
        report.addressKey(),
        report.latitude(),
        report.longitude(),
        report.createdAt());
  }

  List<CaseRecord> candidates(
      long excludeId,
      String category,
      String addressKey,
      BigDecimal latitude,
      BigDecimal longitude,
      Instant at) {
    double metres = settings.duplicateDistanceMetres();
    BigDecimal[] box = box(latitude, longitude, metres);
    Instant since = at.minus(settings.duplicateWindow());
    return cases
        .findDuplicateCandidates(
            category,
            excludeId,
            addressKey == null ? "" : addressKey,
            since,
            box == null ? null : box[0],
            box == null ? null : box[1],
            box == null ? null : box[2],
            box == null ? null : box[3],
            OPEN,
            LIMIT * 5)
        .stream()
        .filter(
            c ->
                (addressKey != null
                        && addressKey.equals(c.addressKey())
                        && !c.createdAt().isBefore(since))
                    || (latitude != null
                        && c.latitude() != null
                        && distance(latitude, longitude, c.latitude(), c.longitude()) <= metres))
        .limit(LIMIT)
        .toList();
  }

  /**
   * The reporter's own open case that a new report repeats with nothing new: same phone, a
   * duplicate by place, and a description the earlier one already says.
   */
  public CaseRecord ownRepeat(
      String phone,
      String category,
      String addressKey,
      BigDecimal latitude,
      BigDecimal longitude,
      String description,
      Instant at) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    String said = textKey(description);
    return candidates(-1, category, addressKey, latitude, longitude, at).stream()
        .filter(c -> phone.equals(c.reporterPhone()))
        .filter(c -> said.isEmpty() || textKey(c.description()).contains(said))
        .findFirst()
        .orElse(null);
  }

  static String textKey(String text) {
    String key = AddressKeys.of(text);
    return key == null ? "" : key;
  }

  /** Great-circle distance in metres (haversine). */
  static double distance(BigDecimal lat1, BigDecimal lon1, BigDecimal lat2, BigDecimal lon2) {
    double p1 = Math.toRadians(lat1.doubleValue());
    double p2 = Math.toRadians(lat2.doubleValue());
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2.doubleValue() - lon1.doubleValue());
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** [minLat, maxLat, minLon, maxLon] around a point, or null without coordinates. */
  static BigDecimal[] box(BigDecimal latitude, BigDecimal longitude, double metres) {
    if (latitude == null || longitude == null) {
      return null;
    }
    double dLat = metres / METRES_PER_DEGREE;
    double cos = Math.max(0.01, Math.cos(Math.toRadians(latitude.doubleValue())));
    double dLon = dLat / cos;
    return new BigDecimal[] {
      latitude.subtract(BigDecimal.valueOf(dLat)).setScale(7, RoundingMode.FLOOR),
      latitude.add(BigDecimal.valueOf(dLat)).setScale(7, RoundingMode.CEILING),
      longitude.subtract(BigDecimal.valueOf(dLon)).setScale(7, RoundingMode.FLOOR),
      longitude.add(BigDecimal.valueOf(dLon)).setScale(7, RoundingMode.CEILING)
    };
  }
}
