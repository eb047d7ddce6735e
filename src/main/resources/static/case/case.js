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
 * value from the server goes into the page as text (textContent), never as HTML.
 */
(function () {
  'use strict';

  var API = '../api/';
  var ZONE = 'Asia/Shanghai'; // the county's time zone: deadlines and times are the county's
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

  function $(id) { return document.getElementById(id); }

  // ------------------------------------------------------------------------------------------------
  // DOM helpers: text only

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v == null || v === false) return;
        if (k === 'text') node.textContent = String(v);
        else if (k === 'className') node.setAttribute('class', v);
        else node.setAttribute(k, String(v));
      });
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    if (children == null) return node;
    (Array.isArray(children) ? children : [children]).forEach(function (c) {
      if (c == null || c === false) return;
      node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** Shows `text` in the message element `id` (hidden without text); kind: 'error', 'ok', 'warn' or none. */
  function message(id, text, kind) {
    var node = $(id);
    node.textContent = text || '';
    node.hidden = !text;
    ['error', 'ok', 'warn'].forEach(function (k) { node.classList.toggle(k, kind === k); });
  }

  // ------------------------------------------------------------------------------------------------
  // numbers and dates

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function partsIn(date) {
    var p = {};
    try {
      new Intl.DateTimeFormat('en-GB', {
        timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
      }).formatToParts(date).forEach(function (x) { p[x.type] = x.value; });
    } catch (e) {
      p = { year: String(date.getFullYear()), month: pad(date.getMonth() + 1), day: pad(date.getDate()),
        hour: pad(date.getHours()), minute: pad(date.getMinutes()) };
    }
    return p;
  }

  /** An instant in the county's time, "2026-12-15 07:03"; '—' without one. */
  function formatTime(iso) {
    if (!iso) return '—';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    var p = partsIn(d);
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  /** "已超 3 小时" / "剩 2 天" relative to now. */
  function relative(iso) {
    if (!iso) return '';
    var ms = new Date(iso).getTime() - Date.now();
    if (isNaN(ms)) return '';
    var abs = Math.abs(ms);
    var span = abs < 3600e3 ? Math.max(1, Math.round(abs / 60e3)) + ' 分钟'
      : abs < 48 * 3600e3 ? Math.round(abs / 3600e3) + ' 小时'
        : Math.round(abs / 86400e3) + ' 天';
    return ms < 0 ? '已超 ' + span : '剩 ' + span;
  }

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

  function ApiError(status, problem, fallback) {
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem && typeof problem === 'object' ? problem : {};
    this.message = fallback || problemText(this.problem, status);
  }

  /** The problem's title, detail and field errors as one sentence. */
  function problemText(p, status) {
    var parts = [];
    if (p.title) parts.push(String(p.title));
    if (p.detail && p.detail !== p.title) parts.push(String(p.detail));
    var errors = p.errors;
    if (errors && typeof errors === 'object') {
      (Array.isArray(errors) ? errors : Object.keys(errors).map(function (k) { return errors[k]; }))
        .forEach(function (e) {
          var t = typeof e === 'string' ? e : e && (e.message || e.detail || e.reason);
          if (t && parts.indexOf(String(t)) < 0) parts.push(String(t));
        });
    }
    return parts.join('：') || ('服务器返回错误 ' + status);
  }

  function isCsrfProblem(err) {
    return err.status === 403 && /csrf/i.test(String(err.problem.type || ''));
  }

  /**
   * Calls the API in the staff session. options: body (JSON), form (FormData), raw (answer the
   * Response itself), timeout (ms). Answers the parsed JSON (null without a body), or fails with an
   * ApiError (status 0 without an answer).
   */
  function request(method, path, options) {
    options = options || {};
    var headers = { 'Accept': options.accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && auth && auth.csrfToken) headers['X-CSRF-Token'] = auth.csrfToken;
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, options.timeout || 30000);
    return fetch(API + path, {
      method: method,
      headers: headers,
      body: options.form || (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      cache: 'no-store',
      keepalive: options.keepalive || false,
      signal: controller ? controller.signal : undefined
    }).then(function (res) {
      if (res.ok && options.raw) {
        clearTimeout(timer);
        return res;
      }
      return res.text().then(function (t) {
        clearTimeout(timer);
        var json = null;
        try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
        if (res.ok) return json;
        throw new ApiError(res.status, json);
      });
    }, function (err) {
      clearTimeout(timer);
      throw new ApiError(0, null,
        err && err.name === 'AbortError' ? '服务器响应超时，请稍后再试' : '无法连接服务器，请检查网络');
    });
  }

  /** A file of the case (or its thumbnail) as a Blob, fetched with the session. */
  function fetchBlob(caseNo, file, thumbnail) {
    var path = 'staff/cases/' + encodeURIComponent(caseNo) + '/files/' + encodeURIComponent(file.id)
      + (thumbnail ? '/thumbnail' : '');
    return request('GET', path, { raw: true, accept: '*/*', timeout: 60000 })
      .then(function (res) { return res.blob(); });
  }

  var categoryNames = {};
  var categoriesLoaded = null;

  /** The categories' names (GET /api/categories, public); never fails. */
  function loadCategories() {
    if (!categoriesLoaded) {
      categoriesLoaded = fetch(API + 'categories', { credentials: 'omit', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (list) {
          (Array.isArray(list) ? list : []).forEach(function (c) { if (c && c.code) categoryNames[c.code] = c.name; });
        })
        .catch(function () { categoriesLoaded = null; });
    }
    return categoriesLoaded || Promise.resolve();
  }

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
    if (signedIn && inbox.user !== auth.user) startInbox(auth.user);
    else if (!signedIn && inbox.user) stopInbox();
  }

  function showLogin(note, kind) {
    closeViewer();
    showOnly('login-view');
    message('login-msg', note || '', kind || 'error');
    var user = $('l-user');
    if (!user.value && lastUser) user.value = lastUser;
    $('l-pass').value = '';
    (user.value ? $('l-pass') : user).focus();
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

  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var user = $('l-user').value.trim();
    var password = $('l-pass').value;
    if (!user || !password) {
      message('login-msg', '请输入用户名和密码。', 'error');
      return;
    }
    var btn = $('login-btn');
    btn.disabled = true;
    btn.textContent = '正在登录…';
    auth = null;
    request('POST', 'session', { body: { user: user, password: password } })
      .then(function (opened) {
        auth = { user: (opened && opened.user) || user, csrfToken: opened && opened.csrfToken };
        lastUser = auth.user;
        $('l-pass').value = '';
        message('login-msg', '');
        route();
      }, function (err) {
        var text = err.status === 401 ? '用户名或密码不正确。连续输错后需稍等片刻才能再试。'
          : err.status === 429 ? '尝试次数过多，请稍后再试。' : '登录失败：' + err.message;
        message('login-msg', text, 'error');
        $('l-pass').select();
      })
      .then(function () {
        btn.disabled = false;
        btn.textContent = '登录';
      });
  });

  $('logout').addEventListener('click', function () {
    if (auth) request('DELETE', 'session', { keepalive: true }).catch(function () { /* ends with the server's timeout anyway */ });
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
      if (Date.now() - inbox.lastPoll > 3000) refreshUnread(); // the header's 消息 badge after each load
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
  // 消息: the staff inbox behind the header's button. The badge is GET /api/staff/inbox/unread, asked
  // on login, every minute while the page is visible and after each action; the panel lists the latest
  // INBOX_SIZE messages (GET /api/staff/inbox?size=…); opening a message's case or 标为已读 sends
  // POST /api/staff/inbox/{id}/read in the session (with its CSRF token).

  var INBOX_SIZE = 50;
  var INBOX_POLL_MS = 60 * 1000;
  var inbox = {
    gen: 0, // the login the answers belong to: bumped on login and logout
    user: null, // whose messages they are
    unread: 0,
    items: [],
    listed: false,
    countSeq: 0, // the latest count asked; older answers (or ones asked before a mark) are dropped
    listSeq: 0,
    asking: 0,
    lastPoll: 0,
    markingAll: false
  };

  /** What to say of a failed inbox request; null when the login form takes over (a 401). */
  function inboxErrorText(err) {
    if (err.status === 401) {
      sessionLost('登录已失效，请重新登录。');
      return null;
    }
    if (isCsrfProblem(err)) return '登录状态已变化（可能在其他页面重新登录过），请退出后重新登录。';
    if (err.status === 403) return '该账号无权查看消息。';
    return err && err.message ? err.message : String(err);
  }

  function inboxMessage(text, kind) {
    var node = $('inbox-msg');
    node.textContent = text || '';
    node.hidden = !text;
    node.classList.toggle('error', kind === 'error');
    node.classList.toggle('ok', kind === 'ok');
  }

  function renderBadge() {
    var n = Math.max(0, Number(inbox.unread) || 0);
    var badge = $('inbox-badge');
    badge.textContent = n > 99 ? '99+' : String(n);
    badge.setAttribute('data-count', String(n));
    badge.hidden = n === 0;
    var label = n ? '消息（' + n + ' 条未读）' : '消息（没有未读消息）';
    $('inbox-btn').setAttribute('aria-label', label);
    $('inbox-btn').title = label;
    $('inbox-count').textContent = n ? n + ' 条未读' : '没有未读消息';
    $('inbox-read-all').disabled = inbox.markingAll || !n;
  }

  /** Asks the server for the number of unread messages and shows it on the badge. */
  function refreshUnread() {
    if (!auth) return Promise.resolve();
    var gen = inbox.gen;
    var seq = ++inbox.countSeq;
    var btn = $('inbox-btn');
    inbox.asking++;
    inbox.lastPoll = Date.now();
    btn.setAttribute('aria-busy', 'true');
    return request('GET', 'staff/inbox/unread', { timeout: 15000 })
      .then(function (answer) {
        if (gen !== inbox.gen || seq !== inbox.countSeq) return;
        inbox.unread = answer && typeof answer.unread === 'number' ? answer.unread : 0;
        renderBadge();
      }, function (err) {
        if (gen !== inbox.gen || seq !== inbox.countSeq) return;
        if (err.status === 401) {
          sessionLost('登录已失效，请重新登录。');
          return;
        }
        btn.title = '未能检查新消息：' + inboxErrorText(err);
        if (window.console) console.error(err);
      })
      .then(function () {
        inbox.asking = Math.max(0, inbox.asking - 1);
        if (!inbox.asking) btn.removeAttribute('aria-busy');
      });
  }

  function inboxItem(m) {
    var unread = !m.readAt;
    var caseNo = m.caseNo ? String(m.caseNo) : '';
    return el('li', {
      className: 'inbox-item' + (unread ? ' unread' : ''), 'data-id': m.id, 'data-event': m.event || null,
      'data-unread': unread ? 'true' : 'false', 'data-case': caseNo || null, tabindex: '-1'
    }, [
      el('div', { className: 'inbox-meta' }, [
        unread ? el('span', { className: 'inbox-new', text: '未读' }) : null,
        el('span', { className: 'inbox-event', text: m.eventName || m.event || '消息' }),
        el('time', { datetime: m.createdAt || null, text: formatTime(m.createdAt) })
      ]),
      el('p', { className: 'inbox-subject', text: m.subject || '（无标题）' }),
      m.body ? el('p', { className: 'inbox-body', text: m.body }) : null,
      caseNo || unread ? el('div', { className: 'inbox-actions' }, [
        // This very page, the case's (#/<caseNo>).
        caseNo ? el('a', { className: 'inbox-case', href: '#/' + encodeURIComponent(caseNo), 'data-id': m.id, text: '打开事件 ' + caseNo }) : null,
        unread ? el('button', { type: 'button', className: 'inbox-read', 'data-id': m.id, text: '标为已读' }) : null
      ]) : null
    ]);
  }

  function renderInbox() {
    var list = clear($('inbox-list'));
    if (!inbox.items.length) {
      list.appendChild(el('li', { className: 'inbox-empty muted', text: '暂无消息' }));
      return;
    }
    inbox.items.forEach(function (m) { list.appendChild(inboxItem(m)); });
  }

  function findItem(id) {
    for (var i = 0; i < inbox.items.length; i++) if (String(inbox.items[i].id) === String(id)) return inbox.items[i];
    return null;
  }

  function itemNode(id) {
    var nodes = $('inbox-list').querySelectorAll('li.inbox-item');
    for (var i = 0; i < nodes.length; i++) if (nodes[i].getAttribute('data-id') === String(id)) return nodes[i];
    return null;
  }

  /** Loads the latest messages into the panel; `quiet` keeps the list shown while loading. */
  function loadInbox(quiet) {
    if (!auth) return Promise.resolve();
    var gen = inbox.gen;
    var seq = ++inbox.listSeq;
    var list = $('inbox-list');
    if (!quiet || !inbox.listed) append(clear(list), el('li', { className: 'inbox-empty muted', text: '正在加载…' }));
    list.setAttribute('aria-busy', 'true');
    return request('GET', 'staff/inbox?size=' + INBOX_SIZE)
      .then(function (items) {
        if (gen !== inbox.gen || seq !== inbox.listSeq) return;
        inbox.items = Array.isArray(items) ? items.slice(0, INBOX_SIZE) : [];
        inbox.listed = true;
        if (!$('inbox-msg').classList.contains('ok')) inboxMessage('');
        renderInbox();
      }, function (err) {
        if (gen !== inbox.gen || seq !== inbox.listSeq) return;
        var text = inboxErrorText(err);
        if (text == null) return;
        if (!inbox.listed) clear(list);
        inboxMessage('消息加载失败：' + text, 'error');
      })
      .then(function () { if (seq === inbox.listSeq) list.removeAttribute('aria-busy'); });
  }

  /** Marks the message `id` read (POST …/read), then shows it so and asks for the count anew. */
  function markRead(id, options) {
    options = options || {};
    var m = findItem(id);
    if (!m || m.readAt || m.marking) return Promise.resolve();
    var gen = inbox.gen;
    m.marking = true;
    var node = itemNode(id);
    var btn = node && node.querySelector('button.inbox-read');
    if (btn) {
      btn.disabled = true;
      btn.textContent = '正在标记…';
    }
    inbox.countSeq++; // a count asked before this mark is out of date
    return request('POST', 'staff/inbox/' + encodeURIComponent(id) + '/read', { keepalive: !!options.keepalive })
      .then(function () {
        m.marking = false;
        if (gen !== inbox.gen) return;
        m.readAt = new Date().toISOString();
        inbox.unread = Math.max(0, inbox.unread - 1);
        renderBadge();
        var old = itemNode(id);
        if (old) {
          var fresh = inboxItem(m);
          old.parentNode.replaceChild(fresh, old);
          if (options.focus) fresh.focus();
        }
        return refreshUnread();
      }, function (err) {
        m.marking = false;
        if (gen !== inbox.gen) return;
        if (btn) {
          btn.disabled = false;
          btn.textContent = '标为已读';
        }
        if (err.status === 404) {
          inboxMessage('该消息已不存在。', 'error');
          loadInbox(true);
          refreshUnread();
          return;
        }
        var text = inboxErrorText(err);
        if (text != null) inboxMessage('未能标为已读：' + text, 'error');
      });
  }

  /** Marks every unread message read: the unread ones, INBOX_SIZE at a time, until none is left. */
  function markAllRead() {
    if (inbox.markingAll || !auth) return;
    var gen = inbox.gen;
    var btn = $('inbox-read-all');
    var done = 0;
    inbox.markingAll = true;
    btn.disabled = true;
    btn.textContent = '正在标记…';
    inboxMessage('');
    var round = function (left) {
      return request('GET', 'staff/inbox?unread=true&size=' + INBOX_SIZE).then(function (items) {
        var unread = (Array.isArray(items) ? items : []).filter(function (m) { return !m.readAt; });
        if (!unread.length || gen !== inbox.gen) return null;
        inbox.countSeq++;
        return Promise.all(unread.map(function (m) {
          return request('POST', 'staff/inbox/' + encodeURIComponent(m.id) + '/read').then(function () { done++; }, function (err) {
            if (err.status !== 404) throw err; // gone meanwhile: nothing to mark
          });
        })).then(function () { return left > 1 && unread.length >= INBOX_SIZE ? round(left - 1) : null; });
      });
    };
    round(20)
      .then(function () {
        if (gen === inbox.gen) inboxMessage(done ? '已将 ' + done + ' 条消息标为已读。' : '没有未读消息。', 'ok');
      }, function (err) {
        if (gen !== inbox.gen) return;
        var text = inboxErrorText(err);
        if (text != null) inboxMessage('未能全部标为已读：' + text + (done ? '（已标记 ' + done + ' 条）' : ''), 'error');
      })
      .then(function () {
        inbox.markingAll = false;
        btn.textContent = '全部标为已读';
        if (gen !== inbox.gen) return;
        renderBadge();
        loadInbox(true);
        refreshUnread();
      });
  }

  function openInbox() {
    var panel = $('inbox-panel');
    if (!panel.hidden || !auth) return;
    panel.hidden = false;
    $('inbox-btn').setAttribute('aria-expanded', 'true');
    document.body.classList.add('inbox-open');
    inboxMessage('');
    loadInbox(false);
    refreshUnread();
    $('inbox-close').focus();
  }

  function closeInbox(returnFocus) {
    var panel = $('inbox-panel');
    if (panel.hidden) return;
    panel.hidden = true;
    $('inbox-btn').setAttribute('aria-expanded', 'false');
    document.body.classList.remove('inbox-open');
    if (returnFocus) $('inbox-btn').focus();
  }

  /** Signed in as `user` (a login, or the session found on load): a fresh badge. */
  function startInbox(user) {
    inbox.gen++;
    inbox.user = user;
    inbox.items = [];
    inbox.listed = false;
    inbox.unread = 0;
    renderBadge();
    refreshUnread();
  }

  /** Logged out (or the session lost): nothing of the user's messages stays in the page. */
  function stopInbox() {
    inbox.gen++;
    inbox.user = null;
    closeInbox(false);
    inbox.items = [];
    inbox.listed = false;
    inbox.unread = 0;
    inbox.markingAll = false;
    $('inbox-read-all').textContent = '全部标为已读';
    clear($('inbox-list'));
    inboxMessage('');
    renderBadge();
  }

  $('inbox-btn').addEventListener('click', function () {
    if ($('inbox-panel').hidden) openInbox();
    else closeInbox(false);
  });
  $('inbox-close').addEventListener('click', function () { closeInbox(true); });
  $('inbox-refresh').addEventListener('click', function () {
    inboxMessage('');
    loadInbox(true);
    refreshUnread();
  });
  $('inbox-read-all').addEventListener('click', markAllRead);
  $('inbox-list').addEventListener('click', function (e) {
    var read = e.target.closest('button.inbox-read');
    if (read) {
      markRead(read.getAttribute('data-id'), { focus: true });
      return;
    }
    var link = e.target.closest('a.inbox-case');
    // Opening the case reads the message; the page turns to it (hashchange).
    if (link) {
      markRead(link.getAttribute('data-id'), { keepalive: true });
      closeInbox(false);
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !$('inbox-panel').hidden) closeInbox(true);
  });
  document.addEventListener('click', function (e) {
    var panel = $('inbox-panel');
    if (panel.hidden || !document.contains(e.target)) return;
    if (!panel.contains(e.target) && !$('inbox-btn').contains(e.target)) closeInbox(false);
  });

  // The badge every minute while the page is visible (and at once when it comes back after longer).
  function pollInbox() {
    if (!auth || !inbox.user || document.hidden || Date.now() - inbox.lastPoll < INBOX_POLL_MS - 1000) return;
    refreshUnread();
    if (!$('inbox-panel').hidden && !inbox.markingAll) loadInbox(true);
  }
  setInterval(pollInbox, 15000);
  document.addEventListener('visibilitychange', pollInbox);

  // ------------------------------------------------------------------------------------------------
  // start: a reload keeps the login as long as the server's session lasts

  request('GET', 'session')
    .then(function (s) {
      auth = s && s.user ? { user: s.user, csrfToken: s.csrfToken } : null;
      if (auth) lastUser = auth.user;
    }, function () { auth = null; })
    .then(route);
})();
