-- The demo county's administrators: 县数据资源管理局 runs the organisation data (秦芳 logs in as qinfang).
insert into department (code, name, group_id, role) values ('admin', '县数据资源管理局', 'countyAdmin', 'administration');
insert into staff (user_id, name, phone, group_id, unit_kind, unit_code) values
  ('qinfang', '秦芳', '13800000071', 'countyAdmin', 'department', 'admin');
