package org.lianhu.liaison;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The visits' statements; {@link Visits} is the one class that writes through them. */
@Mapper
interface VisitMapper {

  void insertVisit(VisitRow row);

  boolean anyVisit();

  int insertVisitMonth(
      @Param("householdCode") String householdCode,
      @Param("unitCode") String unitCode,
      @Param("monthStart") LocalDate monthStart);

  List<LastVisit> lastVisits(@Param("unitCode") String unitCode);

  List<Visit> visitsOfUnit(
      @Param("unitCode") String unitCode, @Param("from") LocalDate from, @Param("to") LocalDate to);

  List<Unvisited> unvisitedInStreet(
      @Param("streetCode") String streetCode, @Param("monthStart") LocalDate monthStart);

  /** {@code level} and {@code name} are {@link CoverageLevel}'s columns, never a caller's text. */
  List<Coverage> coverage(
      @Param("level") String level,
      @Param("name") String name,
      @Param("monthStart") LocalDate monthStart,
      @Param("streetCode") String streetCode,
      @Param("communityCode") String communityCode,
      @Param("gridCode") String gridCode);
}
