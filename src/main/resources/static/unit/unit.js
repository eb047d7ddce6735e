/*
 * 联户 联户长页面 /unit/: a liaison head's phone page for /api/unit — the unit, its open in-unit cases with
 * the head's three decisions (联户内解决, 上报网格员, 提交社区议事会) and its households. Plain browser
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

    function showOnly(id) {
      ['login-view', 'denied-view', 'home'].forEach(function (v) { $(v).hidden = v !== id; });
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
      document.title = (data && data.unit && data.unit.name ? data.unit.name + ' · ' : '') + '联户长';
    }

    /** A lost session (401) or a changed CSRF token: the login again; typed texts stay in `drafts`. */
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
          if (lastUser && lastUser !== opened.user) drafts = {};
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
      loadUnit();
    });

    function render() {
      var unit = data.unit || {};
      $('unit-name').textContent = unit.name || unit.code || '联户单元';
      $('unit-place').textContent = [unit.gridName, unit.communityName].filter(Boolean).join(' · ');
      $('unit-head').textContent = '联户长：' + (unit.headName || '') + (auth ? '（账号 ' + auth.user + '）' : '');
      renderCases(Array.isArray(data.openCases) ? data.openCases : []);
      renderHouseholds(Array.isArray(data.households) ? data.households : []);
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
        })) : null
      ]);
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
