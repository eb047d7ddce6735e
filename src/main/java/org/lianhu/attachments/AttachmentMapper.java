package org.lianhu.attachments;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The {@code attachment} table (AttachmentMapper.xml); {@link Attachments} is its one writer. */
@Mapper
interface AttachmentMapper {

  void insert(Attachment attachment);

  int link(
      @Param("id") String id,
      @Param("caseId") long caseId,
      @Param("purpose") String purpose,
      @Param("position") int position,
      @Param("at") Instant at,
      @Param("since") Instant since);

  int countOfCase(long caseId);

  List<Attachment> ofCase(long caseId);

  Attachment byId(String id);

  int count(@Param("caseId") long caseId, @Param("purpose") String purpose);

  List<Attachment> waitingSince(Instant before);

  int deleteWaiting(String id);

  int exists(String id);
}
