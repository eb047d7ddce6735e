package org.lianhu.notifications;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The outbox, its templates and contacts (NotificationMapper.xml); {@link Outbox} writes them. */
@Mapper
interface NotificationMapper {

  void insert(Notification notification);

  List<Long> due(
      @Param("pending") String pending,
      @Param("sending") String sending,
      @Param("now") Instant now,
      @Param("limit") int limit);

  int claim(
      @Param("ids") List<Long> ids,
      @Param("token") String token,
      @Param("pending") String pending,
      @Param("sending") String sending,
      @Param("now") Instant now,
      @Param("until") Instant until);

  List<Notification> claimed(@Param("token") String token, @Param("sending") String sending);

  Notification byId(long id);

  int sent(
      @Param("id") long id,
      @Param("sent") String sent,
      @Param("sending") String sending,
      @Param("now") Instant now);

  int failed(
      @Param("id") long id,
      @Param("status") String status,
      @Param("sending") String sending,
      @Param("next") Instant next,
      @Param("error") String error);

  List<Notification> inbox(
      @Param("recipient") String recipient,
      @Param("inbox") String inbox,
      @Param("unreadOnly") boolean unreadOnly,
      @Param("limit") int limit);

  int unread(@Param("recipient") String recipient, @Param("inbox") String inbox);

  int markRead(
      @Param("id") long id,
      @Param("recipient") String recipient,
      @Param("inbox") String inbox,
      @Param("now") Instant now);

  List<Notification> withStatus(@Param("status") String status, @Param("limit") int limit);

  int retry(
      @Param("id") long id,
      @Param("pending") String pending,
      @Param("dead") String dead,
      @Param("now") Instant now);

  void insertContact(
      @Param("recipient") String recipient,
      @Param("email") String email,
      @Param("now") Instant now);

  String contactEmail(String recipient);

  List<Template> templates();

  Template template(String event);

  int updateTemplate(
      @Param("event") String event,
      @Param("subject") String subject,
      @Param("body") String body,
      @Param("user") String user,
      @Param("now") Instant now);

  List<Recipients.Contact> staffOfGroup(String groupId);

  Recipients.Contact staffMember(String userId);

  Recipients.Contact unitHead(String userId);
}
