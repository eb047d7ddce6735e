package org.lianhu.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The terms' statements; {@link Terms} is the one class that writes through them. */
@Mapper
interface TermMapper {

  void start(Map<String, Object> row);

  void end(
      @Param("headUserId") String headUserId,
      @Param("endedAt") Instant endedAt,
      @Param("reason") String reason);

  void endStale(@Param("endedAt") Instant endedAt, @Param("reason") String reason);

  void startMissing(@Param("startedAt") Instant startedAt);

  void setBankAccount(@Param("id") long id, @Param("account") String account);

  HeadTerm term(@Param("id") long id);

  HeadTerm openTermOf(@Param("headUserId") String headUserId);

  List<HeadTerm> termsOf(@Param("headUserId") String headUserId);

  /** Terms in post at some time in [from, to), of a community or a street (either may be null). */
  List<HeadTerm> inPostDuring(
      @Param("communityCode") String communityCode,
      @Param("streetCode") String streetCode,
      @Param("from") Instant from,
      @Param("to") Instant to);

  List<HeadTerm> openTermsAmong(@Param("headUserIds") Collection<String> headUserIds);
}
