package org.lianhu.throttle;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface GuessMapper {

  /** Failures of the scope's window that began at or after {@code since}; null when there is none. */
  Integer failuresSince(@Param("scope") String scope, @Param("since") Instant since);

  Instant windowStart(@Param("scope") String scope);

  int countInWindow(@Param("scope") String scope, @Param("since") Instant since);

  int startWindow(@Param("scope") String scope, @Param("at") Instant at);

  int insertWindow(@Param("scope") String scope, @Param("at") Instant at);
}
