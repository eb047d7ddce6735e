-- The heads' training (issue #14, docs/liaison-heads.md): courses at three levels, sessions with
-- attendance, and shadowing of a new head by an experienced one (老带新).
create table training_course (
  id             bigint auto_increment primary key,
  title          varchar(100) not null,
  level          varchar(16)  not null,
  street_code    varchar(32),
  community_code varchar(32),
  created_by     varchar(64)  not null,
  created_at     datetime(3)  not null
);

create table training_session (
  id         bigint auto_increment primary key,
  course_id  bigint        not null,
  held_on    date          not null,
  mode       varchar(8)    not null,
  place      varchar(200),
  hours      decimal(4, 1) not null,
  created_by varchar(64)   not null,
  created_at datetime(3)   not null,
  constraint fk_training_session_course foreign key (course_id) references training_course (id)
);
create index ix_training_session_day on training_session (held_on);

create table training_attendance (
  id             bigint auto_increment primary key,
  session_id     bigint       not null,
  term_id        bigint       not null,
  head_user_id   varchar(64)  not null,
  community_code varchar(32)  not null,
  recorded_by    varchar(64)  not null,
  recorded_at    datetime(3)  not null,
  constraint fk_training_attendance_session foreign key (session_id) references training_session (id),
  constraint fk_training_attendance_term foreign key (term_id) references head_term (id)
);
create unique index uk_training_attendance on training_attendance (session_id, term_id);
create index ix_training_attendance_term on training_attendance (term_id);
create index ix_training_attendance_community on training_attendance (community_code);

create table head_shadowing (
  id             bigint auto_increment primary key,
  term_id        bigint        not null,
  mentor_term_id bigint        not null,
  starts_on      date          not null,
  ends_on        date          not null,
  note           varchar(500),
  created_by     varchar(64)   not null,
  created_at     datetime(3)   not null,
  constraint fk_shadowing_term foreign key (term_id) references head_term (id),
  constraint fk_shadowing_mentor foreign key (mentor_term_id) references head_term (id)
);
create index ix_shadowing_term on head_shadowing (term_id);
