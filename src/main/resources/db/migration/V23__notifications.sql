-- Issue #16, docs/notifications.md: notifications through a transactional outbox.

-- How each member of staff is told: the in-app inbox always, and by e-mail or SMS if they choose.
alter table staff add column email varchar(200);
alter table staff add column notify_by varchar(8) default 'INBOX' not null;
-- How to reach someone who is not staff (a case's reporter, inbox case:<id>): the e-mail address they
-- gave with their report. Their phone stays on the case; messages only ever show it masked.
create table notification_contact (
  recipient  varchar(80)  not null primary key,
  email      varchar(200),
  created_at datetime(3)  not null
);

-- One row per message and channel, written in the transaction of the step that causes it. The worker
-- claims a due row (SENDING with a lease), delivers it and marks it SENT; a failure is retried later
-- with backoff, and after max-attempts the row is DEAD (the administrator's dead-letter list).
-- INBOX rows are delivered by their commit: the row is the inbox message, read_at its read mark.
create table notification (
  id              bigint auto_increment primary key,
  event           varchar(32)   not null,
  case_id         bigint,
  case_no         varchar(32),
  recipient       varchar(80)   not null,
  recipient_name  varchar(64),
  channel         varchar(8)    not null,
  address         varchar(200),
  subject         varchar(200)  not null,
  body            varchar(2000) not null,
  status          varchar(12)   not null,
  attempts        int default 0 not null,
  next_attempt_at datetime(3)   not null,
  lease_until     datetime(3),
  -- the claim of one worker's run: its messages are read back by it
  lease_token     varchar(36),
  created_at      datetime(3)   not null,
  sent_at         datetime(3),
  read_at         datetime(3),
  last_error      varchar(500)
);
create index ix_notification_due on notification (status, next_attempt_at);
create index ix_notification_inbox on notification (recipient, channel, created_at);

-- The messages' texts, editable by an administrator without a release; {placeholders} as documented.
create table notification_template (
  event      varchar(32)   not null primary key,
  subject    varchar(200)  not null,
  body       varchar(2000) not null,
  updated_by varchar(64),
  updated_at datetime(3)
);
insert into notification_template (event, subject, body) values
  ('CASE_ACCEPTED', '您反映的问题已受理（{caseNo}）', '{reporterName}您好：您于{reportedAt}反映的“{categoryName}”问题（{address}）已受理，我们将尽快处理。事件编号 {caseNo}，可凭查询码在 {link} 查看进度。'),
  ('CASE_DISPATCHED', '您反映的问题已派单（{caseNo}）', '{reporterName}您好：事件 {caseNo}（{categoryName}，{address}）已派至{handlerName}办理，处置时限 {handleDue}。进度查询：{link}'),
  ('CASE_EXTENDED', '事件 {caseNo} 办理期限已延长', '{reporterName}您好：事件 {caseNo}（{categoryName}）的办理期限经街道批准延长至 {handleDue}。{remark} 进度查询：{link}'),
  ('CASE_RESULT', '事件 {caseNo} 已有办理结果，请评价', '{reporterName}您好：事件 {caseNo}（{categoryName}）办理结果：{outcomeName}。{result} 请在 {link} 凭查询码查看并评价。'),
  ('CASE_CLOSED', '事件 {caseNo} 已结案', '{reporterName}您好：事件 {caseNo}（{categoryName}，{address}）已结案。感谢您对社区治理的支持。'),
  ('TASK_ASSIGNED', '新的待办：{taskName}（{caseNo}）', '{recipientName}：事件 {caseNo}（{categoryName}，{address}）待您所在单位{taskName}，时限 {due}。上报人 {reporterName}（{reporterPhone}）。事件页面：{staffLink}'),
  ('STAGE_YELLOW', '预警：{caseNo} 即将超过{stageName}时限', '{recipientName}：事件 {caseNo}（{categoryName}，{address}）的{stageName}将于 {due} 到期，请抓紧办理。事件页面：{staffLink}'),
  ('STAGE_RED', '超期：{caseNo} 已超过{stageName}时限', '{recipientName}：事件 {caseNo}（{categoryName}，{address}）的{stageName}已超过时限（{due}），已提交督办。事件页面：{staffLink}'),
  ('SUPERVISE_RED', '督办：{caseNo} {stageName}超期', '{recipientName}：事件 {caseNo}（{categoryName}，{address}）的{stageName}已超过时限（{due}），请督办。事件页面：{staffLink}'),
  ('CASE_COPIED', '抄送：{caseNo}（{categoryName}）', '{recipientName}：事件 {caseNo}（{categoryName}，{address}）已派至{handlerName}，抄送贵单位督办，处置时限 {handleDue}。事件页面：{staffLink}'),
  ('UNIT_CASE', '联户内新事件：{caseNo}', '{recipientName}：您联户内有新的事件 {caseNo}（{categoryName}，{address}），请在时限 {due} 前处理。上报人 {reporterName}（{reporterPhone}）。');
