-- Disputes (矛盾纠纷) and their three-tier mediation; mediation bodies of each street.

create table mediation_body (
  id          bigint auto_increment primary key,
  street_code varchar(32),
  kind        varchar(16) not null,
  name        varchar(64) not null,
  group_id    varchar(64) not null,
  constraint fk_mediation_body_street foreign key (street_code) references street (code)
);
create index ix_mediation_body_street on mediation_body (street_code, kind);

create table dispute (
  id                  bigint auto_increment primary key,
  dispute_no          varchar(20),
  tracking_code       varchar(16)   not null,
  idempotency_key     varchar(100),
  request_fingerprint varchar(64),
  case_id             bigint,
  dispute_type        varchar(32)   not null,
  description         varchar(4000) not null,
  address             varchar(200)  not null,
  latitude            decimal(9,6),
  longitude           decimal(9,6),
  liaison_unit_code   varchar(32),
  grid_code           varchar(32),
  community_code      varchar(32),
  street_code         varchar(32),
  risk_flags          varchar(200),
  high_risk           boolean       not null default false,
  status              varchar(24)   not null,
  tier                int           not null default 1,
  reached_tier        int,
  agreement_terms     varchar(4000),
  agreement_at        datetime(3),
  confirmation_result varchar(24),
  guidance            varchar(24),
  guidance_notes      varchar(2000),
  process_instance_id varchar(64),
  created_at          datetime(3)   not null,
  closed_at           datetime(3),
  constraint uk_dispute_no unique (dispute_no),
  constraint uk_dispute_idempotency unique (idempotency_key),
  constraint fk_dispute_case foreign key (case_id) references case_record (id)
);
create index ix_dispute_status on dispute (status, created_at);
create index ix_dispute_street on dispute (street_code, created_at);

create table dispute_party (
  id          bigint auto_increment primary key,
  dispute_id  bigint      not null,
  role        varchar(16) not null,
  name        varchar(64) not null,
  phone       varchar(20),
  constraint fk_party_dispute foreign key (dispute_id) references dispute (id)
);
create index ix_party_dispute on dispute_party (dispute_id);

create table dispute_timeline (
  id           bigint auto_increment primary key,
  dispute_id   bigint        not null,
  occurred_at  datetime(3)   not null,
  actor        varchar(64)   not null,
  action       varchar(64)   not null,
  remark       varchar(4000),
  public_entry boolean       not null,
  constraint fk_dispute_timeline foreign key (dispute_id) references dispute (id)
);
create index ix_dispute_timeline on dispute_timeline (dispute_id, occurred_at);

alter table case_record add column dispute_id bigint;
