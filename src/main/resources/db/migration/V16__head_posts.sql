-- The liaison head's post (issue #14, docs/liaison-heads.md): a vacancy and its selection, the
-- candidates (who stay in the community's reserve pool when reviewed and not appointed), the
-- households' and the community's nominations, the objections to a public notice, and the post's
-- timeline.
create table head_post (
  id                  bigint auto_increment primary key,
  unit_code           varchar(32)  not null,
  community_code      varchar(32)  not null,
  street_code         varchar(32)  not null,
  status              varchar(16)  not null,
  reason              varchar(16)  not null,
  former_head_user_id varchar(64),
  former_head_name    varchar(32),
  opened_at           datetime(3)  not null,
  opened_by           varchar(64)  not null,
  backfill_due        datetime(3)  not null,
  chosen_candidate_id bigint,
  -- When a successor was first chosen and published: 7日内补充到位 counts to here.
  first_chosen_at     datetime(3),
  notice_ends_at      datetime(3),
  filled_at           datetime(3),
  head_user_id        varchar(64),
  -- The unit's code while the post is open, null once it is filled: one open post per unit.
  open_unit           varchar(32)
);
create unique index uk_head_post_open on head_post (open_unit);
create index ix_head_post_community on head_post (community_code, status);
create index ix_head_post_unit on head_post (unit_code, opened_at);

create table head_candidate (
  id             bigint auto_increment primary key,
  post_id        bigint        not null,
  community_code varchar(32)   not null,
  name           varchar(32)   not null,
  phone          varchar(20)   not null,
  address        varchar(200),
  profile        varchar(500),
  nomination     varchar(16)   not null,
  status         varchar(16)   not null,
  review_note    varchar(500),
  reviewed_by    varchar(64),
  reviewed_at    datetime(3),
  created_at     datetime(3)   not null,
  constraint fk_head_candidate_post foreign key (post_id) references head_post (id)
);
create index ix_head_candidate_pool on head_candidate (community_code, status);
create index ix_head_candidate_post on head_candidate (post_id, phone);

create table head_nomination (
  id             bigint auto_increment primary key,
  candidate_id   bigint       not null,
  nomination     varchar(16)  not null,
  household_code varchar(32),
  nominated_by   varchar(64),
  created_at     datetime(3)  not null,
  constraint fk_head_nomination_candidate foreign key (candidate_id) references head_candidate (id)
);
create unique index uk_head_nomination_household on head_nomination (candidate_id, household_code);

create table head_objection (
  id            bigint auto_increment primary key,
  post_id       bigint        not null,
  candidate_id  bigint        not null,
  code          varchar(16)   not null,
  text          varchar(2000) not null,
  contact_name  varchar(32),
  contact_phone varchar(20),
  filed_at      datetime(3)   not null,
  answer        varchar(2000),
  upheld        boolean,
  answered_by   varchar(64),
  answered_at   datetime(3),
  constraint fk_head_objection_post foreign key (post_id) references head_post (id)
);
create index ix_head_objection_post on head_objection (post_id);
create unique index uk_head_objection_code on head_objection (code);

create table head_post_entry (
  id       bigint auto_increment primary key,
  post_id  bigint        not null,
  entered_at datetime(3) not null,
  actor    varchar(64)   not null,
  action   varchar(64)   not null,
  remark   varchar(2000),
  shown      boolean       not null,
  constraint fk_head_post_entry_post foreign key (post_id) references head_post (id)
);
create index ix_head_post_entry_post on head_post_entry (post_id, id);
