-- Demo mediation bodies: each street's people's mediation committee, judicial office (administrative
-- mediation) and the court's circuit office (judicial mediation).
insert into mediation_body (street_code, kind, name, group_id) values
  ('dongcheng', 'people',         '东城街道人民调解委员会', 'mediationPeopleDongcheng'),
  ('dongcheng', 'administrative', '东城司法所',             'mediationAdminDongcheng'),
  ('dongcheng', 'judicial',       '县法院东城法庭',         'mediationCourtDongcheng'),
  ('xicheng',   'people',         '西城街道人民调解委员会', 'mediationPeopleXicheng'),
  ('xicheng',   'administrative', '西城司法所',             'mediationAdminXicheng'),
  ('xicheng',   'judicial',       '县法院西城法庭',         'mediationCourtXicheng');

insert into staff (user_id, name, phone, group_id) values
  ('zhoumin',  '周敏', '13800000061', 'mediationPeopleDongcheng'),
  ('qianhao',  '钱浩', '13800000062', 'mediationAdminDongcheng'),
  ('jiangfa',  '蒋法', '13800000063', 'mediationCourtDongcheng'),
  ('luoxin',   '罗欣', '13800000064', 'mediationPeopleXicheng'),
  ('shenyi',   '沈毅', '13800000065', 'mediationAdminXicheng'),
  ('weizheng', '魏正', '13800000066', 'mediationCourtXicheng');
