-- Liaison heads sign in (issue #13, docs/liaison-units.md): each unit names its head's account and has
-- a Camunda group of its own, the candidate group of its in-unit tasks. A head is a resident, not a
-- staff row; an account heads at most one unit.
alter table liaison_unit add column group_id varchar(64);
update liaison_unit set group_id = concat('unit', replace(replace(code, '-', ''), '_', ''));
alter table liaison_unit add column head_user_id varchar(64);
create unique index uk_liaison_unit_group on liaison_unit (group_id);
create unique index uk_liaison_unit_head on liaison_unit (head_user_id);
