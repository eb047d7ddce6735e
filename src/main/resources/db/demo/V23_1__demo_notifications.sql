-- The demo's staff who are told by e-mail as well as in their inbox (the embedded server logs e-mails
-- instead of sending them unless spring.mail.host is set).
update staff set email = 'wangli@demo.lianhu.local', notify_by = 'EMAIL' where user_id = 'wangli';
update staff set email = 'hanxue@demo.lianhu.local', notify_by = 'EMAIL' where user_id = 'hanxue';
update staff set email = 'duchao@demo.lianhu.local', notify_by = 'EMAIL' where user_id = 'duchao';
