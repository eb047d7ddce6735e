/*
 * 联户 联户长页面 /unit/: a liaison head's phone page for /api/unit — the unit, this month's visits (走访:
 * coverage with its light, the households due a visit, the visit form, the month's records), its open
 * in-unit cases with the head's three decisions (联户内解决, 上报网格员, 提交社区议事会), this week's
 * needs report (本周需求报送: the needs collected, or 本周无新增, once a week) and its households. Plain
 * browser JavaScript, no build step, no libraries. Every value from the server or the user goes into the
 * page as text (textContent), never as HTML.
 *
 * The login is a server session (HttpOnly cookie) opened with the password once (POST /api/session); the
 * page keeps only the user name and the session's CSRF token in memory, never the password. Every API
 * call carries X-Requested-With (no Basic challenge on a 401), every write X-CSRF-Token. 大字模式 is a
 * class on <html> remembered in localStorage; it is applied as soon as this script runs (in <head>).
 */
(function () {
  'use strict';

  var API = '../api/';
  var ZONE = 'Asia/Shanghai';
  var LARGE_KEY = 'lianhu.unit.largeText';
  var MAX_TEXT = 2000;
  var DENIED_DEFAULT = '仅联户长可使用本页面';
  /** The share of households visited in a month that is yellow (lianhu.liaison.coverage-target); all is green. */
  var COVERAGE_TARGET = 0.9;
  /** How far back a visit may be recorded (lianhu.liaison.visit-backdate-days); the server decides. */
  var BACKDATE_DAYS = 31;
  /** 待走访 shows this many households until 显示全部 is pressed. */
  var DUE_SHOWN = 3;
  var KIND_NAMES = { routine: '日常走访', care: '关爱走访', follow_up: '回访' };
  var URGENCY_NAMES = { normal: '一般', urgent: '紧急', emergency: '特急' };
  var URGENCY_ORDER = ['normal', 'urgent', 'emergency'];
  /** The most needs one weekly report takes (the server refuses more). */
  var MAX_NEEDS = 50;

  var DECISIONS = {
    resolve: {
      button: '联户内解决', label: '处理结果', done: '已在联户内解决',
      hint: '处理结果会作为反馈告知上报的居民。',
      placeholder: '例如：已与楼上住户沟通，装修改到白天进行。'
    },
    passUp: {
      button: '上报网格员', label: '情况说明', done: '已上报网格员',
      hint: '说明联户内为什么解决不了，网格员会接手处理。',
      placeholder: '例如：多次协调未果，需要网格员出面。'
    },
    refer: {
      button: '提交社区议事会', label: '情况说明', done: '已提交社区议事会',
      hint: '说明需要议事会商议的事项。',
      placeholder: '例如：涉及全楼住户，需要议事会商议解决办法。'
    }
  };
  var DECISION_ORDER = ['resolve', 'passUp', 'refer'];

  var root = document.documentElement;

  function storedLarge() {
    try { return localStorage.getItem(LARGE_KEY) === '1'; } catch (e) { return false; }
  }

  function storeLarge(on) {
    try {
      if (on) localStorage.setItem(LARGE_KEY, '1');
      else localStorage.removeItem(LARGE_KEY);
    } catch (e) { /* storage unavailable: the mode lasts for this page only */ }
  }

  if (storedLarge()) root.classList.add('large');

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();

  function start() {
    function $(id) { return document.getElementById(id); }

    // ----------------------------------------------------------------------------------------------
    // DOM helpers: text only

    function el(tag, attrs, children) {
      var node = document.createElement(tag);
      if (attrs) {
        Object.keys(attrs).forEach(function (k) {
          var v = attrs[k];
          if (v == null || v === false) return;
          if (k === 'text') node.textContent = String(v);
          else if (k === 'className') node.className = v;
          else if (k === 'hidden') node.hidden = true;
          else node.setAttribute(k, v === true ? '' : String(v));
        });
      }
      (Array.isArray(children) ? children : children == null ? [] : [children]).forEach(function (c) {
        if (c == null || c === false) return;
        node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
      });
      return node;
    }

    function clear(node) {
      while (node.firstChild) node.removeChild(node.firstChild);
      return node;
    }

    /** Shows `text` in the message element `node` (hidden when empty); `kind` is 'error' or 'ok'. */
    function message(node, text, kind) {
      if (typeof node === 'string') node = $(node);
      clear(node);
      if (Array.isArray(text)) {
        node.appendChild(document.createTextNode(text[0]));
        if (text[1] && text[1].length) {
          node.appendChild(el('ul', null, text[1].map(function (t) { return el('li', { text: t }); })));
        }
        node.hidden = !text[0];
      } else {
        node.textContent = text || '';
        node.hidden = !text;
      }
      node.classList.toggle('error', kind !== 'ok');
      node.classList.toggle('ok', kind === 'ok');
    }

    /** "2026-12-02 08:00": an instant (Z or an offset) in China time, a local date-time as it is. */
    function formatAt(s) {
      if (!s) return '—';
      var text = String(s);
      if (/(Z|[+-]\d\d:?\d\d)$/.test(text)) {
        var d = new Date(text);
        if (!isNaN(d.getTime())) {
          try {
            var p = {};
            new Intl.DateTimeFormat('en-GB', {
              timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
              hour: '2-digit', minute: '2-digit'
            }).formatToParts(d).forEach(function (x) { p[x.type] = x.value; });
            return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
          } catch (e) { /* fall through */ }
        }
      }
      var m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)/.exec(text);
      return m ? m[1] + ' ' + m[2] : text;
    }

    function timeOf(s) {
      var t = s ? new Date(String(s)).getTime() : NaN;
      return isNaN(t) ? Infinity : t;
    }

    /** Today in China time as yyyy-MM-dd (the visit date's default and latest day). */
    function chinaToday() {
      try {
        var p = {};
        new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
          .formatToParts(new Date()).forEach(function (x) { p[x.type] = x.value; });
        if (p.year && p.month && p.day) return p.year + '-' + p.month + '-' + p.day;
      } catch (e) { /* fall through: China has no daylight saving time */ }
      return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    }

    /** The day `n` days after the day `iso` (yyyy-MM-dd). */
    function addDays(iso, n) {
      var d = new Date(iso + 'T00:00:00Z');
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    }

    function firstLine(s) {
      var line = String(s || '').split(/\r?\n/).map(function (t) { return t.trim(); }).filter(Boolean)[0] || '';
      return line.length > 80 ? line.slice(0, 80) + '…' : line;
    }

    // ----------------------------------------------------------------------------------------------
    // the API

    var auth = null;

    function ApiError(status, problem, fallback) {
      this.name = 'ApiError';
      this.status = status;
      this.problem = problem && typeof problem === 'object' ? problem : {};
      this.message = fallback || problemText(this.problem, status);
    }

    function problemText(p, status) {
      var parts = [];
      if (p.title) parts.push(String(p.title));
      if (p.detail && p.detail !== p.title) parts.push(String(p.detail));
      return parts.join('：') || ('服务器返回错误 ' + status);
    }

    /** The field errors of a problem (`errors` as an object of messages or a list), but its detail. */
    function problemErrors(p) {
      var errors = p && p.errors;
      var list = [];
      if (Array.isArray(errors)) {
        errors.forEach(function (e) {
          list.push(typeof e === 'string' ? e : e && (e.message || e.detail || e.defaultMessage) || '');
        });
      } else if (errors && typeof errors === 'object') {
        Object.keys(errors).forEach(function (k) { list.push(String(errors[k])); });
      }
      return list.filter(function (t) { return t && t !== p.detail && t !== p.title; });
    }

    function isCsrfProblem(err) {
      return err.status === 403 && /csrf/i.test(String(err.problem.type || ''));
    }

    /** Calls the API; answers the parsed JSON (null for 204), or fails with an ApiError. */
    function request(method, path, body) {
      var headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (method !== 'GET' && auth && auth.csrfToken) headers['X-CSRF-Token'] = auth.csrfToken;
      var controller = typeof AbortController === 'function' ? new AbortController() : null;
      var timer = setTimeout(function () { if (controller) controller.abort(); }, 30000);
      return fetch(API + path, {
        method: method,
        headers: headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: controller ? controller.signal : undefined
      }).then(function (res) {
        clearTimeout(timer);
        return res.text().then(function (t) {
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

    // ----------------------------------------------------------------------------------------------
    // 大字模式

    var largeToggle = $('large-toggle');

    function showLarge() {
      var on = root.classList.contains('large');
      largeToggle.setAttribute('aria-pressed', on ? 'true' : 'false');
      largeToggle.textContent = on ? '大字模式：开' : '大字模式';
    }

    largeToggle.addEventListener('click', function () {
      var on = !root.classList.contains('large');
      root.classList.toggle('large', on);
      storeLarge(on);
      showLarge();
    });
    showLarge();

    // ----------------------------------------------------------------------------------------------
    // views: login, refusal, home

    var lastUser = '';

    /** Shows one view; 'home' is the visit form instead while that is open (visitOpen). */
    function showOnly(id) {
      ['login-view', 'denied-view'].forEach(function (v) { $(v).hidden = v !== id; });
      $('home').hidden = id !== 'home' || visitOpen;
      $('visit-view').hidden = id !== 'home' || !visitOpen;
      $('loading').hidden = true;
      $('logout').hidden = id !== 'home';
    }

    function showLogin(note, kind) {
      showOnly('login-view');
      message('login-msg', note || '', kind);
      var user = $('l-user');
      if (!user.value && lastUser) user.value = lastUser;
      $('l-pass').value = '';
      document.title = '登录 · 联户长';
    }

    function showDenied(err) {
      showOnly('denied-view');
      var p = err.problem || {};
      var text = p.detail ? String(p.detail) : p.title ? String(p.title) : DENIED_DEFAULT;
      $('denied-msg').textContent = text;
      $('denied-user').textContent = auth ? auth.user : '';
      document.title = '无法使用 · 联户长';
      $('denied-logout').focus();
    }

    function showHome() {
      showOnly('home');
      document.title = visitOpen ? '记录走访 · 联户长'
        : (data && data.unit && data.unit.name ? data.unit.name + ' · ' : '') + '联户长';
    }

    /**
     * A lost session (401) or a changed CSRF token: the login again; typed texts stay in `drafts` and in
     * the visit form, which comes back after the login (of the same user).
     */
    function sessionLost(note) {
      auth = null;
      showLogin(note);
    }

    function logout() {
      var pending = auth ? request('DELETE', 'session') : Promise.resolve();
      pending.catch(function () { /* the session ends with the server's timeout anyway */ });
      auth = null;
      data = null;
      drafts = {};
      visits = null;
      resetVisit(null);
      resetNeeds();
      visitOpen = false;
      $('l-user').value = '';
      message('notice', '');
      showLogin('已退出。', 'ok');
    }

    $('logout').addEventListener('click', logout);
    $('denied-logout').addEventListener('click', logout);

    $('login-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var user = $('l-user').value.trim();
      var password = $('l-pass').value;
      if (!user || !password) {
        message('login-msg', !user ? '请输入用户名。' : '请输入密码。');
        (!user ? $('l-user') : $('l-pass')).focus();
        return;
      }
      var btn = $('login-btn');
      btn.disabled = true;
      btn.textContent = '正在登录…';
      request('POST', 'session', { user: user, password: password })
        .then(function (opened) {
          if (lastUser && lastUser !== opened.user) {
            drafts = {};
            visits = null;
            resetVisit(null);
            resetNeeds();
            visitOpen = false;
          }
          auth = opened;
          lastUser = opened.user;
          $('l-pass').value = '';
          message('login-msg', '');
          return loadUnit();
        }, function (err) {
          if (err.status === 401) {
            message('login-msg', '用户名或密码不正确。连续输错后需稍等片刻才能再试。');
          } else {
            message('login-msg', '登录失败：' + err.message);
          }
          $('l-pass').select();
        })
        .then(function () {
          btn.disabled = false;
          btn.textContent = '登录';
        });
    });

    // ----------------------------------------------------------------------------------------------
    // the unit

    var data = null;
    /** By case number: the open form's decision and the typed text, kept across reloads and errors. */
    var drafts = {};
    var inflight = null;
    var again = false;
    var formSeq = 0;

    /** GETs the unit and shows it; a call while one is under way loads once more after it. */
    function loadUnit() {
      if (inflight) {
        again = true;
        return inflight;
      }
      var btn = $('refresh');
      btn.disabled = true;
      btn.setAttribute('aria-busy', 'true');
      inflight = request('GET', 'unit').then(function (answer) {
        data = answer || {};
        message('home-msg', '');
        render();
        showHome();
        loadVisits();
        loadCategories();
      }, function (err) {
        if (err.status === 401) {
          sessionLost('登录已失效，请重新登录。');
        } else if (err.status === 403) {
          showDenied(err);
        } else {
          if (data) showHome();
          else showOnly('home');
          message('home-msg', '加载失败：' + err.message + '。请点“刷新”重试。');
        }
      }).then(function () {
        inflight = null;
        btn.disabled = false;
        btn.removeAttribute('aria-busy');
        if (again && auth) {
          again = false;
          return loadUnit();
        }
        again = false;
      });
      return inflight;
    }

    $('refresh').addEventListener('click', function () {
      message('notice', '');
      message('needs-msg', '');
      message('needs-notice', '');
      loadUnit();
    });

    function render() {
      var unit = data.unit || {};
      $('unit-name').textContent = unit.name || unit.code || '联户单元';
      $('unit-place').textContent = [unit.gridName, unit.communityName].filter(Boolean).join(' · ');
      $('unit-head').textContent = '联户长：' + (unit.headName || '') + (auth ? '（账号 ' + auth.user + '）' : '');
      renderCoverage(data.coverage || {});
      renderDue(Array.isArray(data.visitsDue) ? data.visitsDue : []);
      renderCases(Array.isArray(data.openCases) ? data.openCases : []);
      renderNeeds();
      renderHouseholds(Array.isArray(data.households) ? data.households : []);
      fillHouseholdSelect();
      renderRecords();
    }

    function householdsList() {
      return data && Array.isArray(data.households) ? data.households : [];
    }

    function householdOf(code) {
      return householdsList().filter(function (h) { return h.code === code; })[0] || null;
    }

    function isCare(h) {
      return !!h && Array.isArray(h.careFlags) && h.careFlags.length > 0;
    }

    /** A 记录走访 button for the household `code`; `from` names the list it is in, to come back to it. */
    function visitButton(code, from, label) {
      var b = el('button', {
        type: 'button', className: 'btn btn-secondary visit-btn', 'data-visit': code, 'data-from': from,
        'aria-label': '记录走访：' + label, text: '记录走访'
      });
      b.addEventListener('click', function () { openVisit(code, from); });
      return b;
    }

    function setBadge(id, n, unitText) {
      var badge = $(id);
      badge.textContent = String(n);
      badge.setAttribute('aria-label', n + ' ' + unitText);
      badge.classList.toggle('zero', n === 0);
    }

    // ---------- cases

    function renderCases(cases) {
      var list = clear($('case-list'));
      var shown = {};
      cases.slice().sort(function (a, b) { return timeOf(a.due) - timeOf(b.due); }).forEach(function (c) {
        shown[c.caseNo] = true;
        list.appendChild(caseCard(c));
      });
      Object.keys(drafts).forEach(function (no) { if (!shown[no]) delete drafts[no]; });
      setBadge('case-count', cases.length, '件');
      $('cases-empty').hidden = cases.length > 0;
    }

    function isOverdue(c) {
      if (typeof c.overdue === 'boolean') return c.overdue;
      return timeOf(c.due) < Date.now();
    }

    function fact(label, value, className) {
      return el('div', null, [el('dt', { text: label }), el('dd', { className: className || null, text: value })]);
    }

    function caseCard(c) {
      var overdue = isOverdue(c);
      var card = el('article', {
        className: 'card case' + (overdue ? ' overdue' : ''), 'data-case-no': c.caseNo,
        'aria-label': (c.categoryName || '事件') + ' ' + c.caseNo
      });
      card.appendChild(el('div', { className: 'case-head' }, [
        el('h3', { text: c.categoryName || '事件' }),
        el('div', { className: 'tags' }, [
          c.urgencyName ? el('span', { className: 'tag tag-urgency', text: c.urgencyName }) : null,
          overdue ? el('span', { className: 'tag tag-overdue', text: '已超时' }) : null
        ])
      ]));
      card.appendChild(el('dl', { className: 'facts' }, [
        fact('编号', c.caseNo, 'case-no'),
        fact('地点', c.address || '—', 'address'),
        fact('情况', c.description || '—', 'pre description'),
        fact('上报时间', formatAt(c.reportedAt), 'reported'),
        fact('接单时限', formatAt(c.due) + (overdue ? '（已超时）' : ''), 'due' + (overdue ? ' overdue' : ''))
      ]));

      var buttons = {};
      var row = el('div', { className: 'decisions', role: 'group', 'aria-label': '处理方式' });
      DECISION_ORDER.forEach(function (d) {
        var b = el('button', {
          type: 'button', className: 'btn btn-plain', 'data-decision': d, 'aria-expanded': 'false',
          text: DECISIONS[d].button
        });
        buttons[d] = b;
        row.appendChild(b);
      });
      card.appendChild(row);

      var n = ++formSeq;
      var textId = 'dt-' + n;
      var form = el('form', { className: 'decision-form', novalidate: true, hidden: true, id: 'df-' + n });
      var chosen = el('p', { className: 'chosen' });
      var label = el('label', { for: textId });
      var labelText = el('span');
      label.appendChild(labelText);
      label.appendChild(document.createTextNode(' '));
      label.appendChild(el('span', { className: 'req', 'aria-hidden': 'true', text: '*' }));
      var textarea = el('textarea', {
        id: textId, className: 'decision-text', name: 'text', rows: 5, maxlength: MAX_TEXT, required: true,
        'aria-describedby': 'dh-' + n + ' dn-' + n + ' dm-' + n
      });
      var hint = el('span', { className: 'hint', id: 'dh-' + n });
      var counter = el('span', { className: 'counter', id: 'dn-' + n, 'aria-live': 'polite' });
      var field = el('div', { className: 'field' }, [label, textarea, el('div', { className: 'hint-row' }, [hint, counter])]);
      var msg = el('div', { className: 'msg error form-msg', id: 'dm-' + n, role: 'alert', hidden: true });
      var submit = el('button', { type: 'submit', className: 'btn btn-primary decision-submit' });
      var cancel = el('button', { type: 'button', className: 'btn btn-plain decision-cancel', text: '收起' });
      form.appendChild(chosen);
      form.appendChild(field);
      form.appendChild(msg);
      form.appendChild(el('div', { className: 'form-actions' }, [submit, cancel]));
      card.appendChild(form);

      function draft() {
        if (!drafts[c.caseNo]) drafts[c.caseNo] = { decision: null, text: '' };
        return drafts[c.caseNo];
      }

      function count() {
        var len = textarea.value.length;
        counter.textContent = len + ' / ' + MAX_TEXT;
        counter.classList.toggle('full', len >= MAX_TEXT);
      }

      function open(decision) {
        var d = DECISIONS[decision];
        draft().decision = decision;
        DECISION_ORDER.forEach(function (k) { buttons[k].setAttribute('aria-expanded', k === decision ? 'true' : 'false'); });
        form.setAttribute('data-decision', decision);
        labelText.textContent = d.label;
        hint.textContent = d.hint;
        textarea.placeholder = d.placeholder;
        chosen.textContent = '处理方式：' + d.button;
        submit.textContent = '确认提交';
        field.classList.remove('invalid');
        textarea.removeAttribute('aria-invalid');
        message(msg, '');
        form.hidden = false;
        count();
      }

      function close() {
        draft().decision = null;
        DECISION_ORDER.forEach(function (k) { buttons[k].setAttribute('aria-expanded', 'false'); });
        form.hidden = true;
      }

      DECISION_ORDER.forEach(function (d) {
        buttons[d].addEventListener('click', function () {
          if (!form.hidden && form.getAttribute('data-decision') === d) {
            close();
            return;
          }
          open(d);
          textarea.focus();
        });
      });
      cancel.addEventListener('click', function () {
        close();
        buttons[DECISION_ORDER[0]].focus();
      });
      textarea.addEventListener('input', function () {
        draft().text = textarea.value;
        count();
        if (textarea.value.trim()) {
          field.classList.remove('invalid');
          textarea.removeAttribute('aria-invalid');
        }
      });

      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var decision = form.getAttribute('data-decision');
        var d = DECISIONS[decision];
        var text = textarea.value;
        if (!text.trim()) {
          field.classList.add('invalid');
          textarea.setAttribute('aria-invalid', 'true');
          message(msg, '请填写' + d.label + '后再提交。');
          textarea.focus();
          return;
        }
        if (text.length > MAX_TEXT) {
          field.classList.add('invalid');
          message(msg, d.label + '不能超过 ' + MAX_TEXT + ' 字。');
          return;
        }
        message(msg, '');
        message('notice', '');
        submit.disabled = true;
        submit.setAttribute('aria-busy', 'true');
        submit.textContent = '正在提交…';
        request('POST', 'unit/cases/' + encodeURIComponent(c.caseNo) + '/decision', { decision: decision, text: text })
          .then(function () {
            delete drafts[c.caseNo];
            message('notice', '已提交：事件 ' + c.caseNo + '（' + (c.categoryName || '事件') + '）' + d.done + '。', 'ok');
            var notice = $('notice');
            notice.focus();
            if (notice.scrollIntoView) notice.scrollIntoView({ block: 'center' });
            return loadUnit();
          }, function (err) {
            submit.disabled = false;
            submit.removeAttribute('aria-busy');
            submit.textContent = '确认提交';
            if (err.status === 401) {
              sessionLost('登录已失效，请重新登录。您填写的内容已保留。');
            } else if (isCsrfProblem(err)) {
              sessionLost('登录状态已变化（可能在其他页面重新登录过），请重新登录。您填写的内容已保留。');
            } else {
              if (err.status === 422 || err.status === 400) {
                field.classList.add('invalid');
                textarea.setAttribute('aria-invalid', 'true');
              }
              var hintText = err.status === 409 || err.status === 404
                ? '（可点上方“刷新”查看事件的最新情况）' : '';
              message(msg, [err.message + hintText, problemErrors(err.problem)]);
              msg.scrollIntoView && msg.scrollIntoView({ block: 'nearest' });
            }
          });
      });

      // A form that was open before this render (a reload, a new login) comes back with its text.
      var kept = drafts[c.caseNo];
      if (kept) {
        textarea.value = kept.text || '';
        if (kept.decision && DECISIONS[kept.decision]) open(kept.decision);
      }
      count();
      return card;
    }

    // ---------- households

    function renderHouseholds(households) {
      var list = clear($('household-list'));
      households
        .map(function (h, i) { return { h: h, i: i, care: Array.isArray(h.careFlags) && h.careFlags.length > 0 }; })
        .sort(function (a, b) { return (a.care === b.care) ? a.i - b.i : a.care ? -1 : 1; })
        .forEach(function (x) { list.appendChild(householdItem(x.h, x.care)); });
      setBadge('household-count', households.length, '户');
      $('households-empty').hidden = households.length > 0;
    }

    function householdItem(h, care) {
      var phone = h.phone ? String(h.phone) : '';
      var dial = phone.replace(/[^\d+]/g, '');
      var line = el('p', { className: 'household-line' }, [
        el('span', { className: 'household-head', text: '户主：' + (h.headName || '—') }),
        h.members != null ? el('span', { className: 'members', text: h.members + ' 人' }) : null,
        phone && dial
          ? el('a', { className: 'tel', href: 'tel:' + dial, 'aria-label': '拨打 ' + (h.headName || '') + ' ' + phone, text: phone })
          : el('span', { className: 'hint', text: '无电话' })
      ]);
      return el('li', { className: 'card household' + (care ? ' care' : ''), 'data-code': h.code || null }, [
        el('p', { className: 'household-address', text: h.address || h.code || '—' }),
        line,
        care ? el('div', { className: 'tags', 'aria-label': '关爱对象' }, h.careFlags.map(function (f) {
          return el('span', { className: 'tag tag-care', text: f });
        })) : null,
        h.code ? el('div', { className: 'item-actions' }, visitButton(h.code, 'households', h.address || h.code)) : null
      ]);
    }

    // ---------- visits: coverage, 待走访

    function renderCoverage(c) {
      var total = Number(c.households) || 0;
      var visited = Number(c.visited) || 0;
      var rate = total > 0 ? visited / total : 1;
      // The county's target comes with the coverage (lianhu.liaison.coverage-target).
      var target = typeof c.target === 'number' ? c.target : COVERAGE_TARGET;
      var light = visited >= total ? 'green' : rate >= target ? 'yellow' : 'red';
      // Rounded down: 99.6% is not yet 100%.
      var percent = Math.floor(rate * 100 + 1e-9);
      var m = /^(\d{4})-(\d{2})$/.exec(String(c.month || ''));
      $('coverage-month').textContent = m ? m[1] + ' 年 ' + Number(m[2]) + ' 月' : '';
      $('coverage-line').textContent = '已走访 ' + visited + ' / ' + total + ' 户（' + percent + '%）';
      var level = $('coverage-level');
      level.textContent = light === 'green' ? '全部走访'
        : light === 'yellow' ? '达到 ' + Math.round(target * 100) + '% 目标'
          : '未达 ' + Math.round(target * 100) + '% 目标';
      level.className = 'tag tag-light-' + light;
      $('coverage-light').className = 'light light-' + light;
      $('coverage').setAttribute('data-light', light);
    }

    var dueExpanded = false;

    function renderDue(due) {
      var list = clear($('due-list'));
      due.forEach(function (d, i) {
        var item = dueItem(d);
        if (i >= DUE_SHOWN && !dueExpanded) item.hidden = true;
        list.appendChild(item);
      });
      setBadge('due-count', due.length, '户');
      $('due-empty').hidden = due.length > 0;
      var more = $('due-more');
      more.hidden = due.length <= DUE_SHOWN;
      more.textContent = dueExpanded ? '收起' : '显示全部 ' + due.length + ' 户';
      more.setAttribute('aria-expanded', dueExpanded ? 'true' : 'false');
    }

    $('due-more').addEventListener('click', function () {
      dueExpanded = !dueExpanded;
      renderDue(data && Array.isArray(data.visitsDue) ? data.visitsDue : []);
    });

    function dueItem(d) {
      var flags = Array.isArray(d.careFlags) ? d.careFlags : [];
      return el('li', { className: 'card due-item' + (d.care ? ' care' : ''), 'data-household': d.household || null }, [
        el('p', { className: 'household-address', text: d.address || d.household || '—' }),
        el('p', { className: 'household-line' }, [
          el('span', { className: 'household-head', text: '户主：' + (d.headName || '—') })
        ]),
        flags.length ? el('div', { className: 'tags', 'aria-label': '关爱对象' }, flags.map(function (f) {
          return el('span', { className: 'tag tag-care', text: f });
        })) : null,
        el('p', { className: 'due-reason' + (d.care ? ' urgent' : ''), text: d.reason || '本月未走访' }),
        el('p', { className: 'due-last', text: d.lastVisitedOn ? '上次走访：' + d.lastVisitedOn : '从未走访' }),
        d.household ? el('div', { className: 'item-actions' }, visitButton(d.household, 'due', d.address || d.household)) : null
      ]);
    }

    // ---------- visits: 本月走访记录

    /** This month's visits (GET /api/unit/visits), newest first; null until loaded. */
    var visits = null;
    var visitsSeq = 0;

    function loadVisits() {
      var seq = ++visitsSeq;
      var sec = $('records-sec');
      sec.setAttribute('aria-busy', 'true');
      return request('GET', 'unit/visits').then(function (answer) {
        if (seq !== visitsSeq) return;
        visits = Array.isArray(answer) ? answer : [];
        message('records-msg', '');
        renderRecords();
      }, function (err) {
        if (seq !== visitsSeq) return;
        if (err.status === 401) return; // the unit's own reload shows the login
        message('records-msg', '走访记录加载失败：' + err.message + '。请点“刷新”重试。');
      }).then(function () {
        if (seq === visitsSeq) sec.removeAttribute('aria-busy');
      });
    }

    function renderRecords() {
      var list = clear($('record-list'));
      if (!visits) {
        $('records-empty').hidden = true;
        return;
      }
      visits.forEach(function (v) { list.appendChild(recordItem(v)); });
      setBadge('record-count', visits.length, '次');
      $('records-empty').hidden = visits.length > 0;
    }

    function recordItem(v) {
      var h = householdOf(v.householdCode);
      var text = firstLine(v.notes) || (v.needs ? '需求：' + firstLine(v.needs) : '');
      return el('li', {
        className: 'card record', 'data-id': v.id != null ? v.id : null, 'data-household': v.householdCode || null,
        'data-case-no': v.caseNo || null
      }, [
        el('div', { className: 'record-head' }, [
          el('span', { className: 'record-date', text: v.visitedOn || '—' }),
          el('div', { className: 'tags' }, [
            el('span', { className: 'tag record-kind', text: KIND_NAMES[v.kind] || v.kind || '走访' }),
            v.caseNo ? el('span', { className: 'tag tag-case', text: '已上报 ' + v.caseNo }) : null
          ])
        ]),
        el('p', { className: 'record-address', text: (h && h.address) || v.householdCode || '—' }),
        el('p', { className: 'record-notes' + (text ? '' : ' hint'), text: text || '（未填写走访情况）' })
      ]);
    }

    // ----------------------------------------------------------------------------------------------
    // 记录走访: the visit form, a screen of its own instead of the unit while it is open. What is typed
    // stays through a refusal, a lost session and 返回 (for the same household) until it is recorded.

    var visitOpen = false;
    /** The household the form was last set up for (null: the form is empty). */
    var visitFor = null;
    /** Where the form was opened from, to go back there: { code, from }. */
    var visitOpener = null;
    var kindTouched = false;
    var categories = null;
    var categoriesLoading = null;
    var categoriesFailed = false;
    /** The names of all categories by code, the inactive ones too (for needs filed earlier). */
    var categoryNames = {};

    var vForm = $('visit-form');
    var vHousehold = $('v-household');
    var vDate = $('v-date');
    var vNotes = $('v-notes');
    var vNeeds = $('v-needs');
    var vRaise = $('v-raise');
    var vCategory = $('v-category');
    var vDescription = $('v-description');
    var vSubmit = $('visit-submit');
    var vMsg = $('visit-msg');

    /** The server's error keys (RFC 7807 `errors`) by the form's fields. */
    var VISIT_FIELDS = {
      household: 'household', visitedOn: 'visitedOn', kind: 'kind', notes: 'notes', needs: 'needs',
      raiseCase: 'raiseCase', 'raiseCase.urgency': 'raiseCase', urgency: 'raiseCase',
      'raiseCase.category': 'category', category: 'category',
      'raiseCase.description': 'description', description: 'description'
    };
    var VISIT_INPUTS = {
      household: vHousehold, visitedOn: vDate, kind: null, notes: vNotes, needs: vNeeds, raiseCase: vRaise,
      category: vCategory, description: vDescription
    };
    var COUNTERS = [[vNotes, 'vn-notes'], [vNeeds, 'vn-needs'], [vDescription, 'vn-description']];

    function kindInputs() {
      return Array.prototype.slice.call(vForm.querySelectorAll('input[name="kind"]'));
    }

    function setKind(kind) {
      kindInputs().forEach(function (r) { r.checked = r.value === kind; });
    }

    function chosenKind() {
      var c = kindInputs().filter(function (r) { return r.checked; })[0];
      return c ? c.value : 'routine';
    }

    function defaultKind(code) {
      return isCare(householdOf(code)) ? 'care' : 'routine';
    }

    function countAll() {
      COUNTERS.forEach(function (x) {
        var len = x[0].value.length;
        var counter = $(x[1]);
        counter.textContent = len + ' / ' + MAX_TEXT;
        counter.classList.toggle('full', len >= MAX_TEXT);
      });
    }

    function fieldError(field, text) {
      var note = $('ve-' + field);
      if (!note) return false;
      note.textContent = text || '';
      note.hidden = !text;
      var box = $('vf-' + field) || note.parentNode;
      box.classList.toggle('invalid', !!text);
      var input = VISIT_INPUTS[field];
      if (input) {
        if (text) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
      }
      return true;
    }

    /** Whether the form's message is about marked fields only (it goes once they are all corrected). */
    var msgForFields = false;

    function clearErrors() {
      Object.keys(VISIT_INPUTS).forEach(function (f) { fieldError(f, ''); });
      message(vMsg, '');
      msgForFields = false;
    }

    /** The field was changed: its message goes, and the form's once no field is marked any more. */
    function fieldChanged(field) {
      fieldError(field, '');
      if (msgForFields && !vForm.querySelector('.field-error:not([hidden])')) {
        message(vMsg, '');
        msgForFields = false;
      }
    }

    function showRaise() {
      $('v-raise-box').hidden = !vRaise.checked;
      if (vRaise.checked) loadCategories();
    }

    /** The households of the unit in the form's select; the chosen one stays chosen. */
    function fillHouseholdSelect() {
      var keep = vHousehold.value;
      clear(vHousehold);
      householdsList().forEach(function (h) {
        if (!h.code) return;
        vHousehold.appendChild(el('option', {
          value: h.code, text: (h.address || h.code) + (h.headName ? '（' + h.headName + '）' : '')
        }));
      });
      if (keep && householdOf(keep)) vHousehold.value = keep;
      showHouseholdFlags();
    }

    function showHouseholdFlags() {
      var box = clear($('v-household-flags'));
      var h = householdOf(vHousehold.value);
      var flags = isCare(h) ? h.careFlags : [];
      flags.forEach(function (f) { box.appendChild(el('span', { className: 'tag tag-care', text: f })); });
      box.hidden = flags.length === 0;
    }

    function fillCategories() {
      var keep = vCategory.value;
      clear(vCategory);
      vCategory.appendChild(el('option', { value: '', text: categories ? '请选择事件类别' : '正在加载类别…' }));
      (categories || []).forEach(function (c) {
        vCategory.appendChild(el('option', { value: c.code, text: c.name || c.code }));
      });
      if (keep) vCategory.value = keep;
    }

    /** GET /api/categories once (again after a failure): the active ones in their order. */
    function loadCategories() {
      if (categories || categoriesLoading) return categoriesLoading || Promise.resolve();
      fillCategories();
      categoriesLoading = request('GET', 'categories').then(function (list) {
        categoryNames = {};
        (Array.isArray(list) ? list : []).forEach(function (c) {
          if (c && c.code) categoryNames[c.code] = c.name || c.code;
        });
        categoriesFailed = false;
        categories = (Array.isArray(list) ? list : [])
          .filter(function (c) { return c && c.code && c.active !== false; })
          .sort(function (a, b) { return (a.sortOrder || 0) - (b.sortOrder || 0); });
        fillCategories();
        if (!$('ve-category').hidden && /类别加载失败/.test($('ve-category').textContent)) fieldError('category', '');
        fillNeedCategories();
        renderNeedsFiled();
      }, function (err) {
        categoriesFailed = true;
        fieldError('category', '事件类别加载失败：' + err.message + '。请取消勾选后再勾选重试。');
        fillNeedCategories();
      }).then(function () { categoriesLoading = null; });
      return categoriesLoading;
    }

    /** Sets the form up empty for the household `code` (null: just empty). */
    function resetVisit(code) {
      var today = chinaToday();
      visitFor = code;
      kindTouched = false;
      if (code) vHousehold.value = code;
      vDate.value = today;
      vNotes.value = '';
      vNeeds.value = '';
      vRaise.checked = false;
      vCategory.value = '';
      vDescription.value = '';
      setKind(code ? defaultKind(code) : 'routine');
      showRaise();
      clearErrors();
      countAll();
      showHouseholdFlags();
    }

    function openVisit(code, from) {
      // A form typed for this household and not yet recorded comes back as it was.
      if (visitFor !== code || vHousehold.value !== code) resetVisit(code);
      var today = chinaToday();
      vDate.max = today;
      vDate.min = addDays(today, -BACKDATE_DAYS);
      visitOpener = { code: code, from: from };
      visitOpen = true;
      message('notice', '');
      showHome();
      loadCategories();
      window.scrollTo(0, 0);
      $('visit-title').setAttribute('tabindex', '-1');
      $('visit-title').focus();
    }

    function closeVisit() {
      visitOpen = false;
      showHome();
      var back = visitOpener && document.querySelector(
        (visitOpener.from === 'due' ? '#due-list' : '#household-list') + ' [data-visit="' + cssEscape(visitOpener.code) + '"]');
      if (back && back.offsetParent !== null) {
        back.focus();
        if (back.scrollIntoView) back.scrollIntoView({ block: 'center' });
      } else {
        window.scrollTo(0, 0);
      }
    }

    function cssEscape(s) {
      return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
    }

    $('visit-back').addEventListener('click', function () {
      visitFor = vHousehold.value;
      closeVisit();
    });
    $('visit-cancel').addEventListener('click', function () {
      resetVisit(null);
      closeVisit();
    });

    vHousehold.addEventListener('change', function () {
      visitFor = vHousehold.value;
      if (!kindTouched) setKind(defaultKind(vHousehold.value));
      showHouseholdFlags();
      fieldChanged('household');
    });
    kindInputs().forEach(function (r) {
      r.addEventListener('change', function () {
        kindTouched = true;
        fieldChanged('kind');
      });
    });
    vDate.addEventListener('input', function () { fieldChanged('visitedOn'); });
    vDate.addEventListener('change', function () { fieldChanged('visitedOn'); });
    [[vNotes, 'notes'], [vNeeds, 'needs'], [vDescription, 'description']].forEach(function (x) {
      x[0].addEventListener('input', function () {
        countAll();
        fieldChanged(x[1]);
      });
    });
    vCategory.addEventListener('change', function () { fieldChanged('category'); });
    vRaise.addEventListener('change', function () {
      fieldChanged('raiseCase');
      showRaise();
      if (vRaise.checked) vCategory.focus();
    });

    /** The page's own checks before sending: answers the fields' errors. */
    function visitProblems() {
      var problems = {};
      if (!vHousehold.value) problems.household = '请选择走访的住户';
      if (!vDate.value) problems.visitedOn = '请填写走访日期（年-月-日）';
      if (vNotes.value.length > MAX_TEXT) problems.notes = '不能超过 ' + MAX_TEXT + ' 字';
      if (vNeeds.value.length > MAX_TEXT) problems.needs = '不能超过 ' + MAX_TEXT + ' 字';
      if (vRaise.checked) {
        if (!vCategory.value) problems.category = '请选择事件类别';
        if (!vDescription.value.trim()) problems.description = '请填写诉求内容';
        else if (vDescription.value.length > MAX_TEXT) problems.description = '诉求内容不能超过 ' + MAX_TEXT + ' 字';
      }
      return problems;
    }

    function focusField(field) {
      var input = field === 'kind' ? kindInputs()[0] : VISIT_INPUTS[field];
      if (input && input.offsetParent !== null) input.focus();
    }

    vForm.addEventListener('submit', function (e) {
      e.preventDefault();
      if (vSubmit.disabled) return;
      clearErrors();
      var problems = visitProblems();
      var bad = Object.keys(problems);
      if (bad.length) {
        bad.forEach(function (f) { fieldError(f, problems[f]); });
        message(vMsg, '请补全或修改标出的内容后再提交。');
        msgForFields = true;
        focusField(bad[0]);
        return;
      }
      var code = vHousehold.value;
      var h = householdOf(code);
      var body = {
        household: code,
        visitedOn: vDate.value,
        kind: chosenKind(),
        notes: vNotes.value,
        needs: vNeeds.value,
        raiseCase: vRaise.checked
          ? { category: vCategory.value, description: vDescription.value, urgency: 'normal' } : null
      };
      message('notice', '');
      vSubmit.disabled = true;
      vSubmit.setAttribute('aria-busy', 'true');
      vSubmit.textContent = '正在提交…';
      function idle() {
        vSubmit.disabled = false;
        vSubmit.removeAttribute('aria-busy');
        vSubmit.textContent = '提交走访记录';
      }
      request('POST', 'unit/visits', body).then(function (recorded) {
        idle();
        var caseNo = recorded && recorded.caseNo;
        resetVisit(null);
        closeVisit();
        message('notice', '已记录走访：' + ((h && h.address) || code)
          + (caseNo ? '，已上报事件 ' + caseNo : '') + '。', 'ok');
        var notice = $('notice');
        window.scrollTo(0, 0);
        notice.focus();
        return loadUnit();
      }, function (err) {
        idle();
        if (err.status === 401) {
          sessionLost('登录已失效，请重新登录。您填写的走访记录已保留。');
        } else if (isCsrfProblem(err)) {
          sessionLost('登录状态已变化（可能在其他页面重新登录过），请重新登录。您填写的走访记录已保留。');
        } else {
          var p = err.problem || {};
          var errors = p.errors && typeof p.errors === 'object' && !Array.isArray(p.errors) ? p.errors : {};
          var rest = [];
          var first = null;
          Object.keys(errors).forEach(function (k) {
            var text = String(errors[k]);
            var field = VISIT_FIELDS[k];
            if (field && fieldError(field, text)) {
              if (!first) first = field;
            } else if (text !== p.detail && text !== p.title) {
              rest.push(text);
            }
          });
          if (Array.isArray(p.errors)) rest = problemErrors(p);
          var hint = err.status === 403 ? '（请点“返回”后刷新，确认住户是否仍在本联户单元）' : '';
          message(vMsg, [err.message + hint, rest]);
          msgForFields = !!first && rest.length === 0;
          // The first marked field (its message under it), else the form's message above the buttons.
          var box = first ? $('vf-' + first) || $('ve-' + first) : vMsg;
          if (box && box.scrollIntoView) box.scrollIntoView({ block: first ? 'center' : 'nearest' });
        }
      });
    });

    // ----------------------------------------------------------------------------------------------
    // 本周需求报送: this week's report of the needs collected (or 本周无新增), once a week, a duty (a unit
    // that has not filed goes to its grid worker). GET /api/unit says whether it is filed
    // (weeklyReport); POST /api/unit/needs-reports files it. What is typed stays through a refusal, a
    // reload and a lost session (of the same user) until it is filed.

    /** The rows of the form, in order: { li, title, remove, household, category, text, urgency, ... }. */
    var needRows = [];
    var needSeq = 0;
    var needsBusy = false;
    /** Whether the form's message is about marked fields only (it goes once they are all corrected). */
    var needsMsgForFields = false;

    var nForm = $('needs-form');
    var nRows = $('need-rows');
    var nAdd = $('need-add');
    var nSubmit = $('needs-submit');
    var nFormMsg = $('needs-form-msg');
    var nNone = $('needs-none');
    var nConfirm = $('needs-confirm');
    var nYes = $('needs-none-yes');
    var nNo = $('needs-none-no');

    function weeklyReport() {
      var r = data && data.weeklyReport;
      return r && typeof r === 'object' ? r : null;
    }

    /** "11月30日" of yyyy-MM-dd. */
    function dayName(iso) {
      var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso || ''));
      return m ? Number(m[2]) + '月' + Number(m[3]) + '日' : '';
    }

    function categoryName(code) {
      return categoryNames[code] || code || '—';
    }

    /** A field error below a field that is not a row's (ne-needs). */
    function note(id, text) {
      var node = $(id);
      node.textContent = text || '';
      node.hidden = !text;
    }

    function renderNeeds() {
      var report = weeklyReport();
      $('needs-sec').hidden = !report;
      if (!report) return;
      var week = /^\d{4}-\d{2}-\d{2}$/.test(String(report.weekStart || '')) ? String(report.weekStart) : '';
      $('needs-week').textContent = week ? dayName(week) + '—' + dayName(addDays(week, 6)) : '';
      var filed = report.filed === true;
      $('needs-due').hidden = filed;
      $('needs-done').hidden = !filed;
      if (filed) {
        closeConfirm();
        renderNeedsFiled();
        return;
      }
      $('needs-state').textContent = '本周' + (week ? '（' + dayName(week) + '起）' : '') + '尚未报送';
      if (!needRows.length) addNeedRow(false);
      needRows.forEach(fillRowHouseholds);
      fillNeedCategories();
    }

    function renderNeedsFiled() {
      var report = weeklyReport();
      if (!report || report.filed !== true) return;
      var onTime = report.onTime !== false;
      var tag = $('needs-ontime');
      tag.textContent = onTime ? '按时' : '补报';
      tag.className = 'tag ' + (onTime ? 'tag-ok' : 'tag-late');
      var needs = Array.isArray(report.needs) ? report.needs : [];
      $('needs-filed-at').textContent = '报送时间：' + formatAt(report.filedAt)
        + (needs.length ? ' · 共 ' + needs.length + ' 条需求' : '');
      $('needs-nothing').hidden = needs.length > 0;
      var list = clear($('needs-filed'));
      needs.forEach(function (n) { list.appendChild(needItem(n)); });
    }

    function needItem(n) {
      var code = n.householdCode || '';
      var h = code ? householdOf(code) : null;
      var urgent = n.urgency && n.urgency !== 'normal';
      return el('li', {
        className: 'need-item', 'data-id': n.id != null ? n.id : null, 'data-category': n.category || null,
        'data-household': code || null
      }, [
        el('div', { className: 'tags' }, [
          el('span', { className: 'tag need-category', text: categoryName(n.category) }),
          urgent ? el('span', {
            className: 'tag need-urgency' + (URGENCY_NAMES[n.urgency] ? ' tag-' + n.urgency : ''),
            text: URGENCY_NAMES[n.urgency] || n.urgency
          }) : null,
          n.caseNo ? el('span', { className: 'tag tag-case', text: '已转事件 ' + n.caseNo }) : null
        ]),
        el('p', { className: 'need-item-text', text: n.text || '—' }),
        el('p', { className: 'need-where', text: code ? '住户：' + ((h && h.address) || code) : '未指定住户' })
      ]);
    }

    // ---------- the form's rows

    function addNeedRow(focus) {
      if (needRows.length >= MAX_NEEDS) return null;
      var n = ++needSeq;
      var row = { n: n, errors: {}, boxes: {}, hhSig: null, catSig: null };

      function field(name, labelText, required, control, extra) {
        var err = el('p', { className: 'field-error', id: 'ne-' + name + '-' + n, hidden: true });
        control.id = 'nr-' + name + '-' + n;
        control.setAttribute('aria-describedby', ((control.getAttribute('aria-describedby') || '') + ' ' + err.id).trim());
        var label = el('label', { for: control.id }, [labelText, required ? ' ' : null,
          required ? el('span', { className: 'req', 'aria-hidden': 'true', text: '*' }) : null]);
        var box = el('div', { className: 'field nf-' + name }, [label, control, extra || null, err]);
        row.errors[name] = err;
        row.boxes[name] = box;
        return box;
      }

      row.household = el('select', { name: 'household' });
      row.category = el('select', { name: 'category', required: true });
      row.counter = el('span', { className: 'counter', id: 'nn-' + n, 'aria-live': 'polite' });
      row.text = el('textarea', {
        name: 'text', rows: 3, maxlength: MAX_TEXT, required: true, 'aria-describedby': 'nn-' + n,
        placeholder: '例如：独居老人希望每周有人帮忙买菜。'
      });
      row.urgency = el('select', { name: 'urgency' }, URGENCY_ORDER.map(function (u) {
        return el('option', { value: u, text: URGENCY_NAMES[u] });
      }));
      row.title = el('h3', { className: 'need-row-title' });
      row.remove = el('button', { type: 'button', className: 'btn btn-plain need-remove', text: '删除' });
      row.li = el('li', { className: 'need-row', 'data-row': n }, [
        el('div', { className: 'need-row-head' }, [row.title, row.remove]),
        field('household', '住户', false, row.household),
        field('category', '类别', true, row.category),
        field('text', '内容', true, row.text, el('div', { className: 'hint-row' }, [el('span', { className: 'hint' }), row.counter])),
        field('urgency', '紧急程度', false, row.urgency)
      ]);

      row.remove.addEventListener('click', function () { removeNeedRow(row); });
      ['household', 'category', 'urgency'].forEach(function (f) {
        row[f].addEventListener('change', function () { needChanged(row, f); });
      });
      row.text.addEventListener('input', function () {
        countRow(row);
        needChanged(row, 'text');
      });

      needRows.push(row);
      nRows.appendChild(row.li);
      fillRowHouseholds(row);
      fillRowCategories(row);
      countRow(row);
      renumber();
      note('ne-needs', '');
      if (focus) {
        row.household.focus();
        if (row.li.scrollIntoView) row.li.scrollIntoView({ block: 'center' });
      }
      return row;
    }

    function removeNeedRow(row) {
      var i = needRows.indexOf(row);
      if (i < 0 || needRows.length < 2) return;
      needRows.splice(i, 1);
      row.li.parentNode.removeChild(row.li);
      renumber();
      needChanged(null, null);
      var next = needRows[Math.min(i, needRows.length - 1)];
      if (next) next.title.focus();
    }

    function renumber() {
      needRows.forEach(function (r, i) {
        r.title.textContent = '第 ' + (i + 1) + ' 条';
        r.title.setAttribute('tabindex', '-1');
        r.remove.setAttribute('aria-label', '删除第 ' + (i + 1) + ' 条');
        r.remove.hidden = needRows.length < 2;
      });
      var full = needRows.length >= MAX_NEEDS;
      nAdd.disabled = full;
      nAdd.textContent = full ? '每次最多报送 ' + MAX_NEEDS + ' 条' : '添加一条';
    }

    function countRow(row) {
      var len = row.text.value.length;
      row.counter.textContent = len + ' / ' + MAX_TEXT;
      row.counter.classList.toggle('full', len >= MAX_TEXT);
    }

    /** The unit's households in a row's select, after 不指定住户; the chosen one stays chosen. */
    function fillRowHouseholds(row) {
      var options = [['', '不指定住户']];
      householdsList().forEach(function (h) {
        if (h.code) options.push([h.code, (h.address || h.code) + (h.headName ? '（' + h.headName + '）' : '')]);
      });
      var keep = row.household.value;
      // One no longer in the unit stays chosen (the server says so) rather than being silently lost.
      if (keep && !householdOf(keep)) options.push([keep, keep + '（已不在本联户单元）']);
      fillSelect(row, 'household', 'hhSig', options, keep);
    }

    function fillRowCategories(row) {
      var options = [['', categories ? '请选择类别' : categoriesFailed ? '类别加载失败，请点“刷新”重试' : '正在加载类别…']];
      (categories || []).forEach(function (c) { options.push([c.code, c.name || c.code]); });
      var keep = row.category.value;
      if (keep && !options.some(function (o) { return o[0] === keep; })) options.push([keep, categoryName(keep)]);
      fillSelect(row, 'category', 'catSig', options, keep);
    }

    /** Rebuilds the select `field` of `row` only when its options changed (an open select stays open). */
    function fillSelect(row, field, sigKey, options, keep) {
      var sig = JSON.stringify(options);
      if (row[sigKey] === sig) return;
      row[sigKey] = sig;
      var select = clear(row[field]);
      options.forEach(function (o) { select.appendChild(el('option', { value: o[0], text: o[1] })); });
      select.value = keep || '';
    }

    function fillNeedCategories() {
      needRows.forEach(fillRowCategories);
    }

    function needError(row, field, text) {
      var err = row.errors[field];
      if (!err) return false;
      err.textContent = text || '';
      err.hidden = !text;
      row.boxes[field].classList.toggle('invalid', !!text);
      if (text) row[field].setAttribute('aria-invalid', 'true');
      else row[field].removeAttribute('aria-invalid');
      row.li.classList.toggle('invalid-row', Object.keys(row.errors).some(function (f) { return !row.errors[f].hidden; }));
      return true;
    }

    function clearNeedErrors() {
      needRows.forEach(function (r) { Object.keys(r.errors).forEach(function (f) { needError(r, f, ''); }); });
      note('ne-needs', '');
      message(nFormMsg, '');
      needsMsgForFields = false;
    }

    /** A row's field was changed: its message goes, and the form's once no field is marked any more. */
    function needChanged(row, field) {
      if (row) needError(row, field, '');
      if (needsMsgForFields && !nForm.querySelector('.field-error:not([hidden])')) {
        message(nFormMsg, '');
        needsMsgForFields = false;
      }
    }

    /** Empties the form (after filing, at a logout or another user's login). */
    function resetNeeds() {
      needRows.forEach(function (r) { if (r.li.parentNode) r.li.parentNode.removeChild(r.li); });
      needRows = [];
      clearNeedErrors();
      closeConfirm();
      message('needs-msg', '');
      message('needs-notice', '');
      renumber();
    }

    nAdd.addEventListener('click', function () { addNeedRow(true); });

    // ---------- filing

    /** The page's own checks before sending: [row, field, message] of each problem. */
    function needProblems() {
      var list = [];
      needRows.forEach(function (r) {
        if (!r.category.value) list.push([r, 'category', '请选择类别']);
        if (!r.text.value.trim()) list.push([r, 'text', '请填写需求内容']);
        else if (r.text.value.length > MAX_TEXT) list.push([r, 'text', '不能超过 ' + MAX_TEXT + ' 字']);
      });
      return list;
    }

    nForm.addEventListener('submit', function (e) {
      e.preventDefault();
      if (needsBusy) return;
      clearNeedErrors();
      message('needs-msg', '');
      message('needs-notice', '');
      if (!needRows.length) addNeedRow(false);
      var problems = needProblems();
      if (problems.length) {
        problems.forEach(function (p) { needError(p[0], p[1], p[2]); });
        message(nFormMsg, '请补全或修改标出的内容后再报送。');
        needsMsgForFields = true;
        var first = problems[0][0][problems[0][1]];
        first.focus();
        if (first.scrollIntoView) first.scrollIntoView({ block: 'center' });
        return;
      }
      var sent = needRows.slice();
      fileNeeds({
        needs: sent.map(function (r) {
          var need = { category: r.category.value, text: r.text.value, urgency: r.urgency.value || 'normal' };
          if (r.household.value) need.household = r.household.value;
          return need;
        })
      }, sent);
    });

    function openConfirm() {
      var typed = needRows.filter(function (r) { return r.text.value.trim() || r.category.value; }).length;
      var warn = $('needs-confirm-warn');
      warn.textContent = typed ? '上面已填写的 ' + typed + ' 条需求不会报送。' : '';
      warn.hidden = !typed;
      message('needs-confirm-msg', '');
      nConfirm.hidden = false;
      nNone.setAttribute('aria-expanded', 'true');
      nYes.focus();
      if (nConfirm.scrollIntoView) nConfirm.scrollIntoView({ block: 'nearest' });
    }

    function closeConfirm() {
      nConfirm.hidden = true;
      nNone.setAttribute('aria-expanded', 'false');
      message('needs-confirm-msg', '');
    }

    nNone.addEventListener('click', function () {
      if (nConfirm.hidden) openConfirm();
      else closeConfirm();
    });
    nNo.addEventListener('click', function () {
      closeConfirm();
      nNone.focus();
    });
    nYes.addEventListener('click', function () {
      if (needsBusy) return;
      message('needs-msg', '');
      message('needs-notice', '');
      message('needs-confirm-msg', '');
      fileNeeds({ nothingNew: true }, []);
    });

    /** POSTs the report `body` for the week shown; `sent` are the rows of its needs, in order. */
    function fileNeeds(body, sent) {
      var shown = weeklyReport();
      // The week the page shows: a page left open over Sunday night files that week's, as a late report.
      if (shown && /^\d{4}-\d{2}-\d{2}$/.test(String(shown.weekStart || ''))) body.week = shown.weekStart;
      var nothing = body.nothingNew === true;
      var btn = nothing ? nYes : nSubmit;
      var label = btn.textContent;
      needsBusy = true;
      nSubmit.disabled = true;
      nYes.disabled = true;
      btn.setAttribute('aria-busy', 'true');
      btn.textContent = '正在报送…';
      message('notice', '');
      function idle() {
        needsBusy = false;
        nSubmit.disabled = false;
        nYes.disabled = false;
        btn.removeAttribute('aria-busy');
        btn.textContent = label;
      }
      request('POST', 'unit/needs-reports', body).then(function (filed) {
        idle();
        filed = filed && typeof filed === 'object' ? filed : {};
        var count = Array.isArray(filed.needs) ? filed.needs.length : sent.length;
        var late = filed.onTime === false;
        var week = dayName(filed.weekStart);
        var text = nothing
          ? (late ? '已补报：' + week + '起的一周无新增' : '已报送：本周无新增')
          : (late ? '已补报' + week + '起一周的需求（' + count + ' 条）' : '已报送本周需求（' + count + ' 条）');
        resetNeeds();
        if (data && shown && filed.weekStart === shown.weekStart && filed.filed === true) {
          data.weeklyReport = filed;
          renderNeeds();
        }
        message('needs-notice', text, 'ok');
        var notice = $('needs-notice');
        notice.focus();
        if (notice.scrollIntoView) notice.scrollIntoView({ block: 'center' });
        return loadUnit();
      }, function (err) {
        idle();
        if (err.status === 401) {
          sessionLost('登录已失效，请重新登录。您填写的需求已保留。');
        } else if (isCsrfProblem(err)) {
          sessionLost('登录状态已变化（可能在其他页面重新登录过），请重新登录。您填写的需求已保留。');
        } else if (err.status === 409) {
          // Filed meanwhile (another phone, another tab): the detail, and the week as it now is.
          closeConfirm();
          message('needs-msg', err.message + '（已刷新本周报送情况）');
          var msg = $('needs-msg');
          if (msg.scrollIntoView) msg.scrollIntoView({ block: 'center' });
          loadUnit();
        } else {
          showNeedsRefusal(err, nothing, sent);
        }
      });
    }

    /** A refusal (400, 403): title and detail by the buttons, each field's message by its row's field. */
    function showNeedsRefusal(err, nothing, sent) {
      var p = err.problem || {};
      var errors = p.errors && typeof p.errors === 'object' && !Array.isArray(p.errors) ? p.errors : {};
      var rest = [];
      var first = null;
      Object.keys(errors).forEach(function (k) {
        var text = String(errors[k]);
        var m = /^needs\[(\d+)\](?:\.([A-Za-z]+))?$/.exec(k);
        var row = m ? sent[Number(m[1])] : null;
        var placed = false;
        if (row && row.li.parentNode) {
          var f = m[2] ? (row.errors[m[2]] ? m[2] : null) : 'text';
          if (f && needError(row, f, text)) {
            placed = true;
            if (!first) first = row[f];
          }
        } else if (k === 'needs' && !nothing) {
          note('ne-needs', text);
          placed = true;
          if (!first) first = nAdd;
        }
        if (!placed && text !== p.detail && text !== p.title) rest.push(text);
      });
      if (Array.isArray(p.errors)) rest = problemErrors(p);
      if (err.status === 403 && !nothing) {
        // A household of another unit: the detail names it.
        sent.forEach(function (r) {
          var code = r.household.value;
          if (code && r.li.parentNode && String(p.detail || '').indexOf(code) >= 0) {
            needError(r, 'household', '该住户不在本联户单元，请重新选择（可点“刷新”更新住户）');
            if (!first) first = r.household;
          }
        });
      }
      var target = nothing ? $('needs-confirm-msg') : nFormMsg;
      var weekGone = Object.prototype.hasOwnProperty.call(errors, 'week');
      message(target, [err.message + (weekGone ? '（已刷新为本周，请重新报送）' : ''), rest]);
      needsMsgForFields = !nothing && !!first && rest.length === 0 && !weekGone;
      var box = first ? (first.closest ? first.closest('.field') : null) || first : target;
      if (box && box.scrollIntoView) box.scrollIntoView({ block: first ? 'center' : 'nearest' });
      if (weekGone) loadUnit();
    }

    // ----------------------------------------------------------------------------------------------
    // start: a reload keeps the login as long as the server's session lasts

    request('GET', 'session').then(function (current) {
      auth = current;
      lastUser = current && current.user || '';
      return loadUnit();
    }, function (err) {
      showLogin(err.status === 401 || err.status === 403 ? '' : err.message);
    });
  }
})();
