-- The demo units' heads log in with their names in pinyin (password demo, set by the start-up sync).
update liaison_unit set head_user_id = 'lixiuying' where code = 'hepingli1a';
update liaison_unit set head_user_id = 'zhangjianguo' where code = 'hepingli1b';
update liaison_unit set head_user_id = 'wangguilan' where code = 'hepingli2a';
update liaison_unit set head_user_id = 'liudeming' where code = 'hepingli2b';
update liaison_unit set head_user_id = 'chenyuzhen' where code = 'qingnianlu1a';
update liaison_unit set head_user_id = 'yangzhiqiang' where code = 'qingnianlu1b';
update liaison_unit set head_user_id = 'zhaoshufen' where code = 'qingnianlu2a';
update liaison_unit set head_user_id = 'huangyongfu' where code = 'qingnianlu2b';
update liaison_unit set head_user_id = 'zhoulihua' where code = 'xinhua1a';
update liaison_unit set head_user_id = 'wuguoqing' where code = 'xinhua1b';
update liaison_unit set head_user_id = 'xuguiying' where code = 'xinhua2a';
update liaison_unit set head_user_id = 'sunjianhua' where code = 'xinhua2b';
update liaison_unit set head_user_id = 'mayulan' where code = 'taoyuan1a';
update liaison_unit set head_user_id = 'zhuchanglin' where code = 'taoyuan1b';
update liaison_unit set head_user_id = 'huxiumei' where code = 'taoyuan2a';
update liaison_unit set head_user_id = 'guodesheng' where code = 'taoyuan2b';
