/*
 * 联户 staff kit: what the staff pages (the dashboard /dashboard/, the case's page /case/) share, as one
 * global, window.LianhuStaff. Each page loads it (../shared/staff.js) before its own script.
 *
 * - DOM builders, text only: el, setAttrs, append, clear, $.
 * - The county's time (Asia/Shanghai): partsIn, formatTime, relative.
 * - The API in a staff session: client(getAuth) answers request (X-Requested-With on every call, so a
 *   401 brings no Basic challenge; X-CSRF-Token of the session on every write) and the session's own
 *   calls (POST, GET, DELETE /api/session). The login is an HttpOnly cookie; a page keeps only the user
 *   name and the session's CSRF token, never the password.
 * - The login form (loginForm) and the staff inbox behind the header's 消息 (inbox).
 *
 * Plain browser JavaScript, no build step, no libraries; every value from the server goes into the
 * page as text (textContent), never as HTML.
 */
(function () {
  'use strict';

  var API = '../api/';
  var ZONE = 'Asia/Shanghai'; // the county's time zone: deadlines, periods and dates are the county's

  function $(id) { return document.getElementById(id); }

  // ------------------------------------------------------------------------------------------------
  // DOM helpers: text only

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v == null || v === false) return;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'className') node.setAttribute('class', v);
      // Through the CSSOM: the pages' Content-Security-Policy refuses style attributes.
      else if (k === 'style') node.style.cssText = String(v);
      else node.setAttribute(k, String(v));
    });
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

  // ------------------------------------------------------------------------------------------------
  // the county's time

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /** The parts ({year, month, day, hour, minute, second}) of `date` in the county, as `options` ask. */
  function partsIn(date, options) {
    var p = {};
    try {
      new Intl.DateTimeFormat('en-GB', Object.assign({ timeZone: ZONE, hourCycle: 'h23' }, options))
        .formatToParts(date).forEach(function (x) { p[x.type] = x.value; });
    } catch (e) {
      p = { year: String(date.getFullYear()), month: pad(date.getMonth() + 1), day: pad(date.getDate()),
        hour: pad(date.getHours()), minute: pad(date.getMinutes()), second: pad(date.getSeconds()) };
    }
    return p;
  }

  /** An instant in the county's time, "2026-12-15 07:03"; '—' without one. */
  function formatTime(iso) {
    if (!iso) return '—';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    var p = partsIn(d, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
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

  // ------------------------------------------------------------------------------------------------
  // the API

  /**
   * A refused or failed request: `status` (0 without an answer, then `timedOut` says whether it was
   * the page that gave up), `problem` (the answer's problem, {} without one) and a message to show.
   */
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

  /** A 403 /problems/csrf: the token sent is not the session's (another login in another tab). */
  function isCsrfProblem(err) {
    return !!err && err.status === 403 && !!err.problem && /csrf/i.test(String(err.problem.type || ''));
  }

  /**
   * The API in the staff session whose {user, csrfToken} getAuth() answers (null when signed out).
   * Answers {request, openSession, currentSession, closeSession}.
   */
  function client(getAuth) {
    /**
     * Calls the API. options: body (JSON), form (FormData), accept, raw (answer the Response itself),
     * keepalive, timeout (ms, 30 s unless said; 0 waits as long as the server takes). Answers the parsed
     * JSON (null without a body), or fails with an ApiError (status 0 without an answer).
     */
    function request(method, path, options) {
      options = options || {};
      var auth = getAuth();
      var headers = { 'Accept': options.accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
      if (options.body !== undefined) headers['Content-Type'] = 'application/json';
      if (method !== 'GET' && auth && auth.csrfToken) headers['X-CSRF-Token'] = auth.csrfToken;
      var controller = typeof AbortController === 'function' ? new AbortController() : null;
      var wait = options.timeout == null ? 30000 : options.timeout;
      var timer = wait ? setTimeout(function () { if (controller) controller.abort(); }, wait) : null;
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
        var timedOut = !!err && err.name === 'AbortError';
        var failure = new ApiError(0, null, timedOut ? '服务器响应超时，请稍后再试' : '无法连接服务器，请检查网络');
        failure.timedOut = timedOut;
        throw failure;
      });
    }

    /** Signs in (POST /api/session): answers the session's {user, csrfToken}. */
    function openSession(user, password, options) {
      return request('POST', 'session', Object.assign({ body: { user: user, password: password } }, options))
        .then(function (opened) {
          return { user: (opened && opened.user) || user, csrfToken: opened && opened.csrfToken };
        });
    }

    /** The session this browser has (GET /api/session) as {user, csrfToken}; null without one. Never fails. */
    function currentSession(options) {
      return request('GET', 'session', options)
        .then(function (s) {
          return s && s.user ? { user: s.user, csrfToken: s.csrfToken } : null;
        }, function () { return null; });
    }

    /** Ends the session (DELETE /api/session), also when the tab is closed or reloaded right after. */
    function closeSession(options) {
      return request('DELETE', 'session', Object.assign({ keepalive: true }, options))
        .catch(function () { /* the session ends with the server's timeout anyway */ });
    }

    return { request: request, openSession: openSession, currentSession: currentSession, closeSession: closeSession };
  }

  // The categories' names (GET /api/categories, public), code → name, filled by loadCategories().
  var categoryNames = {};
  var categoriesLoaded = null;

  /** Loads the categories' names into categoryNames, once; never fails (asked again after a failure). */
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
  // the login form

  var WRONG_PASSWORD = '用户名或密码不正确。连续输错后需稍等片刻才能再试。';

  /** What the login form says of a failed POST /api/session (an ApiError). */
  function loginFailText(err) {
    return err.status === 401 ? WRONG_PASSWORD
      : err.status === 429 ? '尝试次数过多，请稍后再试。' : '登录失败：' + err.message;
  }

  /**
   * The staff login form. o: form, user, password (its inputs), button; say(text, failed) shows the
   * form's message; signIn(user, password) signs in (a Promise); signedIn() follows a login; failText(err)
   * says why one failed (loginFailText unless given). Answers {prepare(lastUser)}: the form ready for
   * the next login (the last user's name unless one is typed, no password, the focus in the first
   * empty field).
   */
  function loginForm(o) {
    var failText = o.failText || loginFailText;
    o.form.addEventListener('submit', function (e) {
      e.preventDefault();
      var user = o.user.value.trim();
      var password = o.password.value;
      if (!user || !password) {
        o.say('请输入用户名和密码。', true);
        return;
      }
      var btn = o.button;
      btn.disabled = true;
      btn.textContent = '正在登录…';
      o.signIn(user, password)
        .then(function () {
          o.password.value = '';
          o.say('', false);
          o.signedIn();
        }, function (err) {
          o.say(failText(err), true);
          o.password.select();
        })
        .then(function () {
          btn.disabled = false;
          btn.textContent = '登录';
        });
    });
    return {
      prepare: function (lastUser) {
        if (!o.user.value && lastUser) o.user.value = lastUser;
        o.password.value = '';
        (o.user.value ? o.password : o.user).focus();
      }
    };
  }

  // ------------------------------------------------------------------------------------------------
  // 消息: the staff inbox behind the header's button. The badge is GET /api/staff/inbox/unread, asked
  // on login, every minute while the page is visible and after each action; the panel lists the latest
  // INBOX_SIZE messages (GET /api/staff/inbox?size=…); opening a message's case or 标为已读 sends
  // POST /api/staff/inbox/{id}/read in the session (with its CSRF token).

  var INBOX_SIZE = 50;
  var INBOX_POLL_MS = 60 * 1000;

  /**
   * The inbox in the page's header (the elements #inbox-btn, #inbox-badge, #inbox-panel, #inbox-count,
   * #inbox-read-all, #inbox-refresh, #inbox-close, #inbox-msg and #inbox-list, or o.elements).
   * o: request(method, path, options), the page's API call (its failures carry the answer's status and
   * problem); signedIn() whether there is a session; lost(err) shows the login again after a 401;
   * forbidden(err) whether a failure is a refusal of the account (a 403 unless given); casePage, where
   * a message's case opens (its number follows); newTab, open it in a new tab (else the panel closes).
   * Answers {start(user), stop(), refresh(), user(), lastPoll()}.
   */
  function inbox(o) {
    var ui = Object.assign({
      button: $('inbox-btn'), badge: $('inbox-badge'), panel: $('inbox-panel'), count: $('inbox-count'),
      readAll: $('inbox-read-all'), refresh: $('inbox-refresh'), close: $('inbox-close'), msg: $('inbox-msg'),
      list: $('inbox-list')
    }, o.elements);
    var request = o.request;
    var signedIn = o.signedIn;
    var forbidden = o.forbidden || function (err) { return err.status === 403; };
    var state = {
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
    function errorText(err) {
      if (err.status === 401) {
        o.lost(err);
        return null;
      }
      if (isCsrfProblem(err)) return '登录状态已变化（可能在其他页面重新登录过），请退出后重新登录。';
      if (forbidden(err)) return '该账号无权查看消息。';
      return err && err.message ? err.message : String(err);
    }

    function say(text, kind) {
      ui.msg.textContent = text || '';
      ui.msg.hidden = !text;
      ui.msg.classList.toggle('error', kind === 'error');
      ui.msg.classList.toggle('ok', kind === 'ok');
    }

    function renderBadge() {
      var n = Math.max(0, Number(state.unread) || 0);
      ui.badge.textContent = n > 99 ? '99+' : String(n);
      ui.badge.setAttribute('data-count', String(n));
      ui.badge.hidden = n === 0;
      var label = n ? '消息（' + n + ' 条未读）' : '消息（没有未读消息）';
      ui.button.setAttribute('aria-label', label);
      ui.button.title = label;
      ui.count.textContent = n ? n + ' 条未读' : '没有未读消息';
      ui.readAll.disabled = state.markingAll || !n;
    }

    /** Asks the server for the number of unread messages and shows it on the badge. */
    function refreshUnread() {
      if (!signedIn()) return Promise.resolve();
      var gen = state.gen;
      var seq = ++state.countSeq;
      var btn = ui.button;
      state.asking++;
      state.lastPoll = Date.now();
      btn.setAttribute('aria-busy', 'true');
      return request('GET', 'staff/inbox/unread', { timeout: 15000 })
        .then(function (answer) {
          if (gen !== state.gen || seq !== state.countSeq) return;
          state.unread = answer && typeof answer.unread === 'number' ? answer.unread : 0;
          renderBadge();
        }, function (err) {
          if (gen !== state.gen || seq !== state.countSeq) return;
          if (err.status === 401) {
            o.lost(err);
            return;
          }
          btn.title = '未能检查新消息：' + errorText(err);
          if (window.console) console.error(err);
        })
        .then(function () {
          state.asking = Math.max(0, state.asking - 1);
          if (!state.asking) btn.removeAttribute('aria-busy');
        });
    }

    function item(m) {
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
          caseNo ? el('a', {
            className: 'inbox-case', href: o.casePage + encodeURIComponent(caseNo),
            target: o.newTab ? '_blank' : null, rel: o.newTab ? 'noopener' : null,
            'data-id': m.id, text: '打开事件 ' + caseNo
          }) : null,
          unread ? el('button', { type: 'button', className: 'inbox-read', 'data-id': m.id, text: '标为已读' }) : null
        ]) : null
      ]);
    }

    function render() {
      var list = clear(ui.list);
      if (!state.items.length) {
        list.appendChild(el('li', { className: 'inbox-empty muted', text: '暂无消息' }));
        return;
      }
      state.items.forEach(function (m) { list.appendChild(item(m)); });
    }

    function findItem(id) {
      for (var i = 0; i < state.items.length; i++) if (String(state.items[i].id) === String(id)) return state.items[i];
      return null;
    }

    function itemNode(id) {
      var nodes = ui.list.querySelectorAll('li.inbox-item');
      for (var i = 0; i < nodes.length; i++) if (nodes[i].getAttribute('data-id') === String(id)) return nodes[i];
      return null;
    }

    /** Loads the latest messages into the panel; `quiet` keeps the list shown while loading. */
    function load(quiet) {
      if (!signedIn()) return Promise.resolve();
      var gen = state.gen;
      var seq = ++state.listSeq;
      var list = ui.list;
      if (!quiet || !state.listed) append(clear(list), el('li', { className: 'inbox-empty muted', text: '正在加载…' }));
      list.setAttribute('aria-busy', 'true');
      return request('GET', 'staff/inbox?size=' + INBOX_SIZE)
        .then(function (items) {
          if (gen !== state.gen || seq !== state.listSeq) return;
          state.items = Array.isArray(items) ? items.slice(0, INBOX_SIZE) : [];
          state.listed = true;
          if (!ui.msg.classList.contains('ok')) say('');
          render();
        }, function (err) {
          if (gen !== state.gen || seq !== state.listSeq) return;
          var text = errorText(err);
          if (text == null) return;
          if (!state.listed) clear(list);
          say('消息加载失败：' + text, 'error');
        })
        .then(function () { if (seq === state.listSeq) list.removeAttribute('aria-busy'); });
    }

    /** Marks the message `id` read (POST …/read), then shows it so and asks for the count anew. */
    function markRead(id, options) {
      options = options || {};
      var m = findItem(id);
      if (!m || m.readAt || m.marking) return Promise.resolve();
      var gen = state.gen;
      m.marking = true;
      var node = itemNode(id);
      var btn = node && node.querySelector('button.inbox-read');
      if (btn) {
        btn.disabled = true;
        btn.textContent = '正在标记…';
      }
      state.countSeq++; // a count asked before this mark is out of date
      return request('POST', 'staff/inbox/' + encodeURIComponent(id) + '/read', { keepalive: !!options.keepalive })
        .then(function () {
          m.marking = false;
          if (gen !== state.gen) return;
          m.readAt = new Date().toISOString();
          state.unread = Math.max(0, state.unread - 1);
          renderBadge();
          var old = itemNode(id);
          if (old) {
            var fresh = item(m);
            old.parentNode.replaceChild(fresh, old);
            if (options.focus) fresh.focus();
          }
          return refreshUnread();
        }, function (err) {
          m.marking = false;
          if (gen !== state.gen) return;
          if (btn) {
            btn.disabled = false;
            btn.textContent = '标为已读';
          }
          if (err.status === 404) {
            say('该消息已不存在。', 'error');
            load(true);
            refreshUnread();
            return;
          }
          var text = errorText(err);
          if (text != null) say('未能标为已读：' + text, 'error');
        });
    }

    /** Marks every unread message read: the unread ones, INBOX_SIZE at a time, until none is left. */
    function markAllRead() {
      if (state.markingAll || !signedIn()) return;
      var gen = state.gen;
      var btn = ui.readAll;
      var done = 0;
      state.markingAll = true;
      btn.disabled = true;
      btn.textContent = '正在标记…';
      say('');
      var round = function (left) {
        return request('GET', 'staff/inbox?unread=true&size=' + INBOX_SIZE).then(function (items) {
          var unread = (Array.isArray(items) ? items : []).filter(function (m) { return !m.readAt; });
          if (!unread.length || gen !== state.gen) return null;
          state.countSeq++;
          return Promise.all(unread.map(function (m) {
            return request('POST', 'staff/inbox/' + encodeURIComponent(m.id) + '/read').then(function () { done++; }, function (err) {
              if (err.status !== 404) throw err; // gone meanwhile: nothing to mark
            });
          })).then(function () { return left > 1 && unread.length >= INBOX_SIZE ? round(left - 1) : null; });
        });
      };
      round(20)
        .then(function () {
          if (gen === state.gen) say(done ? '已将 ' + done + ' 条消息标为已读。' : '没有未读消息。', 'ok');
        }, function (err) {
          if (gen !== state.gen) return;
          var text = errorText(err);
          if (text != null) say('未能全部标为已读：' + text + (done ? '（已标记 ' + done + ' 条）' : ''), 'error');
        })
        .then(function () {
          state.markingAll = false;
          btn.textContent = '全部标为已读';
          if (gen !== state.gen) return;
          renderBadge();
          load(true);
          refreshUnread();
        });
    }

    function open() {
      if (!ui.panel.hidden || !signedIn()) return;
      ui.panel.hidden = false;
      ui.button.setAttribute('aria-expanded', 'true');
      document.body.classList.add('inbox-open');
      say('');
      load(false);
      refreshUnread();
      ui.close.focus();
    }

    function close(returnFocus) {
      if (ui.panel.hidden) return;
      ui.panel.hidden = true;
      ui.button.setAttribute('aria-expanded', 'false');
      document.body.classList.remove('inbox-open');
      if (returnFocus) ui.button.focus();
    }

    /** Signed in as `user`: a fresh badge (the page asks for the count, refresh(), when it likes). */
    function start(user) {
      state.gen++;
      state.user = user;
      state.items = [];
      state.listed = false;
      state.unread = 0;
      renderBadge();
    }

    /** Logged out (or the session lost): nothing of the user's messages stays in the page. */
    function stop() {
      state.gen++;
      state.user = null;
      close(false);
      state.items = [];
      state.listed = false;
      state.unread = 0;
      state.markingAll = false;
      ui.readAll.textContent = '全部标为已读';
      clear(ui.list);
      say('');
      renderBadge();
    }

    ui.button.addEventListener('click', function () {
      if (ui.panel.hidden) open();
      else close(false);
    });
    ui.close.addEventListener('click', function () { close(true); });
    ui.refresh.addEventListener('click', function () {
      say('');
      load(true);
      refreshUnread();
    });
    ui.readAll.addEventListener('click', markAllRead);
    ui.list.addEventListener('click', function (e) {
      var read = e.target.closest('button.inbox-read');
      if (read) {
        markRead(read.getAttribute('data-id'), { focus: true });
        return;
      }
      var link = e.target.closest('a.inbox-case');
      // Opening the case reads the message; in this tab the page turns to it and the panel closes.
      if (link) {
        markRead(link.getAttribute('data-id'), { keepalive: true });
        if (!o.newTab) close(false);
      }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !ui.panel.hidden) close(true);
    });
    document.addEventListener('click', function (e) {
      if (ui.panel.hidden || !document.contains(e.target)) return;
      if (!ui.panel.contains(e.target) && !ui.button.contains(e.target)) close(false);
    });

    // The badge every minute while the page is visible (and at once when it comes back after longer).
    function poll() {
      if (!signedIn() || !state.user || document.hidden || Date.now() - state.lastPoll < INBOX_POLL_MS - 1000) return;
      refreshUnread();
      if (!ui.panel.hidden && !state.markingAll) load(true);
    }
    setInterval(poll, 15000);
    document.addEventListener('visibilitychange', poll);

    return {
      start: start,
      stop: stop,
      refresh: refreshUnread,
      user: function () { return state.user; },
      lastPoll: function () { return state.lastPoll; }
    };
  }

  window.LianhuStaff = {
    API: API,
    ZONE: ZONE,
    $: $,
    el: el,
    setAttrs: setAttrs,
    append: append,
    clear: clear,
    pad: pad,
    partsIn: partsIn,
    formatTime: formatTime,
    relative: relative,
    ApiError: ApiError,
    isCsrfProblem: isCsrfProblem,
    client: client,
    categoryNames: categoryNames,
    loadCategories: loadCategories,
    WRONG_PASSWORD: WRONG_PASSWORD,
    loginFailText: loginFailText,
    loginForm: loginForm,
    inbox: inbox
  };
})();
