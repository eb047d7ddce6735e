package org.lianhu.allowance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The annual awards' statements; {@link Awards} is the one class that writes through them. */
@Mapper
interface AwardMapper {

  void insertAward(Map<String, Object> row);

  Award award(@Param("id") long id);

  List<Award> ofHead(@Param("headUserId") String headUserId);

  Award awardOf(@Param("year") int year, @Param("headUserId") String headUserId);

  List<Award> awards(
      @Param("year") int year,
      @Param("communityCode") String communityCode,
      @Param("streetCode") String streetCode);

  int decide(
      @Param("id") long id,
      @Param("status") String status,
      @Param("note") String note,
      @Param("by") String by,
      @Param("at") Instant at,
      @Param("from") String from);
}
