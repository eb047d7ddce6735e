-- A liaison head's term (issue #14, docs/liaison-heads.md): from appointment (or from before Lianhu
-- recorded terms: started_at null) until the head leaves. Training, evaluation and pay are the
-- term's; the archive is a head's terms.
create table head_term (
  id             bigint auto_increment primary key,
  unit_code      varchar(32)  not null,
  community_code varchar(32)  not null,
  street_code    varchar(32)  not null,
  head_user_id   varchar(64)  not null,
  head_name      varchar(32),
  post_id        bigint,
  started_at     datetime(3),
  ended_at       datetime(3),
  end_reason     varchar(16),
  -- The head's login while in post, null once the term ended: one open term per head.
  open_head      varchar(64)
);
create unique index uk_head_term_open on head_term (open_head);
create index ix_head_term_unit on head_term (unit_code, ended_at);
create index ix_head_term_community on head_term (community_code, ended_at);
create index ix_head_term_head on head_term (head_user_id);

insert into head_term (unit_code, community_code, street_code, head_user_id, head_name, open_head)
select u.code, g.community_code, c.street_code, u.head_user_id, u.head_name, u.head_user_id
from liaison_unit u
join grid g on g.code = u.grid_code
join community c on c.code = g.community_code
where u.head_user_id is not null and u.retired_at is null;
