-- Organisation management (issue #12, docs/organisation.md): every level can be retired but never
-- deleted, offices and mediation bodies get codes, county-wide roles become data, households are
-- recorded, and every change is audited.

alter table street add column retired_at datetime(3);
alter table community add column retired_at datetime(3);
alter table grid add column retired_at datetime(3);
alter table liaison_unit add column retired_at datetime(3);
alter table department add column retired_at datetime(3);
alter table department_office add column retired_at datetime(3);
alter table mediation_body add column retired_at datetime(3);
alter table staff add column retired_at datetime(3);

-- Codes are the keys of the workbook; the existing rows take their group id as their code.
alter table department_office add column code varchar(64);
update department_office set code = group_id;
create unique index uk_office_code on department_office (code);
alter table mediation_body add column code varchar(64);
update mediation_body set code = group_id;
create unique index uk_mediation_body_code on mediation_body (code);

-- A department's role in the county: null for a department that handles cases; county_centre for the
-- comprehensive-governance centre that owns whatever cannot be placed lower down; supervision for an
-- office that oversees every case (was county_wide); administration for the county's administrators.
alter table department add column role varchar(16);
update department set role = 'supervision' where county_wide = true;
alter table department drop column county_wide;

-- Every county has its centre from the first start: a case with no place still has an owner. The
-- county renames it through the workbook; it cannot be retired while it is the only one.
insert into department (code, name, group_id, role) values ('county_centre', '县综治中心', 'countyCentre', 'county_centre');

-- The unit a staff member works in, by level and code; group_id stays the unit's Camunda group.
alter table staff add column unit_kind varchar(16);
alter table staff add column unit_code varchar(64);
update staff set unit_kind = 'street', unit_code = (select s.code from street s where s.group_id = staff.group_id)
  where exists (select 1 from street s where s.group_id = staff.group_id);
update staff set unit_kind = 'community', unit_code = (select c.code from community c where c.group_id = staff.group_id)
  where exists (select 1 from community c where c.group_id = staff.group_id);
update staff set unit_kind = 'grid', unit_code = (select g.code from grid g where g.group_id = staff.group_id)
  where exists (select 1 from grid g where g.group_id = staff.group_id);
update staff set unit_kind = 'department', unit_code = (select d.code from department d where d.group_id = staff.group_id)
  where exists (select 1 from department d where d.group_id = staff.group_id);
update staff set unit_kind = 'office', unit_code = (select o.code from department_office o where o.group_id = staff.group_id)
  where exists (select 1 from department_office o where o.group_id = staff.group_id);
update staff set unit_kind = 'mediation', unit_code = (select b.code from mediation_body b where b.group_id = staff.group_id)
  where exists (select 1 from mediation_body b where b.group_id = staff.group_id);

-- 住户: the households of a liaison unit. Phone, ID-card number and care flags are personal data:
-- shown whole only to the unit's head, its grid worker and its community office.
create table household (
  code        varchar(32)  not null primary key,
  unit_code   varchar(32)  not null,
  address     varchar(200) not null,
  head_name   varchar(32)  not null,
  phone       varchar(20),
  id_number   varchar(18),
  members     int,
  care_flags  varchar(200),
  retired_at  datetime(3),
  constraint fk_household_unit foreign key (unit_code) references liaison_unit (code)
);

-- Who changed what in the organisation, when, and the values before and after (JSON).
create table organisation_audit (
  id          bigint auto_increment primary key,
  at          datetime(3)  not null,
  actor       varchar(64)  not null,
  entity      varchar(24)  not null,
  code        varchar(64)  not null,
  action      varchar(16)  not null,
  before_json varchar(4000),
  after_json  varchar(4000),
  import_id   varchar(36)
);
create index ix_org_audit_entity on organisation_audit (entity, code, at);
create index ix_org_audit_at on organisation_audit (at);
