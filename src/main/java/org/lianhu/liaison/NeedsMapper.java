package org.lianhu.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The weekly reports' statements; {@link NeedsReports} is the one class that writes through them.
 */
@Mapper
interface NeedsMapper {

  void insertReport(Map<String, Object> row);

  void insertNeed(
      @Param("reportId") Long reportId,
      @Param("unitCode") String unitCode,
      @Param("householdCode") String householdCode,
      @Param("category") String category,
      @Param("text") String text,
      @Param("urgency") String urgency,
      @Param("createdAt") Instant createdAt,
      @Param("visitId") Long visitId);

  /** The unit's needs found on visits from {@code from} on that no report lists yet. */
  List<ResidentNeed> visitNeedsUnreported(
      @Param("unitCode") String unitCode, @Param("from") Instant from, @Param("to") Instant to);

  int attachToReport(
      @Param("reportId") long reportId,
      @Param("unitCode") String unitCode,
      @Param("from") Instant from,
      @Param("to") Instant to);

  /** The needs of a grid's units, newest first; only those not yet a case when {@code open}. */
  List<ResidentNeed> needsOfGrid(
      @Param("gridCode") String gridCode, @Param("open") boolean open, @Param("limit") int limit);

  int linkCase(@Param("id") long id, @Param("caseNo") String caseNo);

  ResidentNeed need(@Param("id") long id);

  NeedsReport reportOf(@Param("unitCode") String unitCode, @Param("weekStart") LocalDate weekStart);

  List<ResidentNeed> needsOfReport(@Param("reportId") long reportId);

  List<MissingReport> missingReports(
      @Param("streetCode") String streetCode,
      @Param("week") LocalDate week,
      @Param("weekBefore") LocalDate weekBefore);
}
