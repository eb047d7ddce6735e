/*
 * 联户 联户长页面 /unit/: a liaison head's phone page for /api/unit — the unit, this month's visits (走访:
 * coverage with its light, the households due a visit, the visit form with a case and a need raised in
 * the same step, the month's records), its open in-unit cases with the head's four decisions (联户内解决,
 * 上报网格员, 提交社区议事会, 矛盾纠纷转人民调解), the unit's disputes in mediation (联户长调解: the head
 * joins a tier-1 mediation with a note), this week's needs report (本周需求报送: the needs collected, or
 * 本周无新增, once a week) and its households, which the head keeps (添加住户, 修改, 迁出); then the head's
 * own term (我的履职): 培训记录 (初任培训, sessions attended, hours, 老带新), 季度考核 (with 申诉 while a
 * published result allows it), 邻里互助活动 (the list and the form to record one), 我的补贴 (the lines of
 * approved pay sheets, the bank account masked) and the link to download the 履职档案. Plain browser
 * JavaScript, no build step, no libraries. Every value from the server or the user goes into the page as
 * text (textContent), never as HTML.
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
    },
    mediate: {
      button: '矛盾纠纷，转人民调解', label: '情况说明', done: '已转人民调解（一级调解：网格/村调解）',
      hint: '说明双方的矛盾；事件转为纠纷，由网格/村调解，您可在“本单元调解中的纠纷”中参与调解。',
      placeholder: '例如：楼上楼下因噪音多次争吵，双方都愿意坐下来谈。'
    }
  };
  var DECISION_ORDER = ['resolve', 'passUp', 'refer', 'mediate'];
  /** 关爱标记: the codes the roster takes, with the labels GET /api/unit shows. */
  var CARE_FLAGS = [
    ['elderly_alone', '独居老人'], ['empty_nest', '空巢'], ['left_behind_child', '留守儿童'],
    ['disabled', '残疾'], ['subsistence', '低保'], ['key_concern', '重点关注']
  ];
  /** The roster's fields, and the column names a validation report (422) gives them. */
  var HOUSEHOLD_FIELDS = ['address', 'headName', 'phone', 'members', 'careFlags'];
  var HOUSEHOLD_COLUMNS = { '地址': 'address', '户主': 'headName', '电话': 'phone', '人数': 'members', '关爱标记': 'careFlags' };

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
          if (typeof e === 'string') list.push(e);
          else if (e && e.reason) {
            // An entry of a validation report (422): { sheet, row, column, reason }.
            list.push((e.row != null ? '第 ' + e.row + ' 行 ' : '') + (e.column ? e.column + '：' : '') + e.reason);
          } else list.push(e && (e.message || e.detail || e.defaultMessage) || '');
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
      forgetDrafts();
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
            forgetDrafts();
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
        loadDisputes();
        loadCategories();
        maybeLoadTerm();
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
      message('disputes-notice', '');
      message('households-notice', '');
      message('evals-notice', '');
      message('activities-notice', '');
      termFor = null;
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

    // ---------- 本单元调解中的纠纷: 联户长调解

    /** The unit's open disputes (GET /api/unit/disputes); null until loaded. */
    var disputes = null;
    var disputesSeq = 0;
    /** By dispute number: whether its 参与调解 form is open and the typed note, kept across reloads and errors. */
    var mediationDrafts = {};

    /** Forgets what was typed for another user (a logout, another user's login). */
    function forgetDrafts() {
      mediationDrafts = {};
      householdDrafts = {};
      retiring = {};
      disputes = null;
      clear($('dispute-list'));
      clear($('household-new'));
      $('household-new').hidden = true;
      $('household-add').setAttribute('aria-expanded', 'false');
      message('disputes-msg', '');
      message('disputes-notice', '');
      message('households-notice', '');
      resetTerm();
    }

    function loadDisputes() {
      var seq = ++disputesSeq;
      var sec = $('disputes-sec');
      sec.setAttribute('aria-busy', 'true');
      return request('GET', 'unit/disputes').then(function (answer) {
        if (seq !== disputesSeq) return;
        disputes = Array.isArray(answer) ? answer : [];
        message('disputes-msg', '');
        renderDisputes();
      }, function (err) {
        if (seq !== disputesSeq) return;
        if (err.status === 401) return; // the unit's own reload shows the login
        message('disputes-msg', '纠纷加载失败：' + err.message + '。请点“刷新”重试。');
      }).then(function () {
        if (seq === disputesSeq) sec.removeAttribute('aria-busy');
      });
    }

    function renderDisputes() {
      var list = clear($('dispute-list'));
      if (!disputes) {
        $('disputes-empty').hidden = true;
        return;
      }
      var shown = {};
      disputes.forEach(function (d) {
        if (!d || !d.disputeNo) return;
        shown[d.disputeNo] = true;
        list.appendChild(disputeCard(d));
      });
      Object.keys(mediationDrafts).forEach(function (no) { if (!shown[no]) delete mediationDrafts[no]; });
      setBadge('dispute-count', disputes.length, '件');
      $('disputes-empty').hidden = disputes.length > 0;
    }

    function disputeCard(d) {
      var joined = Array.isArray(d.joined) ? d.joined : [];
      var latest = joined.length ? joined[joined.length - 1] : null;
      var parties = Array.isArray(d.parties) ? d.parties.filter(Boolean) : [];
      var card = el('article', {
        className: 'card dispute' + (d.canJoin ? '' : ' escalated'), 'data-dispute-no': d.disputeNo,
        'aria-label': (d.typeName || '纠纷') + ' ' + d.disputeNo
      });
      card.appendChild(el('div', { className: 'case-head' }, [
        el('h3', { text: d.typeName || '纠纷' }),
        el('div', { className: 'tags' }, [
          d.statusName ? el('span', { className: 'tag tag-status', text: d.statusName }) : null,
          d.tier != null ? el('span', { className: 'tag tag-tier' + (d.canJoin ? '' : ' tag-up'), text: tierShort(d) }) : null
        ])
      ]));
      card.appendChild(el('dl', { className: 'facts' }, [
        fact('编号', d.disputeNo, 'case-no dispute-no'),
        fact('调解', d.tierName || '—', 'tier'),
        fact('当事人', parties.length ? parties.join('、') : '—', 'parties'),
        fact('地点', d.address || '—', 'address'),
        fact('情况', d.description || '—', 'pre description'),
        fact('登记时间', formatAt(d.registeredAt), 'registered')
      ]));
      card.appendChild(el('div', { className: 'joined' + (joined.length ? ' has' : '') }, [
        el('p', { className: 'joined-count', text: joined.length ? '已参与调解 ' + joined.length + ' 次' : '尚未参与调解' }),
        latest ? el('p', { className: 'joined-latest' }, [
          el('span', { className: 'joined-at', text: '最近一次 ' + formatAt(latest.recordedAt) + '：' }),
          el('span', { className: 'pre', text: latest.note || '—' })
        ]) : null
      ]));

      if (!d.canJoin) {
        card.appendChild(el('p', {
          className: 'escalated-note',
          text: '已升级至' + (d.tierName || '上级调解') + '，由街道/县级调解'
        }));
        return card;
      }

      var n = ++formSeq;
      var formId = 'mf-' + n;
      var open = el('button', {
        type: 'button', className: 'btn btn-secondary btn-block join-btn', 'aria-expanded': 'false',
        'aria-controls': formId, 'aria-label': '参与调解：纠纷 ' + d.disputeNo, text: '参与调解'
      });
      card.appendChild(el('div', { className: 'join-actions' }, open));

      var textId = 'mt-' + n;
      var form = el('form', { className: 'decision-form mediation-form', novalidate: true, hidden: true, id: formId });
      var textarea = el('textarea', {
        id: textId, className: 'decision-text', name: 'note', rows: 5, maxlength: MAX_TEXT, required: true,
        'aria-describedby': 'mh-' + n + ' mn-' + n + ' mm-' + n, placeholder: '例如：上门与双方分别谈话，楼上同意晚上十点后不再装修。'
      });
      var counter = el('span', { className: 'counter', id: 'mn-' + n, 'aria-live': 'polite' });
      var field = el('div', { className: 'field' }, [
        el('label', { for: textId }, ['调解情况 ', el('span', { className: 'req', 'aria-hidden': 'true', text: '*' })]),
        textarea,
        el('div', { className: 'hint-row' }, [el('span', { className: 'hint', id: 'mh-' + n, text: '上门劝解的经过、双方意见' }), counter])
      ]);
      var msg = el('div', { className: 'msg error form-msg', id: 'mm-' + n, role: 'alert', hidden: true });
      var submit = el('button', { type: 'submit', className: 'btn btn-primary decision-submit', text: '提交调解记录' });
      var cancel = el('button', { type: 'button', className: 'btn btn-plain decision-cancel', text: '收起' });
      form.appendChild(el('p', { className: 'chosen', text: '联户长参与一级调解' }));
      form.appendChild(field);
      form.appendChild(msg);
      form.appendChild(el('div', { className: 'form-actions' }, [submit, cancel]));
      card.appendChild(form);

      function draft() {
        if (!mediationDrafts[d.disputeNo]) mediationDrafts[d.disputeNo] = { open: false, text: '' };
        return mediationDrafts[d.disputeNo];
      }

      function count() {
        var len = textarea.value.length;
        counter.textContent = len + ' / ' + MAX_TEXT;
        counter.classList.toggle('full', len >= MAX_TEXT);
      }

      function invalid(on) {
        field.classList.toggle('invalid', on);
        if (on) textarea.setAttribute('aria-invalid', 'true');
        else textarea.removeAttribute('aria-invalid');
      }

      function show(on) {
        draft().open = on;
        form.hidden = !on;
        open.setAttribute('aria-expanded', on ? 'true' : 'false');
        if (!on) message(msg, '');
      }

      open.addEventListener('click', function () {
        if (!form.hidden) {
          show(false);
          return;
        }
        show(true);
        textarea.focus();
      });
      cancel.addEventListener('click', function () {
        show(false);
        open.focus();
      });
      var emptyMsg = false;
      textarea.addEventListener('input', function () {
        draft().text = textarea.value;
        count();
        if (textarea.value.trim()) {
          invalid(false);
          if (emptyMsg) message(msg, '');
          emptyMsg = false;
        }
      });

      form.addEventListener('submit', function (e) {
        e.preventDefault();
        if (submit.disabled) return;
        var note = textarea.value;
        emptyMsg = false;
        if (!note.trim()) {
          invalid(true);
          message(msg, '请填写调解情况后再提交。');
          emptyMsg = true;
          textarea.focus();
          return;
        }
        if (note.length > MAX_TEXT) {
          invalid(true);
          message(msg, '调解情况不能超过 ' + MAX_TEXT + ' 字。');
          return;
        }
        message(msg, '');
        message('disputes-notice', '');
        submit.disabled = true;
        submit.setAttribute('aria-busy', 'true');
        submit.textContent = '正在提交…';
        request('POST', 'unit/disputes/' + encodeURIComponent(d.disputeNo) + '/mediation', { note: note })
          .then(function () {
            delete mediationDrafts[d.disputeNo];
            message('disputes-notice', '已记录：参与纠纷 ' + d.disputeNo + '（' + (d.typeName || '纠纷') + '）的调解，第 '
              + (joined.length + 1) + ' 次。', 'ok');
            var notice = $('disputes-notice');
            notice.focus();
            if (notice.scrollIntoView) notice.scrollIntoView({ block: 'center' });
            return loadDisputes();
          }, function (err) {
            submit.disabled = false;
            submit.removeAttribute('aria-busy');
            submit.textContent = '提交调解记录';
            if (err.status === 401) {
              sessionLost('登录已失效，请重新登录。您填写的调解情况已保留。');
            } else if (isCsrfProblem(err)) {
              sessionLost('登录状态已变化（可能在其他页面重新登录过），请重新登录。您填写的调解情况已保留。');
            } else {
              if (err.status === 400) invalid(true);
              var hintText = err.status === 409 || err.status === 404 || err.status === 403
                ? '（可点上方“刷新”查看纠纷的最新情况）' : '';
              message(msg, [err.message + hintText, problemErrors(err.problem)]);
              if (msg.scrollIntoView) msg.scrollIntoView({ block: 'nearest' });
            }
          });
      });

      // A form that was open before this render (a reload, a new login) comes back with its text.
      var kept = mediationDrafts[d.disputeNo];
      if (kept) {
        textarea.value = kept.text || '';
        if (kept.open) show(true);
      }
      count();
      return card;
    }

    /** "一级调解" of a dispute's tier (the whole name is in its facts). */
    function tierShort(d) {
      var names = { 1: '一级调解', 2: '二级调解', 3: '三级调解' };
      return names[d.tier] || String(d.tierName || '').split(/[（(：:]/)[0] || ('第 ' + d.tier + ' 级');
    }

    // ---------- households: the roster, kept by the head (添加住户, 修改, 迁出)

    /**
     * The household forms' drafts: 'new' for 添加住户, a household's code for its 修改; each
     * { values, original } (original: what the head saw when opening 修改, to send only what changed).
     * Kept across reloads, refusals and a lost session.
     */
    var householdDrafts = {};
    /** The households whose 迁出 confirmation is open, by code. */
    var retiring = {};
    var householdSeq = 0;

    function unitCode() {
      return data && data.unit && data.unit.code ? String(data.unit.code) : '';
    }

    function rosterPath(code, tail) {
      return 'staff/units/' + encodeURIComponent(unitCode()) + '/households'
        + (code ? '/' + encodeURIComponent(code) : '') + (tail || '');
    }

    /** The codes of a household's care flags (GET /api/unit gives their labels). */
    function flagCodes(flags) {
      return (Array.isArray(flags) ? flags : []).map(function (f) {
        var known = CARE_FLAGS.filter(function (c) { return c[0] === f || c[1] === f; })[0];
        return known ? known[0] : String(f);
      });
    }

    function householdValues(h) {
      return {
        address: h && h.address ? String(h.address) : '',
        headName: h && h.headName ? String(h.headName) : '',
        phone: h && h.phone ? String(h.phone) : '',
        members: h && h.members != null ? String(h.members) : '',
        careFlags: flagCodes(h && h.careFlags)
      };
    }

    function householdNotice(text) {
      message('households-notice', text, 'ok');
      var notice = $('households-notice');
      notice.focus();
      if (notice.scrollIntoView) notice.scrollIntoView({ block: 'center' });
    }

    function renderHouseholds(households) {
      var list = clear($('household-list'));
      var shown = {};
      households
        .map(function (h, i) { return { h: h, i: i, care: Array.isArray(h.careFlags) && h.careFlags.length > 0 }; })
        .sort(function (a, b) { return (a.care === b.care) ? a.i - b.i : a.care ? -1 : 1; })
        .forEach(function (x) {
          if (x.h.code) shown[x.h.code] = true;
          list.appendChild(householdItem(x.h, x.care));
        });
      // A household gone from the unit (moved out, moved elsewhere) takes its open forms with it.
      Object.keys(householdDrafts).forEach(function (k) { if (k !== 'new' && !shown[k]) delete householdDrafts[k]; });
      Object.keys(retiring).forEach(function (k) { if (!shown[k]) delete retiring[k]; });
      setBadge('household-count', households.length, '户');
      $('households-empty').hidden = households.length > 0;
      renderNewHousehold();
    }

    function householdItem(h, care) {
      var phone = h.phone ? String(h.phone) : '';
      var dial = phone.replace(/[^\d+]/g, '');
      var label = h.address || h.code || '';
      var line = el('p', { className: 'household-line' }, [
        el('span', { className: 'household-head', text: '户主：' + (h.headName || '—') }),
        h.members != null ? el('span', { className: 'members', text: h.members + ' 人' }) : null,
        phone && dial
          ? el('a', { className: 'tel', href: 'tel:' + dial, 'aria-label': '拨打 ' + (h.headName || '') + ' ' + phone, text: phone })
          : el('span', { className: 'hint', text: '无电话' })
      ]);
      var li = el('li', { className: 'card household' + (care ? ' care' : ''), 'data-code': h.code || null }, [
        el('p', { className: 'household-address', text: h.address || h.code || '—' }),
        line,
        care ? el('div', { className: 'tags', 'aria-label': '关爱对象' }, h.careFlags.map(function (f) {
          return el('span', { className: 'tag tag-care', text: f });
        })) : null
      ]);
      if (!h.code) return li;

      var n = ++householdSeq;
      var edit = el('button', {
        type: 'button', className: 'btn btn-plain edit-btn', 'data-edit': h.code, 'aria-expanded': 'false',
        'aria-controls': 'he-' + n, 'aria-label': '修改住户：' + label, text: '修改'
      });
      var retire = el('button', {
        type: 'button', className: 'btn btn-plain retire-btn', 'data-retire': h.code, 'aria-expanded': 'false',
        'aria-controls': 'hr-' + n, 'aria-label': '迁出：' + label, text: '迁出'
      });
      li.appendChild(el('div', { className: 'item-actions' }, [edit, retire, visitButton(h.code, 'households', label)]));
      var editBox = el('div', { className: 'household-edit', id: 'he-' + n, hidden: true });
      var retireBox = el('div', { className: 'confirm retire-confirm', id: 'hr-' + n, role: 'group', hidden: true });
      li.appendChild(editBox);
      li.appendChild(retireBox);

      function showEdit(on, focus) {
        clear(editBox);
        edit.setAttribute('aria-expanded', on ? 'true' : 'false');
        editBox.hidden = !on;
        if (!on) {
          delete householdDrafts[h.code];
          return;
        }
        if (!householdDrafts[h.code]) {
          householdDrafts[h.code] = { values: householdValues(h), original: householdValues(h) };
        }
        var form = householdForm(h.code, h, function () {
          showEdit(false);
          edit.focus();
        });
        editBox.appendChild(form.node);
        if (focus) form.focus();
      }

      function showRetire(on, focus) {
        clear(retireBox);
        retire.setAttribute('aria-expanded', on ? 'true' : 'false');
        retireBox.hidden = !on;
        if (!on) {
          delete retiring[h.code];
          return;
        }
        retiring[h.code] = true;
        var qId = 'hrq-' + n;
        retireBox.setAttribute('aria-labelledby', qId);
        var msg = el('div', { className: 'msg error', role: 'alert', hidden: true });
        var yes = el('button', { type: 'button', className: 'btn btn-primary decision-submit retire-yes', text: '确认迁出' });
        var no = el('button', { type: 'button', className: 'btn btn-plain', text: '取消' });
        retireBox.appendChild(el('p', { className: 'confirm-q', id: qId, text: '确认 ' + label + ' 已迁出？' }));
        retireBox.appendChild(el('p', { className: 'hint confirm-hint', text: '迁出后不再列入本单元住户和待走访；以往的走访记录和事件仍保留。' }));
        retireBox.appendChild(msg);
        retireBox.appendChild(el('div', { className: 'form-actions' }, [yes, no]));
        no.addEventListener('click', function () {
          showRetire(false);
          retire.focus();
        });
        yes.addEventListener('click', function () {
          if (yes.disabled) return;
          yes.disabled = true;
          yes.setAttribute('aria-busy', 'true');
          yes.textContent = '正在提交…';
          message(msg, '');
          message('households-notice', '');
          request('POST', rosterPath(h.code, '/retire')).then(function () {
            delete retiring[h.code];
            delete householdDrafts[h.code];
            householdNotice('已迁出：' + label + '（' + h.code + '）。');
            return loadUnit();
          }, function (err) {
            yes.disabled = false;
            yes.removeAttribute('aria-busy');
            yes.textContent = '确认迁出';
            if (err.status === 401) sessionLost('登录已失效，请重新登录。');
            else if (isCsrfProblem(err)) sessionLost('登录状态已变化（可能在其他页面重新登录过），请重新登录。');
            else {
              message(msg, [err.message + (err.status === 404 ? '（可点上方“刷新”查看住户的最新情况）' : ''), problemErrors(err.problem)]);
              if (msg.scrollIntoView) msg.scrollIntoView({ block: 'nearest' });
            }
          });
        });
        if (focus) yes.focus();
        if (focus && retireBox.scrollIntoView) retireBox.scrollIntoView({ block: 'nearest' });
      }

      edit.addEventListener('click', function () {
        if (!editBox.hidden) {
          showEdit(false);
          return;
        }
        showRetire(false);
        showEdit(true, true);
      });
      retire.addEventListener('click', function () {
        if (!retireBox.hidden) {
          showRetire(false);
          return;
        }
        showRetire(true, true);
      });

      // Forms open before this render (a reload, a new login) come back as they were.
      if (householdDrafts[h.code]) showEdit(true, false);
      if (retiring[h.code]) showRetire(true, false);
      return li;
    }

    // ---------- 添加住户

    var hhAdd = $('household-add');
    var hhNew = $('household-new');

    function renderNewHousehold() {
      var on = !!householdDrafts['new'];
      hhAdd.setAttribute('aria-expanded', on ? 'true' : 'false');
      hhNew.hidden = !on;
      if (!on) {
        clear(hhNew);
        return;
      }
      if (hhNew.firstChild) return; // the open form stays as it is (and keeps its focus)
      var form = householdForm('new', null, function () {
        delete householdDrafts['new'];
        renderNewHousehold();
        hhAdd.focus();
      });
      hhNew.appendChild(form.node);
      return form;
    }

    hhAdd.addEventListener('click', function () {
      if (householdDrafts['new']) {
        delete householdDrafts['new'];
        renderNewHousehold();
        return;
      }
      householdDrafts['new'] = { values: householdValues(null), original: null };
      message('households-notice', '');
      var form = renderNewHousehold();
      if (form) form.focus();
    });

    /**
     * The form of a household: `key` 'new' (添加住户) or its code (修改, `h` the household as shown);
     * `close` closes it. What is typed goes into householdDrafts[key] at once. Answers { node, focus }.
     */
    function householdForm(key, h, close) {
      var adding = key === 'new';
      var draft = householdDrafts[key];
      var n = ++householdSeq;
      var prefix = 'hf-' + n + '-';
      var inputs = {};
      var errors = {};
      var boxes = {};
      var msgForFields = false;

      function textField(name, labelText, required, attrs, hint) {
        var id = prefix + name;
        var err = el('p', { className: 'field-error', id: id + '-e', hidden: true });
        var hintNode = hint ? el('p', { className: 'hint field-hint', id: id + '-h', text: hint }) : null;
        var input = el('input', Object.assign({
          id: id, name: name, type: 'text', required: required || null,
          'aria-describedby': (hint ? id + '-h ' : '') + id + '-e'
        }, attrs));
        input.value = draft.values[name] || '';
        input.addEventListener('input', function () {
          draft.values[name] = input.value;
          changed(name);
        });
        inputs[name] = input;
        errors[name] = err;
        var box = el('div', { className: 'field hf-' + name }, [
          el('label', { for: id }, [labelText, required ? ' ' : null,
            required ? el('span', { className: 'req', 'aria-hidden': 'true', text: '*' }) : null]),
          input, hintNode, err
        ]);
        boxes[name] = box;
        return box;
      }

      var flagsErr = el('p', { className: 'field-error', id: prefix + 'careFlags-e', hidden: true });
      var known = CARE_FLAGS.map(function (c) { return c[0]; });
      var flagList = CARE_FLAGS.slice();
      // A flag the page does not know (added by the county later) stays as it is.
      draft.values.careFlags.forEach(function (f) { if (known.indexOf(f) < 0) flagList.push([f, f]); });
      var flagInputs = [];
      var flagLabels = flagList.map(function (c) {
        var input = el('input', { type: 'checkbox', name: 'careFlags', value: c[0] });
        input.checked = draft.values.careFlags.indexOf(c[0]) >= 0;
        input.addEventListener('change', function () {
          draft.values.careFlags = flagInputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
          changed('careFlags');
        });
        flagInputs.push(input);
        return el('label', { className: 'choice flag' }, [input, el('span', { text: c[1] })]);
      });
      var flagsBox = el('fieldset', { className: 'field choices hf-careFlags', 'aria-describedby': flagsErr.id }, [
        el('legend', { text: '关爱标记' }),
        el('div', { className: 'choice-row flag-row' }, flagLabels),
        flagsErr
      ]);
      errors.careFlags = flagsErr;
      boxes.careFlags = flagsBox;

      var msg = el('div', { className: 'msg error form-msg', role: 'alert', hidden: true });
      var submitText = adding ? '添加住户' : '保存修改';
      var submit = el('button', { type: 'submit', className: 'btn btn-primary decision-submit', text: submitText });
      var cancel = el('button', { type: 'button', className: 'btn btn-plain', text: '取消' });
      var titleId = prefix + 'title';
      var form = el('form', { className: 'household-form', novalidate: true, 'aria-labelledby': titleId }, [
        el('h3', { className: 'household-form-title', id: titleId, tabindex: '-1', text: adding ? '添加住户' : '修改住户信息' }),
        adding ? el('p', { className: 'hint form-intro', text: '住户编号由系统生成；身份证号等其他信息由县级管理员维护。' }) : null,
        textField('address', '地址', true, { maxlength: 200, autocomplete: 'off', placeholder: '例如：和平里一区1号楼105室' }),
        textField('headName', '户主', true, { maxlength: 50, autocomplete: 'off' }),
        textField('phone', '电话', false, { type: 'tel', inputmode: 'tel', maxlength: 20, autocomplete: 'off' },
          '手机号或带区号的固定电话，例如 010-12345678'),
        textField('members', '人数', false, { inputmode: 'numeric', maxlength: 3, autocomplete: 'off', className: 'short' }),
        flagsBox,
        msg,
        el('div', { className: 'form-actions' }, [submit, cancel])
      ]);

      function fieldError(name, text) {
        var err = errors[name];
        if (!err) return false;
        err.textContent = text || '';
        err.hidden = !text;
        boxes[name].classList.toggle('invalid', !!text);
        var targets = name === 'careFlags' ? flagInputs : [inputs[name]];
        targets.forEach(function (i) {
          if (text) i.setAttribute('aria-invalid', 'true');
          else i.removeAttribute('aria-invalid');
        });
        return true;
      }

      function clearErrors() {
        HOUSEHOLD_FIELDS.forEach(function (f) { fieldError(f, ''); });
        message(msg, '');
        msgForFields = false;
      }

      function changed(name) {
        fieldError(name, '');
        if (msgForFields && !form.querySelector('.field-error:not([hidden])')) {
          message(msg, '');
          msgForFields = false;
        }
      }

      function focusField(name) {
        var target = name === 'careFlags' ? flagInputs[0] : inputs[name];
        if (target) target.focus();
      }

      /** The fields to send: all that are filled for a new household, the changed ones for 修改. */
      function fieldsToSend() {
        var v = draft.values;
        var now = {
          address: v.address.trim(), headName: v.headName.trim(), phone: v.phone.trim(), members: v.members.trim(),
          careFlags: flagList.map(function (c) { return c[0]; }).filter(function (c) { return v.careFlags.indexOf(c) >= 0; }).join(',')
        };
        var fields = {};
        if (adding) {
          HOUSEHOLD_FIELDS.forEach(function (f) { if (now[f]) fields[f] = now[f]; });
          return fields;
        }
        var o = draft.original;
        var was = {
          address: o.address, headName: o.headName, phone: o.phone, members: o.members,
          careFlags: flagList.map(function (c) { return c[0]; }).filter(function (c) { return o.careFlags.indexOf(c) >= 0; }).join(',')
        };
        HOUSEHOLD_FIELDS.forEach(function (f) { if (now[f] !== was[f]) fields[f] = now[f]; });
        return fields;
      }

      function problems() {
        var list = {};
        var v = draft.values;
        if (!v.address.trim()) list.address = '请填写地址';
        if (!v.headName.trim()) list.headName = '请填写户主姓名';
        if (v.members.trim() && !/^\d+$/.test(v.members.trim())) list.members = '人数须为整数，例如 3';
        return list;
      }

      cancel.addEventListener('click', close);

      form.addEventListener('submit', function (e) {
        e.preventDefault();
        if (submit.disabled) return;
        clearErrors();
        var fields = fieldsToSend();
        var bad = problems();
        var names = Object.keys(bad);
        if (names.length) {
          names.forEach(function (f) { fieldError(f, bad[f]); });
          message(msg, '请补全或修改标出的内容后再提交。');
          msgForFields = true;
          focusField(names[0]);
          return;
        }
        if (!adding && Object.keys(fields).length === 0) {
          message(msg, '没有修改任何内容。');
          return;
        }
        message('households-notice', '');
        submit.disabled = true;
        submit.setAttribute('aria-busy', 'true');
        submit.textContent = '正在提交…';
        var call = adding ? request('POST', rosterPath(null), { fields: fields })
          : request('PATCH', rosterPath(key), { fields: fields });
        call.then(function (saved) {
          saved = saved && typeof saved === 'object' ? saved : {};
          delete householdDrafts[key];
          var address = saved.address || draft.values.address.trim();
          householdNotice(adding
            ? '已添加住户：' + address + (saved.code ? '（' + saved.code + '）' : '') + '。'
            : '已修改住户：' + address + '（' + Object.keys(fields).map(fieldName).join('、') + '）。');
          if (adding) renderNewHousehold();
          return loadUnit();
        }, function (err) {
          submit.disabled = false;
          submit.removeAttribute('aria-busy');
          submit.textContent = submitText;
          if (err.status === 401) {
            sessionLost('登录已失效，请重新登录。您填写的住户信息已保留。');
          } else if (isCsrfProblem(err)) {
            sessionLost('登录状态已变化（可能在其他页面重新登录过），请重新登录。您填写的住户信息已保留。');
          } else {
            showRefusal(err);
          }
        });
      });

      /** A refusal: each field's message under it (422 report entries by column, 400 errors by field). */
      function showRefusal(err) {
        var p = err.problem || {};
        var first = null;
        if (Array.isArray(p.errors)) {
          p.errors.forEach(function (entry) {
            var name = entry && HOUSEHOLD_COLUMNS[entry.column];
            if (name && entry.reason && fieldError(name, entry.reason) && !first) first = name;
          });
        } else if (p.errors && typeof p.errors === 'object') {
          Object.keys(p.errors).forEach(function (k) {
            var name = k.replace(/^fields\./, '');
            if (HOUSEHOLD_FIELDS.indexOf(name) >= 0 && fieldError(name, String(p.errors[k])) && !first) first = name;
          });
        }
        var hint = err.status === 404 ? '（可点上方“刷新”查看住户的最新情况）' : '';
        message(msg, [err.message + hint, problemErrors(p)]);
        var box = first ? boxes[first] : msg;
        if (box && box.scrollIntoView) box.scrollIntoView({ block: first ? 'center' : 'nearest' });
      }

      return {
        node: form,
        focus: function () {
          inputs.address.focus();
          if (form.scrollIntoView) form.scrollIntoView({ block: 'nearest' });
        }
      };
    }

    function fieldName(f) {
      return { address: '地址', headName: '户主', phone: '电话', members: '人数', careFlags: '关爱标记' }[f] || f;
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
    var vNeed = $('v-need');
    var vNeedCategory = $('v-need-category');
    var vNeedText = $('v-need-text');
    var vNeedUrgency = $('v-need-urgency');
    var vSubmit = $('visit-submit');
    var vMsg = $('visit-msg');

    /** The server's error keys (RFC 7807 `errors`) by the form's fields. */
    var VISIT_FIELDS = {
      household: 'household', visitedOn: 'visitedOn', kind: 'kind', notes: 'notes', needs: 'needs',
      raiseCase: 'raiseCase', 'raiseCase.urgency': 'raiseCase', urgency: 'raiseCase',
      'raiseCase.category': 'category', category: 'category',
      'raiseCase.description': 'description', description: 'description',
      raiseNeed: 'raiseNeed', 'raiseNeed.household': 'household', 'raiseNeed.category': 'needCategory',
      'raiseNeed.text': 'needText', 'raiseNeed.urgency': 'needUrgency'
    };
    var VISIT_INPUTS = {
      household: vHousehold, visitedOn: vDate, kind: null, notes: vNotes, needs: vNeeds, raiseCase: vRaise,
      category: vCategory, description: vDescription, raiseNeed: vNeed, needCategory: vNeedCategory,
      needText: vNeedText, needUrgency: vNeedUrgency
    };
    var COUNTERS = [[vNotes, 'vn-notes'], [vNeeds, 'vn-needs'], [vDescription, 'vn-description'], [vNeedText, 'vn-need-text']];

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

    function showNeed() {
      $('v-need-box').hidden = !vNeed.checked;
      if (vNeed.checked) loadCategories();
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

    /** The active categories in the visit form's 事件类别 and 需求类别 (the weekly report's list too). */
    function fillCategories() {
      [[vCategory, '请选择事件类别'], [vNeedCategory, '请选择需求类别']].forEach(function (x) {
        var select = x[0];
        var keep = select.value;
        clear(select);
        select.appendChild(el('option', { value: '', text: categories ? x[1] : '正在加载类别…' }));
        (categories || []).forEach(function (c) {
          select.appendChild(el('option', { value: c.code, text: c.name || c.code }));
        });
        if (keep) select.value = keep;
      });
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
        ['category', 'needCategory'].forEach(function (f) {
          if (!$('ve-' + f).hidden && /类别加载失败/.test($('ve-' + f).textContent)) fieldError(f, '');
        });
        fillNeedCategories();
        renderNeedsFiled();
      }, function (err) {
        categoriesFailed = true;
        if (vRaise.checked || !vNeed.checked) fieldError('category', '事件类别加载失败：' + err.message + '。请取消勾选后再勾选重试。');
        if (vNeed.checked) fieldError('needCategory', '需求类别加载失败：' + err.message + '。请取消勾选后再勾选重试。');
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
      vNeed.checked = false;
      vNeedCategory.value = '';
      vNeedText.value = '';
      vNeedUrgency.value = 'normal';
      setKind(code ? defaultKind(code) : 'routine');
      showRaise();
      showNeed();
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
    [[vNotes, 'notes'], [vNeeds, 'needs'], [vDescription, 'description'], [vNeedText, 'needText']].forEach(function (x) {
      x[0].addEventListener('input', function () {
        countAll();
        fieldChanged(x[1]);
      });
    });
    vCategory.addEventListener('change', function () { fieldChanged('category'); });
    vNeedCategory.addEventListener('change', function () { fieldChanged('needCategory'); });
    vNeedUrgency.addEventListener('change', function () { fieldChanged('needUrgency'); });
    vNeed.addEventListener('change', function () {
      fieldChanged('raiseNeed');
      // 发现的需求 typed above is the need's text unless the head writes another one.
      if (vNeed.checked && !vNeedText.value.trim() && vNeeds.value.trim()) {
        vNeedText.value = vNeeds.value.trim().slice(0, MAX_TEXT);
        countAll();
      }
      showNeed();
      if (vNeed.checked) vNeedCategory.focus();
    });
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
      if (vNeed.checked) {
        if (!vNeedCategory.value) problems.needCategory = '请选择需求类别';
        if (!vNeedText.value.trim()) problems.needText = '请填写需求内容';
        else if (vNeedText.value.length > MAX_TEXT) problems.needText = '需求内容不能超过 ' + MAX_TEXT + ' 字';
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
          ? { category: vCategory.value, description: vDescription.value, urgency: 'normal' } : null,
        raiseNeed: vNeed.checked
          ? { category: vNeedCategory.value, text: vNeedText.value, urgency: vNeedUrgency.value || 'normal' } : null
      };
      var needRaised = !!body.raiseNeed;
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
          + (caseNo ? '，已上报事件 ' + caseNo : '') + (needRaised ? '，已登记需求（随本周需求报送）' : '') + '。', 'ok');
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
      // Nothing typed at all: the week's report of the needs recorded on visits only (the server
      // refuses it, errors.needs, when the week has none).
      var blank = needRows.every(function (r) { return !r.category.value && !r.text.value.trim() && !r.household.value; });
      if (blank) {
        fileNeeds({ needs: [] }, []);
        return;
      }
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
    // 我的履职: the head's own term — 培训记录 (GET /api/unit/training), 季度考核 (GET /api/unit/evaluations,
    // 申诉 POST .../{id}/appeal), 邻里互助活动 (GET and POST /api/unit/activities), 我的补贴 (GET
    // /api/unit/pay: the lines of approved pay sheets) and the 履职档案 (GET /api/heads/{userId}/archive.xlsx).
    // Loaded with the unit at a login and at 刷新, not after every action; each part fails on its own.

    var STATUS_NAMES = { scoring: '评议和考核中', published: '已公布，可申诉', appealed: '申诉复核中', final: '已确定' };
    var STATUS_TAGS = { scoring: 'tag-status', published: 'tag-tier', appealed: 'tag-urgency', final: 'tag-ok' };
    var MODE_NAMES = { online: '线上', offline: '线下' };
    var APPEAL_MIN = 5;
    var APPEAL_MAX = 1000;
    var TITLE_MAX = 100;
    var PARTICIPANTS_MAX = 10000;
    /** How far back an activity may be recorded (the server decides, about three months). */
    var ACTIVITY_BACK_DAYS = 92;

    /** What the term's parts answered, null until loaded (or after a logout). */
    var term = { training: null, evals: null, activities: null, pay: null };
    var termSeq = { training: 0, evals: 0, activities: 0, pay: 0 };
    /** The user whose term is shown: a login of another user (or 刷新) loads it again. */
    var termFor = null;
    /** By evaluation id: whether its 申诉 form is open and the typed text, kept across renders and errors. */
    var appealDrafts = {};

    /** After the unit loaded: the term's parts, once per login and again at 刷新. */
    function maybeLoadTerm() {
      var user = auth && auth.user ? auth.user : '';
      showArchiveLink();
      if (termFor === user) return;
      termFor = user;
      loadTerm();
    }

    function loadTerm() {
      loadPart('training', 'unit/training', '培训记录', renderTraining);
      loadPart('evals', 'unit/evaluations', '季度考核', renderEvals);
      loadPart('activities', 'unit/activities', '活动记录', renderActivities);
      loadPart('pay', 'unit/pay', '补贴', renderPay);
    }

    /** GETs one part of the term into term[key] and renders it; a refusal shows in its section. */
    function loadPart(key, path, what, render) {
      var seq = ++termSeq[key];
      var sec = $(key + '-sec');
      sec.setAttribute('aria-busy', 'true');
      return request('GET', path).then(function (answer) {
        if (seq !== termSeq[key]) return;
        term[key] = answer;
        message(key + '-msg', '');
        render();
      }, function (err) {
        if (seq !== termSeq[key]) return;
        if (err.status === 401) return; // the unit's own reload shows the login
        var retry = err.status === 403 || err.status === 404 ? '' : '。请点“刷新”重试';
        message(key + '-msg', what + '加载失败：' + err.message + retry + '。');
      }).then(function () {
        if (seq === termSeq[key]) sec.removeAttribute('aria-busy');
      });
    }

    /** Forgets the term shown (a logout, another user's login). */
    function resetTerm() {
      Object.keys(termSeq).forEach(function (k) {
        termSeq[k]++;
        term[k] = null;
        message(k + '-msg', '');
        $(k + '-sec').removeAttribute('aria-busy');
      });
      termFor = null;
      appealDrafts = {};
      message('evals-notice', '');
      message('activities-notice', '');
      resetActivityForm();
      showActivityForm(false);
      renderTraining();
      renderEvals();
      renderActivities();
      renderPay();
      showArchiveLink();
    }

    /** The signed-in head's user id: GET /api/unit's head when it names one, else the login's user. */
    function headUserId() {
      var unit = data && data.unit;
      var head = data && data.head;
      return (head && head.userId) || (unit && unit.headUserId)
        || (term.training && term.training.headUserId) || (auth && auth.user) || '';
    }

    function showArchiveLink() {
      var link = $('archive-link');
      var id = headUserId();
      link.hidden = !id;
      link.setAttribute('href', id ? API + 'heads/' + encodeURIComponent(id) + '/archive.xlsx' : '#');
    }

    /** A number as the server sent it, without trailing zeros (2.50 → 2.5). */
    function num(n) {
      if (n == null || n === '') return '—';
      var x = Number(n);
      return isNaN(x) ? String(n) : String(Math.round(x * 100) / 100);
    }

    function money(n) {
      if (n == null || n === '') return '—';
      var x = Number(n);
      return isNaN(x) ? String(n) : x.toFixed(2) + ' 元';
    }

    /** Now in China time as "yyyy-MM-dd HH:mm" (compares with the server's local times as text). */
    function chinaNow() {
      try {
        var p = {};
        new Intl.DateTimeFormat('en-GB', {
          timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
          hour: '2-digit', minute: '2-digit'
        }).formatToParts(new Date()).forEach(function (x) { p[x.type] = x.value; });
        if (p.year) return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
      } catch (e) { /* fall through */ }
      return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
    }

    /** "2026年11月" of "2026-11". */
    function monthName(ym) {
      var m = /^(\d{4})-(\d{2})/.exec(String(ym || ''));
      return m ? m[1] + '年' + Number(m[2]) + '月' : String(ym || '—');
    }

    function byDesc(key) {
      return function (a, b) {
        var x = String(a && a[key] || '');
        var y = String(b && b[key] || '');
        if (x !== y) return x < y ? 1 : -1;
        return (Number(b && b.id) || 0) - (Number(a && a.id) || 0);
      };
    }

    function termNotice(id, text) {
      message(id, text, 'ok');
      var notice = $(id);
      notice.focus();
      if (notice.scrollIntoView) notice.scrollIntoView({ block: 'center' });
    }

    // ---------- 培训记录

    function renderTraining() {
      var t = term.training && typeof term.training === 'object' ? term.training : null;
      $('training-body').hidden = !t;
      if (!t) return;
      var card = $('induction');
      var tag = $('induction-tag');
      var line = $('induction-line');
      var state;
      if (t.inductionDone) {
        state = 'done';
        tag.textContent = '已完成';
        line.textContent = '已参加初任培训。';
      } else if (t.inductionDue) {
        var overdue = chinaNow() > formatAt(t.inductionDue);
        state = overdue ? 'overdue' : 'due';
        tag.textContent = overdue ? '已逾期' : '未完成';
        line.textContent = '须在 ' + formatAt(t.inductionDue) + ' 前参加初任培训'
          + (overdue ? '，已超过期限，请尽快联系社区安排。' : '。');
      } else {
        state = 'none';
        tag.textContent = '未完成';
        line.textContent = '本任期记录前已在岗，初任培训没有完成期限。';
      }
      card.setAttribute('data-state', state);
      tag.className = 'tag ' + ({ done: 'tag-ok', overdue: 'tag-overdue', due: 'tag-late' }[state] || '');
      var started = $('term-started');
      started.textContent = t.termStartedAt ? '本任期自 ' + formatAt(t.termStartedAt) + ' 起' : '';
      started.hidden = !t.termStartedAt;

      var attended = (Array.isArray(t.attended) ? t.attended : []).slice().sort(byDesc('heldOn'));
      var list = clear($('attended-list'));
      attended.forEach(function (a) { list.appendChild(attendedItem(a)); });
      setBadge('attended-count', attended.length, '次');
      $('attended-empty').hidden = attended.length > 0;
      $('training-hours').textContent = '累计 ' + num(t.hours != null ? t.hours : 0) + ' 学时';

      var pairs = Array.isArray(t.shadowing) ? t.shadowing : [];
      var plist = clear($('shadowing-list'));
      pairs.forEach(function (s) { plist.appendChild(shadowingItem(s)); });
      $('shadowing-empty').hidden = pairs.length > 0;
    }

    function attendedItem(a) {
      return el('li', { className: 'card training-item', 'data-session-id': a.sessionId != null ? a.sessionId : null }, [
        el('div', { className: 'record-head' }, [
          el('span', { className: 'record-date', text: a.heldOn || '—' }),
          el('div', { className: 'tags' }, [
            a.levelLabel ? el('span', { className: 'tag tag-tier training-level', text: a.levelLabel }) : null,
            a.mode ? el('span', { className: 'tag training-mode', text: MODE_NAMES[a.mode] || a.mode }) : null
          ])
        ]),
        el('p', { className: 'training-title', text: a.title || '—' }),
        el('p', { className: 'training-item-hours', text: num(a.hours) + ' 学时' })
      ]);
    }

    function shadowingItem(s) {
      var mentor = s.role === '带教人';
      var who = (s.otherName || '—') + (s.otherHead ? '（' + s.otherHead + '）' : '');
      var period = [s.startsOn, s.endsOn].filter(Boolean).join(' 至 ');
      return el('li', { className: 'card shadowing-item', 'data-role': s.role || null }, [
        el('div', { className: 'record-head' }, [
          el('span', { className: 'tag tag-case', text: s.role || '结对' }),
          el('span', { className: 'hint shadowing-role', text: mentor ? '带我熟悉工作的联户长' : s.role === '带教对象' ? '由我带教的新联户长' : '' })
        ]),
        el('p', { className: 'shadowing-who', text: who }),
        period ? el('p', { className: 'shadowing-period', text: '结对时间：' + period }) : null,
        s.note ? el('p', { className: 'shadowing-note pre', text: s.note }) : null
      ]);
    }

    // ---------- 季度考核

    function renderEvals() {
      var list = clear($('eval-list'));
      var evals = Array.isArray(term.evals) ? term.evals : null;
      if (!evals) {
        $('evals-empty').hidden = true;
        return;
      }
      var shown = {};
      evals.forEach(function (e) {
        if (!e || e.id == null) return;
        shown[e.id] = true;
        list.appendChild(evalCard(e));
      });
      Object.keys(appealDrafts).forEach(function (id) { if (!shown[id]) delete appealDrafts[id]; });
      $('evals-empty').hidden = evals.length > 0;
    }

    function graded(e) {
      return e.totalScore != null || !!e.grade || !!e.finalGrade;
    }

    function score(n) {
      return n == null ? '—' : num(n) + ' 分';
    }

    function evalCard(e) {
      var status = String(e.status || '');
      var card = el('article', {
        className: 'card eval eval-' + (status || 'unknown'), 'data-id': e.id, 'data-quarter': e.quarter || null,
        'data-status': status || null, 'aria-label': '季度考核 ' + (e.quarterLabel || e.quarter || '')
      });
      card.appendChild(el('div', { className: 'case-head' }, [
        el('h3', { className: 'eval-quarter', text: e.quarterLabel || e.quarter || '季度考核' }),
        el('span', { className: 'tag eval-status ' + (STATUS_TAGS[status] || ''), text: STATUS_NAMES[status] || status || '—' })
      ]));
      var facts = [el('div', { className: 'facts-wide' }, [el('dt', { text: '本季情况' }), el('dd', { className: 'eval-figures' }, figuresList(e.figures))])];
      if (e.suggestedScore != null) facts.push(fact('系统建议', score(e.suggestedScore), 'eval-suggested'));
      card.appendChild(el('dl', { className: 'facts' }, facts));

      if (graded(e)) {
        var finalLabel = e.finalGradeLabel || e.finalGrade;
        var gradeLabel = e.gradeLabel || e.grade;
        card.appendChild(el('div', { className: 'eval-result' }, [
          el('p', { className: 'eval-grade' }, [
            el('span', { text: finalLabel ? '最终等次：' : '考核等次：' }),
            el('b', { text: finalLabel || gradeLabel || '—' }),
            e.totalScore != null ? el('span', { className: 'eval-total', text: '（总分 ' + num(e.totalScore) + '）' }) : null
          ]),
          el('dl', { className: 'facts' }, [
            e.organisationScore != null ? fact('社区评议', score(e.organisationScore), 'eval-org') : null,
            e.residentScore != null ? fact('群众评价', score(e.residentScore)
              + (e.residentRatings != null ? '（' + e.residentRatings + ' 人评价）' : ''), 'eval-resident') : null,
            finalLabel && gradeLabel && finalLabel !== gradeLabel ? fact('初评等次', gradeLabel, 'eval-first') : null
          ])
        ]));
      } else if (status === 'scoring') {
        card.appendChild(el('p', { className: 'hint eval-wait', text: '社区评议和群众评价进行中，结果公布后显示在这里。' }));
      }

      if (e.appealed) {
        card.appendChild(el('div', { className: 'joined eval-appeal' + (e.appealNote ? ' has' : '') }, [
          el('p', { className: 'joined-count', text: e.appealNote ? '已申诉，街道已答复' : '已申诉，等待街道复核' }),
          e.appealNote ? el('p', { className: 'joined-latest' }, [
            el('span', { className: 'joined-at', text: '街道答复：' }),
            el('span', { className: 'pre appeal-note', text: e.appealNote })
          ]) : null
        ]));
      } else if (e.appealNote) {
        card.appendChild(el('div', { className: 'joined has eval-appeal' }, [
          el('p', { className: 'joined-latest' }, [
            el('span', { className: 'joined-at', text: '街道答复：' }),
            el('span', { className: 'pre appeal-note', text: e.appealNote })
          ])
        ]));
      }
      if (status === 'published' && !e.appealed) {
        // The server says when the 7-day window closes; after it, an appeal is refused (409).
        if (!e.appealClosesAt || Date.parse(e.appealClosesAt) > Date.now()) appealForm(card, e);
        else card.appendChild(el('p', { className: 'hint', text: '申诉期已过，考核结果将按公布的等次确定。' }));
      }
      return card;
    }

    /** The quarter's figures (one text, its items separated by ；) as a list, one item a line. */
    function figuresList(text) {
      var items = String(text || '').split(/[；;]\s*/).map(function (t) { return t.trim(); }).filter(Boolean);
      if (items.length < 2) return items[0] || '—';
      return el('ul', { className: 'figures' }, items.map(function (t, i) {
        return el('li', { text: t + (i < items.length - 1 ? '；' : '') });
      }));
    }

    /** 申诉 of a published evaluation: a button and its form, within the card. */
    function appealForm(card, e) {
      var n = ++formSeq;
      var formId = 'ef-' + n;
      var label = e.quarterLabel || e.quarter || '';
      var open = el('button', {
        type: 'button', className: 'btn btn-secondary btn-block appeal-btn', 'aria-expanded': 'false',
        'aria-controls': formId, 'aria-label': '申诉：' + label, text: '申诉'
      });
      card.appendChild(el('div', { className: 'join-actions' }, open));

      var textId = 'et-' + n;
      var form = el('form', { className: 'decision-form appeal-form', novalidate: true, hidden: true, id: formId });
      var textarea = el('textarea', {
        id: textId, className: 'decision-text', name: 'text', rows: 5, maxlength: APPEAL_MAX, required: true,
        'aria-describedby': 'eh-' + n + ' en-' + n + ' ee-' + n,
        placeholder: '例如：本季度 10 月走访记录因系统故障未能录入，已补交纸质记录。'
      });
      var counter = el('span', { className: 'counter', id: 'en-' + n, 'aria-live': 'polite' });
      var err = el('p', { className: 'field-error', id: 'ee-' + n, hidden: true });
      var field = el('div', { className: 'field' }, [
        el('label', { for: textId }, ['申诉理由 ', el('span', { className: 'req', 'aria-hidden': 'true', text: '*' })]),
        textarea,
        el('div', { className: 'hint-row' }, [
          el('span', { className: 'hint', id: 'eh-' + n, text: APPEAL_MIN + '–' + APPEAL_MAX + ' 字；公布后 7 天内可申诉，只能申诉一次。' }),
          counter
        ]),
        err
      ]);
      var msg = el('div', { className: 'msg error form-msg', role: 'alert', hidden: true });
      var submit = el('button', { type: 'submit', className: 'btn btn-primary decision-submit', text: '提交申诉' });
      var cancel = el('button', { type: 'button', className: 'btn btn-plain decision-cancel', text: '收起' });
      form.appendChild(el('p', { className: 'chosen', text: '对' + label + '考核结果申诉' }));
      form.appendChild(field);
      form.appendChild(msg);
      form.appendChild(el('div', { className: 'form-actions' }, [submit, cancel]));
      card.appendChild(form);

      function draft() {
        if (!appealDrafts[e.id]) appealDrafts[e.id] = { open: false, text: '' };
        return appealDrafts[e.id];
      }

      function count() {
        var len = textarea.value.length;
        counter.textContent = len + ' / ' + APPEAL_MAX;
        counter.classList.toggle('full', len >= APPEAL_MAX);
      }

      function fieldError(text) {
        err.textContent = text || '';
        err.hidden = !text;
        field.classList.toggle('invalid', !!text);
        if (text) textarea.setAttribute('aria-invalid', 'true');
        else textarea.removeAttribute('aria-invalid');
      }

      function show(on) {
        draft().open = on;
        form.hidden = !on;
        open.setAttribute('aria-expanded', on ? 'true' : 'false');
        if (!on) message(msg, '');
      }

      open.addEventListener('click', function () {
        if (!form.hidden) {
          show(false);
          return;
        }
        show(true);
        textarea.focus();
      });
      cancel.addEventListener('click', function () {
        show(false);
        open.focus();
      });
      textarea.addEventListener('input', function () {
        draft().text = textarea.value;
        count();
        if (!err.hidden) fieldError('');
      });

      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        if (submit.disabled) return;
        var text = textarea.value;
        message(msg, '');
        if (text.trim().length < APPEAL_MIN) {
          fieldError('请填写申诉理由，至少 ' + APPEAL_MIN + ' 个字');
          textarea.focus();
          return;
        }
        if (text.length > APPEAL_MAX) {
          fieldError('申诉理由不能超过 ' + APPEAL_MAX + ' 字');
          textarea.focus();
          return;
        }
        fieldError('');
        message('evals-notice', '');
        submit.disabled = true;
        submit.setAttribute('aria-busy', 'true');
        submit.textContent = '正在提交…';
        function idle() {
          submit.disabled = false;
          submit.removeAttribute('aria-busy');
          submit.textContent = '提交申诉';
        }
        request('POST', 'unit/evaluations/' + encodeURIComponent(e.id) + '/appeal', { text: text }).then(function (saved) {
          idle();
          delete appealDrafts[e.id];
          if (saved && typeof saved === 'object' && saved.id != null && Array.isArray(term.evals)) {
            term.evals = term.evals.map(function (x) { return x && x.id === saved.id ? saved : x; });
          }
          renderEvals();
          termNotice('evals-notice', '已提交申诉：' + label + '，请等待街道复核。');
          return loadPart('evals', 'unit/evaluations', '季度考核', renderEvals);
        }, function (er) {
          idle();
          if (er.status === 401) {
            sessionLost('登录已失效，请重新登录。您填写的申诉理由已保留。');
            return;
          }
          if (isCsrfProblem(er)) {
            sessionLost('登录状态已变化（可能在其他页面重新登录过），请重新登录。您填写的申诉理由已保留。');
            return;
          }
          var p = er.problem || {};
          var errors = p.errors && typeof p.errors === 'object' && !Array.isArray(p.errors) ? p.errors : {};
          var rest = [];
          Object.keys(errors).forEach(function (k) {
            var t = String(errors[k]);
            if (k === 'text') fieldError(t);
            else if (t !== p.detail && t !== p.title) rest.push(t);
          });
          if (Array.isArray(p.errors)) rest = problemErrors(p);
          var closed = er.status === 409 || er.status === 404;
          message(msg, [er.message + (closed ? '（已刷新考核情况）' : ''), rest]);
          if (msg.scrollIntoView) msg.scrollIntoView({ block: 'nearest' });
          if (closed) {
            // Appealed meanwhile or past its window: the evaluation as it now is, the message with it.
            var shownMsg = er.message;
            loadPart('evals', 'unit/evaluations', '季度考核', renderEvals).then(function () {
              message('evals-msg', label + '：' + shownMsg);
            });
          }
        });
      });

      var kept = appealDrafts[e.id];
      if (kept) {
        textarea.value = kept.text || '';
        if (kept.open) show(true);
      }
      count();
    }

    // ---------- 邻里互助活动

    var aForm = $('activity-form');
    var aAdd = $('activity-add');
    var aDate = $('a-date');
    var aTitle = $('a-title');
    var aParticipants = $('a-participants');
    var aSubmit = $('activity-submit');
    var aMsg = $('activity-msg');
    var ACTIVITY_INPUTS = { heldOn: aDate, title: aTitle, participants: aParticipants };
    var activityMsgForFields = false;

    /** The first day of the quarter of the day `iso` (yyyy-MM-dd). */
    function quarterStart(iso) {
      var m = Number(iso.slice(5, 7));
      var q = Math.floor((m - 1) / 3) * 3 + 1;
      return iso.slice(0, 4) + '-' + (q < 10 ? '0' : '') + q + '-01';
    }

    function renderActivities() {
      var list = clear($('activity-list'));
      var all = Array.isArray(term.activities) ? term.activities : null;
      var duty = $('activity-quarter');
      var dutyCard = $('activity-duty');
      if (!all) {
        $('activities-empty').hidden = true;
        setBadge('activity-count', 0, '次');
        duty.textContent = '';
        dutyCard.hidden = true;
        return;
      }
      var today = chinaToday();
      var from = quarterStart(today);
      var q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
      var inQuarter = all.filter(function (a) { return a && a.heldOn >= from && a.heldOn <= today; }).length;
      dutyCard.hidden = false;
      dutyCard.setAttribute('data-state', inQuarter ? 'done' : 'due');
      duty.textContent = inQuarter
        ? '本季度（第' + '一二三四'.charAt(q - 1) + '季度）已组织 ' + inQuarter + ' 次'
        : '本季度（第' + '一二三四'.charAt(q - 1) + '季度）尚未组织邻里互助活动';
      all.slice().sort(byDesc('heldOn')).forEach(function (a) { if (a) list.appendChild(activityItem(a)); });
      setBadge('activity-count', all.length, '次');
      $('activities-empty').hidden = all.length > 0;
    }

    function activityItem(a) {
      return el('li', { className: 'card activity', 'data-id': a.id != null ? a.id : null }, [
        el('div', { className: 'record-head' }, [
          el('span', { className: 'record-date', text: a.heldOn || '—' }),
          a.participants != null ? el('span', { className: 'tag tag-case', text: a.participants + ' 人参加' }) : null
        ]),
        el('p', { className: 'activity-title', text: a.title || '—' })
      ]);
    }

    function activityError(field, text) {
      var note = $('ae-' + field);
      if (!note) return false;
      note.textContent = text || '';
      note.hidden = !text;
      $('af-' + field).classList.toggle('invalid', !!text);
      var input = ACTIVITY_INPUTS[field];
      if (text) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      return true;
    }

    function clearActivityErrors() {
      Object.keys(ACTIVITY_INPUTS).forEach(function (f) { activityError(f, ''); });
      message(aMsg, '');
      activityMsgForFields = false;
    }

    function activityChanged(field) {
      activityError(field, '');
      if (activityMsgForFields && !aForm.querySelector('.field-error:not([hidden])')) {
        message(aMsg, '');
        activityMsgForFields = false;
      }
    }

    function countTitle() {
      var len = aTitle.value.length;
      var counter = $('an-title');
      counter.textContent = len + ' / ' + TITLE_MAX;
      counter.classList.toggle('full', len >= TITLE_MAX);
    }

    function setActivityDates() {
      var today = chinaToday();
      aDate.max = today;
      aDate.min = addDays(today, -ACTIVITY_BACK_DAYS);
      return today;
    }

    function resetActivityForm() {
      aDate.value = setActivityDates();
      aTitle.value = '';
      aParticipants.value = '';
      clearActivityErrors();
      countTitle();
    }

    function showActivityForm(on) {
      aForm.hidden = !on;
      aAdd.setAttribute('aria-expanded', on ? 'true' : 'false');
      aAdd.textContent = on ? '收起活动记录' : '记录活动';
    }

    aAdd.addEventListener('click', function () {
      if (!aForm.hidden) {
        showActivityForm(false);
        return;
      }
      setActivityDates();
      if (!aDate.value) aDate.value = chinaToday();
      showActivityForm(true);
      message('activities-notice', '');
      aTitle.focus();
    });
    $('activity-cancel').addEventListener('click', function () {
      showActivityForm(false);
      aAdd.focus();
    });
    aDate.addEventListener('input', function () { activityChanged('heldOn'); });
    aDate.addEventListener('change', function () { activityChanged('heldOn'); });
    aTitle.addEventListener('input', function () {
      countTitle();
      activityChanged('title');
    });
    aParticipants.addEventListener('input', function () { activityChanged('participants'); });

    /** The page's own checks; the server decides on the date's range. */
    function activityProblems() {
      var list = {};
      if (!aDate.value) list.heldOn = '请选择活动日期';
      var title = aTitle.value.trim();
      if (!title) list.title = '请填写活动名称';
      else if (title.length > TITLE_MAX) list.title = '活动名称不能超过 ' + TITLE_MAX + ' 字';
      var p = aParticipants.value.trim();
      if (!p) list.participants = '请填写参加人数';
      else if (!/^\d+$/.test(p)) list.participants = '参加人数须为整数，例如 12';
      else if (Number(p) < 1 || Number(p) > PARTICIPANTS_MAX) list.participants = '参加人数须在 1 到 ' + PARTICIPANTS_MAX + ' 之间';
      return list;
    }

    aForm.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (aSubmit.disabled) return;
      clearActivityErrors();
      var problems = activityProblems();
      var bad = Object.keys(problems);
      if (bad.length) {
        bad.forEach(function (f) { activityError(f, problems[f]); });
        message(aMsg, '请补全或修改标出的内容后再提交。');
        activityMsgForFields = true;
        ACTIVITY_INPUTS[bad[0]].focus();
        return;
      }
      var body = { heldOn: aDate.value, title: aTitle.value.trim(), participants: Number(aParticipants.value.trim()) };
      message('activities-notice', '');
      aSubmit.disabled = true;
      aSubmit.setAttribute('aria-busy', 'true');
      aSubmit.textContent = '正在提交…';
      function idle() {
        aSubmit.disabled = false;
        aSubmit.removeAttribute('aria-busy');
        aSubmit.textContent = '提交活动记录';
      }
      request('POST', 'unit/activities', body).then(function (saved) {
        idle();
        var a = saved && typeof saved === 'object' ? saved : body;
        if (Array.isArray(term.activities) && a.id != null
          && !term.activities.some(function (x) { return x && x.id === a.id; })) {
          term.activities = term.activities.concat([a]);
        }
        renderActivities();
        resetActivityForm();
        showActivityForm(false);
        termNotice('activities-notice', '已记录活动：' + (a.title || body.title) + '（' + (a.heldOn || body.heldOn) + '，'
          + (a.participants != null ? a.participants : body.participants) + ' 人参加）。');
        return loadPart('activities', 'unit/activities', '活动记录', renderActivities);
      }, function (er) {
        idle();
        if (er.status === 401) {
          sessionLost('登录已失效，请重新登录。您填写的活动记录已保留。');
          return;
        }
        if (isCsrfProblem(er)) {
          sessionLost('登录状态已变化（可能在其他页面重新登录过），请重新登录。您填写的活动记录已保留。');
          return;
        }
        var p = er.problem || {};
        var errors = p.errors && typeof p.errors === 'object' && !Array.isArray(p.errors) ? p.errors : {};
        var rest = [];
        var first = null;
        Object.keys(errors).forEach(function (k) {
          var t = String(errors[k]);
          if (ACTIVITY_INPUTS[k] && activityError(k, t)) {
            if (!first) first = k;
          } else if (t !== p.detail && t !== p.title) {
            rest.push(t);
          }
        });
        if (Array.isArray(p.errors)) rest = problemErrors(p);
        message(aMsg, [er.message, rest]);
        activityMsgForFields = !!first && rest.length === 0;
        var box = first ? $('af-' + first) : aMsg;
        if (box && box.scrollIntoView) box.scrollIntoView({ block: first ? 'center' : 'nearest' });
      });
    });

    // ---------- 我的补贴

    function renderPay() {
      var pay = term.pay && typeof term.pay === 'object' ? term.pay : null;
      var list = clear($('pay-list'));
      var account = $('pay-account');
      if (!pay) {
        clear(account);
        $('pay-empty').hidden = true;
        return;
      }
      clear(account).appendChild(document.createTextNode('发放账户：'));
      account.appendChild(pay.bankAccount
        ? el('span', { className: 'account-no', text: pay.bankAccount })
        : document.createTextNode('尚未登记，请联系社区登记银行卡'));
      account.classList.toggle('missing', !pay.bankAccount);
      var lines = (Array.isArray(pay.lines) ? pay.lines : []).slice().sort(function (a, b) {
        var x = String(a && a.forMonth || '');
        var y = String(b && b.forMonth || '');
        if (x !== y) return x < y ? 1 : -1;
        return (a && a.note ? 1 : 0) - (b && b.note ? 1 : 0);
      });
      lines.forEach(function (l) { if (l) list.appendChild(payItem(l)); });
      $('pay-empty').hidden = lines.length > 0;
    }

    function payItem(l) {
      return el('li', { className: 'card pay-line' + (l.note ? ' correction' : ''), 'data-sheet-id': l.sheetId != null ? l.sheetId : null }, [
        el('div', { className: 'record-head' }, [
          el('span', { className: 'record-date pay-month', text: monthName(l.forMonth) }),
          l.note ? el('span', { className: 'tag tag-late pay-note', text: l.note }) : null
        ]),
        el('dl', { className: 'facts pay-facts' }, [
          fact('在岗天数', l.daysInPost != null ? l.daysInPost + ' 天' : '—', 'pay-days'),
          fact('基础补贴', money(l.base), 'money'),
          fact('绩效奖励', money(l.performance), 'money'),
          fact('荣誉津贴', money(l.honour), 'money')
        ]),
        el('p', { className: 'pay-total' }, [el('span', { text: '合计' }), el('b', { text: money(l.total) })])
      ]);
    }

    resetActivityForm();

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
