package org.lianhu.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Read-only queries of the heads' KPIs; the columns are {@link UnitKpis}' own, never a caller's.
 */
@Mapper
interface UnitKpiMapper {

  List<InUnitCases> inUnitCases(
      @Param("column") String column,
      @Param("from") Instant from,
      @Param("to") Instant to,
      @Param("withinColumn") String withinColumn,
      @Param("within") String within);

  List<WeekFiling> reports(
      @Param("column") String column,
      @Param("weeks") List<LocalDate> weeks,
      @Param("withinColumn") String withinColumn,
      @Param("within") String within);
}
