/*
 * 联户 组织机构管理: the county administrators' page for /api/admin/organisation/* — the workbook's import
 * and export, the organisation tree with an edit panel built from the kinds' metadata, the audit trail and
 * the consistency checks, and the messages' templates and dead letters (/api/admin/notification-templates,
 * /api/admin/notifications/*). Plain browser JavaScript, no build step, no libraries. Every value from the
 * server or the user goes into the page as text (textContent), never as HTML.
 */
(function () {
  'use strict';

  var API = '../api/';
  var ORG = 'admin/organisation/';
  var PAGE_SIZE = 50;
  var AUDIT_SIZE = 20;
  var SUGGEST_SIZE = 20;
  var REPORT_LIMIT = 1000; // rows of a validation report shown in the page
  var ZONE = 'Asia/Shanghai';

  /** The kind each kind's parentField names (staff: by its unitKind, see codeKindOf). */
  var PARENT_KIND = {
    communities: 'streets', grids: 'communities', units: 'grids', households: 'units',
    offices: 'departments', 'mediation-bodies': 'streets'
  };
  /** Other fields of codes (an office's streetCode) and the kind they name. */
  var CODE_FIELD_KIND = {
    streetCode: 'streets', communityCode: 'communities', gridCode: 'grids', departmentCode: 'departments'
  };
  /** A staff member's unitKind value → the kind its unitCode names. */
  var UNIT_KIND = {
    street: 'streets', community: 'communities', grid: 'grids', unit: 'units', department: 'departments',
    office: 'offices', mediation: 'mediation-bodies'
  };
  /** The tree's hierarchies: each list drills down to the next kind of its chain. */
  var ROOTS = [
    { id: 'area', label: '街道 / 社区 / 网格', chain: ['streets', 'communities', 'grids', 'units', 'households'] },
    { id: 'dept', label: '部门 / 站所', chain: ['departments', 'offices'] },
    { id: 'mediation', label: '调解组织', chain: ['mediation-bodies'] },
    { id: 'staff', label: '人员', chain: ['staff'] }
  ];
  var ACTION = { create: '新建', update: '修改', retire: '停用' };
  var SOURCE = { caseRouting: '事件分派规则' };

  // DOM helpers, text only: the staff pages' kit (../shared/staff.js).
  var kit = window.LianhuStaff;
  var $ = kit.$;
  var el = kit.el;
  var append = kit.append;
  var clear = kit.clear;

  /** Shows `text` in the message element `id` (hidden when empty); `kind` is 'error', 'ok' or ''. */
  function message(id, text, kind) {
    var node = $(id);
    node.textContent = text || '';
    node.hidden = !text;
    node.classList.toggle('error', kind === 'error');
    node.classList.toggle('ok', kind === 'ok');
  }

  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function num(v) { return v == null ? '0' : Number(v).toLocaleString('zh-CN'); }

  /** "2026-12-02 09:10:11": a local date-time as it is, an instant (Z or an offset) in the county's zone. */
  function formatAt(s) {
    if (!s) return '—';
    var text = String(s);
    if (/(Z|[+-]\d\d:?\d\d)$/.test(text)) {
      var d = new Date(text);
      if (!isNaN(d.getTime())) {
        var p = {};
        try {
          new Intl.DateTimeFormat('en-GB', {
            timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
            hour: '2-digit', minute: '2-digit', second: '2-digit'
          }).formatToParts(d).forEach(function (x) { p[x.type] = x.value; });
          return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute + ':' + p.second;
        } catch (e) { /* fall through */ }
      }
    }
    return text.replace('T', ' ').replace(/\.\d+$/, '');
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function query(params) {
    return Object.keys(params).filter(function (k) {
      return params[k] !== '' && params[k] != null;
    }).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
    }).join('&');
  }

  // ------------------------------------------------------------------------------------------------
  // the API: a server session (HttpOnly cookie) opened with the password once; the page keeps only the
  // user name and the session's CSRF token, never the password.

  var auth = null;

  function AuthError(status, problem) {
    this.name = 'AuthError';
    this.status = status;
    this.problem = problem;
    this.message = status === 403 ? '无权限：仅县级管理员可使用本页面' : '需要登录';
  }

  function ApiError(status, problem) {
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
    this.message = problemText(problem, status);
  }

  function problemText(p, status) {
    p = p || {};
    var parts = [];
    if (p.title) parts.push(String(p.title));
    if (p.detail && p.detail !== p.title) parts.push(String(p.detail));
    return parts.join('：') || ('服务器返回 ' + status);
  }

  /**
   * Calls the API in the staff session and answers the parsed JSON (the Response with options.raw).
   * X-Requested-With keeps the server from sending a Basic challenge on a 401, so the browser shows no
   * login dialog of its own; every write carries the session's CSRF token.
   */
  function request(method, path, options) {
    options = options || {};
    var headers = { 'Accept': options.accept || 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    var body;
    if (options.form) {
      body = options.form; // the browser sets the multipart boundary
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (method !== 'GET' && auth && auth.csrfToken) headers['X-CSRF-Token'] = auth.csrfToken;
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, options.timeout || 30000);
    return fetch(API + path, {
      method: method, headers: headers, body: body, credentials: 'same-origin', cache: 'no-store',
      signal: controller.signal
    }).then(function (res) {
      if (res.ok) {
        if (options.raw) return res;
        return res.status === 204 ? null : res.text().then(function (t) { return t ? JSON.parse(t) : null; });
      }
      return res.text().then(function (t) {
        var problem = null;
        try { problem = t ? JSON.parse(t) : null; } catch (e) { problem = null; }
        if (problem && typeof problem !== 'object') problem = null;
        if (res.status === 401 || res.status === 403) throw new AuthError(res.status, problem);
        throw new ApiError(res.status, problem);
      });
    }, function (err) {
      var e = new Error(err && err.name === 'AbortError' ? '服务器响应超时' : '无法连接服务器，请检查网络');
      e.network = true;
      throw e;
    }).finally(function () { clearTimeout(timer); });
  }

  function org(method, path, options) {
    return request(method, ORG + path, options);
  }

  /** Handles a failed call: a lost session shows the login, a 403 the refusal, anything else `msgId`. */
  function fail(err, msgId, prefix) {
    if (err instanceof AuthError) {
      if (err.status === 401) {
        auth = null;
        showLogin('登录已失效，请重新登录。');
      } else if (err.problem && /csrf/i.test(String(err.problem.type || ''))) {
        // The session's token changed (another login in this browser): start over.
        auth = null;
        showLogin('登录状态已变化（可能在其他标签页重新登录过），请重新登录。');
      } else {
        showDenied(err.problem);
      }
      return;
    }
    if (msgId) message(msgId, (prefix || '') + (err && err.message ? err.message : String(err)), 'error');
    if (!(err instanceof ApiError) && !(err && err.network) && window.console) console.error(err);
  }

  // ------------------------------------------------------------------------------------------------
  // views: login, refusal, the page

  var lastUser = '';

  function showOnly(id) {
    ['login-view', 'denied-view', 'admin'].forEach(function (v) { $(v).hidden = v !== id; });
  }

  function showLogin(note) {
    showOnly('login-view');
    $('who').hidden = true;
    message('login-msg', note || '', 'error');
    var user = $('l-user');
    if (!user.value && lastUser) user.value = lastUser;
    $('l-pass').value = '';
    (user.value ? $('l-pass') : user).focus();
    document.title = '登录 · 联户组织机构管理';
  }

  function showDenied(problem) {
    showOnly('denied-view');
    $('who').hidden = true;
    $('denied-user').textContent = auth ? auth.user : '';
    var detail = problem && problem.detail && problem.detail !== problem.title ? String(problem.detail) : '';
    $('denied-detail').textContent = detail;
    $('denied-detail').hidden = !detail;
    document.title = '无权限 · 联户组织机构管理';
    $('denied-logout').focus();
  }

  function showAdmin() {
    lastUser = auth.user;
    showOnly('admin');
    $('who').hidden = false;
    $('who-name').textContent = auth.user;
    document.title = '联户 · 组织机构管理';
  }

  function logout(note) {
    request('DELETE', 'session').catch(function () { /* the session ends with the server's timeout anyway */ });
    auth = null;
    $('l-user').value = '';
    showLogin(note);
    $('login-msg').classList.remove('error');
  }

  $('logout').addEventListener('click', function () { logout('已退出。'); });
  $('denied-logout').addEventListener('click', function () { logout('已退出。'); });

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
    request('POST', 'session', { body: { user: user, password: password } })
      .then(function (opened) {
        auth = opened;
        $('l-pass').value = '';
        message('login-msg', '');
        return enter();
      }, function (err) {
        if (err instanceof AuthError) {
          message('login-msg', '用户名或密码不正确。连续输错后需稍等片刻才能再试。', 'error');
        } else {
          message('login-msg', '登录失败：' + err.message, 'error');
        }
        $('l-pass').select();
      })
      .then(function () {
        btn.disabled = false;
        btn.textContent = '登录';
      });
  });

  // ------------------------------------------------------------------------------------------------
  // start: the kinds' metadata decides whether this account may use the page

  var kinds = [];
  var kindMeta = {};
  var started = false;

  function label(kind) {
    var m = kindMeta[kind];
    return m && m.sheet ? m.sheet : kind;
  }

  function fieldsOf(kind) {
    var m = kindMeta[kind];
    return m && Array.isArray(m.fields) ? m.fields : [];
  }

  function fieldLabel(kind, code) {
    var f = fieldsOf(kind).filter(function (x) { return x.code === code; })[0];
    if (f && f.label) return f.label;
    return { code: '代码', name: '名称', retired: '停用' }[code] || code;
  }

  function enter() {
    return org('GET', 'kinds').then(function (list) {
      kinds = Array.isArray(list) ? list : [];
      kindMeta = {};
      kinds.forEach(function (k) { kindMeta[k.kind] = k; });
      showAdmin();
      if (!started) {
        started = true;
        buildAuditEntities();
      }
      tree.loaded = false;
      audit.loaded = false;
      notify.loaded = false;
      refreshChecks();
      selectTab(tabFromHash());
    }).catch(function (err) {
      if (err instanceof AuthError) fail(err);
      else showLoginError(err);
    });
  }

  function showLoginError(err) {
    showLogin('');
    message('login-msg', '加载失败：' + err.message, 'error');
  }

  // ------------------------------------------------------------------------------------------------
  // tabs

  var TABS = ['import', 'tree', 'audit', 'notify'];

  function tabFromHash() {
    var h = (location.hash || '').replace(/^#/, '');
    return TABS.indexOf(h) >= 0 ? h : 'import';
  }

  function selectTab(name) {
    TABS.forEach(function (t) {
      var on = t === name;
      $('tab-' + t).setAttribute('aria-selected', on ? 'true' : 'false');
      $('tab-' + t).classList.toggle('active', on);
      $('tab-' + t).tabIndex = on ? 0 : -1;
      $('panel-' + t).hidden = !on;
    });
    if (location.hash !== '#' + name) {
      try { history.replaceState(null, '', '#' + name); } catch (e) { /* file: or sandboxed */ }
    }
    if (name === 'tree' && !tree.loaded) {
      tree.loaded = true;
      renderRoots();
      loadList(true);
    }
    if (name === 'audit' && !audit.loaded) {
      audit.loaded = true;
      loadAudit();
    }
    if (name === 'notify' && !notify.loaded) {
      notify.loaded = true;
      loadNotify();
    }
  }

  document.querySelector('.tabs').addEventListener('click', function (e) {
    var tab = e.target.closest('[data-tab]');
    if (tab) selectTab(tab.dataset.tab);
  });
  document.querySelector('.tabs').addEventListener('keydown', function (e) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    var current = TABS.indexOf(tabFromHash());
    var next = TABS[(current + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    selectTab(next);
    $('tab-' + next).focus();
  });
  window.addEventListener('hashchange', function () {
    if (auth && !$('admin').hidden) selectTab(tabFromHash());
  });

  // ------------------------------------------------------------------------------------------------
  // checks banner

  function refreshChecks() {
    org('GET', 'checks').then(function (answer) {
      var problems = answer && Array.isArray(answer.problems) ? answer.problems : [];
      var banner = $('checks');
      if (!problems.length) {
        banner.hidden = true;
        return;
      }
      $('checks-title').textContent = '检查发现 ' + problems.length + ' 个问题：组织机构与事件分派等配置不一致，请核对。';
      var list = clear($('checks-list'));
      problems.forEach(function (p) {
        list.appendChild(el('li', null, [
          el('span', { className: 'tag', text: SOURCE[p.source] || p.source || '检查' }),
          p.code ? el('code', { text: p.code }) : null,
          el('span', { text: p.reason || '' })
        ]));
      });
      var open = problems.length <= 5;
      list.hidden = !open;
      $('checks-toggle').textContent = open ? '收起' : '展开';
      $('checks-toggle').setAttribute('aria-expanded', open ? 'true' : 'false');
      banner.hidden = false;
    }).catch(function (err) {
      if (err instanceof AuthError) fail(err);
      // Otherwise the checks are advice: a failure to load them leaves the banner as it was.
    });
  }

  $('checks-toggle').addEventListener('click', function () {
    var list = $('checks-list');
    list.hidden = !list.hidden;
    this.textContent = list.hidden ? '展开' : '收起';
    this.setAttribute('aria-expanded', list.hidden ? 'false' : 'true');
  });

  // ------------------------------------------------------------------------------------------------
  // import / export

  function fileName(res, fallback) {
    var cd = res.headers.get('Content-Disposition') || '';
    var star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(cd);
    if (star) {
      try { return decodeURIComponent(star[1].trim().replace(/^"|"$/g, '')); } catch (e) { /* fall through */ }
    }
    var plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
    return plain ? plain[1].trim() : fallback;
  }

  function download(link, path, fallback) {
    if (link.classList.contains('busy')) return;
    link.classList.add('busy');
    link.setAttribute('aria-disabled', 'true');
    message('dl-msg', '正在生成' + link.textContent + '…', '');
    org('GET', path, { raw: true, accept: '*/*', timeout: 300000 })
      .then(function (res) {
        var name = fileName(res, fallback);
        return res.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          var a = el('a', { href: url, download: name, hidden: true });
          document.body.appendChild(a);
          a.click();
          document.body.removeChild(a);
          setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
          message('dl-msg', '已下载 ' + name + '（' + Math.max(1, Math.round(blob.size / 1024)) + ' KB）', 'ok');
        });
      })
      .catch(function (err) { fail(err, 'dl-msg', '下载失败：'); })
      .then(function () {
        link.classList.remove('busy');
        link.removeAttribute('aria-disabled');
      });
  }

  $('dl-template').addEventListener('click', function (e) {
    e.preventDefault();
    download(this, 'template.xlsx', 'organisation-template.xlsx');
  });
  $('dl-export').addEventListener('click', function (e) {
    e.preventDefault();
    download(this, 'export.xlsx', 'organisation-' + today() + '.xlsx');
  });

  function clearImportResult() {
    message('imp-msg', '');
    $('imp-result').hidden = true;
    $('imp-report').hidden = true;
    clear($('imp-report-table').tBodies[0]);
  }

  function showImportResult(answer, file) {
    var dry = !!answer.dryRun;
    $('imp-result-title').textContent = dry
      ? '校验通过（仅校验，未写入）：导入 ' + file.name + ' 将'
      : '导入完成：' + file.name;
    Array.prototype.forEach.call($('imp-result').querySelectorAll('[data-count]'), function (dd) {
      dd.textContent = num(answer[dd.dataset.count]);
    });
    $('imp-id').textContent = answer.importId ? '导入批次 ' + answer.importId + '（审计记录中可按此追溯）' : '';
    $('imp-id').hidden = !answer.importId;
    var changes = (answer.created || 0) + (answer.updated || 0) + (answer.retired || 0);
    message('imp-msg', dry
      ? (changes ? '工作簿校验通过，取消勾选“仅校验”后再上传即可写入。' : '工作簿校验通过，与现有数据一致，导入不会产生变化。')
      : (changes ? '已写入，变更即时生效，并记入审计。' : '工作簿与现有数据一致，没有变化。'), 'ok');
    $('imp-result').hidden = false;
  }

  function showImportReport(err, file) {
    var errors = err.problem.errors;
    var body = $('imp-report-table').tBodies[0];
    errors.slice(0, REPORT_LIMIT).forEach(function (x) {
      x = x || {};
      body.appendChild(el('tr', null, [
        el('td', { text: x.sheet || '—' }),
        el('td', { className: 'num', text: x.row != null ? x.row : '—' }),
        el('td', { text: x.column || x.field || '—' }),
        el('td', { className: 'reason', text: x.reason || x.message || '' })
      ]));
    });
    $('imp-report-title').textContent = file.name + ' 校验未通过，共 ' + errors.length + ' 处问题'
      + (errors.length > REPORT_LIMIT ? '（仅显示前 ' + REPORT_LIMIT + ' 处）' : '') + '，未写入任何数据。';
    $('imp-report').hidden = false;
  }

  $('import-form').addEventListener('submit', function (e) {
    e.preventDefault();
    clearImportResult();
    var file = $('imp-file').files[0];
    if (!file) {
      message('imp-msg', '请先选择工作簿文件（.xlsx）。', 'error');
      return;
    }
    var dry = $('imp-dry').checked;
    var form = new FormData();
    form.append('file', file, file.name);
    var btn = $('imp-btn');
    btn.disabled = true;
    btn.textContent = dry ? '正在校验…' : '正在导入…';
    $('import-form').setAttribute('aria-busy', 'true');
    org('POST', 'import' + (dry ? '?dryRun=true' : ''), { form: form, timeout: 600000 })
      .then(function (answer) {
        showImportResult(answer || {}, file);
        if (!answer || !answer.dryRun) {
          tree.loaded = false; // the lists are reloaded when the tree is shown next
          audit.loaded = false;
          refreshChecks();
        }
      }, function (err) {
        if (err instanceof ApiError) {
          message('imp-msg', (dry ? '校验失败：' : '导入失败：') + err.message, 'error');
          if (Array.isArray(err.problem.errors) && err.problem.errors.length) showImportReport(err, file);
        } else {
          fail(err, 'imp-msg', '上传失败：');
        }
      })
      .then(function () {
        btn.disabled = false;
        btn.textContent = '上传';
        $('import-form').removeAttribute('aria-busy');
      });
  });

  $('imp-file').addEventListener('change', clearImportResult);

  // ------------------------------------------------------------------------------------------------
  // the organisation tree: one list at a time, drilled down along its root's chain

  var tree = { loaded: false, root: ROOTS[0], path: [], items: [], total: 0, page: 0, gen: 0, q: '' };

  function chainOf(root) {
    return root.chain.filter(function (k) { return kindMeta[k]; });
  }

  function currentKind() {
    return chainOf(tree.root)[tree.path.length];
  }

  function nextKind() {
    return chainOf(tree.root)[tree.path.length + 1];
  }

  function renderRoots() {
    var box = clear($('tree-roots'));
    ROOTS.forEach(function (root) {
      var chain = chainOf(root);
      if (!chain.length) return;
      var on = root === tree.root;
      box.appendChild(el('button', {
        type: 'button', className: 'chip' + (on ? ' active' : ''), 'data-root': root.id,
        'aria-pressed': on ? 'true' : 'false', title: chain.map(label).join(' › '), text: root.label
      }));
    });
  }

  $('tree-roots').addEventListener('click', function (e) {
    var btn = e.target.closest('[data-root]');
    if (!btn) return;
    tree.root = ROOTS.filter(function (r) { return r.id === btn.dataset.root; })[0] || ROOTS[0];
    tree.path = [];
    resetSearch();
    closeEditor();
    renderRoots();
    loadList(true);
  });

  function resetSearch() {
    tree.q = '';
    $('t-q').value = '';
  }

  function renderCrumbs() {
    var nav = clear($('crumbs'));
    var chain = chainOf(tree.root);
    var kind = currentKind();
    var parts = [];
    if (tree.path.length) {
      parts.push(el('button', { type: 'button', className: 'link', 'data-level': 0, text: '全部' + label(chain[0]) }));
      tree.path.forEach(function (p, i) {
        parts.push(el('span', { className: 'sep', 'aria-hidden': 'true', text: '›' }));
        if (i < tree.path.length - 1) {
          parts.push(el('button', { type: 'button', className: 'link', 'data-level': i + 1, text: p.name || p.code }));
        } else {
          parts.push(el('span', { className: 'here', text: p.name || p.code }));
        }
      });
      parts.push(el('span', { className: 'sep', 'aria-hidden': 'true', text: '›' }));
    }
    parts.push(el('strong', { className: 'list-kind', text: label(kind) + '列表' }));
    append(nav, parts);
    $('t-new').textContent = '新建' + label(kind);
    $('t-q').placeholder = '在' + (tree.path.length ? (tree.path[tree.path.length - 1].name || '') + '的' : '全部')
      + label(kind) + '中按名称或代码搜索';
  }

  $('crumbs').addEventListener('click', function (e) {
    var btn = e.target.closest('[data-level]');
    if (!btn) return;
    tree.path = tree.path.slice(0, Number(btn.dataset.level));
    resetSearch();
    closeEditor();
    loadList(true);
  });

  function showsParentColumn(kind) {
    var m = kindMeta[kind];
    return !!(m && m.parentField) && !tree.path.length;
  }

  function renderHead(kind) {
    var head = clear($('t-head'));
    var next = nextKind();
    append(head, [
      el('th', { scope: 'col', text: '名称' }),
      el('th', { scope: 'col', text: '代码' }),
      showsParentColumn(kind) ? el('th', { scope: 'col', text: fieldLabel(kind, kindMeta[kind].parentField) }) : null,
      el('th', { scope: 'col', text: '状态' }),
      next ? el('th', { scope: 'col', className: 'act', text: '下级' }) : null
    ]);
  }

  function rowOf(kind, item) {
    var next = nextKind();
    var selected = editor.item && editor.kind === kind && editor.item.code === item.code;
    return el('tr', {
      'data-code': item.code, 'data-kind': kind,
      className: (item.retired ? 'retired' : '') + (selected ? ' selected' : '')
    }, [
      el('td', null, el('button', {
        type: 'button', className: 'link name', 'data-act': 'edit', text: item.name || item.code,
        title: '编辑' + label(kind)
      })),
      el('td', { className: 'mono', text: item.code }),
      showsParentColumn(kind) ? el('td', { className: 'mono', text: item.parent || '—' }) : null,
      el('td', null, el('span', {
        className: 'badge' + (item.retired ? ' off' : ''), text: item.retired ? '已停用' : '在用'
      })),
      next ? el('td', { className: 'act' }, el('button', {
        type: 'button', className: 'btn btn-secondary btn-small', 'data-act': 'down',
        'aria-label': '查看' + (item.name || item.code) + '的' + label(next), text: label(next) + ' ›'
      })) : null
    ]);
  }

  function renderCount() {
    var shown = tree.items.length;
    $('t-count').textContent = tree.total
      ? '共 ' + num(tree.total) + ' 条' + (shown < tree.total ? '，已显示 ' + num(shown) + ' 条' : '')
      : '';
    $('t-more').hidden = shown >= tree.total;
  }

  function loadList(reset) {
    var kind = currentKind();
    if (!kind) return;
    var gen = ++tree.gen;
    if (reset) {
      tree.items = [];
      tree.total = 0;
      tree.page = 0;
      renderCrumbs();
      renderHead(kind);
      clear($('t-body'));
      $('t-count').textContent = '正在加载…';
      $('t-more').hidden = true;
    }
    message('t-msg', '');
    var parent = tree.path.length ? tree.path[tree.path.length - 1].code : '';
    var params = {
      parent: parent, q: tree.q, includeRetired: $('t-retired').checked ? 'true' : 'false',
      page: tree.page, size: PAGE_SIZE
    };
    $('t-table').setAttribute('aria-busy', 'true');
    $('t-more').disabled = true;
    org('GET', encodeURIComponent(kind) + '?' + query(params)).then(function (answer) {
      if (gen !== tree.gen) return;
      var items = answer && Array.isArray(answer.items) ? answer.items : [];
      tree.total = answer && answer.total != null ? answer.total : items.length;
      tree.items = tree.items.concat(items);
      var body = $('t-body');
      if (reset) clear(body);
      items.forEach(function (item) { body.appendChild(rowOf(kind, item)); });
      if (!tree.items.length) {
        body.appendChild(el('tr', { className: 'empty-row' }, el('td', {
          colspan: 5, text: tree.q ? '没有符合“' + tree.q + '”的' + label(kind) + '。' : '还没有' + label(kind) + '。'
        })));
      }
      renderCount();
    }).catch(function (err) {
      if (gen !== tree.gen) return;
      $('t-count').textContent = '';
      fail(err, 't-msg', '加载失败：');
    }).then(function () {
      if (gen !== tree.gen) return;
      $('t-table').removeAttribute('aria-busy');
      $('t-more').disabled = false;
    });
  }

  $('t-more').addEventListener('click', function () {
    tree.page += 1;
    loadList(false);
  });

  var searchSoon = debounce(function () {
    var q = $('t-q').value.trim();
    if (q === tree.q) return;
    tree.q = q;
    loadList(true);
  }, 300);
  $('t-q').addEventListener('input', searchSoon);
  $('t-form').addEventListener('submit', function (e) {
    e.preventDefault();
    tree.q = $('t-q').value.trim();
    loadList(true);
  });
  $('t-retired').addEventListener('change', function () { loadList(true); });

  $('t-body').addEventListener('click', function (e) {
    var row = e.target.closest('tr[data-code]');
    if (!row) return;
    var item = tree.items.filter(function (x) { return x.code === row.dataset.code; })[0];
    if (!item) return;
    if (e.target.closest('[data-act="down"]')) {
      tree.path.push({ kind: row.dataset.kind, code: item.code, name: item.name });
      resetSearch();
      closeEditor();
      loadList(true);
      return;
    }
    openEditor(row.dataset.kind, item);
  });

  $('t-new').addEventListener('click', function () {
    openEditor(currentKind(), null);
  });

  /** Marks the list's row of the item being edited. */
  function markSelected() {
    Array.prototype.forEach.call($('t-body').querySelectorAll('tr[data-code]'), function (tr) {
      tr.classList.toggle('selected', !!editor.item && tr.dataset.kind === editor.kind
        && tr.dataset.code === editor.item.code);
    });
  }

  /** Puts a changed item into the list in place (or drops it when it no longer belongs there). */
  function updateRow(kind, item) {
    if (kind !== currentKind()) return;
    var parent = tree.path.length ? tree.path[tree.path.length - 1].code : null;
    var stays = (!parent || item.parent === parent) && (!item.retired || $('t-retired').checked);
    var index = -1;
    tree.items.forEach(function (x, i) { if (x.code === item.code) index = i; });
    var old = $('t-body').querySelector('tr[data-code="' + cssEscape(item.code) + '"]');
    if (index >= 0) {
      if (stays) {
        tree.items[index] = item;
        if (old) old.parentNode.replaceChild(rowOf(kind, item), old);
      } else {
        tree.items.splice(index, 1);
        tree.total = Math.max(0, tree.total - 1);
        if (old) old.parentNode.removeChild(old);
      }
    } else if (stays) {
      tree.items.unshift(item);
      tree.total += 1;
      var empty = $('t-body').querySelector('.empty-row');
      if (empty) empty.parentNode.removeChild(empty);
      $('t-body').insertBefore(rowOf(kind, item), $('t-body').firstChild);
    }
    renderCount();
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
  }

  // ------------------------------------------------------------------------------------------------
  // the edit panel, built from the kind's fields

  var editor = { kind: null, item: null, inputs: {}, original: {}, hints: {}, fields: [], masked: {} };

  function fieldId(code) {
    return 'f-' + String(code).replace(/[^\w-]/g, '_');
  }

  function valueOf(item, code) {
    if (!item) return undefined;
    if (item.fields && Object.prototype.hasOwnProperty.call(item.fields, code)) return item.fields[code];
    return item[code];
  }

  function isBoolean(f, v) {
    return f.type === 'boolean' || typeof v === 'boolean';
  }

  /** A field's choices as [{value, text}]: `choices` is a map of value to label (or a list). */
  function optionsOf(f) {
    var list = f.choices || f.options;
    if (list && !Array.isArray(list) && typeof list === 'object') {
      return Object.keys(list).map(function (k) { return { value: k, text: String(list[k]) }; });
    }
    if (!Array.isArray(list)) return null;
    return list.map(function (o) {
      return typeof o === 'object' && o ? { value: String(o.value != null ? o.value : o.code), text: String(o.label || o.name || o.value || o.code) }
        : { value: String(o), text: String(o) };
    });
  }

  /** The text an input shows for a value. */
  function shown(f, v) {
    if (v == null) return '';
    if (isBoolean(f, v)) return v ? 'true' : 'false';
    if (Array.isArray(v)) return v.join(',');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  }

  /** The value an input's text stands for, of the type the server gave it. */
  function parsed(f, text, original) {
    var t = String(text).trim();
    if (typeof original === 'boolean') return t === '' ? null : t === 'true';
    if (Array.isArray(original)) return t === '' ? [] : t.split(/[,，、;；\s]+/).filter(Boolean);
    if (t === '') return null;
    if (typeof original === 'number' && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    return t;
  }

  function same(a, b) {
    var na = a == null || a === '' || (Array.isArray(a) && !a.length);
    var nb = b == null || b === '' || (Array.isArray(b) && !b.length);
    if (na || nb) return na === nb;
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /** A field of codes of another kind (the parent field among them): the kind it names, if any. */
  function codeKindOf(kind, code) {
    var m = kindMeta[kind] || {};
    if (code === m.parentField && m.parentKind) return m.parentKind;
    if (kind === 'staff' && code === 'unitCode') {
      var unitKind = editor.inputs.unitKind ? editor.inputs.unitKind.value.trim() : '';
      return UNIT_KIND[unitKind] || null;
    }
    if (code === m.parentField && PARENT_KIND[kind]) return PARENT_KIND[kind];
    return CODE_FIELD_KIND[code] && kindMeta[CODE_FIELD_KIND[code]] ? CODE_FIELD_KIND[code] : null;
  }

  /** A personal value the server masked for this account ("139****5678", "***"). */
  function isMasked(value) {
    return typeof value === 'string' && /\*{2,}/.test(value);
  }

  /** Checkboxes for a field of several choices; the hidden input holds them as "a,b". */
  function choicesInput(f, value, options) {
    var hidden = el('input', { type: 'hidden', id: fieldId(f.code), name: f.code });
    hidden.value = isMasked(value) ? '' : shown(f, value);
    var chosen = hidden.value ? hidden.value.split(/[,，、;；\s]+/) : [];
    var known = options.map(function (o) { return o.value; });
    chosen.forEach(function (v) { if (known.indexOf(v) < 0) options.push({ value: v, text: v }); });
    var group = el('div', { className: 'choices' });
    options.forEach(function (o) {
      var box = el('input', { type: 'checkbox', value: o.value, checked: chosen.indexOf(o.value) >= 0 });
      box.addEventListener('change', function () {
        hidden.value = Array.prototype.filter.call(group.querySelectorAll('input[type="checkbox"]'), function (b) {
          return b.checked;
        }).map(function (b) { return b.value; }).join(',');
      });
      group.appendChild(el('label', { className: 'check' }, [box, ' ' + o.text]));
    });
    return { input: hidden, control: group };
  }

  function fieldInput(kind, f, value, creating) {
    var id = fieldId(f.code);
    var readOnly = !creating && (f.readOnly === true || f.editable === false);
    var options = optionsOf(f);
    var input;
    if (options && f.type === 'choices') return choicesInput(f, value, options);
    var masked = isMasked(value);
    if (options || isBoolean(f, value)) {
      input = el('select', { id: id, name: f.code, disabled: readOnly });
      if (!f.required || value == null || value === '') input.appendChild(el('option', { value: '', text: '（不填）' }));
      (options || [{ value: 'true', text: '是' }, { value: 'false', text: '否' }]).forEach(function (o) {
        input.appendChild(el('option', { value: o.value, text: o.text }));
      });
      var current = shown(f, value);
      if (current && !Array.prototype.some.call(input.options, function (o) { return o.value === current; })) {
        input.appendChild(el('option', { value: current, text: current }));
      }
      input.value = current;
    } else {
      var long = f.multiline === true || (typeof value === 'string' && value.length > 60);
      var numeric = f.type === 'integer' || f.type === 'coordinate' || f.type === 'number' || typeof value === 'number';
      input = el(long ? 'textarea' : 'input', {
        id: id, name: f.code, readonly: readOnly, rows: long ? 3 : null,
        type: long ? null : f.type === 'secret' ? 'password' : f.type === 'phone' ? 'tel' : 'text',
        autocomplete: f.type === 'secret' ? 'new-password' : 'off', spellcheck: 'false', required: !!f.required,
        inputmode: f.type === 'integer' ? 'numeric' : numeric ? 'decimal' : null, maxlength: f.maxLength || null
      });
      input.value = f.type === 'secret' || masked ? '' : shown(f, value);
      if (masked) input.placeholder = value;
    }
    if (f.required) input.setAttribute('aria-required', 'true');
    return { input: input, control: input };
  }

  /** The fields the panel edits: retiring (with its successor) has its own button; a password is set once. */
  function editableFields(kind, creating) {
    return fieldsOf(kind).filter(function (f) {
      return f.code !== 'retired' && f.code !== 'successor' && (creating || f.type !== 'secret');
    });
  }

  function openEditor(kind, item) {
    var creating = !item;
    var meta = kindMeta[kind] || {};
    editor = { kind: kind, item: item, inputs: {}, original: {}, hints: {}, fields: [], masked: {} };
    $('ed-title').textContent = creating ? '新建' + label(kind) : '编辑' + label(kind) + '：' + (item.name || item.code);
    $('ed-sub').textContent = creating
      ? '代码是长期使用的标识，创建后不能修改。'
      : '代码 ' + item.code + (item.retired ? ' · 已停用' : '') + ' · 修改即时生效，并记入审计。';
    var box = clear($('ed-fields'));
    var fields = editableFields(kind, creating);
    var codeField = fields.filter(function (f) { return f.code === 'code'; })[0] || { code: 'code', label: '代码', required: true };
    fields = [codeField].concat(fields.filter(function (f) { return f.code !== 'code'; }));
    editor.fields = fields;

    fields.forEach(function (f) {
      var value = valueOf(item, f.code);
      if (f.code === 'code' && item) value = item.code;
      if (creating && f.code === meta.parentField && tree.path.length && currentKind() === kind) {
        value = tree.path[tree.path.length - 1].code;
      }
      var made;
      if (f.code === 'code') {
        var codeInput = el('input', {
          id: fieldId('code'), name: 'code', type: 'text', autocomplete: 'off', autocapitalize: 'off',
          spellcheck: 'false', required: creating, readonly: !creating
        });
        codeInput.value = value == null ? '' : String(value);
        made = { input: codeInput, control: codeInput };
      } else {
        made = fieldInput(kind, f, value, creating);
      }
      var input = made.input;
      editor.inputs[f.code] = input;
      editor.original[f.code] = value;
      if (isMasked(value)) editor.masked[f.code] = true;
      var group = made.control !== input;
      var title = [f.label || fieldLabel(kind, f.code), f.required ? el('span', { className: 'req', 'aria-hidden': 'true', text: ' *' }) : null];
      var wrap = group
        ? el('fieldset', { className: 'field' }, [el('legend', null, title), made.control, input])
        : el('div', { className: 'field' + (f.code === 'code' && !creating ? ' readonly' : '') }, [el('label', { 'for': input.id }, title), input]);
      if (f.code !== 'code' && !group && input.tagName === 'INPUT' && (f.type === 'code' || f.code === meta.parentField)
          && (codeKindOf(kind, f.code) || (kind === 'staff' && f.code === 'unitCode'))) {
        var listId = input.id + '-list';
        input.setAttribute('list', listId);
        var hint = el('p', { className: 'hint', 'aria-live': 'polite', id: input.id + '-hint' });
        input.setAttribute('aria-describedby', hint.id);
        append(wrap, [el('datalist', { id: listId }), hint]);
        editor.hints[f.code] = hint;
        input.addEventListener('input', function () { suggestCodes(kind, f.code); });
        input.addEventListener('focus', function () { suggestCodes(kind, f.code); }, { once: true });
      } else if (f.type === 'codes') {
        wrap.appendChild(el('p', { className: 'hint', text: '多个代码用逗号分隔。' }));
      } else if (isMasked(value)) {
        wrap.appendChild(el('p', { className: 'hint', text: '当前值已脱敏（' + value + '）。不填则保持不变，填写则替换。' }));
      } else if (f.type === 'secret') {
        wrap.appendChild(el('p', { className: 'hint', text: '仅在创建账号时设置；留空则由管理员另行设置。' }));
      }
      if (f.hint || f.description) wrap.appendChild(el('p', { className: 'hint', text: f.hint || f.description }));
      wrap.appendChild(el('p', { className: 'field-err', id: input.id + '-err', hidden: true }));
      box.appendChild(wrap);
    });
    if (kind === 'staff' && editor.inputs.unitKind && editor.inputs.unitCode) {
      editor.inputs.unitKind.addEventListener('change', function () { suggestCodes(kind, 'unitCode'); });
    }
    Object.keys(editor.hints).forEach(function (code) { resolveCode(kind, code); });

    message('ed-msg', '');
    $('ed-save').textContent = creating ? '创建' : '保存';
    $('ed-retire').hidden = creating || !!item.retired;
    $('ed-retire-box').hidden = true;
    $('editor').hidden = false;
    markSelected();
    var first = creating ? editor.inputs.code : (editor.inputs.name || editor.inputs[fields[1] && fields[1].code]);
    if (first) first.focus({ preventScroll: true });
    if (window.matchMedia && window.matchMedia('(max-width: 1100px)').matches) {
      $('editor').scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  }

  function closeEditor() {
    editor = { kind: null, item: null, inputs: {}, original: {}, hints: {}, fields: [], masked: {} };
    $('editor').hidden = true;
    markSelected();
  }

  $('ed-close').addEventListener('click', closeEditor);

  // fields of codes (the parent among them): suggestions from the kind they name, and the name of the
  // code typed

  var suggestCodes = debounce(function (kind, code) {
    var input = editor.inputs[code];
    if (!input || editor.kind !== kind) return;
    var list = $(input.id + '-list');
    var target = codeKindOf(kind, code);
    if (list) clear(list);
    resolveCode(kind, code);
    if (!target || !list) return;
    org('GET', encodeURIComponent(target) + '?' + query({ q: input.value.trim(), includeRetired: 'false', page: 0, size: SUGGEST_SIZE }))
      .then(function (answer) {
        if (editor.inputs[code] !== input) return;
        clear(list);
        (answer && answer.items || []).forEach(function (x) {
          list.appendChild(el('option', { value: x.code, label: x.name, text: x.name }));
        });
      }).catch(function () { /* suggestions are a convenience */ });
  }, 250);

  var resolveGen = {};
  function resolveCode(kind, code) {
    var input = editor.inputs[code];
    var hint = editor.hints[code];
    if (!input || !hint) return;
    var value = input.value.trim();
    var target = codeKindOf(kind, code);
    var gen = resolveGen[code] = (resolveGen[code] || 0) + 1;
    hint.classList.remove('warn');
    if (!target) {
      hint.textContent = kind === 'staff' ? '先选择所属层级，再填写该层级单位的代码。' : '';
      return;
    }
    if (!value) {
      hint.textContent = '填写' + label(target) + '的代码，输入名称或代码可选择。';
      return;
    }
    org('GET', encodeURIComponent(target) + '/' + encodeURIComponent(value)).then(function (p) {
      if (gen !== resolveGen[code] || editor.inputs[code] !== input) return;
      hint.textContent = label(target) + '：' + (p.name || p.code) + (p.retired ? '（已停用）' : '');
      hint.classList.toggle('warn', !!p.retired);
    }).catch(function (err) {
      if (gen !== resolveGen[code] || editor.inputs[code] !== input) return;
      if (err instanceof ApiError && err.status === 404) {
        hint.textContent = '没有代码为 ' + value + ' 的' + label(target) + '。';
        hint.classList.add('warn');
      } else {
        hint.textContent = '';
      }
    });
  }

  function clearFieldErrors() {
    Array.prototype.forEach.call($('ed-fields').querySelectorAll('.field-err'), function (p) {
      p.textContent = '';
      p.hidden = true;
    });
    Array.prototype.forEach.call($('ed-fields').querySelectorAll('[aria-invalid]'), function (i) {
      i.removeAttribute('aria-invalid');
    });
  }

  function fieldError(code, text) {
    var input = editor.inputs[code];
    if (!input) return false;
    var p = $(input.id + '-err');
    p.textContent = p.textContent ? p.textContent + '；' + text : text;
    p.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    return true;
  }

  /**
   * The field errors of a problem as [{field, reason}]: a list of {field | column, reason} (a column is
   * the workbook's header, the field's label) or a map of "fields.code" to the reason.
   */
  function fieldErrorsOf(kind, problem) {
    var errors = problem && problem.errors;
    if (!errors) return [];
    if (!Array.isArray(errors) && typeof errors === 'object') {
      errors = Object.keys(errors).map(function (k) { return { field: k.replace(/^fields\./, ''), reason: errors[k] }; });
    }
    if (!Array.isArray(errors)) return [];
    return errors.map(function (x) {
      x = x || {};
      var code = x.field || null;
      if (!code && x.column) {
        var f = fieldsOf(kind).filter(function (f) { return f.label === x.column || f.code === x.column; })[0];
        code = f ? f.code : null;
      }
      return { field: code, label: x.column || (code ? fieldLabel(kind, code) : ''), reason: String(x.reason || x.message || '不正确') };
    });
  }

  /** Puts a refused write's problem next to its fields, and what belongs to no field into the message. */
  function showProblem(err, msgId) {
    if (!(err instanceof ApiError)) {
      fail(err, msgId, '保存失败：');
      return;
    }
    var rest = [];
    var first = null;
    fieldErrorsOf(editor.kind, err.problem).forEach(function (x) {
      if (x.field && fieldError(x.field, x.reason)) first = first || editor.inputs[x.field];
      else rest.push((x.label ? x.label + '：' : '') + x.reason);
    });
    if (err.status === 409 && editor.inputs.code && !editor.item) {
      fieldError('code', err.problem.detail || '该代码已存在');
      first = first || editor.inputs.code;
    }
    message(msgId, err.message + (rest.length ? '（' + rest.join('；') + '）' : ''), 'error');
    if (first && first.type !== 'hidden') first.focus();
  }

  $('ed-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var kind = editor.kind;
    if (!kind) return;
    clearFieldErrors();
    message('ed-msg', '');
    var creating = !editor.item;
    var fields = {};
    var missing = [];
    editor.fields.forEach(function (f) {
      if (f.code === 'code') return;
      var input = editor.inputs[f.code];
      if (!input || input.disabled || input.readOnly) return;
      var value = parsed(f, input.value, editor.original[f.code]);
      if (editor.masked[f.code] && value == null) return; // a masked value left alone stays as it is
      if (f.required && (value == null || (Array.isArray(value) && !value.length))) missing.push(f.code);
      if (creating ? value != null && !(Array.isArray(value) && !value.length) : !same(value, editor.original[f.code])) {
        fields[f.code] = value;
      }
    });
    var code = editor.inputs.code ? editor.inputs.code.value.trim() : '';
    if (creating && !code) missing.unshift('code');
    if (missing.length) {
      missing.forEach(function (c) { fieldError(c, '必填'); });
      message('ed-msg', '请填写必填项：' + missing.map(function (c) { return fieldLabel(kind, c); }).join('、'), 'error');
      if (editor.inputs[missing[0]].type !== 'hidden') editor.inputs[missing[0]].focus();
      return;
    }
    if (!creating && !Object.keys(fields).length) {
      message('ed-msg', '没有修改。', '');
      return;
    }
    var btn = $('ed-save');
    btn.disabled = true;
    var call = creating
      ? org('POST', encodeURIComponent(kind), { body: { code: code, fields: fields } })
      : org('PATCH', encodeURIComponent(kind) + '/' + encodeURIComponent(editor.item.code), { body: { fields: fields } });
    call.then(function (item) {
      updateRow(kind, item);
      openEditor(kind, item);
      message('ed-msg', creating ? '已创建' + label(kind) + ' ' + (item.name || item.code) + '。' : '已保存。', 'ok');
      audit.loaded = false;
      refreshChecks();
    }, function (err) {
      showProblem(err, 'ed-msg');
    }).then(function () { btn.disabled = false; });
  });

  // retiring

  var suggestSuccessor = debounce(function () {
    var q = $('ed-successor').value.trim();
    org('GET', 'staff?' + query({ q: q, includeRetired: 'false', page: 0, size: SUGGEST_SIZE })).then(function (answer) {
      var list = clear($('ed-successor-list'));
      (answer && answer.items || []).forEach(function (x) {
        if (editor.item && x.code === editor.item.code) return;
        list.appendChild(el('option', { value: x.code, label: x.name, text: x.name }));
      });
    }).catch(function () { /* suggestions are a convenience */ });
  }, 250);
  $('ed-successor').addEventListener('input', suggestSuccessor);

  $('ed-retire').addEventListener('click', function () {
    if (!editor.item) return;
    $('ed-retire-name').textContent = label(editor.kind) + ' ' + (editor.item.name || editor.item.code);
    $('ed-successor-row').hidden = editor.kind !== 'staff';
    $('ed-successor').value = '';
    message('ed-msg', '');
    message('ed-retire-msg', '');
    $('ed-retire-box').hidden = false;
    if (editor.kind === 'staff') {
      suggestSuccessor();
      $('ed-successor').focus();
    } else {
      $('ed-retire-go').focus();
    }
  });

  $('ed-retire-cancel').addEventListener('click', function () {
    $('ed-retire-box').hidden = true;
    $('ed-retire').focus();
  });

  $('ed-retire-go').addEventListener('click', function () {
    var kind = editor.kind;
    var item = editor.item;
    if (!item) return;
    var body = {};
    var successor = $('ed-successor').value.trim();
    if (kind === 'staff' && successor) {
      if (successor === item.code) {
        message('ed-retire-msg', '接替人不能是本人。', 'error');
        return;
      }
      body.successor = successor;
    }
    var btn = this;
    btn.disabled = true;
    org('POST', encodeURIComponent(kind) + '/' + encodeURIComponent(item.code) + '/retire', { body: body })
      .then(function (answer) {
        var retired = answer && answer.item ? answer.item : Object.assign({}, item, { retired: true });
        updateRow(kind, retired);
        openEditor(kind, retired);
        var handed = answer && answer.handedOverTasks ? answer.handedOverTasks : 0;
        message('ed-msg', '已停用。' + (handed ? '移交任务 ' + handed + ' 个' + (successor ? '给 ' + successor : '（退回所在组）') + '。' : ''), 'ok');
        audit.loaded = false;
        refreshChecks();
      }, function (err) {
        if (err instanceof ApiError) {
          var errors = fieldErrorsOf(kind, err.problem);
          message('ed-retire-msg', err.message + (errors.length ? '（' + errors.map(function (x) {
            return (x.label ? x.label + '：' : '') + x.reason;
          }).join('；') + '）' : ''), 'error');
        } else {
          fail(err, 'ed-retire-msg', '停用失败：');
        }
      })
      .then(function () { btn.disabled = false; });
  });

  // ------------------------------------------------------------------------------------------------
  // audit

  var audit = { loaded: false, page: 0, total: 0, gen: 0 };

  function buildAuditEntities() {
    var select = $('a-entity');
    while (select.options.length > 1) select.remove(1);
    kinds.forEach(function (k) {
      select.appendChild(el('option', { value: k.kind, text: label(k.kind) }));
    });
  }

  /** A value in the audit's diff, as short text: a choice by its label. */
  function auditValue(entity, key, v) {
    var f = fieldsOf(entity).filter(function (x) { return x.code === key; })[0];
    var choices = f && f.choices && !Array.isArray(f.choices) && typeof f.choices === 'object' ? f.choices : null;
    if (choices && typeof v === 'string' && v) {
      return v.split(',').map(function (c) { return choices[c] != null ? String(choices[c]) : c; }).join('、');
    }
    if (v == null || v === '') return '（空）';
    if (v === true) return '是';
    if (v === false) return '否';
    if (Array.isArray(v)) return v.length ? v.map(function (x) { return typeof x === 'object' ? JSON.stringify(x) : String(x); }).join('、') : '（空）';
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  }

  function orderedKeys(entity, before, after) {
    var order = fieldsOf(entity).map(function (f) { return f.code; });
    var keys = [];
    [order, Object.keys(before || {}), Object.keys(after || {})].forEach(function (list) {
      list.forEach(function (k) {
        if (keys.indexOf(k) < 0 && ((before && k in before) || (after && k in after))) keys.push(k);
      });
    });
    return keys;
  }

  function diffCell(entry) {
    var before = entry.before && typeof entry.before === 'object' ? entry.before : null;
    var after = entry.after && typeof entry.after === 'object' ? entry.after : null;
    var keys = orderedKeys(entry.entity, before, after);
    var list = el('ul', { className: 'diff' });
    var shownCount = 0;
    var LIMIT = 6;
    var changed = keys.filter(function (k) {
      return !before || !same(before[k], after ? after[k] : undefined);
    });
    // A new entry's code is in its own column, and that it is not retired goes without saying.
    if (!before) {
      changed = changed.filter(function (k) {
        return after && !same(after[k], null) && k !== 'code' && !(k === 'retired' && after[k] === false);
      });
    }
    changed.forEach(function (k) {
      if (shownCount++ >= LIMIT) return;
      var li = el('li', null, el('span', { className: 'k', text: fieldLabel(entry.entity, k) }));
      if (before) append(li, [el('del', { text: auditValue(entry.entity, k, before[k]) }), el('span', { className: 'arrow', 'aria-label': '改为', text: '→' })]);
      append(li, el('ins', { text: after ? auditValue(entry.entity, k, after[k]) : '（空）' }));
      list.appendChild(li);
    });
    var cell = el('td', { className: 'diff-cell' });
    if (!changed.length) cell.appendChild(el('span', { className: 'muted', text: '无字段变化' }));
    else cell.appendChild(list);
    if (changed.length > LIMIT) list.appendChild(el('li', { className: 'muted', text: '…另有 ' + (changed.length - LIMIT) + ' 项' }));
    if (before || after) {
      cell.appendChild(el('details', null, [
        el('summary', { text: '原始记录' }),
        el('pre', { text: '变更前：' + (before ? JSON.stringify(before, null, 1) : 'null') + '\n变更后：' + (after ? JSON.stringify(after, null, 1) : 'null') })
      ]));
    }
    return cell;
  }

  function loadAudit() {
    var from = $('a-from').value;
    var to = $('a-to').value;
    if (from && to && from > to) {
      message('a-msg', '开始日期不能晚于结束日期。', 'error');
      return;
    }
    message('a-msg', '');
    var gen = ++audit.gen;
    var params = {
      entity: $('a-entity').value, code: $('a-code').value.trim(), from: from, to: to,
      page: audit.page, size: AUDIT_SIZE
    };
    $('a-table').setAttribute('aria-busy', 'true');
    $('a-count').textContent = '正在加载…';
    org('GET', 'audit?' + query(params)).then(function (answer) {
      if (gen !== audit.gen) return;
      var items = answer && Array.isArray(answer.items) ? answer.items : [];
      audit.total = answer && answer.total != null ? answer.total : items.length;
      var body = clear($('a-body'));
      items.forEach(function (x) {
        body.appendChild(el('tr', { 'data-id': x.id, 'data-action': x.action, 'data-code': x.code }, [
          el('td', { className: 'nowrap', text: formatAt(x.at) }),
          el('td', { className: 'actor', text: x.actor || '—' }),
          el('td', { text: label(x.entity) }),
          el('td', { className: 'mono', text: x.code || '' }),
          el('td', null, el('span', { className: 'badge act-' + (x.action || ''), text: ACTION[x.action] || x.action || '' })),
          diffCell(x),
          el('td', { className: 'small', title: x.importId || null, text: x.importId ? '导入 ' + String(x.importId).slice(0, 8) : '页面' })
        ]));
      });
      if (!items.length) {
        body.appendChild(el('tr', { className: 'empty-row' }, el('td', { colspan: 7, text: '没有符合条件的记录。' })));
      }
      var pages = Math.max(1, Math.ceil(audit.total / AUDIT_SIZE));
      $('a-count').textContent = '共 ' + num(audit.total) + ' 条';
      $('a-page').textContent = '第 ' + (audit.page + 1) + ' / ' + pages + ' 页';
      $('a-prev').disabled = audit.page <= 0;
      $('a-next').disabled = audit.page + 1 >= pages;
    }).catch(function (err) {
      if (gen !== audit.gen) return;
      $('a-count').textContent = '';
      fail(err, 'a-msg', '加载失败：');
    }).then(function () {
      if (gen === audit.gen) $('a-table').removeAttribute('aria-busy');
    });
  }

  $('a-form').addEventListener('submit', function (e) {
    e.preventDefault();
    audit.page = 0;
    loadAudit();
  });
  $('a-reset').addEventListener('click', function () {
    $('a-entity').value = '';
    $('a-code').value = '';
    $('a-from').value = '';
    $('a-to').value = '';
    audit.page = 0;
    loadAudit();
  });
  $('a-prev').addEventListener('click', function () {
    if (audit.page > 0) {
      audit.page -= 1;
      loadAudit();
    }
  });
  $('a-next').addEventListener('click', function () {
    audit.page += 1;
    loadAudit();
  });

  // ------------------------------------------------------------------------------------------------
  // 消息通知: the messages' templates (/api/admin/notification-templates) and the dead letters
  // (/api/admin/notifications/dead)

  /** The events in the order people meet them, with their names (NoticeEvent's labels). */
  var EVENTS = [
    ['CASE_ACCEPTED', '已受理', '告知上报人'], ['CASE_DISPATCHED', '已派单', '告知上报人'],
    ['CASE_EXTENDED', '延期', '告知上报人'], ['CASE_RESULT', '结果反馈', '告知上报人'],
    ['CASE_CLOSED', '已结案', '告知上报人'], ['TASK_ASSIGNED', '新的待办', '告知承办单位'],
    ['STAGE_YELLOW', '临期预警', '告知环节办理人'], ['STAGE_RED', '超期', '告知环节办理人'],
    ['SUPERVISE_RED', '超期督办', '告知督办组'], ['CASE_COPIED', '抄送', '告知抄送单位'],
    ['UNIT_CASE', '联户内新事件', '告知联户长']
  ];
  var EVENT_NAME = {};
  var EVENT_WHO = {};
  EVENTS.forEach(function (e) { EVENT_NAME[e[0]] = e[1]; EVENT_WHO[e[0]] = e[2]; });
  /** The placeholders the server fills (Templates.PLACEHOLDERS) and what each stands for. */
  var PLACEHOLDERS = [
    ['caseNo', '事件编号'], ['categoryName', '事件类别'], ['address', '地址'], ['reportedAt', '上报时间'],
    ['handlerName', '承办单位'], ['handleDue', '处置时限'], ['remark', '说明'], ['outcomeName', '办理结果'],
    ['result', '结果说明'], ['link', '进度查询链接'], ['staffLink', '事件页面链接'], ['reporterName', '上报人（脱敏）'],
    ['reporterPhone', '上报人电话（脱敏）'], ['recipientName', '收件人'], ['taskName', '待办名称'],
    ['stageName', '环节名称'], ['due', '时限']
  ];
  var PLACEHOLDER_NAMES = PLACEHOLDERS.map(function (p) { return p[0]; });
  var TEXT_LIMIT = { subject: 200, body: 2000 };
  var CHANNEL = { EMAIL: '邮件', SMS: '短信', INBOX: '站内信' };
  var DEAD_SIZE = 100;

  var notify = { loaded: false, templates: [], current: null, drafts: {}, target: null, gen: 0 };
  var dead = { items: [], gen: 0 };

  function eventName(event) {
    return EVENT_NAME[event] || event || '';
  }

  /** "2026-12-02 09:10": an instant to the minute, in the county's zone. */
  function formatMinute(s) {
    var text = formatAt(s);
    return /^\d{4}-\d\d-\d\d \d\d:\d\d/.test(text) ? text.slice(0, 16) : text;
  }

  /** The placeholders of `text` that the server does not know. */
  function unknownPlaceholders(text) {
    var unknown = [];
    var re = /\{([A-Za-z]+)\}/g;
    var m;
    while ((m = re.exec(String(text || '')))) {
      if (PLACEHOLDER_NAMES.indexOf(m[1]) < 0 && unknown.indexOf(m[1]) < 0) unknown.push(m[1]);
    }
    return unknown;
  }

  function templateOf(event) {
    return notify.templates.filter(function (t) { return t.event === event; })[0] || null;
  }

  /** The templates in EVENTS' order, any event the page does not know at the end. */
  function ordered(list) {
    var rank = function (t) {
      var i = EVENTS.map(function (e) { return e[0]; }).indexOf(t.event);
      return i < 0 ? EVENTS.length : i;
    };
    return list.slice().sort(function (a, b) { return rank(a) - rank(b) || String(a.event).localeCompare(String(b.event)); });
  }

  function edited(t) {
    return t && t.updatedBy ? t.updatedBy + ' 于 ' + formatMinute(t.updatedAt) + ' 修改' : '初始模板，尚未修改';
  }

  function dirty(event) {
    var d = notify.drafts[event];
    var t = templateOf(event);
    return !!(d && t && (d.subject !== t.subject || d.body !== t.body));
  }

  function renderTemplateList() {
    var list = clear($('n-list'));
    notify.templates.forEach(function (t) {
      var on = t.event === notify.current;
      list.appendChild(el('li', null, el('button', {
        type: 'button', className: 'n-item' + (on ? ' selected' : ''), 'data-event': t.event,
        'aria-pressed': on ? 'true' : 'false'
      }, [
        el('span', { className: 'n-item-head' }, [
          el('span', { className: 'n-name', text: eventName(t.event) }),
          dirty(t.event) ? el('span', { className: 'badge warn', text: '未保存' }) : null,
          el('code', { className: 'n-code', text: t.event })
        ]),
        el('span', { className: 'n-subject', text: t.subject || '' }),
        el('span', { className: 'n-who', text: (EVENT_WHO[t.event] ? EVENT_WHO[t.event] + ' · ' : '') + edited(t) })
      ])));
    });
    $('n-count').textContent = notify.templates.length ? '共 ' + notify.templates.length + ' 个事件' : '';
  }

  function renderChips() {
    var box = clear($('n-chips'));
    PLACEHOLDERS.forEach(function (p) {
      box.appendChild(el('button', {
        type: 'button', className: 'chip ph', 'data-ph': p[0], title: '插入 {' + p[0] + '}：' + p[1],
        'aria-label': '插入占位符 {' + p[0] + '}（' + p[1] + '）'
      }, [el('code', { text: '{' + p[0] + '}' }), el('span', { className: 'ph-name', text: p[1] })]));
    });
  }

  function counter(field) {
    var input = $('n-' + field);
    var n = input.value.length;
    var c = $('n-' + field + '-count');
    c.textContent = n + ' / ' + TEXT_LIMIT[field] + ' 字';
    c.classList.toggle('over', n > TEXT_LIMIT[field]);
  }

  function bodyHint() {
    var unknown = unknownPlaceholders($('n-subject').value + ' ' + $('n-body').value);
    var hint = $('n-body-hint');
    hint.textContent = unknown.length
      ? '不认识的占位符：' + unknown.map(function (u) { return '{' + u + '}'; }).join(' ') + '，保存时会被拒绝。'
      : '';
    hint.hidden = !unknown.length;
  }

  function clearTemplateErrors() {
    ['subject', 'body'].forEach(function (f) {
      $('n-' + f + '-err').textContent = '';
      $('n-' + f + '-err').hidden = true;
      $('n-' + f).removeAttribute('aria-invalid');
    });
  }

  function openTemplate(event) {
    var t = templateOf(event);
    if (!t) return;
    notify.current = event;
    var draft = notify.drafts[event];
    $('n-title').textContent = eventName(event) + (EVENT_WHO[event] ? '（' + EVENT_WHO[event] + '）' : '');
    $('n-event').textContent = event;
    $('n-meta').textContent = edited(t);
    $('n-subject').value = draft ? draft.subject : t.subject || '';
    $('n-body').value = draft ? draft.body : t.body || '';
    clearTemplateErrors();
    message('n-msg', '');
    counter('subject');
    counter('body');
    bodyHint();
    $('n-form').hidden = false;
    renderTemplateList();
  }

  function keepDraft() {
    var event = notify.current;
    if (!event) return;
    notify.drafts[event] = { subject: $('n-subject').value, body: $('n-body').value };
    var item = $('n-list').querySelector('[data-event="' + cssEscape(event) + '"]');
    if (item && !!item.querySelector('.badge') !== dirty(event)) renderTemplateList();
  }

  function loadTemplates() {
    var gen = ++notify.gen;
    message('n-load-msg', '');
    $('n-count').textContent = '正在加载…';
    $('n-list').setAttribute('aria-busy', 'true');
    return request('GET', 'admin/notification-templates').then(function (list) {
      if (gen !== notify.gen) return;
      notify.templates = ordered(Array.isArray(list) ? list : []);
      if (!templateOf(notify.current)) notify.current = notify.templates.length ? notify.templates[0].event : null;
      renderTemplateList();
      if (notify.current) openTemplate(notify.current);
      else $('n-form').hidden = true;
    }).catch(function (err) {
      if (gen !== notify.gen) return;
      $('n-count').textContent = '';
      fail(err, 'n-load-msg', '加载模板失败：');
    }).then(function () {
      if (gen === notify.gen) $('n-list').removeAttribute('aria-busy');
    });
  }

  $('n-list').addEventListener('click', function (e) {
    var btn = e.target.closest('[data-event]');
    if (!btn || btn.dataset.event === notify.current) return;
    openTemplate(btn.dataset.event);
    $('n-subject').focus({ preventScroll: true });
  });

  ['subject', 'body'].forEach(function (f) {
    var input = $('n-' + f);
    input.addEventListener('focus', function () { notify.target = f; });
    input.addEventListener('input', function () {
      counter(f);
      bodyHint();
      keepDraft();
    });
  });

  $('n-chips').addEventListener('click', function (e) {
    var chip = e.target.closest('[data-ph]');
    if (!chip) return;
    var field = notify.target || 'body';
    var input = $('n-' + field);
    var text = '{' + chip.dataset.ph + '}';
    var start = input.selectionStart != null ? input.selectionStart : input.value.length;
    var end = input.selectionEnd != null ? input.selectionEnd : start;
    input.focus();
    input.setRangeText(text, start, end, 'end');
    counter(field);
    bodyHint();
    keepDraft();
  });

  $('n-revert').addEventListener('click', function () {
    if (!notify.current) return;
    delete notify.drafts[notify.current];
    openTemplate(notify.current);
    message('n-msg', '已恢复为保存的文本。', '');
  });

  $('n-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var event = notify.current;
    if (!event) return;
    clearTemplateErrors();
    message('n-msg', '');
    var body = { subject: $('n-subject').value, body: $('n-body').value };
    var btn = $('n-save');
    btn.disabled = true;
    request('PUT', 'admin/notification-templates/' + encodeURIComponent(event), { body: body })
      .then(function (saved) {
        saved = saved || Object.assign({}, templateOf(event), body);
        notify.templates = notify.templates.map(function (t) { return t.event === event ? saved : t; });
        delete notify.drafts[event];
        if (notify.current === event) openTemplate(event);
        else renderTemplateList();
        message('n-msg', '已保存。之后发出的“' + eventName(event) + '”消息使用新的文本。', 'ok');
      }, function (err) {
        if (!(err instanceof ApiError)) {
          fail(err, 'n-msg', '保存失败：');
          return;
        }
        var errors = err.problem && err.problem.errors && typeof err.problem.errors === 'object' ? err.problem.errors : {};
        var rest = [];
        var first = null;
        Object.keys(errors).forEach(function (k) {
          var reason = String(errors[k]);
          if (k === 'subject' || k === 'body') {
            var p = $('n-' + k + '-err');
            p.textContent = (k === 'subject' ? '标题：' : '正文：') + reason;
            p.hidden = false;
            $('n-' + k).setAttribute('aria-invalid', 'true');
            first = first || $('n-' + k);
          } else {
            rest.push(k + '：' + reason);
          }
        });
        message('n-msg', '未保存：' + (first && !rest.length ? '请按字段下方的提示修改。' : err.message + (rest.length ? '（' + rest.join('；') + '）' : '')), 'error');
        if (first) first.focus();
      })
      .then(function () { btn.disabled = false; });
  });

  // the dead letters

  function loadDead() {
    var gen = ++dead.gen;
    $('d-table').setAttribute('aria-busy', 'true');
    $('d-count').textContent = '正在加载…';
    $('d-reload').disabled = true;
    return request('GET', 'admin/notifications/dead?' + query({ size: DEAD_SIZE })).then(function (list) {
      if (gen !== dead.gen) return;
      dead.items = Array.isArray(list) ? list : [];
      var body = clear($('d-body'));
      dead.items.forEach(function (x) {
        body.appendChild(el('tr', { 'data-id': x.id, 'data-event': x.event }, [
          el('td', { className: 'nowrap', text: formatMinute(x.createdAt) }),
          el('td', null, [
            el('span', { className: 'strong', text: eventName(x.event) }),
            x.subject ? el('span', { className: 'd-subject', text: x.subject }) : null
          ]),
          el('td', { className: 'mono nowrap', text: x.caseNo || '—' }),
          el('td', { className: 'nowrap', text: CHANNEL[x.channel] || x.channel || '—' }),
          el('td', { text: x.recipient || '—' }),
          el('td', { className: 'num', text: x.attempts != null ? x.attempts : '—' }),
          el('td', { className: 'reason d-error', text: x.lastError || '—' }),
          el('td', { className: 'act' }, el('button', {
            type: 'button', className: 'btn btn-secondary btn-small', 'data-act': 'retry', 'data-id': x.id,
            'aria-label': '重新发送给 ' + (x.recipient || '') + ' 的“' + eventName(x.event) + '”消息', text: '重新发送'
          }))
        ]));
      });
      if (!dead.items.length) {
        body.appendChild(el('tr', { className: 'empty-row' }, el('td', { colspan: 8, text: '没有发送失败的消息。' })));
      }
      $('d-count').textContent = dead.items.length
        ? '共 ' + num(dead.items.length) + ' 条' + (dead.items.length >= DEAD_SIZE ? '（仅显示前 ' + DEAD_SIZE + ' 条）' : '')
        : '';
    }).catch(function (err) {
      if (gen !== dead.gen) return;
      $('d-count').textContent = '';
      fail(err, 'd-msg', '加载失败：');
    }).then(function () {
      if (gen !== dead.gen) return;
      $('d-table').removeAttribute('aria-busy');
      $('d-reload').disabled = false;
    });
  }

  $('d-reload').addEventListener('click', function () {
    message('d-msg', '');
    loadDead();
  });

  $('d-body').addEventListener('click', function (e) {
    var btn = e.target.closest('[data-act="retry"]');
    if (!btn || btn.disabled) return;
    var id = btn.dataset.id;
    var item = dead.items.filter(function (x) { return String(x.id) === id; })[0] || {};
    var what = '“' + eventName(item.event) + '”' + (item.caseNo ? '（' + item.caseNo + '）' : '') + '给 ' + (item.recipient || '');
    btn.disabled = true;
    message('d-msg', '');
    request('POST', 'admin/notifications/' + encodeURIComponent(id) + '/retry').then(function () {
      message('d-msg', '已重新发送' + what + '的' + (CHANNEL[item.channel] || '') + '消息：已回到发送队列，从第一次尝试重新计。', 'ok');
      return loadDead();
    }, function (err) {
      if (err instanceof ApiError && err.status === 404) {
        message('d-msg', '该消息已不在发送失败的列表中（可能已被重新发送）。', 'error');
        return loadDead();
      }
      btn.disabled = false;
      fail(err, 'd-msg', '重新发送失败：');
    });
  });

  function loadNotify() {
    if (!$('n-chips').firstChild) renderChips();
    loadTemplates();
    loadDead();
  }

  // ------------------------------------------------------------------------------------------------
  // start: a reload keeps the login as long as the server's session lasts

  request('GET', 'session')
    .then(function (current) {
      auth = current;
      return enter();
    }, function () {
      showLogin('');
    });
})();
