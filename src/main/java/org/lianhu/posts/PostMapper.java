package org.lianhu.posts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The posts' statements; {@link PostLifecycle} is the one class that writes through them. */
@Mapper
interface PostMapper {

  void insertPost(Map<String, Object> row);

  HeadPost post(@Param("id") long id);

  HeadPost openPostOfUnit(@Param("unitCode") String unitCode);

  List<HeadPost> posts(
      @Param("communityCode") String communityCode,
      @Param("streetCode") String streetCode,
      @Param("statuses") Collection<String> statuses,
      @Param("limit") int limit);

  /** Posts open at some time in [from, to) in a street (null: all). */
  List<HeadPost> openDuring(
      @Param("streetCode") String streetCode, @Param("from") Instant from, @Param("to") Instant to);

  HeadPost postChoosing(@Param("candidateId") long candidateId);

  void setStatus(@Param("id") long id, @Param("status") String status);

  void choose(
      @Param("id") long id,
      @Param("candidateId") long candidateId,
      @Param("noticeEndsAt") Instant noticeEndsAt,
      @Param("status") String status,
      @Param("at") Instant at);

  void clearChoice(@Param("id") long id, @Param("status") String status);

  void fill(
      @Param("id") long id,
      @Param("headUserId") String headUserId,
      @Param("filledAt") Instant filledAt,
      @Param("status") String status);

  void insertCandidate(Map<String, Object> row);

  Candidate candidate(@Param("id") long id);

  Candidate candidateByPhone(@Param("postId") long postId, @Param("phone") String phone);

  List<Candidate> candidatesOfPost(@Param("postId") long postId);

  List<Candidate> candidatesOfCommunity(
      @Param("communityCode") String communityCode, @Param("status") String status);

  void setCandidateStatus(@Param("id") long id, @Param("status") String status);

  void review(
      @Param("id") long id,
      @Param("status") String status,
      @Param("note") String note,
      @Param("by") String by,
      @Param("at") Instant at);

  void insertNomination(
      @Param("candidateId") long candidateId,
      @Param("nomination") String nomination,
      @Param("householdCode") String householdCode,
      @Param("nominatedBy") String nominatedBy,
      @Param("createdAt") Instant createdAt);

  int householdNominations(
      @Param("candidateId") long candidateId, @Param("householdCode") String householdCode);

  void insertObjection(Map<String, Object> row);

  Objection objection(@Param("id") long id);

  Objection objectionByCode(@Param("code") String code);

  List<Objection> objectionsOfPost(@Param("postId") long postId);

  void answer(
      @Param("id") long id,
      @Param("answer") String answer,
      @Param("upheld") boolean upheld,
      @Param("by") String by,
      @Param("at") Instant at);

  void insertEntry(
      @Param("postId") long postId,
      @Param("at") Instant at,
      @Param("actor") String actor,
      @Param("action") String action,
      @Param("remark") String remark,
      @Param("shown") boolean shown);

  List<PostEntry> entries(@Param("postId") long postId, @Param("shownOnly") boolean shownOnly);

  List<PoolRow> pools(
      @Param("streetCode") String streetCode,
      @Param("vacant") Collection<String> vacant,
      @Param("eligible") String eligible);
}
