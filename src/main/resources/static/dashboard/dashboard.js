/*
 * 联户 指挥看板: the supervisors' view of /api/stats/* in a staff session (POST /api/session), with the
 * staff inbox (消息) in the header. Plain browser JavaScript, no build step, no libraries; the trend
 * charts are inline SVG drawn here. Every value from the server goes into the page as text (textContent
 * / SVG text nodes), never as HTML. The DOM helpers, the county's time, the API calls, the login form
 * and the inbox are the staff kit's (../shared/staff.js).
 */
(function () {
  'use strict';

  var S = window.LianhuStaff;
  var $ = S.$;
  var el = S.el;
  var setAttrs = S.setAttrs;
  var append = S.append;
  var clear = S.clear;
  var pad = S.pad;
  var partsIn = S.partsIn; // in the county's time zone: periods and dates are the county's
  var relative = S.relative;

  var AUTH_KEY = 'lianhu.dashboard.auth';
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var OPEN_LIMIT = 500;
  var COPIED_LIMIT = 50;

  var STATUS = {
    REPORTED: '待受理', REJECTED: '不予受理', DISPATCHED: '处置中', AWAITING_RATING: '待评价',
    STREET_REVIEW: '街道复核', CLOSED: '已结案'
  };
  var LIGHT = { red: '超期', yellow: '预警', green: '正常' };
  var LIGHT_ORDER = { red: 0, yellow: 1, green: 2 };
  var GROUP_LABEL = { street: '街道', community: '社区（村）', grid: '网格', department: '职能部门', category: '事件类别' };

  // ------------------------------------------------------------------------------------------------
  // DOM helpers: text only (the kit's, and SVG)

  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function message(id, text, isError) {
    var node = $(id);
    node.textContent = text || '';
    node.hidden = !text;
    if (isError !== undefined) node.classList.toggle('error', !!isError);
  }

  // ------------------------------------------------------------------------------------------------
  // numbers and dates

  function pct(v) {
    if (v == null || isNaN(v)) return '—';
    var s = (v * 100).toFixed(1);
    return (s.slice(-2) === '.0' ? s.slice(0, -2) : s) + '%';
  }

  function rate(part, whole) {
    return whole > 0 ? part / whole : null;
  }

  // What each rate should reach (GET /api/stats/targets, lianhu.stats.targets); these numbers until the
  // server has said its own. A figure at its target is good, within FAIR_BELOW under it fair, else poor.
  var DEFAULT_TARGETS = {
    response: 0.95, resolution: 0.9, satisfaction: 0.9, mediation: 0.85, officeResponse: 0.9, handledInTime: 0.9,
    reportTimeliness: 0.9, inUnitResolution: 0.9
  };
  var FAIR_BELOW = 0.1;
  var targets = Object.assign({}, DEFAULT_TARGETS);

  /** 'good', 'fair' or 'poor' of a rate against its target; null without a rate. */
  function rateLevel(v, target) {
    if (v == null || isNaN(v)) return null;
    var t = typeof target === 'number' ? target : DEFAULT_TARGETS.resolution;
    // The server rounds rates to four decimals: a hair's breadth under the target still meets it.
    return v >= t - 1e-9 ? 'good' : v >= t - FAIR_BELOW - 1e-9 ? 'fair' : 'poor';
  }

  function rateClass(v, target) {
    var level = rateLevel(v, target);
    return level ? 'rate-' + level : '';
  }

  function targetText(target) {
    return '目标 ≥' + pct(target);
  }

  function num(v) {
    return v == null ? '—' : Number(v).toLocaleString('zh-CN');
  }

  function minutes(v) {
    if (v == null) return '—';
    if (v < 1) return '不足 1 分钟';
    if (v < 60) return (Math.round(v * 10) / 10) + ' 分钟';
    return (Math.round(v / 6) / 10) + ' 小时';
  }

  function hours(v) {
    if (v == null) return '—';
    if (v < 0.1) return '不足 0.1 小时';
    if (v < 48) return (Math.round(v * 10) / 10) + ' 小时';
    return (Math.round(v / 2.4) / 10) + ' 天';
  }

  /** Today in the county, "2026-11-25". */
  function today() {
    var p = partsIn(new Date(), { year: 'numeric', month: '2-digit', day: '2-digit' });
    return p.year + '-' + p.month + '-' + p.day;
  }

  function formatDue(iso) {
    if (!iso) return '—';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    var p = partsIn(d, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    return p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  function clock() {
    var p = partsIn(new Date(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    return p.hour + ':' + p.minute + ':' + p.second;
  }

  // ISO dates as plain day arithmetic (UTC noon avoids any DST edge)
  function toDay(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12)) : null;
  }

  function fromDay(d) {
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
  }

  function monthStart(day, deltaMonths) {
    var d = toDay(day);
    return fromDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (deltaMonths || 0), 1, 12)));
  }

  function monthEnd(day) {
    var d = toDay(day);
    return fromDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12)));
  }

  /** The months "2026-01" … that the range touches, in order. */
  function monthsOf(from, to) {
    var list = [];
    var cur = monthStart(from);
    var last = to.slice(0, 7);
    while (cur.slice(0, 7) <= last && list.length < 60) {
      list.push(cur.slice(0, 7));
      cur = monthStart(cur, 1);
    }
    return list;
  }

  // ------------------------------------------------------------------------------------------------
  // authentication: a server session (HttpOnly cookie) opened with the password once; the page keeps
  // only the user name and the session's CSRF token, never the password.

  // Earlier versions kept the Basic credentials in this tab's storage: forget them.
  try { sessionStorage.removeItem(AUTH_KEY); } catch (e) { /* storage unavailable */ }

  var auth = null;
  var client = S.client(function () { return auth; });
  var SESSION_CALL = { timeout: 0 }; // the session's own calls wait as long as the server takes

  function AuthError(status) {
    this.name = 'AuthError';
    this.status = status;
    this.message = status === 403 ? '该账号无权查看统计数据' : '需要登录';
  }

  function ApiError(status, problem) {
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    var p = problem || {};
    this.message = [p.title, p.detail].filter(Boolean).join('：') || ('服务器返回 ' + status);
  }

  /**
   * A failure of the kit's request as this page's: an AuthError for the statuses `authStatuses`, an
   * ApiError with its problem for any other refusal, an Error marked network without an answer.
   */
  function pageError(err, authStatuses) {
    if (!(err instanceof S.ApiError)) return err;
    if (!err.status) {
      var e = new Error(err.timedOut ? '服务器响应超时' : '无法连接服务器，请检查网络');
      e.network = true;
      return e;
    }
    return authStatuses.indexOf(err.status) >= 0 ? new AuthError(err.status) : new ApiError(err.status, err.problem);
  }

  /**
   * GET from the API in the staff session (options: accept, raw, timeout). A 401 or 403 is an AuthError
   * (the login again, or no right to the statistics), any other refusal an ApiError.
   */
  function get(path, options) {
    return client.request('GET', path, options).catch(function (err) { throw pageError(err, [401, 403]); });
  }

  /**
   * POST to the API in the staff session, with the session's CSRF token; answers null (the inbox's
   * writes answer 204). A 401 is an AuthError (the login again); any other refusal an ApiError with its
   * problem (a 403 /problems/csrf when the token is not the session's).
   */
  function post(path, options) {
    options = options || {};
    return client.request('POST', path, { keepalive: !!options.keepalive, timeout: options.timeout })
      .then(function () { return null; }, function (err) { throw pageError(err, [401]); });
  }

  var reloginShown = false;
  function handleError(err, msgId) {
    if (err instanceof AuthError) {
      if (err.status === 401) {
        if (!reloginShown) {
          reloginShown = true;
          auth = null;
          showLogin('登录已失效或账号密码有误，请重新登录。');
        }
        return;
      }
    }
    if (msgId) message(msgId, '加载失败：' + (err && err.message ? err.message : err), true);
    if (window.console) console.error(err);
  }

  function showLogin(note) {
    inbox.stop();
    $('dash').hidden = true;
    $('who').hidden = true;
    $('login-view').hidden = false;
    message('login-msg', note || '', true);
    login.prepare(lastUser);
    document.title = '登录 · 联户指挥看板';
  }

  var lastUser = '';

  function showDashboard() {
    reloginShown = false;
    lastUser = auth.user;
    $('login-view').hidden = true;
    $('dash').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = auth.user;
    document.title = '联户 · 指挥看板';
    inbox.start(auth.user); // loadAll, which follows, asks for the count
  }

  var login = S.loginForm({
    form: $('login-form'),
    user: $('l-user'),
    password: $('l-pass'),
    button: $('login-btn'),
    say: function (text, failed) { message('login-msg', text, failed ? true : undefined); },
    signIn: function (user, password) {
      return client.openSession(user, password, SESSION_CALL)
        .catch(function (err) {
          if (!(err instanceof S.ApiError)) throw err;
          throw err.status === 401 ? new AuthError(401) : err.status ? new ApiError(err.status, null) : new Error(err.message);
        })
        .then(function (opened) {
          auth = opened;
          targetsLoaded = null;
          // Signed in, but may this account see statistics?
          return get('stats/mediation?from=' + today() + '&to=' + today());
        })
        .catch(function (err) {
          if (err instanceof AuthError) {
            if (err.status === 403) client.closeSession(SESSION_CALL);
            auth = null;
          }
          throw err;
        });
    },
    signedIn: function () {
      showDashboard();
      loadAll();
    },
    failText: function (err) {
      if (!(err instanceof AuthError)) return '登录失败：' + err.message;
      return err.status === 403 ? '该账号无权查看统计数据。' : S.WRONG_PASSWORD;
    }
  });

  $('logout').addEventListener('click', function () {
    client.closeSession(SESSION_CALL);
    auth = null;
    $('l-user').value = '';
    showLogin('已退出。');
    $('login-msg').classList.remove('error');
  });

  // ------------------------------------------------------------------------------------------------
  // range

  var rangeFrom = $('r-from');
  var rangeTo = $('r-to');

  function setPreset(preset) {
    var t = today();
    var from = preset === 'month' ? monthStart(t)
      : preset === '3m' ? monthStart(t, -2)
        : preset === 'year' ? t.slice(0, 4) + '-01-01'
          : monthStart(t, -11);
    rangeFrom.value = from;
    rangeTo.value = t;
    Array.prototype.forEach.call(document.querySelectorAll('.presets .chip'), function (c) {
      c.classList.toggle('active', c.dataset.preset === preset);
    });
  }

  document.querySelector('.presets').addEventListener('click', function (e) {
    var chip = e.target.closest('[data-preset]');
    if (!chip) return;
    setPreset(chip.dataset.preset);
    loadAll();
  });

  [rangeFrom, rangeTo].forEach(function (input) {
    input.addEventListener('change', function () {
      Array.prototype.forEach.call(document.querySelectorAll('.presets .chip'), function (c) {
        c.classList.remove('active');
      });
    });
  });

  $('range-form').addEventListener('submit', function (e) {
    e.preventDefault();
    loadAll();
  });

  function range() {
    var from = rangeFrom.value;
    var to = rangeTo.value;
    if (!toDay(from) || !toDay(to)) return { error: '请选择起止日期。' };
    if (from > to) return { error: '起始日期不能晚于结束日期。' };
    return { from: from, to: to, query: 'from=' + from + '&to=' + to };
  }

  // ------------------------------------------------------------------------------------------------
  // loading

  var generation = 0;
  var lastLoad = 0;
  var names = { street: {}, community: {}, department: {}, category: S.categoryNames };
  var openCases = [];
  var lightFilter = '';
  var loadCategories = S.loadCategories; // into names.category

  var targetsLoaded = null;

  /** The targets, asked once per login; never fails: without an answer the defaults stay. */
  function loadTargets() {
    if (!targetsLoaded) {
      targetsLoaded = get('stats/targets', { timeout: 10000 })
        .then(function (t) {
          Object.keys(DEFAULT_TARGETS).forEach(function (k) {
            if (t && typeof t[k] === 'number' && t[k] >= 0 && t[k] <= 1) targets[k] = t[k];
          });
        })
        .catch(function (err) {
          targetsLoaded = null; // asked again with the next load; a 401 is the other requests' to report
          if (!(err instanceof AuthError) && window.console) console.error(err);
        });
    }
    return targetsLoaded;
  }

  function remember(kind, code, name) {
    if (code && name) names[kind][code] = name;
  }

  function loadAll() {
    inbox.refresh(); // the header's 消息 badge, with every load
    var r = range();
    if (r.error) {
      message('range-msg', r.error, true);
      return;
    }
    message('range-msg', '');
    lastLoad = Date.now();
    var gen = ++generation;
    var current = function () { return gen === generation && auth; };
    $('kpi-range').textContent = r.from + ' 至 ' + r.to;
    ['kpis-msg', 'trends-msg', 'table-msg', 'ranking-msg', 'open-msg', 'heat-msg', 'cc-msg'].forEach(function (id) { message(id, ''); });
    document.body.setAttribute('aria-busy', 'true');

    var targetsReady = loadTargets();
    var months = monthsOf(r.from, r.to);
    var streetAll = get('stats/kpis?groupBy=street&period=all&' + r.query);
    var streetMonthly = get('stats/kpis?groupBy=street&period=month&' + r.query);
    var mediation = get('stats/mediation?' + r.query);
    var ranking = get('stats/departments/ranking?' + r.query);
    var hotspots = get('stats/hotspots?' + r.query);
    var open = get('stats/open-cases?limit=' + OPEN_LIMIT);
    var copied = get('staff/cases/copied?page=0&size=' + COPIED_LIMIT);
    var mediationMonthly = Promise.all(months.map(function (m) {
      var start = m + '-01';
      var end = monthEnd(start);
      var from = start < r.from ? r.from : start;
      var to = end > r.to ? r.to : end;
      return get('stats/mediation?from=' + from + '&to=' + to).then(function (res) { return { month: m, res: res }; });
    }));

    var rangeError = function (err) {
      // A refused range (e.g. longer than three years) belongs next to the range.
      if (err instanceof ApiError && err.status === 400) {
        message('range-msg', err.message, true);
        return true;
      }
      return false;
    };

    Promise.all([streetAll, mediation, open, targetsReady]).then(function (res) {
      if (!current()) return;
      res[0].forEach(function (k) { remember('street', k.group, k.groupName); });
      renderHeadline(res[0], res[1], res[2]);
    }).catch(function (err) { if (current() && !rangeError(err)) handleError(err, 'kpis-msg'); });

    Promise.all([streetMonthly, mediationMonthly, targetsReady]).then(function (res) {
      if (current()) renderTrends(months, res[0], res[1]);
    }).catch(function (err) { if (current() && !rangeError(err)) handleError(err, 'trends-msg'); });

    loadTable(gen, targetsReady);
    loadUnitKpis();
    loadPool(streetAll);
    loadHeadKpis(streetAll);

    Promise.all([ranking, targetsReady]).then(function (res) {
      if (!current()) return;
      res[0].forEach(function (d) { remember('department', d.department, d.departmentName); });
      renderRanking(res[0]);
    }).catch(function (err) { if (current() && !rangeError(err)) handleError(err, 'ranking-msg'); });

    Promise.all([hotspots, loadCategories()]).then(function (res) {
      if (!current()) return;
      res[0].forEach(function (h) { remember('community', h.communityCode, h.communityName); });
      renderHeat(res[0]);
    }).catch(function (err) { if (current() && !rangeError(err)) handleError(err, 'heat-msg'); });

    // The open cases carry codes only; their names come from the other answers.
    var namesReady = Promise.all([streetAll, ranking, hotspots, loadCategories()].map(function (p) {
      return p.catch(function () { return null; });
    }));
    Promise.all([open, namesReady]).then(function (res) {
      if (!current()) return;
      openCases = res[0];
      renderOpenCases();
    }).catch(function (err) { if (current()) handleError(err, 'open-msg'); });

    // The copied cases name their handling office by its group; the open cases (if listed) name its department.
    Promise.all([copied, namesReady, open.catch(function () { return null; })]).then(function (res) {
      if (current()) renderCopied(res[0], res[2]);
    }).catch(function (err) { if (current()) copiedError(err); });

    Promise.all([streetAll, streetMonthly, mediation, ranking, hotspots, open, mediationMonthly, copied].map(function (p) {
      return p.catch(function () { return null; });
    })).then(function () {
      if (gen !== generation) return;
      document.body.removeAttribute('aria-busy');
      $('updated').textContent = '数据更新于 ' + clock();
    });
  }

  function loadTable(gen, targetsReady) {
    var r = range();
    if (r.error) return;
    gen = gen || generation;
    var groupBy = $('group-by').value;
    var table = $('kpi-table');
    table.setAttribute('aria-busy', 'true');
    Promise.all([get('stats/kpis?groupBy=' + encodeURIComponent(groupBy) + '&period=all&' + r.query), targetsReady || loadTargets()])
      .then(function (res) {
        var rows = res[0];
        if (gen !== generation || groupBy !== $('group-by').value) return;
        if (groupBy === 'street' || groupBy === 'community' || groupBy === 'department') {
          rows.forEach(function (k) { remember(groupBy, k.group, k.groupName); });
        }
        message('table-msg', '');
        renderTable(groupBy, rows);
      })
      .catch(function (err) {
        if (gen === generation) handleError(err, 'table-msg');
      })
      .then(function () { table.removeAttribute('aria-busy'); });
  }

  $('group-by').addEventListener('change', function () { loadTable(); });

  // ------------------------------------------------------------------------------------------------
  // headline

  var COUNTERS = ['reported', 'rejected', 'dueToRespond', 'respondedInTime', 'closed', 'resolved', 'rated', 'satisfied',
    'overdue', 'reopens', 'reopenedCases', 'extended', 'returns', 'dispatched', 'officeRespondedInTime', 'handledInTime'];

  /**
   * The rows' counters summed and the rates recomputed as the API defines them (docs/kpis.md): response =
   * responded in time / due to respond, resolution = resolved / closed with a handling outcome,
   * satisfaction = satisfied or basically satisfied / rated.
   */
  function total(rows) {
    var t = {};
    COUNTERS.forEach(function (k) { t[k] = 0; });
    rows.forEach(function (row) {
      COUNTERS.forEach(function (k) { t[k] += Number(row[k]) || 0; });
    });
    t.responseRate = rate(t.respondedInTime, t.dueToRespond);
    t.resolutionRate = rate(t.resolved, t.closed);
    t.satisfactionRate = rate(t.satisfied, t.rated);
    return t;
  }

  function setKpi(id, value, sub, target) {
    var card = $(id);
    var level = rateLevel(value, target);
    card.querySelector('.kpi-value').textContent = pct(value);
    card.querySelector('.kpi-sub').textContent = sub;
    card.querySelector('.kpi-target').textContent = targetText(target);
    card.setAttribute('data-target', target);
    if (value == null) card.removeAttribute('data-value');
    else card.setAttribute('data-value', value);
    card.title = '达到目标（≥ ' + pct(target) + '）为绿色，低于目标 10 个百分点以内为黄色，再低为红色';
    card.classList.remove('good', 'fair', 'poor', 'none');
    card.classList.add(level || 'none');
  }

  function renderHeadline(rows, mediation, open) {
    var t = total(rows);
    setKpi('kpi-response', t.responseRate, '时限内响应 ' + num(t.respondedInTime) + ' / 应响应 ' + num(t.dueToRespond),
      targets.response);
    setKpi('kpi-resolution', t.resolutionRate, '已解决 ' + num(t.resolved) + ' / 结案 ' + num(t.closed), targets.resolution);
    setKpi('kpi-satisfaction', t.satisfactionRate, '满意及基本满意 ' + num(t.satisfied) + ' / 评价 ' + num(t.rated),
      targets.satisfaction);
    var m = mediation || {};
    setKpi('kpi-mediation', m.successRate == null ? null : m.successRate,
      '达成协议 ' + num(m.agreed || 0) + ' / 调解结束 ' + num(m.decided || 0), targets.mediation);

    var lights = { red: 0, yellow: 0, green: 0 };
    (open || []).forEach(function (c) { if (lights[c.light] != null) lights[c.light]++; });
    var counts = clear($('counts'));
    [
      ['reported', '上报', t.reported], ['rejected', '不予受理', t.rejected], ['closed', '结案', t.closed],
      ['resolved', '已解决', t.resolved], ['rated', '已评价', t.rated],
      ['overdue', '超期', t.overdue, t.overdue > 0], ['reopens', '重办', t.reopens, t.reopens > 0],
      ['extended', '延期', t.extended, false, '处置时限经批准延长的事件'], ['returns', '退单', t.returns, false, '承办单位退回的次数'],
      ['open', '当前在办', (open || []).length], ['red', '其中红灯', lights.red, lights.red > 0]
    ].forEach(function (c) {
      counts.appendChild(el('span', { className: 'count' + (c[3] ? ' alert' : ''), 'data-count': c[0], title: c[4] || null },
        [c[1], el('b', { text: num(c[2]) })]));
    });
  }

  // ------------------------------------------------------------------------------------------------
  // trends: one small line chart per KPI, by month

  function renderTrends(months, monthlyRows, mediationMonthly) {
    var byMonth = {};
    months.forEach(function (m) { byMonth[m] = []; });
    monthlyRows.forEach(function (row) { if (byMonth[row.period]) byMonth[row.period].push(row); });
    var totals = months.map(function (m) { return total(byMonth[m]); });
    var mediation = {};
    mediationMonthly.forEach(function (x) { mediation[x.month] = x.res || {}; });

    var charts = [
      { title: '按时响应率', color: '#0f6e66', target: targets.response, points: months.map(function (m, i) {
        var t = totals[i];
        return { key: m, value: t.responseRate, detail: '时限内响应 ' + t.respondedInTime + ' / 应响应 ' + t.dueToRespond };
      }) },
      { title: '解决率', color: '#1565c0', target: targets.resolution, points: months.map(function (m, i) {
        var t = totals[i];
        return { key: m, value: t.resolutionRate, detail: '已解决 ' + t.resolved + ' / 结案 ' + t.closed };
      }) },
      { title: '群众满意率', color: '#2e7d32', target: targets.satisfaction, points: months.map(function (m, i) {
        var t = totals[i];
        return { key: m, value: t.satisfactionRate, detail: '满意及基本满意 ' + t.satisfied + ' / 评价 ' + t.rated };
      }) },
      { title: '矛盾调解成功率', color: '#8e24aa', target: targets.mediation, points: months.map(function (m) {
        var x = mediation[m] || {};
        return { key: m, value: x.successRate == null ? null : x.successRate,
          detail: '达成协议 ' + (x.agreed || 0) + ' / 调解结束 ' + (x.decided || 0) };
      }) }
    ];
    var box = clear($('trends'));
    charts.forEach(function (c) {
      var last = null;
      c.points.forEach(function (p) { if (p.value != null) last = p; });
      var level = last ? rateLevel(last.value, c.target) : null;
      box.appendChild(el('figure', { className: 'card chart-card', 'data-target': c.target }, [
        el('h3', null, [
          el('span', { text: c.title }),
          el('span', { className: 'last' + (level ? ' rate-' + level : ''),
            title: last ? targetText(c.target) : null,
            text: last ? last.key.slice(5).replace(/^0/, '') + '月 ' + pct(last.value) : '—' })
        ]),
        lineChart(c.title, c.points, c.color, c.target)
      ]));
    });
  }

  /** A line chart of rates (0..1) over months; null values leave gaps. */
  function lineChart(title, points, color, target) {
    var W = 320;
    var H = 170;
    var L = 38;
    var R = 12;
    var T = 14;
    var B = 34;
    var pw = W - L - R;
    var ph = H - T - B;
    var n = points.length;
    var x = function (i) { return n === 1 ? L + pw / 2 : L + (pw * i) / (n - 1); };
    var y = function (v) { return T + (1 - Math.max(0, Math.min(1, v))) * ph; };
    var described = points.map(function (p) { return p.key + ' ' + pct(p.value); }).join('，');
    var chart = svg('svg', {
      className: 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img',
      'aria-label': title + '月度趋势：' + described + (typeof target === 'number' ? '；' + targetText(target) : '')
    });

    [0, 0.25, 0.5, 0.75, 1].forEach(function (v) {
      chart.appendChild(svg('line', { className: 'grid', x1: L, x2: W - R, y1: y(v), y2: y(v) }));
      if (v % 0.5 === 0) {
        chart.appendChild(svg('text', { className: 'axis-label', x: L - 6, y: y(v) + 4, 'text-anchor': 'end', text: (v * 100) + '%' }));
      }
    });

    // The target: a dashed line, its figure under its left end (values that meet it lie above).
    if (typeof target === 'number') {
      chart.appendChild(svg('line', { className: 'target', x1: L, x2: W - R, y1: y(target), y2: y(target) }));
      chart.appendChild(svg('text', { className: 'target-label', x: L + 4, y: y(target) + 11, 'text-anchor': 'start',
        text: targetText(target) }));
    }

    var every = Math.max(1, Math.ceil(n / 6));
    points.forEach(function (p, i) {
      if (i % every !== 0 && i !== n - 1) return;
      if (i !== n - 1 && n - 1 - i < every && i % every === 0 && i !== 0) return; // keep the last label clear
      var month = Number(p.key.slice(5));
      var label = svg('text', { className: 'axis-label', x: x(i), y: H - B + 16, 'text-anchor': 'middle' });
      label.appendChild(svg('tspan', { x: x(i), text: month + '月' }));
      if (i === 0 || month === 1) label.appendChild(svg('tspan', { x: x(i), dy: 13, text: p.key.slice(0, 4) }));
      chart.appendChild(label);
    });

    // contiguous runs of known values
    var runs = [];
    var run = [];
    points.forEach(function (p, i) {
      if (p.value == null) {
        if (run.length) runs.push(run);
        run = [];
      } else {
        run.push(i);
      }
    });
    if (run.length) runs.push(run);

    runs.forEach(function (r) {
      if (r.length < 2) return;
      var d = r.map(function (i, k) { return (k ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(points[i].value).toFixed(1); }).join(' ');
      var area = d + ' L' + x(r[r.length - 1]).toFixed(1) + ' ' + y(0) + ' L' + x(r[0]).toFixed(1) + ' ' + y(0) + ' Z';
      chart.appendChild(svg('path', { className: 'area', d: area, fill: color }));
      chart.appendChild(svg('path', { className: 'line', d: d, stroke: color }));
    });

    var known = 0;
    points.forEach(function (p, i) {
      if (p.value == null) return;
      known++;
      var level = rateLevel(p.value, target);
      var dot = svg('circle', { className: 'pt', cx: x(i), cy: y(p.value), r: 4, fill: color,
        'data-level': level });
      dot.appendChild(svg('title', { text: p.key + '：' + pct(p.value) + '（' + p.detail + '）'
        + (typeof target === 'number' ? '，' + targetText(target) + (level === 'good' ? '，已达标' : '，未达标') : '') }));
      chart.appendChild(dot);
    });

    if (!known) {
      chart.appendChild(svg('text', { className: 'empty', x: L + pw / 2, y: T + ph / 2 + 4, 'text-anchor': 'middle', text: '区间内暂无数据' }));
    }
    return chart;
  }

  // ------------------------------------------------------------------------------------------------
  // tables

  function cell(tag, content, className) {
    return el(tag, { className: className || null }, content);
  }

  /** A rate coloured against its target; `title` (optional) gives its counts. */
  function rateCell(v, target, title, col) {
    return el('td', { className: rateClass(v, target) || null, title: title || null, 'data-col': col || null, text: pct(v) });
  }

  function frac(part, whole) {
    return whole > 0 ? num(part) + ' / ' + num(whole) : null;
  }

  function emptyRow(table, cols, textValue) {
    var tbody = el('tbody');
    tbody.appendChild(el('tr', { className: 'empty-row' }, el('td', { colspan: cols, text: textValue })));
    table.appendChild(tbody);
  }

  function headRow(heads, leftCols) {
    return el('thead', null, el('tr', null, heads.map(function (h, i) {
      return el('th', { scope: 'col', className: (leftCols || [0]).indexOf(i) >= 0 ? 'left' : null, title: h[1] || null, text: h[0] });
    })));
  }

  function renderTable(groupBy, rows) {
    var table = clear($('kpi-table'));
    var heads = [
      [GROUP_LABEL[groupBy] || '单位'], ['上报'], ['不予受理'],
      ['按时响应率', '时限内响应 / 应响应；' + targetText(targets.response)],
      ['解决率', '已解决 / 结案（以四种处置结果之一结案）；' + targetText(targets.resolution)],
      ['满意率', '满意及基本满意 / 评价；' + targetText(targets.satisfaction)],
      ['平均响应'], ['平均处置'], ['超期'], ['重办'],
      ['延期', '处置时限经批准延长的事件'], ['退单', '承办单位退回的次数']
    ];
    table.appendChild(headRow(heads));
    if (!rows.length) {
      emptyRow(table, heads.length, '区间内暂无事件');
      return;
    }
    rows = rows.slice().sort(function (a, b) { return (b.reported || 0) - (a.reported || 0); });
    var tbody = el('tbody');
    rows.forEach(function (k) {
      tbody.appendChild(el('tr', { 'data-group': k.group || null }, [
        cell('th', k.groupName || k.group || '未确定', 'left'),
        cell('td', num(k.reported)),
        cell('td', num(k.rejected)),
        rateCell(k.responseRate, targets.response, frac(k.respondedInTime, k.dueToRespond), 'response'),
        rateCell(k.resolutionRate, targets.resolution, frac(k.resolved, k.closed), 'resolution'),
        rateCell(k.satisfactionRate, targets.satisfaction, frac(k.satisfied, k.rated), 'satisfaction'),
        cell('td', minutes(k.avgResponseMinutes)),
        cell('td', hours(k.avgHandlingHours)),
        cell('td', num(k.overdue), k.overdue > 0 ? 'rate-poor' : null),
        cell('td', num(k.reopens)),
        el('td', { 'data-col': 'extended', text: num(k.extended || 0) }),
        el('td', { 'data-col': 'returns', text: num(k.returns || 0) })
      ]));
    });
    table.appendChild(tbody);
    var t = total(rows);
    table.appendChild(el('tfoot', null, el('tr', null, [
      cell('td', '合计', 'left'), cell('td', num(t.reported)), cell('td', num(t.rejected)),
      rateCell(t.responseRate, targets.response, frac(t.respondedInTime, t.dueToRespond), 'response'),
      rateCell(t.resolutionRate, targets.resolution, frac(t.resolved, t.closed), 'resolution'),
      rateCell(t.satisfactionRate, targets.satisfaction, frac(t.satisfied, t.rated), 'satisfaction'),
      cell('td', ''), cell('td', ''), cell('td', num(t.overdue)), cell('td', num(t.reopens)),
      el('td', { 'data-col': 'extended', text: num(t.extended) }), el('td', { 'data-col': 'returns', text: num(t.returns) })
    ])));
  }

  function renderRanking(rows) {
    var table = clear($('ranking'));
    var heads = [
      ['排名'], ['部门'], ['得分'],
      ['部门响应率', '部门所属处置单位在响应时限内签收、退回或反馈的比例；' + targetText(targets.officeResponse)],
      ['按时办结率', '在处置时限内办结的比例；' + targetText(targets.handledInTime)],
      ['退单率', '退单次数 / 事件数'],
      ['退单被驳回', '经中心审核驳回、仍由本部门办理的退单'],
      ['重办率', '被要求重办的事件 / 派至本部门的事件'],
      ['满意率', '满意及基本满意 / 评价；' + targetText(targets.satisfaction)],
      ['事件数', '本部门接收的事件（含退回后由中心改派的）']
    ];
    table.appendChild(headRow(heads, [1, 2]));
    if (!rows.length) {
      emptyRow(table, heads.length, '区间内暂无职能部门办理的事件');
      return;
    }
    var tbody = el('tbody');
    rows.forEach(function (d) {
      var score = Math.max(0, Math.min(100, Number(d.score) || 0));
      var returns = Number(d.returns) || 0;
      tbody.appendChild(el('tr', { 'data-department': d.department }, [
        el('td', { 'data-col': 'rank' }, el('span', { className: 'rank-badge' + (d.rank <= 3 ? ' rank-' + d.rank : ''), text: d.rank })),
        el('td', { className: 'left', 'data-col': 'department', text: d.departmentName || d.department }),
        el('td', { className: 'left', 'data-col': 'score' }, el('span', { className: 'score' }, [
          el('span', { className: 'score-bar', 'aria-hidden': 'true' }, el('i', { style: 'width:' + score + '%' })),
          el('b', { text: (Math.round(score * 10) / 10).toFixed(1) })
        ])),
        rateCell(d.officeResponseRate, targets.officeResponse, null, 'officeResponse'),
        rateCell(d.handledInTimeRate, targets.handledInTime, null, 'handledInTime'),
        el('td', { 'data-col': 'returnRate', title: '退单 ' + returns + ' 次 / 事件 ' + num(d.cases) + ' 件' }, [
          pct(d.returnRate), el('span', { className: 'muted small frac', text: returns + ' 次' })
        ]),
        el('td', { 'data-col': 'upheldReturns', className: d.upheldReturns > 0 ? 'rate-poor' : null, text: num(d.upheldReturns || 0) }),
        el('td', { 'data-col': 'reopenRate', className: d.reopenRate > 0.1 ? 'rate-poor' : null, text: pct(d.reopenRate) }),
        rateCell(d.satisfactionRate, targets.satisfaction, null, 'satisfaction'),
        el('td', { 'data-col': 'cases', text: num(d.cases) })
      ]));
    });
    table.appendChild(tbody);
  }

  // ------------------------------------------------------------------------------------------------
  // 联户工作: the liaison heads' KPIs of a month (GET /api/stats/unit-kpis) with the visit coverage's
  // light; a street drills down to its communities (streetCode).

  var UNIT_LEVEL = { street: '街道', community: '社区（村）', grid: '网格', unit: '联户单元' };
  var COVERAGE_LIGHT = { green: '全覆盖', yellow: '达到目标', red: '未达目标' };
  var COVERAGE_TARGET = 0.9; // until the server has said its own
  var ukGeneration = 0;
  var ukScope = null; // the street drilled into: { code, name }

  function thisMonth() {
    return today().slice(0, 7);
  }

  function validMonth(s) {
    var m = /^(\d{4})-(\d{2})$/.exec(s || '');
    return !!m && +m[2] >= 1 && +m[2] <= 12;
  }

  /** A coverage as a percentage; only a complete coverage reads 100% (999 of 1,000 is 99.9%). */
  function coveragePct(v) {
    if (v == null || isNaN(v)) return '—';
    return v < 1 && v >= 0.9995 ? '99.9%' : pct(v);
  }

  function oneDecimal(v) {
    return v == null || isNaN(v) ? '—' : (Math.round(v * 10) / 10).toFixed(1);
  }

  function lightText(light, target) {
    var t = pct(target);
    return light === 'green' ? '绿灯：全覆盖（100%）'
      : light === 'yellow' ? '黄灯：达到目标（≥ ' + t + '）'
        : '红灯：未达目标（< ' + t + '）';
  }

  function renderLegend(target) {
    $('uk-target').textContent = '走访覆盖目标 ' + pct(target) + '，全覆盖为绿灯';
    var legend = clear($('uk-legend'));
    ['green', 'yellow', 'red'].forEach(function (light) {
      legend.appendChild(el('li', null, [el('i', { className: 'dot ' + light, 'aria-hidden': 'true' }), lightText(light, target)]));
    });
  }

  function renderScope() {
    $('uk-scope').hidden = !ukScope;
    $('uk-scope-name').textContent = ukScope ? ukScope.name : '';
    $('uk-drill-hint').hidden = !!ukScope || $('uk-group').value !== 'street';
  }

  function loadUnitKpis() {
    var gen = ++ukGeneration;
    var month = $('uk-month').value.trim();
    var groupBy = $('uk-group').value;
    var table = $('unit-kpi-table');
    if (!validMonth(month)) {
      message('uk-msg', '请选择月份（格式如 ' + thisMonth() + '）。', true);
      table.removeAttribute('aria-busy');
      return;
    }
    message('uk-msg', '');
    renderScope();
    table.setAttribute('aria-busy', 'true');
    get('stats/unit-kpis?groupBy=' + encodeURIComponent(groupBy) + '&month=' + encodeURIComponent(month)
      + (ukScope ? '&streetCode=' + encodeURIComponent(ukScope.code) : ''))
      .then(function (res) {
        if (gen !== ukGeneration) return;
        if (!res || !Array.isArray(res.rows)) throw new Error('服务器返回的数据格式不正确');
        renderUnitKpis(res, groupBy);
      })
      .catch(function (err) {
        if (gen !== ukGeneration) return;
        // Do not leave another month's figures under a refused one.
        clear(table);
        $('uk-summary').textContent = '';
        handleError(err, 'uk-msg');
      })
      .then(function () { if (gen === ukGeneration) table.removeAttribute('aria-busy'); });
  }

  function renderUnitKpis(res, groupBy) {
    var target = typeof res.coverageTarget === 'number' ? res.coverageTarget : COVERAGE_TARGET;
    var level = UNIT_LEVEL[groupBy] || '单位';
    var rows = res.rows;
    var drillable = groupBy === 'street' && !ukScope;
    renderLegend(target);

    var reds = rows.filter(function (r) { return r.coverageLight === 'red'; }).length;
    var summary = clear($('uk-summary'));
    append(summary, [(res.month || '') + (ukScope ? ' · ' + ukScope.name : '') + ' · 共 ' + rows.length + ' 个' + level + '，',
      el('b', { className: reds ? 'uk-reds' : null, text: reds + ' 个未达标' })]);

    var table = clear($('unit-kpi-table'));
    table.appendChild(el('caption', { className: 'sr-only',
      text: (res.month || '') + ' 联户长指标，按' + level + (ukScope ? '（' + ukScope.name + '）' : '') }));
    // "|" marks where a narrow header may wrap (<wbr>); the headers otherwise keep their words whole.
    var heads = [
      [level, null],
      ['户数', '在册（未注销）住户数'],
      ['本月|已走访', '当月至少走访一次的住户数'],
      ['走访|覆盖率', '当月已走访户数 / 在册户数；目标 ' + pct(target) + '，全覆盖为绿灯'],
      ['信息收集|及时率', '按时报送的周报 / 应报周报（当月已结束的周 × 联户单元）'],
      ['联户内|事件', '当月上报、先由联户长处理的事件'],
      ['小事|不出户率', '联户长在联户内解决的事件 / 联户内事件'],
      ['满意率', '联户内事件中评价为满意的 / 已评价的'],
      ['联户长|平均响应|（小时）', '从上报到联户长作出处理的平均时间'],
      ['超时|转网格员', '联户长未在时限内处理、转由网格员办理的事件']
    ];
    table.appendChild(el('thead', null, el('tr', null, heads.map(function (h) {
      var parts = [];
      h[0].split('|').forEach(function (part, i) { if (i) parts.push(el('wbr')); parts.push(part); });
      return el('th', { scope: 'col', title: h[1] }, parts);
    }))));
    if (!rows.length) {
      emptyRow(table, heads.length, '暂无有在册住户的' + level);
      return;
    }

    var t = { households: 0, visited: 0, reportsDue: 0, reportsOnTime: 0, inUnitCases: 0, resolvedInUnit: 0, headTimedOut: 0 };
    var tbody = el('tbody');
    rows.forEach(function (r) {
      Object.keys(t).forEach(function (k) { t[k] += Number(r[k]) || 0; });
      var light = COVERAGE_LIGHT[r.coverageLight] ? r.coverageLight : null;
      var name = r.name || r.code || '未确定';
      var nameCell = el('th', { scope: 'row', className: 'left' });
      if (drillable && r.code) {
        nameCell.appendChild(el('button', { type: 'button', className: 'link-btn', 'data-street': r.code, 'data-name': name }, [
          name, el('span', { className: 'sr-only', text: '，查看其下各社区（村）' })
        ]));
      } else {
        nameCell.appendChild(el('span', { text: name }));
      }
      if (r.code && r.code !== name) nameCell.appendChild(el('span', { className: 'unit-code', text: r.code }));

      var coverage = el('td', { 'data-col': 'coverage', title: light ? lightText(light, target) : null });
      coverage.appendChild(el('span', { className: 'light' + (light ? ' ' + light : '') }, [
        light ? el('i', { className: 'dot ' + light, role: 'img', 'aria-label': lightText(light, target) }) : null,
        coveragePct(r.visitCoverage)
      ]));

      var timeliness = el('td', { 'data-col': 'timeliness', className: rateClass(r.reportTimeliness, targets.reportTimeliness) || null,
        title: r.reportsDue > 0 ? '按时报送 ' + num(r.reportsOnTime) + ' / 应报 ' + num(r.reportsDue) : '当月尚无到期的周报' }, [
        pct(r.reportTimeliness),
        r.reportsDue > 0 ? el('span', { className: 'muted small frac', text: num(r.reportsOnTime) + '/' + num(r.reportsDue) }) : null
      ]);

      tbody.appendChild(el('tr', {
        className: [light === 'red' ? 'row-red' : '', drillable ? 'drill' : ''].join(' ').trim() || null,
        'data-code': r.code, 'data-light': light, 'data-street': drillable ? r.code : null, 'data-name': drillable ? name : null
      }, [
        nameCell,
        el('td', { 'data-col': 'households', text: num(r.households) }),
        el('td', { 'data-col': 'visited', text: num(r.visited) }),
        coverage,
        timeliness,
        el('td', { 'data-col': 'cases', text: num(r.inUnitCases) }),
        el('td', { 'data-col': 'resolution', className: rateClass(r.inUnitResolutionRate, targets.inUnitResolution) || null,
          title: r.inUnitCases > 0 ? '联户内解决 ' + num(r.resolvedInUnit) + ' / 联户内事件 ' + num(r.inUnitCases) : null,
          text: pct(r.inUnitResolutionRate) }),
        el('td', { 'data-col': 'satisfaction', className: rateClass(r.satisfactionRate, targets.satisfaction) || null, text: pct(r.satisfactionRate) }),
        el('td', { 'data-col': 'response', text: oneDecimal(r.headResponseHours) }),
        el('td', { 'data-col': 'timedOut', className: r.headTimedOut > 0 ? 'rate-poor' : null, text: num(r.headTimedOut) })
      ]));
    });
    table.appendChild(tbody);

    // The total recomputes what the counts allow; satisfaction and response time need counts the rows do not carry.
    var due = rate(t.reportsOnTime, t.reportsDue);
    var resolution = rate(t.resolvedInUnit, t.inUnitCases);
    table.appendChild(el('tfoot', null, el('tr', null, [
      el('td', { className: 'left', text: '合计' }),
      el('td', { text: num(t.households) }),
      el('td', { text: num(t.visited) }),
      el('td', { text: coveragePct(rate(t.visited, t.households)) }),
      el('td', { className: rateClass(due, targets.reportTimeliness) || null }, [pct(due),
        t.reportsDue > 0 ? el('span', { className: 'muted small frac', text: num(t.reportsOnTime) + '/' + num(t.reportsDue) }) : null]),
      el('td', { text: num(t.inUnitCases) }),
      el('td', { className: rateClass(resolution, targets.inUnitResolution) || null, text: pct(resolution) }),
      el('td', { text: '' }),
      el('td', { text: '' }),
      el('td', { text: num(t.headTimedOut) })
    ])));
  }

  function drillInto(code, name) {
    ukScope = { code: code, name: name || code };
    $('uk-group').value = 'community';
    loadUnitKpis();
  }

  $('unit-kpi-table').addEventListener('click', function (e) {
    var row = e.target.closest('tr[data-street]');
    if (!row) return;
    drillInto(row.getAttribute('data-street'), row.getAttribute('data-name'));
    // Keep the keyboard where it was: on the list, now of the street's communities.
    if (e.target.closest('button')) $('uk-scope-clear').focus();
  });

  $('uk-scope-clear').addEventListener('click', function () {
    ukScope = null;
    $('uk-group').value = 'street';
    loadUnitKpis();
    $('uk-group').focus();
  });

  $('uk-group').addEventListener('change', function () {
    // 街道 is the whole county again; the other levels stay within the street drilled into.
    if (this.value === 'street') ukScope = null;
    loadUnitKpis();
  });

  $('uk-month').addEventListener('change', loadUnitKpis);
  $('uk-form').addEventListener('submit', function (e) {
    e.preventDefault();
    loadUnitKpis();
  });

  // ------------------------------------------------------------------------------------------------
  // 联户长备选库与岗位: each community's head posts, its vacancies and its reserve pool against the
  // target (GET /api/stats/reserve-pool), then the open posts (GET /api/staff/head-posts?open=true) of
  // each street, or of each community where the street's list is not the user's to read.

  var POOL_LIGHT = { green: '绿灯', red: '红灯' };
  var poolGeneration = 0;
  var poolRows = [];
  var vacancies = [];

  function showPoolRefused() {
    poolRows = [];
    vacancies = [];
    clear($('pool-table'));
    clear($('vacancies'));
    $('rp-summary').textContent = '';
    $('vac-count').textContent = '';
    $('rp-body').hidden = true;
    message('rp-note', '该账号无权查看联户长备选库与岗位（仅社区、街道和县级工作人员可查看）。', false);
  }

  /** Loads the pool and then the open posts; `streetNames` (the KPIs by street) names the streets. */
  function loadPool(streetNames) {
    var gen = ++poolGeneration;
    var table = $('pool-table');
    table.setAttribute('aria-busy', 'true');
    message('rp-msg', '');
    var named = (streetNames || Promise.resolve([])).then(function (rows) {
      (rows || []).forEach(function (k) { remember('street', k.group, k.groupName); });
    }, function () { /* the codes stand in for the names */ });
    return Promise.all([get('stats/reserve-pool'), named])
      .then(function (res) {
        if (gen !== poolGeneration) return null;
        if (!Array.isArray(res[0])) throw new Error('服务器返回的数据格式不正确');
        poolRows = res[0];
        poolRows.forEach(function (r) { remember('community', r.communityCode, r.communityName); });
        message('rp-note', '');
        $('rp-body').hidden = false;
        renderPool();
        return loadVacancies(gen, poolRows);
      })
      .catch(function (err) {
        if (gen !== poolGeneration) return;
        if (err instanceof AuthError && err.status === 403) {
          showPoolRefused();
          return;
        }
        // Do not leave an earlier answer under a failed one.
        poolRows = [];
        clear(table);
        $('rp-summary').textContent = '';
        message('rp-note', '');
        $('rp-body').hidden = false;
        handleError(err, 'rp-msg');
      })
      .then(function () { if (gen === poolGeneration) table.removeAttribute('aria-busy'); });
  }

  function openPosts(query) {
    return get('staff/head-posts?' + query + '&open=true');
  }

  function loadVacancies(gen, rows) {
    var streets = {};
    rows.forEach(function (r) {
      if (!r.streetCode || !r.communityCode) return;
      (streets[r.streetCode] = streets[r.streetCode] || []).push(r.communityCode);
    });
    var table = $('vacancies');
    table.setAttribute('aria-busy', 'true');
    message('vac-msg', '');
    return Promise.all(Object.keys(streets).map(function (street) {
      return openPosts('street=' + encodeURIComponent(street)).catch(function (err) {
        // A community's office reads its own community's posts, not its street's.
        if (!(err instanceof AuthError && err.status === 403)) throw err;
        return Promise.all(streets[street].map(function (c) { return openPosts('community=' + encodeURIComponent(c)); }))
          .then(function (lists) { return [].concat.apply([], lists); });
      });
    }))
      .then(function (lists) {
        if (gen !== poolGeneration) return;
        var seen = {};
        vacancies = [];
        lists.forEach(function (list) {
          (Array.isArray(list) ? list : []).forEach(function (p) {
            if (p && !seen[p.id]) {
              seen[p.id] = true;
              vacancies.push(p);
            }
          });
        });
        renderVacancies();
      })
      .catch(function (err) {
        if (gen !== poolGeneration) return;
        vacancies = [];
        clear(table);
        $('vac-count').textContent = '';
        if (err instanceof AuthError && err.status === 403) message('vac-msg', '该账号无权查看空缺岗位。', false);
        else handleError(err, 'vac-msg');
      })
      .then(function () { if (gen === poolGeneration) table.removeAttribute('aria-busy'); });
  }

  function streetName(code) {
    return names.street[code] || code || '未确定街道';
  }

  function poolGap(r) {
    return Math.max(0, (Number(r.target) || 0) - (Number(r.pool) || 0));
  }

  function byName(a, b) {
    return String(a).localeCompare(String(b), 'zh-CN');
  }

  function poolLightCell(r) {
    var light = POOL_LIGHT[r.light] ? r.light : null;
    var words = !light ? '—' : light === 'green' ? '绿灯：达到目标' : '红灯：差 ' + poolGap(r) + ' 人';
    return el('td', { 'data-col': 'light', className: 'left', title: light ? '备选库 ' + num(r.pool) + ' / 目标 ' + num(r.target) : null },
      light ? el('span', { className: 'light ' + light }, [el('i', { className: 'dot ' + light, 'aria-hidden': 'true' }), words]) : words);
  }

  function poolSums(rows) {
    var t = { posts: 0, vacant: 0, pool: 0, target: 0, reds: 0 };
    rows.forEach(function (r) {
      t.posts += Number(r.posts) || 0;
      t.vacant += Number(r.vacant) || 0;
      t.pool += Number(r.pool) || 0;
      t.target += Number(r.target) || 0;
      if (r.light === 'red') t.reds++;
    });
    return t;
  }

  function redsText(t, n) {
    return (t.reds ? t.reds + ' 个红灯' : '全部达标') + '（共 ' + n + ' 个）';
  }

  function renderPool() {
    var rows = poolRows.slice();
    var byGap = $('rp-sort').value === 'gap';
    var all = poolSums(rows);
    var summary = clear($('rp-summary'));
    append(summary, ['共 ' + rows.length + ' 个社区（村），',
      el('b', { className: all.reds ? 'uk-reds' : null, text: all.reds + ' 个备选库不足' }),
      '，空缺 ' + num(all.vacant) + ' 个岗位']);

    var table = clear($('pool-table'));
    table.appendChild(el('caption', { className: 'sr-only', text: '联户长备选库，按' + (byGap ? '缺口' : '街道') + '排列' }));
    var heads = [
      ['社区（村）', null],
      ['岗位数', '联户单元数，每个单元一名联户长'],
      ['空缺', '正在推选、公示或任命中的岗位'],
      ['备选库', '经考察合格、尚未任用的候选人'],
      ['目标（10%）', '岗位数的 10%，向上取整'],
      ['备选库灯', '备选库达到目标为绿灯，否则为红灯']
    ];
    table.appendChild(el('thead', null, el('tr', null, heads.map(function (h, i) {
      return el('th', { scope: 'col', className: i === 0 || i === heads.length - 1 ? 'left' : null, title: h[1], text: h[0] });
    }))));
    if (!rows.length) {
      emptyRow(table, heads.length, '暂无社区（村）的联户长岗位');
      return;
    }

    var communityRow = function (r, withStreet) {
      var light = POOL_LIGHT[r.light] ? r.light : null;
      var name = el('th', { scope: 'row', className: 'left' }, el('span', { text: r.communityName || r.communityCode || '未确定' }));
      if (withStreet) name.appendChild(el('span', { className: 'rp-street', text: streetName(r.streetCode) }));
      return el('tr', { className: light === 'red' ? 'row-red' : null, 'data-community': r.communityCode, 'data-light': light }, [
        name,
        el('td', { 'data-col': 'posts', text: num(r.posts) }),
        el('td', { 'data-col': 'vacant', className: r.vacant > 0 ? 'rp-vacant' : null, text: num(r.vacant) }),
        el('td', { 'data-col': 'pool', text: num(r.pool) }),
        el('td', { 'data-col': 'target', text: num(r.target) }),
        poolLightCell(r)
      ]);
    };

    if (byGap) {
      rows.sort(function (a, b) {
        return (a.light === 'red' ? 0 : 1) - (b.light === 'red' ? 0 : 1) || poolGap(b) - poolGap(a)
          || (Number(b.vacant) || 0) - (Number(a.vacant) || 0) || byName(a.communityName, b.communityName);
      });
      table.appendChild(el('tbody', null, rows.map(function (r) { return communityRow(r, true); })));
    } else {
      var streets = {};
      rows.forEach(function (r) { (streets[r.streetCode || ''] = streets[r.streetCode || ''] || []).push(r); });
      Object.keys(streets).sort(function (a, b) { return byName(streetName(a), streetName(b)); }).forEach(function (code) {
        var list = streets[code].sort(function (a, b) { return byName(a.communityName, b.communityName); });
        var t = poolSums(list);
        var tbody = el('tbody', { className: 'rp-group', 'data-street': code || null });
        tbody.appendChild(el('tr', { className: 'rp-street-row' }, [
          el('th', { scope: 'rowgroup', className: 'left', text: streetName(code) }),
          el('td', { text: num(t.posts) }),
          el('td', { text: num(t.vacant) }),
          el('td', { text: num(t.pool) }),
          el('td', { text: num(t.target) }),
          el('td', { className: 'left' + (t.reds ? ' rate-poor' : ''), text: redsText(t, list.length) })
        ]));
        list.forEach(function (r) { tbody.appendChild(communityRow(r, false)); });
        table.appendChild(tbody);
      });
    }

    table.appendChild(el('tfoot', null, el('tr', { 'data-total': 'true' }, [
      el('td', { className: 'left', text: '合计' }),
      el('td', { 'data-col': 'posts', text: num(all.posts) }),
      el('td', { 'data-col': 'vacant', text: num(all.vacant) }),
      el('td', { 'data-col': 'pool', text: num(all.pool) }),
      el('td', { 'data-col': 'target', text: num(all.target) }),
      el('td', { 'data-col': 'light', className: 'left' + (all.reds ? ' rate-poor' : ''), text: redsText(all, rows.length) })
    ])));
  }

  $('rp-sort').addEventListener('change', renderPool);

  /** "2026-12-10 22:30" in the county's time as an instant, for the time left. */
  function countyInstant(s) {
    var m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(s || '');
    return m ? m[1] + 'T' + m[2] + ':00+08:00' : null;
  }

  function renderVacancies() {
    var rows = vacancies.slice().sort(function (a, b) {
      return (a.overdue ? 0 : 1) - (b.overdue ? 0 : 1) || String(a.backfillDue || '').localeCompare(String(b.backfillDue || ''))
        || (a.id || 0) - (b.id || 0);
    });
    var overdue = rows.filter(function (p) { return p.overdue; }).length;
    append(clear($('vac-count')), ['共 ' + rows.length + ' 个',
      overdue ? el('b', { className: 'uk-reds', text: '，其中 ' + overdue + ' 个已超期' }) : null]);

    var table = clear($('vacancies'));
    var heads = ['联户单元', '街道 / 社区（村）', '状态', '空缺原因', '原联户长', '候选人', '空缺起始', '补充期限'];
    table.appendChild(el('thead', null, el('tr', null, heads.map(function (h) {
      return el('th', { scope: 'col', className: 'left', text: h });
    }))));
    if (!rows.length) {
      emptyRow(table, heads.length, '暂无空缺岗位');
      return;
    }
    var tbody = el('tbody');
    rows.forEach(function (p) {
      var candidates = Array.isArray(p.candidates) ? p.candidates.length : 0;
      var left = p.overdue ? '' : relative(countyInstant(p.backfillDue));
      var due = el('td', { 'data-col': 'due', className: 'left' }, [p.backfillDue || '—',
        p.overdue ? el('span', { className: 'overdue-flag', text: '已超期' })
          : left.indexOf('剩') === 0 ? el('span', { className: 'muted small', text: '　' + left }) : null]);
      tbody.appendChild(el('tr', { className: p.overdue ? 'row-red' : null, 'data-post': p.id, 'data-unit': p.unitCode,
        'data-overdue': p.overdue ? 'true' : 'false' }, [
        el('th', { scope: 'row', className: 'left' }, [el('span', { text: p.unitName || p.unitCode || '未确定' }),
          p.unitCode && p.unitCode !== p.unitName ? el('span', { className: 'unit-code', text: p.unitCode }) : null]),
        cell('td', [streetName(p.streetCode), p.communityName || p.communityCode].filter(Boolean).join(' / '), 'left'),
        cell('td', p.statusLabel || p.status || '—', 'left'),
        cell('td', p.reasonLabel || p.reason || '—', 'left'),
        cell('td', p.formerHeadName || '—', 'left'),
        el('td', { 'data-col': 'candidates', text: candidates + ' 人' }),
        cell('td', p.openedAt || '—', 'left'),
        due
      ]));
    });
    table.appendChild(tbody);
  }

  // ------------------------------------------------------------------------------------------------
  // 联户长队伍: the heads' KPIs of a year by community (GET /api/stats/head-kpis?year=…), grouped by
  // street with a county total: heads in post over posts, vacancy days, back-fill, turnover, the reserve
  // pool and training coverage with their lights, and the final grades of the year's quarters.

  var FIRST_YEAR = 2000; // the server's first year
  var GRADES = [['excellent', '优秀'], ['competent', '称职'], ['basic', '基本称职'], ['incompetent', '不称职']];
  var LIGHT_WORD = { green: '绿灯', yellow: '黄灯', red: '红灯' };
  var hkGeneration = 0;
  var hkRows = [];
  var hkYear = null;

  function thisYear() {
    return Number(today().slice(0, 4));
  }

  /** The years the server answers for, newest first; a page left open over New Year gains the new one. */
  function fillYears() {
    var select = $('hk-year');
    var newest = thisYear();
    var first = select.options.length ? Number(select.options[0].value) : null;
    if (first === newest) return;
    var chosen = select.value;
    clear(select);
    for (var y = newest; y >= FIRST_YEAR; y--) select.appendChild(el('option', { value: y, text: y + ' 年' }));
    // The year shown by default moves on to the new one; a year chosen stays.
    select.value = first === null || chosen === String(first) ? String(newest) : chosen;
  }

  /** Days with one decimal where it has one: 0, 12.5. */
  function days(v) {
    if (v == null || isNaN(v)) return '—';
    var s = (Math.round(v * 10) / 10).toFixed(1);
    return s.slice(-2) === '.0' ? s.slice(0, -2) : s;
  }

  function lightSpan(light, words) {
    return el('span', { className: 'light ' + light }, [el('i', { className: 'dot ' + light, 'aria-hidden': 'true' }),
      LIGHT_WORD[light] + '：' + words]);
  }

  /** A figure with its light beside it (dot and words), or just "—". */
  function litCell(col, value, light, words, title) {
    var ok = LIGHT_WORD[light] ? light : null;
    return el('td', { 'data-col': col, 'data-light': ok, className: 'left', title: title || null },
      el('span', { className: 'hk-lit' }, [el('span', { className: 'hk-num', text: value }), ok ? lightSpan(ok, words) : null]));
  }

  function turnoverWords(light) {
    return light === 'green' ? '达标' : '超过 10%';
  }

  function trainingWords(light) {
    return light === 'green' ? '全覆盖' : light === 'yellow' ? '达标' : '未达标';
  }

  function hkPoolGap(r) {
    return Math.max(0, (Number(r.poolTarget) || 0) - (Number(r.pool) || 0));
  }

  function poolWords(r) {
    return r.poolLight === 'green' ? '达标' : '差 ' + hkPoolGap(r) + ' 人';
  }

  function hkSums(rows) {
    var t = { posts: 0, headsInPost: 0, vacantNow: 0, vacancyDays: 0, filled: 0, chosenInTime: 0, backfillWeighted: 0,
      headsAtStart: 0, termsEnded: 0, pool: 0, poolTarget: 0, lights: { turnover: {}, pool: {}, training: {} }, grades: {} };
    rows.forEach(function (r) {
      ['posts', 'headsInPost', 'vacantNow', 'vacancyDays', 'filled', 'chosenInTime', 'headsAtStart', 'termsEnded', 'pool', 'poolTarget']
        .forEach(function (k) { t[k] += Number(r[k]) || 0; });
      if (r.backfillDays != null && r.filled > 0) t.backfillWeighted += r.backfillDays * r.filled;
      [['turnover', r.turnoverLight], ['pool', r.poolLight], ['training', r.trainingLight]].forEach(function (x) {
        if (LIGHT_WORD[x[1]]) t.lights[x[0]][x[1]] = (t.lights[x[0]][x[1]] || 0) + 1;
      });
      var g = r.grades || {};
      GRADES.forEach(function (grade) {
        if (g[grade[0]] != null) t.grades[grade[0]] = (t.grades[grade[0]] || 0) + (Number(g[grade[0]]) || 0);
      });
    });
    t.vacancyDays = Math.round(t.vacancyDays * 10) / 10;
    t.backfillDays = t.filled > 0 ? t.backfillWeighted / t.filled : null;
    t.turnover = rate(t.termsEnded, t.headsAtStart);
    return t;
  }

  /** "1 个红灯、2 个黄灯" / "全部绿灯" / "—" for the communities' lights of one kind. */
  function lightsText(counts) {
    var parts = ['red', 'yellow'].filter(function (l) { return counts[l]; }).map(function (l) { return counts[l] + ' 个' + LIGHT_WORD[l]; });
    if (parts.length) return parts.join('、');
    return counts.green ? '全部绿灯' : '—';
  }

  function hasRed(r) {
    return r.turnoverLight === 'red' || r.poolLight === 'red' || r.trainingLight === 'red';
  }

  function hkCells(r, sums) {
    // One row's cells after its name; `sums` marks a street's or the county's row, whose rates come from the sums.
    var staffRate = rate(Number(r.headsInPost) || 0, Number(r.posts) || 0);
    var cells = [
      el('td', { 'data-col': 'staffing', title: '在岗联户长 ' + num(r.headsInPost) + ' / 岗位 ' + num(r.posts),
        text: num(r.headsInPost) + '/' + num(r.posts) }),
      el('td', { 'data-col': 'staffRate', className: staffRate != null && staffRate < 1 ? 'rate-fair' : null, text: pct(staffRate) }),
      el('td', { 'data-col': 'vacancyDays' }, [days(r.vacancyDays),
        r.vacantNow > 0 ? el('span', { className: 'muted small frac', text: '现空缺 ' + num(r.vacantNow) }) : null]),
      el('td', { 'data-col': 'backfill', title: '7 日内确定人选 ' + num(r.chosenInTime) + ' / 已补充 ' + num(r.filled),
        text: num(r.chosenInTime) + ' / ' + num(r.filled) }),
      el('td', { 'data-col': 'backfillDays', text: days(r.backfillDays) })
    ];
    var turnoverTitle = '年内离任 ' + num(r.termsEnded) + ' / 年初在岗 ' + num(r.headsAtStart);
    var poolTitle = '备选库 ' + num(r.pool) + ' / 目标 ' + num(r.poolTarget);
    if (sums) {
      cells.push(el('td', { 'data-col': 'turnover', className: 'left', title: turnoverTitle },
        el('span', { className: 'hk-lit' }, [el('span', { className: 'hk-num', text: pct(r.turnover) }),
          el('span', { className: 'hk-count', text: lightsText(r.lights.turnover) })])));
      cells.push(el('td', { 'data-col': 'pool', className: 'left', title: poolTitle },
        el('span', { className: 'hk-lit' }, [el('span', { className: 'hk-num', text: num(r.pool) + '/' + num(r.poolTarget) }),
          el('span', { className: 'hk-count' + (r.lights.pool.red ? ' rate-poor' : ''), text: lightsText(r.lights.pool) })])));
      // The rows carry the communities' shares only, not the heads they count: no share over them.
      cells.push(el('td', { 'data-col': 'training', className: 'left', title: '合计行只列各灯的社区（村）数' },
        el('span', { className: 'hk-lit' }, [el('span', { className: 'hk-num', text: '—' }),
          el('span', { className: 'hk-count' + (r.lights.training.red ? ' rate-poor' : ''), text: lightsText(r.lights.training) })])));
    } else {
      cells.push(litCell('turnover', pct(r.turnover), r.turnoverLight, turnoverWords(r.turnoverLight),
        turnoverTitle + (r.turnover == null ? '（年初无在岗联户长）' : '')));
      cells.push(litCell('pool', num(r.pool) + '/' + num(r.poolTarget), r.poolLight, poolWords(r), poolTitle));
      cells.push(litCell('training', pct(r.trainingCoverage), r.trainingLight, trainingWords(r.trainingLight),
        r.trainingCoverage == null ? '年内无在岗联户长' : '年内参训联户长 / 年内在岗联户长'));
    }
    var grades = r.grades || {};
    GRADES.forEach(function (g) {
      cells.push(el('td', { 'data-col': 'grade-' + g[0], text: grades[g[0]] == null ? '—' : num(grades[g[0]]) }));
    });
    return cells;
  }

  function showHeadKpisRefused() {
    hkRows = [];
    clear($('head-kpi-table'));
    $('hk-summary').textContent = '';
    $('hk-body').hidden = true;
    message('hk-note', '该账号无权查看联户长队伍指标（仅社区、街道和县级工作人员可查看）。', false);
  }

  /** Loads the heads' KPIs of the chosen year; `streetNames` (the KPIs by street) names the streets. */
  function loadHeadKpis(streetNames) {
    fillYears();
    var gen = ++hkGeneration;
    var year = Number($('hk-year').value) || thisYear();
    var table = $('head-kpi-table');
    table.setAttribute('aria-busy', 'true');
    message('hk-msg', '');
    var named = (streetNames || Promise.resolve([])).then(function (rows) {
      (rows || []).forEach(function (k) { remember('street', k.group, k.groupName); });
    }, function () { /* the codes stand in for the names */ });
    return Promise.all([get('stats/head-kpis?year=' + year), named])
      .then(function (res) {
        if (gen !== hkGeneration) return;
        if (!Array.isArray(res[0])) throw new Error('服务器返回的数据格式不正确');
        hkRows = res[0];
        hkYear = year;
        message('hk-note', '');
        $('hk-body').hidden = false;
        renderHeadKpis();
      })
      .catch(function (err) {
        if (gen !== hkGeneration) return;
        if (err instanceof AuthError && err.status === 403) {
          showHeadKpisRefused();
          return;
        }
        // Do not leave another year's figures under a failed one.
        hkRows = [];
        clear(table);
        table.removeAttribute('data-year');
        $('hk-summary').textContent = '';
        message('hk-note', '');
        $('hk-body').hidden = false;
        handleError(err, 'hk-msg');
      })
      .then(function () { if (gen === hkGeneration) table.removeAttribute('aria-busy'); });
  }

  function renderHeadKpis() {
    var rows = hkRows.slice();
    var all = hkSums(rows);
    var reds = rows.filter(hasRed).length;
    append(clear($('hk-summary')), [hkYear + ' 年 · 共 ' + rows.length + ' 个社区（村），在岗 ' + num(all.headsInPost) + '/' + num(all.posts) + '，',
      el('b', { className: reds ? 'uk-reds' : null, text: reds + ' 个有红灯' })]);

    var table = clear($('head-kpi-table'));
    table.setAttribute('data-year', hkYear);
    table.appendChild(el('caption', { className: 'sr-only', text: hkYear + ' 年联户长队伍指标，按街道分组' }));
    var top = [
      ['社区（村）', 2, 1, null],
      ['岗位', 1, 2, null],
      ['空缺天数', 2, 1, '年内各岗位空缺的天数之和'],
      ['补充', 1, 2, null],
      ['流失率（目标 ≤ 10%）', 2, 1, '年内离任 / 年初在岗'],
      ['备选库 / 目标', 2, 1, '经考察合格、尚未任用的候选人；目标为岗位数的 10%，向上取整'],
      ['培训覆盖率（目标 ≥ 85%）', 2, 1, '年内参训联户长 / 年内在岗联户长'],
      ['考核等次（人次）', 1, 4, '年内各季度考核的最终等次']
    ];
    var sub = [
      ['在岗/岗位', '在岗联户长 / 岗位（联户单元数）'],
      ['在岗率', '在岗联户长 / 岗位'],
      ['7日内确定人选 / 已补充', '补充期限（空缺起 7 日）内确定并公示继任人选的岗位 / 年内任命到位的岗位'],
      ['平均补充天数', '年内补充的岗位从空缺到任命的平均天数']
    ].concat(GRADES.map(function (g) { return [g[1], null]; }));
    var cols = 13;
    table.appendChild(el('thead', null, [
      el('tr', null, top.map(function (h, i) {
        return el('th', { scope: h[2] > 1 ? 'colgroup' : 'col', rowspan: h[1] > 1 ? h[1] : null, colspan: h[2] > 1 ? h[2] : null,
          className: i === 0 || i === 4 || i === 5 || i === 6 ? 'left' : h[2] > 1 ? 'hk-group' : null, title: h[3], text: h[0] });
      })),
      el('tr', { className: 'hk-sub' }, sub.map(function (h) { return el('th', { scope: 'col', title: h[1], text: h[0] }); }))
    ]));
    if (!rows.length) {
      emptyRow(table, cols, '暂无社区（村）的联户长岗位');
      return;
    }

    var streets = {};
    rows.forEach(function (r) { (streets[r.streetCode || ''] = streets[r.streetCode || ''] || []).push(r); });
    Object.keys(streets).sort(function (a, b) { return byName(streetName(a), streetName(b)); }).forEach(function (code) {
      var list = streets[code].sort(function (a, b) { return byName(a.communityName, b.communityName); });
      var tbody = el('tbody', { className: 'rp-group', 'data-street': code || null });
      tbody.appendChild(el('tr', { className: 'rp-street-row' },
        [el('th', { scope: 'rowgroup', className: 'left', text: streetName(code) })].concat(hkCells(hkSums(list), true))));
      list.forEach(function (r) {
        tbody.appendChild(el('tr', { 'data-community': r.communityCode, 'data-red': hasRed(r) ? 'true' : null },
          [el('th', { scope: 'row', className: 'left' }, el('span', { text: r.communityName || r.communityCode || '未确定' }))]
            .concat(hkCells(r, false))));
      });
      table.appendChild(tbody);
    });

    table.appendChild(el('tfoot', null, el('tr', { 'data-total': 'true' },
      [el('td', { className: 'left', text: '合计' })].concat(hkCells(all, true)))));
  }

  $('hk-year').addEventListener('change', function () { loadHeadKpis(); });
  $('hk-form').addEventListener('submit', function (e) {
    e.preventDefault();
    loadHeadKpis();
  });

  // open cases with their lights
  document.querySelector('.filters').addEventListener('click', function (e) {
    var chip = e.target.closest('[data-light]');
    if (!chip) return;
    lightFilter = chip.dataset.light;
    Array.prototype.forEach.call(this.querySelectorAll('.chip'), function (c) {
      c.classList.toggle('active', c === chip);
      c.setAttribute('aria-pressed', c === chip ? 'true' : 'false');
    });
    renderOpenCases();
  });

  function renderOpenCases() {
    var counts = { red: 0, yellow: 0, green: 0 };
    openCases.forEach(function (c) { if (counts[c.light] != null) counts[c.light]++; });
    Object.keys(counts).forEach(function (k) { $('n-' + k).textContent = counts[k]; });
    $('open-count').textContent = '共 ' + openCases.length + ' 件' + (openCases.length >= OPEN_LIMIT ? '（仅显示前 ' + OPEN_LIMIT + ' 件）' : '');

    var rows = openCases.filter(function (c) { return !lightFilter || c.light === lightFilter; });
    rows.sort(function (a, b) {
      var la = LIGHT_ORDER[a.light] != null ? LIGHT_ORDER[a.light] : 3;
      var lb = LIGHT_ORDER[b.light] != null ? LIGHT_ORDER[b.light] : 3;
      if (la !== lb) return la - lb;
      var da = a.due ? new Date(a.due).getTime() : Infinity;
      var db = b.due ? new Date(b.due).getTime() : Infinity;
      return da - db;
    });

    var table = clear($('open-cases'));
    var heads = ['督办灯', '事件编号', '类别', '状态', '街道 / 社区', '承办部门', '时限', '查看'];
    table.appendChild(el('thead', null, el('tr', null, heads.map(function (h) {
      return el('th', { scope: 'col', className: 'left', text: h });
    }))));
    if (!rows.length) {
      emptyRow(table, heads.length, openCases.length ? '没有该灯色的在办事件' : '当前没有在办事件');
      return;
    }
    var tbody = el('tbody');
    rows.forEach(function (c) {
      var light = LIGHT[c.light] ? c.light : 'green';
      var place = [names.street[c.streetCode] || c.streetCode, names.community[c.communityCode] || c.communityCode]
        .filter(Boolean).join(' / ') || '未确定';
      var links = el('td', { className: 'left links' });
      if (c.cockpitLink) {
        links.appendChild(el('a', { href: c.cockpitLink, target: '_blank', rel: 'noopener', text: 'Cockpit' }));
      }
      links.appendChild(el('a', { href: '../camunda/app/tasklist/', target: '_blank', rel: 'noopener', text: 'Tasklist' }));
      var rel = relative(c.due);
      tbody.appendChild(el('tr', { className: light === 'red' ? 'row-red' : null, 'data-light': light }, [
        el('td', { className: 'left' }, el('span', { className: 'light ' + light }, [
          el('i', { className: 'dot ' + light, 'aria-hidden': 'true' }), LIGHT[light]
        ])),
        cell('td', c.caseNo, 'left case-no'),
        cell('td', names.category[c.category] || c.category, 'left'),
        cell('td', STATUS[c.status] || c.status, 'left'),
        cell('td', place, 'left'),
        cell('td', names.department[c.departmentCode] || c.departmentCode || '—', 'left'),
        el('td', { className: 'left' }, [formatDue(c.due), rel ? el('span', {
          className: 'muted small' + (rel.indexOf('已超') === 0 ? ' overdue-text' : ''), text: '　' + rel
        }) : null]),
        links
      ]));
    });
    table.appendChild(tbody);
  }

  // 抄送本部门: the cases copied to the user's office as the supervising department (GET /api/staff/cases/copied),
  // newest first, the first COPIED_LIMIT of them.
  function renderCopied(list, open) {
    list = Array.isArray(list) ? list : [];
    message('cc-msg', '');
    // The list names the handling office by its group; an open case's department comes from the open-case list.
    var departmentOf = {};
    (open || []).forEach(function (c) { if (c.caseNo && c.departmentCode) departmentOf[c.caseNo] = c.departmentCode; });
    var overdue = list.filter(function (c) { return c.overdue; }).length;
    append(clear($('cc-count')), ['共 ' + list.length + ' 件' + (list.length >= COPIED_LIMIT ? '（仅显示最新 ' + COPIED_LIMIT + ' 件）' : ''),
      overdue ? el('b', { className: 'uk-reds', text: '，其中 ' + overdue + ' 件超期' }) : null]);

    var table = clear($('copied-cases'));
    var heads = ['事件编号', '类别', '状态', '地点', '处置单位', '超期', '上报时间', '处置时限'];
    table.appendChild(el('thead', null, el('tr', null, heads.map(function (h) {
      return el('th', { scope: 'col', className: 'left', text: h });
    }))));
    if (!list.length) {
      emptyRow(table, heads.length, '暂无抄送本部门的事件');
      return;
    }
    var tbody = el('tbody');
    list.forEach(function (c) {
      var place = [names.street[c.streetCode] || c.streetCode, names.community[c.communityCode] || c.communityCode]
        .filter(Boolean).join(' / ');
      var department = departmentOf[c.caseNo] && names.department[departmentOf[c.caseNo]];
      var rel = c.overdue ? '' : relative(c.handleDue);
      tbody.appendChild(el('tr', { className: c.overdue ? 'row-red' : null, 'data-case': c.caseNo, 'data-overdue': c.overdue ? 'true' : 'false' }, [
        cell('td', c.caseNo, 'left case-no'),
        cell('td', names.category[c.category] || c.category || '—', 'left'),
        cell('td', c.statusName || STATUS[c.status] || c.status || '—', 'left'),
        el('td', { className: 'left', 'data-col': 'place' }, [c.address || place || '—',
          c.address && place ? el('span', { className: 'muted small cc-place', text: place }) : null]),
        el('td', { className: 'left', 'data-col': 'handler', title: c.handlerGroup || null }, c.handlerName || department
          ? [c.handlerName || department, el('span', { className: 'unit-code', text: c.handlerGroup })] : (c.handlerGroup || '—')),
        el('td', { className: 'left', 'data-col': 'overdue' },
          c.overdue ? el('span', { className: 'overdue-flag', text: '超期' }) : el('span', { className: 'muted', text: '—' })),
        cell('td', formatDue(c.reportedAt), 'left'),
        el('td', { className: 'left', 'data-col': 'due' }, [formatDue(c.handleDue), rel ? el('span', {
          className: 'muted small' + (rel.indexOf('已超') === 0 ? ' overdue-text' : ''), text: '　' + rel
        }) : null])
      ]));
    });
    table.appendChild(tbody);
  }

  function copiedError(err) {
    clear($('copied-cases'));
    clear($('cc-count'));
    if (err instanceof AuthError && err.status === 403) {
      message('cc-msg', '该账号无权查看抄送本部门的事件。', false);
      return;
    }
    handleError(err, 'cc-msg');
  }

  // hotspots: community × category
  function heatColour(share) {
    // from #fff3e0 (few) to #c62828 (most)
    var a = [255, 243, 224];
    var b = [198, 40, 40];
    var c = a.map(function (v, i) { return Math.round(v + (b[i] - v) * share); });
    return 'rgb(' + c.join(',') + ')';
  }

  function renderHeat(rows) {
    var table = clear($('heat'));
    if (!rows.length) {
      table.appendChild(el('tbody', null, el('tr', null, el('td', { className: 'zero', style: 'padding:16px 24px', text: '区间内暂无事件' }))));
      return;
    }
    var communities = {};
    var categories = {};
    var counts = {};
    var max = 0;
    rows.forEach(function (h) {
      var cm = h.communityCode || '';
      var ct = h.category || '';
      var n = Number(h.cases) || 0;
      communities[cm] = communities[cm] || { name: h.communityName || cm || '未确定', total: 0 };
      categories[ct] = categories[ct] || { name: h.categoryName || names.category[ct] || ct, total: 0 };
      communities[cm].total += n;
      categories[ct].total += n;
      counts[cm + '|' + ct] = (counts[cm + '|' + ct] || 0) + n;
      max = Math.max(max, counts[cm + '|' + ct]);
    });
    var byTotal = function (map) {
      return Object.keys(map).sort(function (a, b) { return map[b].total - map[a].total || (map[a].name < map[b].name ? -1 : 1); });
    };
    var cms = byTotal(communities);
    var cts = byTotal(categories);
    table.appendChild(el('thead', null, el('tr', null, [el('th', { scope: 'col', text: '社区 \\ 类别' })]
      .concat(cts.map(function (ct) { return el('th', { scope: 'col', text: categories[ct].name }); }))
      .concat([el('th', { scope: 'col', text: '合计' })]))));
    var tbody = el('tbody');
    var all = 0;
    cms.forEach(function (cm) {
      var tr = el('tr', null, el('th', { scope: 'row', text: communities[cm].name }));
      cts.forEach(function (ct) {
        var n = counts[cm + '|' + ct] || 0;
        if (!n) {
          tr.appendChild(el('td', { className: 'zero', text: '0' }));
          return;
        }
        var share = max ? n / max : 0;
        tr.appendChild(el('td', {
          style: 'background:' + heatColour(0.15 + 0.85 * share) + ';color:' + (share > 0.5 ? '#fff' : '#3e2723'),
          title: communities[cm].name + ' · ' + categories[ct].name + '：' + n + ' 件',
          text: n
        }));
      });
      tr.appendChild(el('td', { className: 'total', text: communities[cm].total }));
      all += communities[cm].total;
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    table.appendChild(el('tfoot', null, el('tr', null, [el('th', { scope: 'row', text: '合计' })]
      .concat(cts.map(function (ct) { return el('td', { className: 'total', text: categories[ct].total }); }))
      .concat([el('td', { className: 'total', text: all })]))));
  }

  // ------------------------------------------------------------------------------------------------
  // report downloads: fetched with the credentials, saved through a Blob URL

  function fileName(res, fallback) {
    var cd = res.headers.get('Content-Disposition') || '';
    var star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(cd);
    if (star) {
      try { return decodeURIComponent(star[1].trim().replace(/^"|"$/g, '')); } catch (e) { /* fall through */ }
    }
    var plain = /filename\s*=\s*"?([^";]+)"?/i.exec(cd);
    return plain ? plain[1].trim() : fallback;
  }

  $('dl-form').addEventListener('click', function (e) {
    var btn = e.target.closest('[data-format]');
    if (!btn || btn.disabled) return;
    var format = btn.dataset.format;
    var period = $('dl-period').value;
    var date = $('dl-date').value || today();
    btn.disabled = true;
    message('dl-msg', '正在生成' + (period === 'week' ? '周报' : '月报') + '…', false);
    get('stats/report.' + format + '?period=' + period + '&date=' + date, { raw: true, accept: '*/*', timeout: 60000 })
      .then(function (res) {
        var name = fileName(res, 'lianhu-' + period + '-' + date + '.' + format);
        return res.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          var a = el('a', { href: url, download: name, hidden: 'hidden' });
          document.body.appendChild(a);
          a.click();
          document.body.removeChild(a);
          setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
          message('dl-msg', '已下载 ' + name + '（' + Math.max(1, Math.round(blob.size / 1024)) + ' KB）', false);
        });
      })
      .catch(function (err) {
        if (err instanceof AuthError && err.status === 401) handleError(err);
        else message('dl-msg', '下载失败：' + err.message, true);
      })
      .then(function () { btn.disabled = false; });
  });

  // ------------------------------------------------------------------------------------------------
  // 消息: the staff inbox behind the header's button (the kit's); a message's case opens in a new tab.

  var inbox = S.inbox({
    request: function (method, path, options) { return method === 'GET' ? get(path, options) : post(path, options); },
    signedIn: function () { return !!auth; },
    lost: handleError, // a 401: the login again
    forbidden: function (err) { return err instanceof AuthError; },
    casePage: '../case/#/',
    newTab: true
  });

  // ------------------------------------------------------------------------------------------------
  // start

  // A dashboard stays open on a wall or a desk: refresh every five minutes while it is visible.
  var REFRESH_MS = 5 * 60 * 1000;
  setInterval(function () {
    if (auth && !$('dash').hidden && !document.hidden && Date.now() - lastLoad >= REFRESH_MS) loadAll();
  }, 30000);
  document.addEventListener('visibilitychange', function () {
    if (auth && !$('dash').hidden && !document.hidden && Date.now() - lastLoad >= REFRESH_MS) loadAll();
  });

  setPreset('12m');
  $('dl-date').value = today();
  $('uk-month').value = thisMonth();
  $('uk-month').max = thisMonth();
  fillYears();
  // A reload keeps the login as long as the server's session lasts.
  client.currentSession(SESSION_CALL)
    .then(function (current) {
      if (current) {
        auth = current;
        showDashboard();
        loadAll();
      } else {
        showLogin('');
      }
    });
})();
