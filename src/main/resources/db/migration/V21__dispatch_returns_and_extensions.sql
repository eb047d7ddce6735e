-- Issue #15, docs/case-process.md: closure outcomes, dispatch objections (退单) and extensions (延期).

-- How the handler closed the case (ClosureOutcome); null while it is open or after a reopen.
alter table case_record add column outcome varchar(16);
alter table case_record add column return_count int default 0 not null;
alter table case_record add column extension_count int default 0 not null;
-- The lead office's own response (docs/kpis.md, department score): when the current office received the case,
-- by when it has to act (claim, return or result), and when it first did.
alter table case_record add column dispatched_at datetime(3);
alter table case_record add column office_response_due datetime(3);
alter table case_record add column office_acted_at datetime(3);
-- Overdue in handling (the office's), as opposed to overdue in acceptance (the grid's).
alter table case_record add column handling_overdue boolean default false not null;

-- 抄送: the office of the supervising department the routing table named, which sees the case and may remark.
alter table case_record add column copy_group varchar(64);
create index ix_case_copy_group on case_record (copy_group, created_at);

-- Duplicates (重复诉求): the address as intake normalises it, and the open case a repeat was merged into.
alter table case_record add column address_key varchar(255);
alter table case_record add column merged_into bigint;
create index ix_case_duplicates on case_record (category, address_key);
create index ix_case_merged_into on case_record (merged_into);
update case_record set address_key = lower(replace(address, ' ', ''));

-- A photo or document a client links to (Open311 media_url): stored as a link, shown, never fetched.
alter table case_record add column media_url varchar(500);

-- One row per return: who sent the case back, why, and what the coordinating centre decided.
create table case_return (
  id             bigint auto_increment primary key,
  case_id        bigint       not null,
  office_group   varchar(64)  not null,
  department_code varchar(32),
  reason         varchar(16)  not null,
  remark         varchar(500),
  returned_by    varchar(64),
  returned_at    datetime(3)  not null,
  reviewer_group varchar(64)  not null,
  decision       varchar(16),
  decided_by     varchar(64),
  decided_at     datetime(3),
  constraint fk_case_return_case foreign key (case_id) references case_record (id)
);
create index ix_case_return_case on case_return (case_id);
create index ix_case_return_office on case_return (office_group, returned_at);

-- One row per extension request: the deadline before, the one asked for, the street's answer.
create table case_extension (
  id             bigint auto_increment primary key,
  case_id        bigint       not null,
  office_group   varchar(64)  not null,
  previous_due   datetime(3)  not null,
  requested_due  datetime(3)  not null,
  reason         varchar(500) not null,
  requested_by   varchar(64),
  requested_at   datetime(3)  not null,
  decision       varchar(16),
  decided_by     varchar(64),
  decided_at     datetime(3),
  constraint fk_case_extension_case foreign key (case_id) references case_record (id)
);
create index ix_case_extension_case on case_extension (case_id);

-- The roll-up's counts as docs/kpis.md defines them: 'resolved' (results fed back) gives way to the cases
-- closed as resolved among those closed with a handling outcome.
alter table kpi_day drop column resolved;
alter table kpi_day add column due_to_respond int default 0 not null;
alter table kpi_day add column closed int default 0 not null;
alter table kpi_day add column closed_resolved int default 0 not null;
alter table kpi_day add column extended int default 0 not null;
alter table kpi_day add column returns int default 0 not null;
alter table kpi_day add column office_due_to_respond int default 0 not null;
alter table kpi_day add column office_responded_in_time int default 0 not null;
alter table kpi_day add column handling_due int default 0 not null;
alter table kpi_day add column handled_in_time int default 0 not null;
alter table kpi_day add column dispatched int default 0 not null;
-- Rebuild every day once, so that the new columns are filled for past cases.
update kpi_rollup_state set built_at = null where id = 1;
