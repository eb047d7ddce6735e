-- Demo organisation for the embedded default (profile mysql leaves db/demo out).
-- 示范县: two streets, four communities, eight grids, sixteen liaison units, eight departments.

insert into street (code, name, group_id, address_keywords) values
  ('dongcheng', '东城街道', 'streetDongcheng', '东城'),
  ('xicheng',   '西城街道', 'streetXicheng',   '西城');

insert into community (code, street_code, name, kind, group_id, address_keywords) values
  ('hepingli',   'dongcheng', '和平里社区', 'community', 'communityHepingli',   '和平里'),
  ('qingnianlu', 'dongcheng', '青年路社区', 'community', 'communityQingnianlu', '青年路'),
  ('xinhua',     'xicheng',   '新华社区',   'community', 'communityXinhua',     '新华'),
  ('taoyuan',    'xicheng',   '桃园村',     'village',   'communityTaoyuan',    '桃园');

insert into grid (code, community_code, name, group_id, worker_user_id, address_keywords, min_lat, max_lat, min_lng, max_lng) values
  ('hepingli1',   'hepingli',   '和平里第一网格', 'gridHepingli1',   'wangli',    '和平里东街,和平里一区', 30.000000, 30.005000, 120.000000, 120.005000),
  ('hepingli2',   'hepingli',   '和平里第二网格', 'gridHepingli2',   'zhaoqiang', '和平里西街,和平里二区', 30.005000, 30.010000, 120.000000, 120.005000),
  ('qingnianlu1', 'qingnianlu', '青年路第一网格', 'gridQingnianlu1', 'liuyang',   '青年路北段',            30.000000, 30.005000, 120.005000, 120.010000),
  ('qingnianlu2', 'qingnianlu', '青年路第二网格', 'gridQingnianlu2', 'chenjing',  '青年路南段',            30.005000, 30.010000, 120.005000, 120.010000),
  ('xinhua1',     'xinhua',     '新华第一网格',   'gridXinhua1',     'yangfan',   '新华路东段,新华一村',   30.010000, 30.015000, 120.000000, 120.005000),
  ('xinhua2',     'xinhua',     '新华第二网格',   'gridXinhua2',     'huangmin',  '新华路西段,新华二村',   30.015000, 30.020000, 120.000000, 120.005000),
  ('taoyuan1',    'taoyuan',    '桃园村第一网格', 'gridTaoyuan1',    'zhouwei',   '桃园东组',              30.010000, 30.015000, 120.005000, 120.010000),
  ('taoyuan2',    'taoyuan',    '桃园村第二网格', 'gridTaoyuan2',    'wuhua',     '桃园西组',              30.015000, 30.020000, 120.005000, 120.010000);

insert into liaison_unit (code, grid_code, name, head_name, head_phone, households) values
  ('hepingli1a',   'hepingli1',   '和平里一区1号楼联户单元', '李秀英', '13900000101', 12),
  ('hepingli1b',   'hepingli1',   '和平里一区2号楼联户单元', '张建国', '13900000102', 14),
  ('hepingli2a',   'hepingli2',   '和平里二区5号楼联户单元', '王桂兰', '13900000103', 11),
  ('hepingli2b',   'hepingli2',   '和平里二区6号楼联户单元', '刘德明', '13900000104', 15),
  ('qingnianlu1a', 'qingnianlu1', '青年路北段1组联户单元',   '陈玉珍', '13900000105', 13),
  ('qingnianlu1b', 'qingnianlu1', '青年路北段2组联户单元',   '杨志强', '13900000106', 10),
  ('qingnianlu2a', 'qingnianlu2', '青年路南段1组联户单元',   '赵淑芬', '13900000107', 12),
  ('qingnianlu2b', 'qingnianlu2', '青年路南段2组联户单元',   '黄永福', '13900000108', 14),
  ('xinhua1a',     'xinhua1',     '新华一村东片联户单元',    '周丽华', '13900000109', 15),
  ('xinhua1b',     'xinhua1',     '新华一村西片联户单元',    '吴国庆', '13900000110', 11),
  ('xinhua2a',     'xinhua2',     '新华二村东片联户单元',    '徐桂英', '13900000111', 12),
  ('xinhua2b',     'xinhua2',     '新华二村西片联户单元',    '孙建华', '13900000112', 13),
  ('taoyuan1a',    'taoyuan1',    '桃园东组一片联户单元',    '马玉兰', '13900000113', 10),
  ('taoyuan1b',    'taoyuan1',    '桃园东组二片联户单元',    '朱长林', '13900000114', 15),
  ('taoyuan2a',    'taoyuan2',    '桃园西组一片联户单元',    '胡秀梅', '13900000115', 12),
  ('taoyuan2b',    'taoyuan2',    '桃园西组二片联户单元',    '郭德胜', '13900000116', 14);

insert into department (code, name, group_id) values
  ('municipal',   '县市政管理处',         'deptMunicipal'),
  ('water',       '县水务局',             'deptWater'),
  ('power',       '县供电公司',           'deptPower'),
  ('urban',       '县城市管理局',         'deptUrban'),
  ('police',      '县公安局',             'deptPolice'),
  ('civil',       '县民政局',             'deptCivil'),
  ('housing',     '县住房和城乡建设局',   'deptHousing'),
  ('supervision', '县政府督查室',         'deptSupervision');

insert into department_office (department_code, street_code, name, group_id) values
  ('municipal',   null,        '市政维修中心',       'officeMunicipal'),
  ('water',       null,        '水务客服中心',       'officeWater'),
  ('power',       null,        '供电抢修中心',       'officePower'),
  ('urban',       'dongcheng', '城管东城中队',       'officeUrbanDongcheng'),
  ('urban',       'xicheng',   '城管西城中队',       'officeUrbanXicheng'),
  ('police',      'dongcheng', '东城派出所',         'officePoliceDongcheng'),
  ('police',      'xicheng',   '西城派出所',         'officePoliceXicheng'),
  ('civil',       null,        '民政救助站',         'officeCivil'),
  ('housing',     null,        '房屋安全管理站',     'officeHousing'),
  ('supervision', null,        '督查室督办科',       'officeSupervision');

insert into staff (user_id, name, phone, group_id) values
  ('wangli',    '王丽', '13800000001', 'gridHepingli1'),
  ('zhaoqiang', '赵强', '13800000002', 'gridHepingli2'),
  ('liuyang',   '刘洋', '13800000003', 'gridQingnianlu1'),
  ('chenjing',  '陈静', '13800000004', 'gridQingnianlu2'),
  ('yangfan',   '杨帆', '13800000005', 'gridXinhua1'),
  ('huangmin',  '黄敏', '13800000006', 'gridXinhua2'),
  ('zhouwei',   '周伟', '13800000007', 'gridTaoyuan1'),
  ('wuhua',     '吴华', '13800000008', 'gridTaoyuan2'),
  ('sunli',     '孙丽', '13800000011', 'communityHepingli'),
  ('zhengtao',  '郑涛', '13800000012', 'communityQingnianlu'),
  ('fengxia',   '冯霞', '13800000013', 'communityXinhua'),
  ('hejun',     '何军', '13800000014', 'communityTaoyuan'),
  ('gaofeng',   '高峰', '13800000021', 'streetDongcheng'),
  ('linlin',    '林琳', '13800000022', 'streetXicheng'),
  ('majie',     '马杰', '13800000031', 'countyCentre'),
  ('luoming',   '罗明', '13800000041', 'officeMunicipal'),
  ('songyu',    '宋雨', '13800000042', 'officeWater'),
  ('tangkai',   '唐凯', '13800000043', 'officePower'),
  ('hanxue',    '韩雪', '13800000044', 'officeUrbanDongcheng'),
  ('dengchao',  '邓超', '13800000045', 'officeUrbanXicheng'),
  ('caolei',    '曹磊', '13800000046', 'officePoliceDongcheng'),
  ('pengbo',    '彭博', '13800000047', 'officePoliceXicheng'),
  ('xumei',     '许梅', '13800000048', 'officeCivil'),
  ('yuanjie',   '袁杰', '13800000049', 'officeHousing'),
  ('duchao',    '杜超', '13800000050', 'officeSupervision');
