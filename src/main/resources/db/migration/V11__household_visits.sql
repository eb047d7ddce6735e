-- 走访 (issue #13, docs/liaison-units.md): a head's visits to the households of their unit. Coverage
-- ("每月走访全覆盖") counts households visited in a month, so each household and month is one row of
-- household_visit_month, written with the month's first visit; the coverage of a street is a count
-- over that index, never over the visits themselves.
create table household_visit (
  id             bigint auto_increment primary key,
  household_code varchar(32)   not null,
  unit_code      varchar(32)   not null,
  head_user_id   varchar(64)   not null,
  visited_on     date          not null,
  kind           varchar(16)   not null,
  notes          varchar(2000),
  needs          varchar(2000),
  case_no        varchar(32),
  recorded_at    datetime(3)   not null,
  constraint fk_visit_household foreign key (household_code) references household (code)
);
create index ix_visit_unit_day on household_visit (unit_code, visited_on);
create index ix_visit_household_day on household_visit (household_code, visited_on);

create table household_visit_month (
  household_code varchar(32) not null,
  month_start    date        not null,
  unit_code      varchar(32) not null,
  primary key (household_code, month_start)
);
create index ix_visit_month_unit on household_visit_month (unit_code, month_start);
