package org.lianhu.mediation;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.lianhu.timeline.TimelineEntry;

@Mapper
interface DisputeMapper {

  void insert(NewDispute draft);

  void assignNumber(@Param("id") long id, @Param("disputeNo") String disputeNo);

  void attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

  void insertParty(Party party);

  Dispute findById(@Param("id") long id);

  Dispute findByNo(@Param("disputeNo") String disputeNo);

  Dispute findByIdempotencyKey(@Param("key") String key);

  Dispute findByCaseId(@Param("caseId") long caseId);

  List<Party> parties(@Param("disputeId") long disputeId);

  void moveToTier(@Param("id") long id, @Param("tier") int tier);

  void recordAgreement(
      @Param("id") long id,
      @Param("status") DisputeStatus status,
      @Param("tier") int tier,
      @Param("terms") String terms,
      @Param("at") Instant at);

  void recordConfirmation(@Param("id") long id, @Param("result") String result);

  void recordGuidance(
      @Param("id") long id, @Param("guidance") String guidance, @Param("notes") String notes);

  void reopen(@Param("id") long id, @Param("status") DisputeStatus status, @Param("tier") int tier);

  void close(@Param("id") long id, @Param("status") DisputeStatus status, @Param("at") Instant at);

  void appendTimeline(@Param("disputeId") long disputeId, @Param("entry") TimelineEntry entry);

  List<TimelineEntry> timeline(@Param("disputeId") long disputeId);

  List<Dispute> openInUnit(@Param("unitCode") String unitCode);

  void insertHeadMediation(
      @Param("disputeId") long disputeId,
      @Param("unitCode") String unitCode,
      @Param("headUserId") String headUserId,
      @Param("note") String note,
      @Param("at") Instant at);

  List<HeadMediation.Joined> headMediations(@Param("disputeId") long disputeId);

  int headMediationsBetween(
      @Param("headUserId") String headUserId, @Param("from") Instant from, @Param("to") Instant to);
}
