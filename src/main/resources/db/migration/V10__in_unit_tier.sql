-- The in-unit tier (issue #13, docs/liaison-units.md): small matters a liaison head settles in the unit
-- get categories of their own (the routing table sends neighbours' noise in general to the police), and
-- each case records what became of it in the unit, for the heads' KPIs.
insert into case_category (code, name, sort_order, active) values
  ('neighbour_noise',  '邻里噪音',     82, true),
  ('corridor_clutter', '楼道堆物',     62, true),
  ('shared_facility',  '公共设施小修', 105, true);

-- null: the case never went to a head; pending, resolved, passed_up, referred, timed_out.
alter table case_record add column unit_outcome varchar(16);
