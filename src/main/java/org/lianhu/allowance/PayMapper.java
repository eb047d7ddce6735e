package org.lianhu.allowance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The pay sheets' statements; {@link PaySheets} is the one class that writes through them. */
@Mapper
interface PayMapper {

  void insertSheet(Map<String, Object> row);

  PaySheet sheet(@Param("id") long id);

  PaySheet sheetOf(@Param("streetCode") String streetCode, @Param("month") String month);

  List<PaySheet> finalSheets(
      @Param("streetCode") String streetCode,
      @Param("from") String fromMonth,
      @Param("before") String beforeMonth,
      @Param("status") String status);

  void recomputed(@Param("id") long id, @Param("at") Instant at, @Param("by") String by);

  int approve(
      @Param("id") long id,
      @Param("by") String by,
      @Param("at") Instant at,
      @Param("status") String status,
      @Param("from") String from);

  void deleteLines(@Param("sheetId") long sheetId);

  void insertLine(PayLine line);

  List<PayLine> lines(@Param("sheetId") long sheetId);

  /** The lines for a month of a term on final sheets, or on the sheet being drawn up. */
  List<PayLine> linesFor(
      @Param("termId") long termId,
      @Param("forMonth") String forMonth,
      @Param("sheetId") long sheetId,
      @Param("status") String status);

  List<PayLine> finalLinesOfHead(
      @Param("headUserId") String headUserId, @Param("status") String status);
}
