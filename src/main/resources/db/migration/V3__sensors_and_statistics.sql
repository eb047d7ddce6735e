-- Sensor alerts attach to the open case of their device; statistics read cases by period and unit.

alter table case_record add column device_id varchar(64);
create index ix_case_device on case_record (device_id, status);
create index ix_case_created on case_record (created_at);
create index ix_case_department on case_record (department_code, created_at);

create table device_alert (
  id          bigint auto_increment primary key,
  device_id   varchar(64)  not null,
  alert_type  varchar(32)  not null,
  status      varchar(16)  not null,
  message     varchar(500),
  case_id     bigint,
  received_at datetime(3)  not null,
  constraint fk_alert_case foreign key (case_id) references case_record (id)
);
create index ix_alert_device on device_alert (device_id, received_at);

-- One row per device: alerts of the same device are handled one at a time (row lock), so that a burst of
-- alerts opens one case, not several.
create table device (
  device_id  varchar(64) not null primary key,
  first_seen datetime(3) not null
);
