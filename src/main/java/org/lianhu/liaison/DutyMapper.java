package org.lianhu.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Read-only statements for a head's archive ({@link HeadDuties}). */
@Mapper
interface DutyMapper {
  List<LocalDate> visitDays(
      @Param("headUserId") String headUserId,
      @Param("unitCode") String unitCode,
      @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  List<HeadDuties.WeekFiled> reports(
      @Param("headUserId") String headUserId,
      @Param("unitCode") String unitCode,
      @Param("from") LocalDate from,
      @Param("to") LocalDate to);

  int inUnitCases(
      @Param("unitCode") String unitCode,
      @Param("from") Instant from,
      @Param("to") Instant to,
      @Param("outcome") String outcome);
}
