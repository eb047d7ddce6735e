/*
 * 联户 事件办理: the staff page of one case (/case/#/<caseNo>), linked from Tasklist's 处置 form. A
 * handler sees the case, its timeline and its photos (上报照片, 办理照片) and uploads photos of the
 * result, on site with the phone's camera or from the album. The header's 消息 opens the staff inbox
 * (GET /api/staff/inbox, the unread count polled every minute; POST /api/staff/inbox/{id}/read).
 *
 * The login is a server session (POST /api/session, an HttpOnly cookie); the page keeps only the user
 * name and the session's CSRF token in memory, never the password. Every API call carries
 * X-Requested-With (no Basic challenge on a 401), every write X-CSRF-Token. Photos are fetched with the
 * session and shown through blob: URLs. Plain browser JavaScript, no build step, no libraries; every
 * value from the server goes into the page as text (textContent), never as HTML. The DOM helpers, the
 * county's time, the API calls, the login form and the inbox are the staff kit's (../shared/staff.js).
 */
(function () {
  'use strict';

  var S = window.LianhuStaff;
  var $ = S.$;
  var el = S.el;
  var append = S.append;
  var clear = S.clear;
  var formatTime = S.formatTime;
  var relative = S.relative;
  var isCsrfProblem = S.isCsrfProblem;

  var MAX_FILES = 6; // per case (lianhu.attachments.max-per-report)
  var MAX_BYTES = 10 * 1024 * 1024; // per file (lianhu.attachments.max-file-size)
  var SHOWN_TYPES = /^image\/(jpeg|png|webp|gif)$/; // what a browser shows of the files chosen

  var STATUS = {
    REPORTED: '待受理', REJECTED: '不予受理', DISPATCHED: '处置中', AWAITING_RATING: '待评价',
    STREET_REVIEW: '街道复核', CLOSED: '已结案'
  };
  var URGENCY = { normal: '一般', urgent: '紧急', emergency: '特急' };
  var SOURCE = { resident: '居民', liaison_head: '联户长', grid_worker: '网格员', hotline: '热线', sensor: '感知设备' };
  var RATING = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };
  var FINISHED = { CLOSED: true, REJECTED: true };

  // ------------------------------------------------------------------------------------------------
  // messages

  /** Shows `text` in the message element `id` (hidden without text); kind: 'error', 'ok', 'warn' or none. */
  function message(id, text, kind) {
    var node = $(id);
    node.textContent = text || '';
    node.hidden = !text;
    ['error', 'ok', 'warn'].forEach(function (k) { node.classList.toggle(k, kind === k); });
  }

  // ------------------------------------------------------------------------------------------------
  // numbers and dates

  function formatSize(bytes) {
    var n = Number(bytes) || 0;
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return Math.max(1, Math.round(n / 1024)) + ' KB';
    return (Math.round(n / 1024 / 102.4) / 10) + ' MB';
  }

  /** A short name of a file's type for a tile without a picture. */
  function typeLabel(mediaType) {
    var t = String(mediaType || '');
    if (t === 'application/pdf') return 'PDF';
    if (/^image\/hei[cf]/.test(t)) return 'HEIC';
    var m = /\/([a-z0-9.+-]+)$/i.exec(t);
    return m ? m[1].toUpperCase() : '文件';
  }

  // ------------------------------------------------------------------------------------------------
  // the API

  var auth = null; // {user, csrfToken} of the session

  var client = S.client(function () { return auth; });
  var request = client.request;

  /** A file of the case (or its thumbnail) as a Blob, fetched with the session. */
  function fetchBlob(caseNo, file, thumbnail) {
    var path = 'staff/cases/' + encodeURIComponent(caseNo) + '/files/' + encodeURIComponent(file.id)
      + (thumbnail ? '/thumbnail' : '');
    return request('GET', path, { raw: true, accept: '*/*', timeout: 60000 })
      .then(function (res) { return res.blob(); });
  }

  var categoryNames = S.categoryNames; // filled by loadCategories()
  var loadCategories = S.loadCategories;

  // ------------------------------------------------------------------------------------------------
  // views

  var VIEWS = ['login-view', 'pick-view', 'case-view', 'error-view'];
  var lastUser = '';

  function showOnly(id) {
    VIEWS.forEach(function (v) { $(v).hidden = v !== id; });
    $('loading').hidden = id !== 'loading';
    var signedIn = !!auth && id !== 'login-view';
    $('who-name').hidden = !signedIn;
    $('logout').hidden = !signedIn;
    $('who-name').textContent = signedIn ? auth.user : '';
    $('inbox-btn').hidden = !signedIn;
    if (signedIn && inbox.user() !== auth.user) {
      inbox.start(auth.user);
      inbox.refresh();
    } else if (!signedIn && inbox.user()) inbox.stop();
  }

  function showLogin(note, kind) {
    closeViewer();
    showOnly('login-view');
    message('login-msg', note || '', kind || 'error');
    login.prepare(lastUser);
    document.title = '登录 · 联户事件办理';
  }

  function showPick(note) {
    closeViewer();
    showOnly('pick-view');
    message('pick-msg', note || '', 'error');
    var no = caseNoFromHash();
    if (no && !$('pick-no').value) $('pick-no').value = no;
    $('pick-no').focus();
    document.title = '打开事件 · 联户事件办理';
  }

  function showError(text) {
    closeViewer();
    showOnly('error-view');
    $('error-msg').textContent = text;
    document.title = '无法打开事件 · 联户事件办理';
  }

  /** A lost session (401) or a changed CSRF token: the login again, then the same case. */
  function sessionLost(note) {
    auth = null;
    showLogin(note || '登录已失效，请重新登录。');
  }

  // ------------------------------------------------------------------------------------------------
  // routing: #/<caseNo>

  function caseNoFromHash() {
    var m = /^#\/?(.*)$/.exec(location.hash || '');
    var raw = m ? m[1] : '';
    try { raw = decodeURIComponent(raw); } catch (e) { /* keep it as it is */ }
    return raw.replace(/\/+$/, '').trim();
  }

  function route() {
    if (!auth) {
      showLogin('');
      return;
    }
    var no = caseNoFromHash();
    if (!no) {
      current = null;
      showPick('');
      return;
    }
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(no)) {
      showPick('事件编号“' + no + '”格式不正确，应类似 2026-000123。');
      return;
    }
    loadCase(no, false);
  }

  window.addEventListener('hashchange', function () {
    resetPending();
    message('up-msg', '');
    route();
  });

  $('pick-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var no = $('pick-no').value.trim();
    if (!no) {
      message('pick-msg', '请输入事件编号。', 'error');
      return;
    }
    if (caseNoFromHash() === no) route();
    else location.hash = '#/' + encodeURIComponent(no);
  });

  function goPick() {
    $('pick-no').value = '';
    if (location.hash) location.hash = '';
    else route();
  }

  $('other-case').addEventListener('click', goPick);
  $('error-pick').addEventListener('click', goPick);
  $('error-retry').addEventListener('click', route);
  $('reload').addEventListener('click', function () { if (current) loadCase(current.summary.caseNo, true); });

  // ------------------------------------------------------------------------------------------------
  // login

  var login = S.loginForm({
    form: $('login-form'),
    user: $('l-user'),
    password: $('l-pass'),
    button: $('login-btn'),
    say: function (text, failed) { message('login-msg', text, failed ? 'error' : null); },
    signIn: function (user, password) {
      auth = null;
      return client.openSession(user, password).then(function (opened) {
        auth = opened;
        lastUser = auth.user;
      });
    },
    signedIn: route
  });

  $('logout').addEventListener('click', function () {
    if (auth) client.closeSession();
    auth = null;
    current = null;
    lastUser = '';
    resetPending();
    releaseThumbs();
    $('l-user').value = '';
    showLogin('已退出。', 'ok');
  });

  // ------------------------------------------------------------------------------------------------
  // the case

  var current = null; // the case shown (GET /api/staff/cases/<no>)
  var generation = 0;

  /** Loads and shows the case; `quiet` keeps the page as it is while loading (a refresh). */
  function loadCase(no, quiet) {
    var gen = ++generation;
    if (!quiet || !current || current.summary.caseNo !== no) {
      closeViewer();
      showOnly('loading');
    }
    return Promise.all([
      request('GET', 'staff/cases/' + encodeURIComponent(no)),
      loadCategories()
    ]).then(function (answers) {
      if (gen !== generation) return;
      if (current && current.summary.caseNo !== no) resetPending();
      current = answers[0];
      render(current);
      if (Date.now() - inbox.lastPoll() > 3000) inbox.refresh(); // the header's 消息 badge after each load
    }, function (err) {
      if (gen !== generation) return;
      if (err.status === 401) sessionLost('登录已失效，请重新登录。');
      else if (err.status === 404) {
        current = null;
        showError('没有该事件，或不属于您所在单位（事件编号 ' + no + '）。');
      } else if (err.status === 403) {
        current = null;
        showError(err.problem.detail || '该账号无权查看该事件。');
      } else {
        showError('加载失败：' + err.message);
      }
    });
  }

  function evidenceFiles(c) {
    return (c.files || []).filter(function (f) { return f.purpose === 'EVIDENCE'; });
  }

  function render(c) {
    var s = c.summary || {};
    showOnly('case-view');
    document.title = s.caseNo + ' · 联户事件办理';

    $('c-no').textContent = s.caseNo;
    var status = $('c-status');
    status.textContent = s.statusName || STATUS[s.status] || s.status || '—';
    status.className = 'status status-' + String(s.status || '').toLowerCase();
    $('c-overdue').hidden = !s.overdue;
    $('c-category').textContent = categoryNames[s.category] || s.category || '—';
    $('c-address').textContent = s.address || '—';
    var rel = FINISHED[s.status] ? '' : relative(s.handleDue);
    append(clear($('c-due')), [formatTime(s.handleDue), rel ? el('span', {
      className: 'muted small rel' + (rel.indexOf('已超') === 0 ? ' overdue-text' : ''), text: rel
    }) : null]);
    $('c-reported').textContent = formatTime(s.reportedAt);
    $('c-urgency').textContent = URGENCY[c.urgency] || c.urgency || '—';
    $('c-source').textContent = SOURCE[c.source] || c.source || '—';
    $('c-reporter').textContent = [c.reporterName, c.reporterPhone].filter(Boolean).join('　') || '—';
    $('c-description').textContent = c.description || '—';

    var outcome = clear($('c-outcome'));
    var rows = [];
    if (c.result) rows.push(['处置结果', c.result]);
    if (c.rejectReason) rows.push(['不予受理理由', c.rejectReason]);
    if (c.rating) rows.push(['群众评价', RATING[c.rating] || c.rating]);
    if (c.reopenCount) rows.push(['重办次数', c.reopenCount]);
    rows.forEach(function (r) { outcome.appendChild(el('p', null, [el('b', { text: r[0] + '：' }), String(r[1])])); });
    outcome.hidden = !rows.length;

    var evidence = evidenceFiles(c);
    $('evidence-notice').hidden = !(c.evidencePhotoRequired && !evidence.length && !FINISHED[s.status]);

    renderTasks(c.openTasks || []);
    renderPhotos(c);
    renderUploadState(c);
    renderTimeline(c.timeline || []);
  }

  function renderTasks(tasks) {
    var list = clear($('c-tasks'));
    if (!tasks.length) {
      list.appendChild(el('li', { className: 'muted', text: '没有办理中的任务' }));
      return;
    }
    tasks.forEach(function (t) {
      var who = t.assignee ? '办理人：' + t.assignee
        : (t.candidateGroups && t.candidateGroups.length ? '待认领（' + t.candidateGroups.join('、') + '）' : '待认领');
      list.appendChild(el('li', { className: 'task', 'data-task-key': t.key || null }, [
        el('b', { className: 'task-name', text: t.name || t.key || '任务' }),
        el('span', { className: 'muted small', text: who }),
        t.due ? el('span', { className: 'muted small', text: '时限 ' + formatTime(t.due) }) : null
      ]));
    });
  }

  function renderTimeline(entries) {
    var list = clear($('c-timeline'));
    var sorted = entries.slice().sort(function (a, b) {
      var ta = new Date(a.occurredAt).getTime() || 0;
      var tb = new Date(b.occurredAt).getTime() || 0;
      return ta - tb || (a.id || 0) - (b.id || 0);
    });
    if (!sorted.length) {
      list.appendChild(el('li', { className: 'muted', text: '暂无记录' }));
      return;
    }
    sorted.forEach(function (e) {
      list.appendChild(el('li', { className: e.publicEntry ? null : 'internal' }, [
        el('div', { className: 'tl-head' }, [
          el('time', { datetime: e.occurredAt, text: formatTime(e.occurredAt) }),
          el('b', { className: 'tl-action', text: e.action || '' }),
          e.actor ? el('span', { className: 'muted small', text: e.actor === 'system' ? '系统' : e.actor }) : null,
          e.publicEntry ? null : el('span', { className: 'tag', title: '上报人看不到的记录', text: '内部' })
        ]),
        e.remark ? el('p', { className: 'tl-remark', text: e.remark }) : null
      ]));
    });
  }

  // ------------------------------------------------------------------------------------------------
  // photos: thumbnails through blob: URLs, the original in an overlay, documents downloaded

  var thumbUrls = [];
  var photoRender = 0; // which rendering of the photos the thumbnails arriving belong to

  function releaseThumbs() {
    photoRender++;
    thumbUrls.forEach(function (u) { URL.revokeObjectURL(u); });
    thumbUrls = [];
  }

  function renderPhotos(c) {
    releaseThumbs();
    message('photos-msg', '');
    var gen = photoRender;
    var caseNo = c.summary.caseNo;
    var groups = { REPORT: $('group-report'), EVIDENCE: $('group-evidence') };
    Object.keys(groups).forEach(function (purpose) {
      var group = groups[purpose];
      var files = (c.files || []).filter(function (f) { return f.purpose === purpose; });
      group.querySelector('.count').textContent = files.length ? files.length + ' 个' : '';
      var list = clear(group.querySelector('.thumbs'));
      if (!files.length) {
        list.appendChild(el('li', { className: 'empty muted', text: purpose === 'REPORT' ? '上报人没有上传照片' : '还没有办理照片' }));
        return;
      }
      files.forEach(function (f) { list.appendChild(tile(caseNo, f, gen)); });
    });
  }

  function tile(caseNo, f, gen) {
    var name = f.fileName || typeLabel(f.mediaType) + ' 文件';
    var label = (f.thumbnail ? '查看原图：' : '下载：') + name;
    var btn = el('button', { type: 'button', className: 'tile-btn', 'aria-label': label, title: label });
    var li = el('li', { className: 'tile', 'data-file-id': f.id, 'data-purpose': f.purpose }, [
      btn,
      el('span', { className: 'tile-cap small' }, [
        el('span', { className: 'tile-name', text: name }),
        el('span', { className: 'muted', text: formatSize(f.size) + (f.uploadedBy ? ' · ' + f.uploadedBy : '') })
      ])
    ]);
    if (f.thumbnail) {
      var img = el('img', { className: 'thumb', alt: name, width: 160, height: 160 });
      btn.appendChild(img);
      btn.appendChild(el('span', { className: 'thumb-wait muted small', text: '加载中…' }));
      fetchBlob(caseNo, f, true).then(function (blob) {
        if (gen !== photoRender) return; // the photos were shown anew meanwhile
        var url = URL.createObjectURL(blob);
        thumbUrls.push(url);
        img.addEventListener('load', function () { li.classList.add('loaded'); }, { once: true });
        img.src = url;
      }).catch(function (err) {
        if (err.status === 401) return;
        li.classList.add('broken');
        btn.appendChild(el('span', { className: 'thumb-fail small', text: '缩略图加载失败' }));
      });
      btn.addEventListener('click', function () { openViewer(caseNo, f, btn); });
    } else {
      btn.classList.add('doc');
      btn.appendChild(el('span', { className: 'doc-type', text: typeLabel(f.mediaType) }));
      btn.appendChild(el('span', { className: 'doc-hint small', text: '点击下载原件' }));
      btn.addEventListener('click', function () { download(caseNo, f, btn); });
    }
    return li;
  }

  function saveBlob(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = el('a', { href: url, download: name, hidden: 'hidden' });
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function download(caseNo, f, btn) {
    if (btn.disabled) return;
    btn.disabled = true;
    fetchBlob(caseNo, f, false)
      .then(function (blob) { saveBlob(blob, f.fileName || ('file-' + f.id + '.' + typeLabel(f.mediaType).toLowerCase())); })
      .catch(function (err) {
        if (err.status === 401) sessionLost();
        else message('photos-msg', '下载失败：' + err.message, 'error');
      })
      .then(function () { btn.disabled = false; });
  }

  var viewerUrl = null;
  var viewerOpener = null;
  var viewerToken = 0;

  function openViewer(caseNo, f, opener) {
    var token = ++viewerToken;
    viewerOpener = opener;
    var name = f.fileName || typeLabel(f.mediaType) + ' 照片';
    $('v-name').textContent = name;
    $('v-meta').textContent = [
      f.purposeName || (f.purpose === 'EVIDENCE' ? '办理照片' : '上报照片'),
      f.uploadedBy ? '上传人 ' + f.uploadedBy : null,
      formatSize(f.size),
      f.width && f.height ? f.width + ' × ' + f.height : null,
      f.uploadedAt ? formatTime(f.uploadedAt) : null
    ].filter(Boolean).join(' · ');
    var img = $('v-img');
    img.hidden = true;
    img.removeAttribute('src');
    img.alt = name;
    $('v-download').hidden = true;
    $('v-loading').textContent = '正在加载原图…';
    $('v-loading').hidden = false;
    $('viewer').hidden = false;
    document.body.classList.add('viewing');
    $('v-close').focus();
    fetchBlob(caseNo, f, false).then(function (blob) {
      if (token !== viewerToken || $('viewer').hidden) return;
      releaseViewer();
      viewerUrl = URL.createObjectURL(blob);
      img.onload = function () { $('v-loading').hidden = true; img.hidden = false; };
      img.onerror = function () { $('v-loading').textContent = '浏览器无法显示该文件，请下载后查看。'; };
      img.src = viewerUrl;
      var dl = $('v-download');
      dl.href = viewerUrl;
      dl.setAttribute('download', f.fileName || 'photo-' + f.id);
      dl.hidden = false;
    }).catch(function (err) {
      if (token !== viewerToken) return;
      if (err.status === 401) sessionLost();
      else $('v-loading').textContent = '原图加载失败：' + err.message;
    });
  }

  function releaseViewer() {
    if (viewerUrl) URL.revokeObjectURL(viewerUrl);
    viewerUrl = null;
  }

  function closeViewer() {
    if ($('viewer').hidden) return;
    viewerToken++;
    $('viewer').hidden = true;
    document.body.classList.remove('viewing');
    var img = $('v-img');
    img.onload = null;
    img.onerror = null;
    img.removeAttribute('src');
    img.hidden = true;
    $('v-download').removeAttribute('href');
    releaseViewer();
    if (viewerOpener && document.body.contains(viewerOpener)) viewerOpener.focus();
    viewerOpener = null;
  }

  $('v-close').addEventListener('click', closeViewer);
  $('viewer').addEventListener('click', function (e) {
    if (e.target === this || e.target.classList.contains('viewer-body')) closeViewer();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !$('viewer').hidden) closeViewer();
  });

  // ------------------------------------------------------------------------------------------------
  // 上传办理照片

  var pending = []; // [{file, url}] chosen, not yet uploaded
  var uploading = false;

  function room() {
    return current ? Math.max(0, MAX_FILES - evidenceFiles(current).length) : MAX_FILES;
  }

  function renderUploadState(c) {
    var s = c.summary || {};
    var closedNote = FINISHED[s.status] ? '事件' + (s.statusName || STATUS[s.status] || '') + '，不能再上传办理照片。'
      : !(c.openTasks || []).length ? '该事件目前没有办理中的任务，不能上传办理照片。'
        : room() === 0 ? '该事件已有 ' + MAX_FILES + ' 个办理照片，不能再上传。' : '';
    message('upload-closed', closedNote, closedNote ? 'warn' : null);
    $('upload-form').hidden = !!closedNote;
    $('upload-left').textContent = closedNote ? '' : '本事件还可上传 ' + room() + ' 个。';
    renderPending();
  }

  function resetPending() {
    pending.forEach(function (p) { if (p.url) URL.revokeObjectURL(p.url); });
    pending = [];
    renderPending();
  }

  function acceptable(file) {
    var type = String(file.type || '');
    var name = String(file.name || '');
    if (type && !/^image\//.test(type) && type !== 'application/pdf') return '不是照片或 PDF 文件';
    if (!type && !/\.(jpe?g|png|webp|hei[cf]|pdf)$/i.test(name)) return '不是照片或 PDF 文件';
    if (file.size > MAX_BYTES) return '超过 10 MB（' + formatSize(file.size) + '）';
    if (!file.size) return '是空文件';
    return null;
  }

  function addFiles(list) {
    var problems = [];
    Array.prototype.forEach.call(list || [], function (file) {
      var why = acceptable(file);
      if (why) {
        problems.push((file.name || '照片') + ' ' + why);
        return;
      }
      if (pending.length >= room()) {
        problems.push((file.name || '照片') + ' 未加入：本事件最多还可上传 ' + room() + ' 个');
        return;
      }
      pending.push({ file: file, url: SHOWN_TYPES.test(file.type) ? URL.createObjectURL(file) : null });
    });
    renderPending();
    message('up-msg', problems.join('；'), problems.length ? 'error' : null);
  }

  function renderPending() {
    var list = clear($('up-previews'));
    pending.forEach(function (p, i) {
      var name = p.file.name || '照片';
      list.appendChild(el('li', { className: 'tile pending' }, [
        el('span', { className: 'tile-btn' + (p.url ? '' : ' doc') }, p.url
          ? el('img', { className: 'thumb', src: p.url, alt: '待上传：' + name })
          : el('span', { className: 'doc-type', text: typeLabel(p.file.type) || '文件' })),
        el('span', { className: 'tile-cap small' }, [
          el('span', { className: 'tile-name', text: name }),
          el('span', { className: 'muted', text: formatSize(p.file.size) })
        ]),
        el('button', { type: 'button', className: 'remove', 'data-index': i, 'aria-label': '移除 ' + name, text: '移除' })
      ]));
    });
    var btn = $('up-btn');
    btn.disabled = uploading || !pending.length;
    btn.textContent = uploading ? '正在上传…' : pending.length ? '上传（' + pending.length + ' 个）' : '上传';
  }

  $('up-previews').addEventListener('click', function (e) {
    var btn = e.target.closest('button.remove');
    if (!btn || uploading) return;
    var i = Number(btn.getAttribute('data-index'));
    var gone = pending.splice(i, 1)[0];
    if (gone && gone.url) URL.revokeObjectURL(gone.url);
    renderPending();
  });

  ['up-camera', 'up-files'].forEach(function (id) {
    $(id).addEventListener('change', function () {
      addFiles(this.files);
      this.value = ''; // the same photo may be chosen again after removing it
    });
  });

  $('upload-form').addEventListener('submit', function (e) {
    e.preventDefault();
    if (uploading || !pending.length || !current) return;
    var caseNo = current.summary.caseNo;
    var form = new FormData();
    pending.forEach(function (p) { form.append('files', p.file, p.file.name || 'photo.jpg'); });
    uploading = true;
    renderPending();
    message('up-msg', '正在上传 ' + pending.length + ' 个文件…', null);
    request('POST', 'staff/cases/' + encodeURIComponent(caseNo) + '/files', { form: form, timeout: 180000 })
      .then(function (saved) {
        var n = Array.isArray(saved) ? saved.length : pending.length;
        uploading = false;
        resetPending();
        message('up-msg', '已上传 ' + n + ' 个办理照片。', 'ok');
        return loadCase(caseNo, true);
      }, function (err) {
        uploading = false;
        renderPending();
        if (err.status === 401) {
          sessionLost('登录已失效，请重新登录后再上传（已选的照片仍保留）。');
        } else if (isCsrfProblem(err)) {
          sessionLost('登录状态已变化（可能在其他页面重新登录过），请重新登录后再上传。');
        } else {
          // 400/403/409/413/415 say why in their problem (title and detail); other failures need a word.
          var said = err.status >= 400 && err.status < 500 && (err.problem.title || err.problem.detail);
          message('up-msg', (said ? '' : '上传失败：') + err.message, 'error');
        }
      });
  });

  // ------------------------------------------------------------------------------------------------
  // 消息: the staff inbox behind the header's button (the kit's); a message's case opens in this page.

  var inbox = S.inbox({
    request: request,
    signedIn: function () { return !!auth; },
    lost: function () { sessionLost('登录已失效，请重新登录。'); },
    casePage: '#/' // this very page, the case's
  });

  // ------------------------------------------------------------------------------------------------
  // start: a reload keeps the login as long as the server's session lasts

  client.currentSession()
    .then(function (s) {
      auth = s;
      if (auth) lastUser = auth.user;
    })
    .then(route);
})();
