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
      @Param("reportId") long reportId,
      @Param("unitCode") String unitCode,
      @Param("householdCode") String householdCode,
      @Param("category") String category,
      @Param("text") String text,
      @Param("urgency") String urgency,
      @Param("createdAt") Instant createdAt);

  int linkCase(@Param("id") long id, @Param("caseNo") String caseNo);

  ResidentNeed need(@Param("id") long id);

  NeedsReport reportOf(@Param("unitCode") String unitCode, @Param("weekStart") LocalDate weekStart);

  List<ResidentNeed> needsOfReport(@Param("reportId") long reportId);

  List<MissingReport> missingReports(
      @Param("streetCode") String streetCode,
      @Param("week") LocalDate week,
      @Param("weekBefore") LocalDate weekBefore);
}
