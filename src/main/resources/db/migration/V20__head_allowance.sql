-- The heads' pay (issue #14, docs/liaison-heads.md): the annual award (年度评优) behind the honour
-- allowance, a head's bank account, and the monthly pay sheet of a street with its lines. A final
-- sheet never changes: a later sheet carries corrections as lines of their own.
alter table head_term add column bank_account varchar(32);

create table head_award (
  id             bigint auto_increment primary key,
  award_year     int          not null,
  term_id        bigint       not null,
  head_user_id   varchar(64)  not null,
  community_code varchar(32)  not null,
  street_code    varchar(32)  not null,
  status         varchar(16)  not null,
  note           varchar(500) not null,
  nominated_by   varchar(64)  not null,
  nominated_at   datetime(3)  not null,
  decision_note  varchar(500),
  decided_by     varchar(64),
  decided_at     datetime(3),
  constraint fk_head_award_term foreign key (term_id) references head_term (id)
);
create unique index uk_head_award on head_award (award_year, head_user_id);

create table pay_sheet (
  id          bigint auto_increment primary key,
  street_code varchar(32) not null,
  pay_month   varchar(7)  not null,
  status      varchar(16) not null,
  computed_at datetime(3) not null,
  computed_by varchar(64) not null,
  approved_by varchar(64),
  approved_at datetime(3)
);
create unique index uk_pay_sheet on pay_sheet (street_code, pay_month);

create table pay_line (
  id             bigint auto_increment primary key,
  sheet_id       bigint        not null,
  term_id        bigint        not null,
  head_user_id   varchar(64)   not null,
  head_name      varchar(32),
  unit_code      varchar(32)   not null,
  community_code varchar(32)   not null,
  for_month      varchar(7)    not null,
  days_in_post   int           not null,
  base           decimal(10,2) not null,
  performance    decimal(10,2) not null,
  honour         decimal(10,2) not null,
  total          decimal(10,2) not null,
  note           varchar(200),
  constraint fk_pay_line_sheet foreign key (sheet_id) references pay_sheet (id)
);
create index ix_pay_line_sheet on pay_line (sheet_id);
create index ix_pay_line_term on pay_line (term_id, for_month);
