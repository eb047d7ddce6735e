-- 联户长调解 (issue #13, docs/liaison-units.md): a liaison head who joins the tier-1 mediation of a
-- dispute in their unit leaves a record of it, besides the dispute's timeline, that the heads'
-- evaluation (issue #14) counts.
create table dispute_head_mediation (
  id           bigint auto_increment primary key,
  dispute_id   bigint        not null,
  unit_code    varchar(32)   not null,
  head_user_id varchar(64)   not null,
  note         varchar(2000) not null,
  recorded_at  datetime(3)   not null,
  constraint fk_head_mediation_dispute foreign key (dispute_id) references dispute (id)
);
create index ix_head_mediation_unit on dispute_head_mediation (unit_code, recorded_at);
