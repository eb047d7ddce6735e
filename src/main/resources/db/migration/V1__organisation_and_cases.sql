-- Organisation: county > street > community > grid > liaison unit; departments and the offices serving streets.
-- Portable DDL: runs unchanged on H2 (embedded default) and MySQL 8 / MariaDB (profile mysql).

create table street (
  code             varchar(32)  not null primary key,
  name             varchar(64)  not null,
  group_id         varchar(64)  not null,
  address_keywords varchar(500)
);

create table community (
  code             varchar(32)  not null primary key,
  street_code      varchar(32)  not null,
  name             varchar(64)  not null,
  kind             varchar(16)  not null,
  group_id         varchar(64)  not null,
  address_keywords varchar(500),
  constraint fk_community_street foreign key (street_code) references street (code)
);

create table grid (
  code             varchar(32)  not null primary key,
  community_code   varchar(32)  not null,
  name             varchar(64)  not null,
  group_id         varchar(64)  not null,
  worker_user_id   varchar(64),
  address_keywords varchar(500),
  min_lat          decimal(9,6),
  max_lat          decimal(9,6),
  min_lng          decimal(9,6),
  max_lng          decimal(9,6),
  constraint fk_grid_community foreign key (community_code) references community (code)
);

create table liaison_unit (
  code        varchar(32) not null primary key,
  grid_code   varchar(32) not null,
  name        varchar(64) not null,
  head_name   varchar(32),
  head_phone  varchar(20),
  households  int,
  constraint fk_liaison_unit_grid foreign key (grid_code) references grid (code)
);

create table department (
  code     varchar(32) not null primary key,
  name     varchar(64) not null,
  group_id varchar(64) not null
);

-- An office with no street serves every street of the county.
create table department_office (
  id              bigint auto_increment primary key,
  department_code varchar(32) not null,
  street_code     varchar(32),
  name            varchar(64) not null,
  group_id        varchar(64) not null,
  constraint fk_office_department foreign key (department_code) references department (code),
  constraint fk_office_street foreign key (street_code) references street (code)
);
create index ix_office_department on department_office (department_code, street_code);

-- People of the organisation; the login itself lives in Camunda's identity service.
create table staff (
  user_id  varchar(64) not null primary key,
  name     varchar(32) not null,
  phone    varchar(20),
  group_id varchar(64) not null
);

create table case_category (
  code        varchar(32) not null primary key,
  name        varchar(64) not null,
  sort_order  int         not null,
  active      boolean     not null
);

create table case_record (
  id                          bigint auto_increment primary key,
  case_no                     varchar(20),
  tracking_code               varchar(16)   not null,
  request_fingerprint         varchar(64),
  idempotency_key             varchar(100),
  category                    varchar(32)   not null,
  description                 varchar(4000) not null,
  address                     varchar(200)  not null,
  latitude                    decimal(9,6),
  longitude                   decimal(9,6),
  liaison_unit_code           varchar(32),
  grid_code                   varchar(32),
  community_code              varchar(32),
  street_code                 varchar(32),
  urgency                     varchar(16)   not null,
  reporter_name               varchar(64)   not null,
  reporter_phone              varchar(20)   not null,
  source                      varchar(16)   not null,
  status                      varchar(24)   not null,
  department_code             varchar(32),
  supervising_department_code varchar(32),
  handler_group               varchar(64),
  process_instance_id         varchar(64),
  reopen_count                int           not null default 0,
  overdue                     boolean       not null default false,
  rating                      varchar(24),
  rating_comment              varchar(500),
  reject_reason               varchar(500),
  result                      varchar(4000),
  created_at                  datetime(3)   not null,
  response_due                datetime(3),
  responded_at                datetime(3),
  handle_due                  datetime(3),
  resolved_at                 datetime(3),
  closed_at                   datetime(3),
  constraint uk_case_no unique (case_no),
  constraint uk_case_idempotency unique (idempotency_key)
);
create index ix_case_status on case_record (status, created_at);
create index ix_case_street on case_record (street_code, created_at);

create table case_timeline (
  id          bigint auto_increment primary key,
  case_id     bigint        not null,
  occurred_at datetime(3)   not null,
  actor       varchar(64)   not null,
  action      varchar(64)   not null,
  remark      varchar(4000),
  public_entry boolean      not null,
  constraint fk_timeline_case foreign key (case_id) references case_record (id)
);
create index ix_timeline_case on case_timeline (case_id, occurred_at);

insert into case_category (code, name, sort_order, active) values
  ('road_damage',          '道路损坏',   10, true),
  ('streetlight',          '路灯故障',   20, true),
  ('water_supply',         '供水问题',   30, true),
  ('drainage',             '排水积水',   40, true),
  ('power_outage',         '停电断电',   50, true),
  ('sanitation',           '环境卫生',   60, true),
  ('illegal_construction', '违章搭建',   70, true),
  ('noise',                '噪音扰民',   80, true),
  ('public_security',      '治安隐患',   90, true),
  ('elderly_assistance',   '困难救助',  100, true),
  ('housing_safety',       '房屋安全',  110, true),
  ('dispute',              '矛盾纠纷',  120, true),
  ('other',                '其他',      999, true);
