package org.lianhu.org;

import java.math.BigDecimal;

/** 网格: the patrol area of one grid worker, with the address keywords and the box that locate it. */
public record Grid(
    String code,
    String communityCode,
    String name,
    String groupId,
    String workerUserId,
    String addressKeywords,
    BigDecimal minLat,
    BigDecimal maxLat,
    BigDecimal minLng,
    BigDecimal maxLng) {

  boolean contains(BigDecimal lat, BigDecimal lng) {
    return minLat != null
        && maxLat != null
        && minLng != null
        && maxLng != null
        && lat.compareTo(minLat) >= 0
        && lat.compareTo(maxLat) < 0
        && lng.compareTo(minLng) >= 0
        && lng.compareTo(maxLng) < 0;
  }
}
