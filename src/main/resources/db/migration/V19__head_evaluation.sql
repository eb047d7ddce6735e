-- The heads' neighbourhood activities (one a quarter, ../shared/liaison-rules.md) and the quarterly
-- evaluation (issue #14, docs/liaison-heads.md): residents' ratings, the community office's score,
-- the grade, an appeal, the final grade.
create table head_activity (
  id           bigint auto_increment primary key,
  unit_code    varchar(32)  not null,
  head_user_id varchar(64)  not null,
  held_on      date         not null,
  title        varchar(100) not null,
  participants int          not null,
  recorded_at  datetime(3)  not null
);
create index ix_head_activity_head on head_activity (head_user_id, held_on);

create table head_evaluation (
  id                 bigint auto_increment primary key,
  term_id            bigint       not null,
  head_user_id       varchar(64)  not null,
  head_name          varchar(32),
  unit_code          varchar(32)  not null,
  community_code     varchar(32)  not null,
  street_code        varchar(32)  not null,
  quarter            varchar(7)   not null,
  period_from        date         not null,
  period_to          date         not null,
  status             varchar(16)  not null,
  visit_coverage     double,
  report_timeliness  double,
  in_unit_resolution double,
  satisfaction       double,
  mediation_joined   int          not null,
  activities         int          not null,
  suggested_score    double,
  organisation_score double,
  organisation_note  varchar(500),
  scored_by          varchar(64),
  resident_score     double,
  resident_ratings   int,
  total_score        double,
  grade              varchar(16),
  rating_closes_at   datetime(3)  not null,
  appeal_closes_at   datetime(3),
  appeal_text        varchar(1000),
  appealed_at        datetime(3),
  appeal_note        varchar(500),
  appeal_decided_by  varchar(64),
  final_grade        varchar(16),
  finalised_at       datetime(3),
  removal_decision   varchar(16),
  removal_note       varchar(500),
  created_at         datetime(3)  not null,
  constraint fk_head_evaluation_term foreign key (term_id) references head_term (id)
);
create unique index uk_head_evaluation on head_evaluation (term_id, quarter);
create index ix_head_evaluation_head on head_evaluation (head_user_id, quarter);
create index ix_head_evaluation_community on head_evaluation (community_code, quarter);

create table head_rating (
  id             bigint auto_increment primary key,
  evaluation_id  bigint       not null,
  household_code varchar(32)  not null,
  stars          int          not null,
  comment        varchar(500),
  rated_at       datetime(3)  not null,
  constraint fk_head_rating_evaluation foreign key (evaluation_id) references head_evaluation (id)
);
create unique index uk_head_rating on head_rating (evaluation_id, household_code);
