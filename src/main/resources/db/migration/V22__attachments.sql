-- Issue #16, docs/attachments.md: photos and documents on cases. The bytes live in the file store
-- (lianhu.attachments.directory); this row is written in the transaction of the case step.
create table attachment (
  id            varchar(36)  not null primary key,
  -- null while an upload waits for the report that names it
  case_id       bigint,
  purpose       varchar(16)  not null,
  media_type    varchar(64)  not null,
  byte_size     bigint       not null,
  width         int,
  height        int,
  orientation   int          default 1 not null,
  file_name     varchar(128) not null,
  sha256        char(64)     not null,
  original_key  varchar(80)  not null,
  uploaded_by   varchar(64),
  uploaded_at   datetime(3)  not null,
  linked_at     datetime(3),
  -- the file's place among its case's files, in the order they came (their times may tie)
  position      int          default 0 not null,
  constraint fk_attachment_case foreign key (case_id) references case_record (id)
);
create index ix_attachment_case on attachment (case_id, purpose);
create index ix_attachment_uploaded on attachment (uploaded_at);
