package org.lianhu.throttle;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface GuessMapper {

  /**
   * Failures of the scope's window that began at or after {@code since}; null when there is none.
   */
  Integer failuresSince(@Param("scope") String scope, @Param("since") Instant since);

  Instant windowStart(@Param("scope") String scope);

  /**
   * One more failure: in the window that began at or after {@code since}, else in a new one at
   * {@code at}.
   */
  void countFailure(
      @Param("scope") String scope, @Param("at") Instant at, @Param("since") Instant since);
}
