-- 每周报送1次居民需求信息 (issue #13, docs/liaison-units.md): each head files one report per unit and
-- county week (Monday to Sunday), listing the needs collected or saying 无新增; a second report for the
-- same week is refused by the unique key. Needs are records of their own, for later matching to services.
create table needs_report (
  id           bigint auto_increment primary key,
  unit_code    varchar(32) not null,
  week_start   date        not null,
  head_user_id varchar(64) not null,
  nothing_new  boolean     not null,
  filed_at     datetime(3) not null,
  constraint uk_needs_report_week unique (unit_code, week_start)
);

create table resident_need (
  id             bigint auto_increment primary key,
  report_id      bigint        not null,
  unit_code      varchar(32)   not null,
  household_code varchar(32),
  category       varchar(32)   not null,
  text           varchar(2000) not null,
  urgency        varchar(16)   not null,
  case_no        varchar(32),
  created_at     datetime(3)   not null,
  constraint fk_need_report foreign key (report_id) references needs_report (id)
);
create index ix_need_unit on resident_need (unit_code, created_at);
