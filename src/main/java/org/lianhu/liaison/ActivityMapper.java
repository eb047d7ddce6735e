package org.lianhu.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The activities' statements; {@link Activities} is the one class that writes through them. */
@Mapper
interface ActivityMapper {

  void insert(@Param("a") Activities.Activity activity, @Param("at") Instant at);

  List<Activities.Activity> ofHead(
      @Param("headUserId") String headUserId,
      @Param("from") LocalDate from,
      @Param("to") LocalDate to);
}
