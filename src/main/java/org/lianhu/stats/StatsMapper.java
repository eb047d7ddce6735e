package org.lianhu.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface StatsMapper {

  /** {@code groupColumn} and {@code period} come from fixed whitelists, never from the request. */
  List<KpiRow> kpis(@Param("groupColumn") String groupColumn, @Param("period") String period,
      @Param("from") Instant from, @Param("to") Instant to);

  List<OpenCase> openCases(@Param("limit") int limit);

  List<Map<String, Object>> hotspots(@Param("from") Instant from, @Param("to") Instant to);

  List<Map<String, Object>> disputesByStatus(@Param("from") Instant from, @Param("to") Instant to);
}
