-- KPIs read a daily roll-up instead of scanning case_record (docs/performance.md, "KPI queries").
-- Every write to a case stamps updated_at; the roll-up rebuilds the days of the cases changed since its
-- last build (less a safety margin for transactions that committed late).

alter table case_record add column updated_at datetime(3);
create index ix_case_updated on case_record (updated_at);

create table kpi_day (
  report_day         date        not null,
  street_code        varchar(32),
  community_code     varchar(32),
  grid_code          varchar(32),
  department_code    varchar(32),
  category           varchar(32) not null,
  reported           int         not null,
  rejected           int         not null,
  responded          int         not null,
  responded_in_time  int         not null,
  resolved           int         not null,
  rated              int         not null,
  satisfied          int         not null,
  overdue            int         not null,
  reopens            int         not null,
  reopened_cases     int         not null,
  response_seconds   bigint      not null,
  handled            int         not null,
  handling_seconds   bigint      not null
);
create index ix_kpi_day on kpi_day (report_day);

-- One row; built_at is null until the first build, which then covers every day.
create table kpi_rollup_state (
  id       int         not null primary key,
  built_at datetime(3)
);
insert into kpi_rollup_state (id, built_at) values (1, null);
