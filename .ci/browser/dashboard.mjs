// Browser end-to-end check of the supervisors' dashboard /dashboard/: log in through the page's form, see
// the KPIs, the monthly trend charts, the KPI table, the department ranking, the liaison heads' KPIs
// (联户工作) with their coverage lights, the heads' reserve pool and open posts (联户长备选库与岗位), the heads'
// yearly KPIs (联户长队伍), the open cases with their traffic lights and links, the hotspot table, and download
// the monthly report.
//
//   npm ci
//   node dashboard.mjs [baseUrl] [screenshotDir]
//   node dashboard.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (users majie, wangli, qinfang and hejun; password demo, override
// with LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a CJK
// font (fonts-noto-cjk). PAGES_ENTRY=index.html opens /dashboard/index.html instead of /dashboard/.
//
// It first puts data in place through the public API and the engine REST API (as wangli): a sanitation
// case at 和平里东街 dispatched to urban management and left open (a department to rank, a light), one
// resolved on the spot and rated 满意 (a satisfaction rate), and one left unaccepted at 新华路. Then, in a
// 1440-wide window:
// - unknown credentials are refused on the form (an unknown user, so that no demo account is throttled by
//   Camunda's login delay); majie/demo logs in;
// - the four KPI cards show percentages (satisfaction not empty), four SVG trend charts have points;
// - the KPI table switches to 职能部门 and 社区; the ranking lists 县城市管理局;
// - 联户工作（联户长指标）, against GET /api/stats/unit-kpis asked in the page's session (whose answers must
//   be consistent: rates 0..1 or null, no part above its whole, coverageLight by coverageTarget, the same
//   households and visits summed by street, by unit and over a street's communities): the month input
//   holds the county's month; by street the table lists the streets (东城街道 among them, some street
//   visited this month) in the API's order, each with households, visits, a percentage coverage and its
//   light dot, timeliness and response time as answered; the target reads 走访覆盖目标 90%，全覆盖为绿灯,
//   the legend has the three lights and the title counts the red rows (N 个未达标); 联户单元 lists the
//   units (a 号楼 with its light); 东城街道's button drills down to its communities (streetCode, 和平里社区)
//   and 返回全部街道 goes back; last month's figures come with month=…;
// - 联户长备选库与岗位, against GET /api/stats/reserve-pool and /api/staff/head-posts?street=…&open=true asked in
//   the page's session: a row for each demo community (和平里社区, 青年路社区, 新华社区, 桃园村) under its street
//   with posts, vacancies, pool, target and a light (a dot and 红灯/绿灯 in words), a total row, red rows first
//   when sorted by gap; the open posts as the API lists them. Then a unit without a head is created in 桃园村
//   (as the county admin qinfang, a fresh code each run) and its post opened as vacant (new_unit, as the
//   community office hejun): after a reload the post is listed (新设单元, 空缺起始, 补充期限) and 桃园村's
//   figures follow the API; an overdue post (the answer marked so in the browser) is flagged 已超期 in red and
//   listed first; a 403 for the pool shows a short note instead of the section, the rest of the page intact;
// - 联户长队伍, against GET /api/stats/head-kpis?year=… asked in the page's session (lights consistent with the
//   figures: turnover ≤ 10% green, the pool against its target, training 100% green / ≥ 85% yellow): the year
//   selector holds the county's year; one row per demo community under its street with 在岗/岗位, 在岗率, vacancy
//   days, back-fill (7 日内确定人选 / 已补充, average days), turnover, pool and training each with its light (a
//   dot and words such as 绿灯：达标), the four grades ("—" where absent), as the API answers; the total row sums
//   the posts and heads in post; the formulas fold out; last year's rows come with year=…; a 403 (the answer
//   replaced in the browser) shows a short note, the rest of the page intact, and 查询 brings the section back;
// - the open-case list shows the dispatched case with a light and Cockpit/Tasklist links;
// - the heat table shows 和平里社区 × 环境卫生;
// - the monthly CSV download starts with the UTF-8 BOM and contains 东城街道, the XLSX is a zip;
// - at 390 px wide the 联户工作 section (by unit) fits the window, its table scrolling inside its box with
//   the names kept in view.
// - the page keeps no password (a server session with an HttpOnly, SameSite cookie), a reload keeps the
//   login, a session that ended brings the form back (401), and 退出 ends the session.
// With screenshotDir it writes dashboard.png (the whole page, 1440 wide), dashboard-unit-kpis-390.png
// (the 联户工作 section by unit, 390 wide), dashboard-pool.png (the 联户长备选库与岗位 section) and
// dashboard-heads.png (the 联户长队伍 section) there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves three cases behind (one closed, two open) and a liaison
// unit in 桃园村 whose head's post is open.
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  PASSWORD, STEP_TIMEOUT_MS, api, baseUrl, check, checkEntryServed, completeAcceptCase, expectedFailures, launchBrowser,
  log, newContext, openPage, page, pageErrors, pagesUrl, run, shot, shotDir, sleep, watchPageErrors
} from './common.mjs';

const PAGE = pagesUrl('/dashboard/');
const stamp = new Date().toISOString();

async function report(category, address, what) {
  const res = await api('POST', '/api/cases', {
    body: {
      category,
      description: `看板回归测试：${what}（${stamp}）`,
      location: { address },
      reporter: { name: '测试居民', phone: '13800004321' }
    }
  });
  check(res.status === 201, `POST /api/cases: ${res.status} ${res.text}`);
  return res.json;
}

async function seed() {
  const dispatched = await report('sanitation', '和平里东街8号', '垃圾桶破损');
  await completeAcceptCase(dispatched.caseNo, { acceptDecision: 'dispatch', acceptComment: '转城管中队处置' });
  const rated = await report('sanitation', '和平里东街9号', '楼道杂物');
  await completeAcceptCase(rated.caseNo, { acceptDecision: 'onSpot', acceptComment: '网格员已清理' });
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let res;
  for (;;) {
    res = await api('POST', `/api/cases/${rated.caseNo}/rating`, {
      body: { trackingCode: rated.trackingCode, rating: 'satisfied', comment: '看板测试' }
    });
    if (res.status === 204 || Date.now() > deadline) break;
    await sleep(300);
  }
  check(res.status === 204, `rating ${rated.caseNo}: ${res.status} ${res.text}`);
  const waiting = await report('road_damage', '新华路东段5号', '人行道地砖松动');
  log(`seeded ${dispatched.caseNo} (dispatched, open), ${rated.caseNo} (rated 满意), ${waiting.caseNo} (unaccepted)`);
  return { dispatched: dispatched.caseNo, waiting: waiting.caseNo };
}

async function login(user, password) {
  await page.locator('#l-user').fill(user);
  await page.locator('#l-pass').fill(password);
  await page.locator('#login-btn').click();
}

async function text(selector) {
  return (await page.locator(selector).first().textContent()).trim();
}

async function waitForText(selector, predicate, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let value;
  while (Date.now() < deadline) {
    value = await page.locator(selector).first().textContent().catch(() => null);
    if (value != null && predicate(value.trim())) return value.trim();
    await sleep(150);
  }
  throw new Error(`${what}: "${value}"`);
}

async function download(buttonSelector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(buttonSelector).click()]);
  const path = await dl.path();
  check(path, `download from ${buttonSelector} failed: ${await dl.failure()}`);
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

// ---------------------------------------------------------------------------------------------
// 联户工作: the liaison heads' KPIs of a month

const UK_ROWS = '#unit-kpi-table tbody tr[data-code]';
const LIGHTS = ['red', 'yellow', 'green'];

/** The county's current month, "2026-12". */
function countyMonth(date = new Date()) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}`;
}

/** GET /api/stats/unit-kpis?query in the page's session (as the page asks): the answer, checked for its shape. */
async function unitKpis(query) {
  const res = await page.evaluate(async (q) => {
    const r = await fetch(`../api/stats/unit-kpis?${q}`, {
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin'
    });
    return { status: r.status, text: await r.text() };
  }, query);
  check(res.status === 200, `GET /api/stats/unit-kpis?${query}: ${res.status} ${res.text}`);
  const body = JSON.parse(res.text);
  check(Array.isArray(body.rows) && typeof body.coverageTarget === 'number', `unit-kpis?${query}: ${res.text.slice(0, 300)}`);
  // A rate without a base is null, which the server leaves out (spring.jackson default-property-inclusion: non_null).
  const isRate = (v) => v == null || (typeof v === 'number' && v >= 0 && v <= 1);
  for (const r of body.rows) {
    const what = `unit-kpis?${query} row ${JSON.stringify(r)}`;
    check(typeof r.code === 'string' && typeof r.name === 'string' && r.name, `${what}: no code or name`);
    check([r.inUnitResolutionRate, r.satisfactionRate, r.reportTimeliness].every(isRate) && isRate(r.visitCoverage)
      && r.visitCoverage != null, `${what}: a rate outside 0..1`);
    check(r.visited <= r.households && r.resolvedInUnit <= r.inUnitCases && r.reportsOnTime <= r.reportsDue,
      `${what}: a part larger than its whole`);
    const light = r.visitCoverage >= 1 ? 'green' : r.visitCoverage >= body.coverageTarget ? 'yellow' : 'red';
    check(r.coverageLight === light, `${what}: coverageLight ${r.coverageLight}, expected ${light} at target ${body.coverageTarget}`);
  }
  return body;
}

/** Waits until the 联户工作 table shows the answer to the request `query` (its rows, by code) and checks them. */
async function checkUnitKpiTable(body, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  const codes = body.rows.map((r) => r.code).join(',');
  let shown;
  while (Date.now() < deadline) {
    shown = await page.locator(UK_ROWS).evaluateAll((trs) => trs.map((tr) => tr.dataset.code).join(','));
    if (shown === codes && !(await page.locator('#unit-kpi-table[aria-busy]').count())) break;
    await sleep(150);
  }
  check(shown === codes, `${what}: the table shows ${shown}, the API ${codes}`);
  for (const r of body.rows) {
    const row = page.locator(`${UK_ROWS}[data-code="${r.code}"]`);
    const cells = await row.evaluate((tr) => Object.fromEntries([...tr.querySelectorAll('td[data-col]')]
      .map((td) => [td.dataset.col, td.textContent.trim()]).concat([['name', tr.querySelector('th').textContent]])));
    check(cells.name.includes(r.name), `${what}: row ${r.code} is named "${cells.name}", not ${r.name}`);
    check(cells.households === r.households.toLocaleString('zh-CN') && cells.visited === r.visited.toLocaleString('zh-CN'),
      `${what}: row ${r.code} shows ${cells.households} households / ${cells.visited} visited, the API ${r.households} / ${r.visited}`);
    check(/^\d+(\.\d)?%$/.test(cells.coverage), `${what}: row ${r.code} coverage "${cells.coverage}"`);
    const dot = await row.locator('td[data-col="coverage"] i.dot').getAttribute('class');
    check(dot === `dot ${r.coverageLight}`, `${what}: row ${r.code} light "${dot}", the API ${r.coverageLight}`);
    check(r.reportTimeliness == null ? cells.timeliness === '—' : /^\d+(\.\d)?%/.test(cells.timeliness),
      `${what}: row ${r.code} timeliness "${cells.timeliness}" for ${r.reportTimeliness}`);
    check(cells.response === (r.headResponseHours == null ? '—' : (Math.round(r.headResponseHours * 10) / 10).toFixed(1)),
      `${what}: row ${r.code} response "${cells.response}" for ${r.headResponseHours}`);
  }
  const reds = body.rows.filter((r) => r.coverageLight === 'red').length;
  const summary = await text('#uk-summary');
  check(summary.includes(`${reds} 个未达标`) && summary.includes(body.month), `${what}: summary "${summary}" (${reds} red)`);
  return summary;
}

/** Waits for the page's request of the unit KPIs whose query matches `re`, while `action` runs. */
async function unitKpiRequest(re, action) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => /\/api\/stats\/unit-kpis\?/.test(r.url()) && re.test(r.url()), { timeout: STEP_TIMEOUT_MS }),
    action()
  ]);
  check(res.status() === 200, `${res.url()}: ${res.status()}`);
  return res.url();
}

const sum = (rows, key) => rows.reduce((n, r) => n + r[key], 0);

async function checkUnitKpis() {
  const month = countyMonth();
  check(await page.locator('#uk-month').inputValue() === month, `the month input holds "${await page.locator('#uk-month').inputValue()}", not ${month}`);
  check(await page.locator('#uk-group').inputValue() === 'street', 'the unit KPIs are not by street at first');

  // By street: every street with its coverage and light, the target and the legend.
  const streets = await unitKpis(`groupBy=street&month=${month}`);
  check(streets.month === month && streets.groupBy === 'street', `unit-kpis by street answered month ${streets.month}, groupBy ${streets.groupBy}`);
  check(streets.rows.some((r) => r.name === '东城街道'), `unit-kpis by street lacks 东城街道: ${streets.rows.map((r) => r.name)}`);
  check(streets.rows.some((r) => r.visited > 0), `no street has visits this month: ${JSON.stringify(streets.rows)}`);
  const bySummary = await checkUnitKpiTable(streets, 'by street');
  const target = `走访覆盖目标 ${Math.round(streets.coverageTarget * 100)}%，全覆盖为绿灯`;
  check((await text('#uk-target')) === target, `target "${await text('#uk-target')}", expected ${target}`);
  const legend = await page.locator('#uk-legend li').allInnerTexts();
  for (const light of LIGHTS) {
    check(await page.locator(`#uk-legend li .dot.${light}`).count() === 1, `the legend lacks the ${light} light: ${legend.join(' / ')}`);
  }
  const dongcheng = (await page.locator(UK_ROWS, { hasText: '东城街道' }).innerText()).replace(/\s+/g, ' ');
  log(`联户工作 by street: ${bySummary}; ${dongcheng}`);

  // By liaison unit: the demo's units, e.g. 和平里一区1号楼, each with a light; the same households in all.
  const units = await unitKpis(`groupBy=unit&month=${month}`);
  await unitKpiRequest(/groupBy=unit\b/, () => page.locator('#uk-group').selectOption('unit'));
  await checkUnitKpiTable(units, 'by unit');
  const unitRow = page.locator(UK_ROWS, { has: page.locator('th', { hasText: /号楼/ }) }).first();
  await unitRow.waitFor();
  check(await unitRow.locator('td[data-col="coverage"] .dot').count() === 1, 'the 号楼 unit row has no light');
  check(sum(units.rows, 'households') === sum(streets.rows, 'households') && sum(units.rows, 'visited') === sum(streets.rows, 'visited'),
    `households/visited by unit ${sum(units.rows, 'households')}/${sum(units.rows, 'visited')} differ from by street `
    + `${sum(streets.rows, 'households')}/${sum(streets.rows, 'visited')}`);
  log(`联户工作 by unit: ${await text('#uk-summary')}; ${(await unitRow.innerText()).replace(/\s+/g, ' ')}`);

  // A street drills down to its communities (streetCode), and back.
  await unitKpiRequest(/groupBy=street\b/, () => page.locator('#uk-group').selectOption('street'));
  await checkUnitKpiTable(streets, 'by street again');
  const street = streets.rows.find((r) => r.name === '东城街道');
  const communities = await unitKpis(`groupBy=community&month=${month}&streetCode=${encodeURIComponent(street.code)}`);
  const url = await unitKpiRequest(/groupBy=community\b/, () => page.locator(`${UK_ROWS}[data-code="${street.code}"] button.link-btn`).click());
  check(url.includes(`streetCode=${encodeURIComponent(street.code)}`), `the drill-down asked ${url}`);
  check(await page.locator('#uk-group').inputValue() === 'community', 'the drill-down does not show communities');
  await page.locator('#uk-scope', { hasText: '东城街道' }).waitFor();
  await checkUnitKpiTable(communities, 'communities of 东城街道');
  check(communities.rows.some((r) => r.name === '和平里社区'), `东城街道's communities lack 和平里社区: ${communities.rows.map((r) => r.name)}`);
  check(sum(communities.rows, 'households') === street.households, `东城街道's communities have ${sum(communities.rows, 'households')} households, the street ${street.households}`);
  log(`联户工作 drill-down: ${await text('#uk-summary')}`);
  await unitKpiRequest(/groupBy=street\b/, () => page.locator('#uk-scope-clear').click());
  await page.locator('#uk-scope').waitFor({ state: 'hidden' });
  await checkUnitKpiTable(streets, 'back to all streets');

  // Another month: last month's figures (month=…), then this month again.
  const [y, m] = month.split('-').map(Number);
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const before = await unitKpis(`groupBy=street&month=${previous}`);
  await unitKpiRequest(new RegExp(`month=${previous}\\b`), () => page.locator('#uk-month').fill(previous));
  await checkUnitKpiTable(before, previous);
  log(`联户工作 ${previous}: ${await text('#uk-summary')}`);
  await unitKpiRequest(new RegExp(`month=${month}\\b`), () => page.locator('#uk-month').fill(month));
  await checkUnitKpiTable(streets, month);
}

/** The 联户工作 section on a phone (390 px): nothing sticks out; the table scrolls inside its box. */
async function checkUnitKpisNarrow() {
  await page.setViewportSize({ width: 390, height: 844 });
  await unitKpiRequest(/groupBy=unit\b/, () => page.locator('#uk-group').selectOption('unit'));
  const section = page.locator('#unit-kpis');
  await section.scrollIntoViewIfNeeded();
  const box = await section.evaluate((s) => {
    const r = s.getBoundingClientRect();
    const out = [...s.querySelectorAll('*')].filter((e) => !e.closest('.scroll') || e.classList.contains('scroll'))
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.id || e.className || e.tagName);
    return { left: r.left, right: r.right, out };
  });
  check(box.left >= 0 && box.right <= 390 && box.out.length === 0, `联户工作 at 390 px: ${JSON.stringify(box)}`);
  const name = await page.locator(`${UK_ROWS} th`).first().boundingBox();
  check(name && name.width > 60, `the unit name column is ${name && name.width} px wide at 390 px`);
  if (shotDir) {
    await mkdir(shotDir, { recursive: true });
    await section.screenshot({ path: resolve(shotDir, 'dashboard-unit-kpis-390.png') });
    log(`screenshot ${resolve(shotDir, 'dashboard-unit-kpis-390.png')}`);
  }
  await unitKpiRequest(/groupBy=street\b/, () => page.locator('#uk-group').selectOption('street'));
  await page.setViewportSize({ width: 1440, height: 1000 });
  log('联户工作 fits 390 px (the table scrolls in its box)');
}

// ---------------------------------------------------------------------------------------------
// 联户长备选库与岗位: the heads' reserve pool of each community and the open posts

const POOL_ROWS = '#pool-table tbody tr[data-community]';
const VACANCY_ROWS = '#vacancies tbody tr[data-post]';
const DEMO_COMMUNITIES = ['和平里社区', '青年路社区', '新华社区', '桃园村'];

/** GET /api/path in the page's session (as the page asks): the parsed answer of a 200. */
async function sessionGet(path) {
  const res = await page.evaluate(async (p) => {
    const r = await fetch(`../api/${p}`, {
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin'
    });
    return { status: r.status, text: await r.text() };
  }, path);
  check(res.status === 200, `GET /api/${path}: ${res.status} ${res.text}`);
  return JSON.parse(res.text);
}

/** The reserve pool by community, checked for its shape. */
async function reservePool() {
  const rows = await sessionGet('stats/reserve-pool');
  check(Array.isArray(rows) && rows.length > 0, `reserve-pool: ${JSON.stringify(rows).slice(0, 300)}`);
  for (const r of rows) {
    const what = `reserve-pool row ${JSON.stringify(r)}`;
    check(r.communityCode && r.communityName && r.streetCode, `${what}: no community or street`);
    check([r.posts, r.vacant, r.pool, r.target].every((n) => Number.isInteger(n) && n >= 0) && r.vacant <= r.posts,
      `${what}: counts`);
    check(r.light === (r.pool >= r.target ? 'green' : 'red'), `${what}: light ${r.light} for pool ${r.pool} / target ${r.target}`);
  }
  return rows;
}

/** The open posts of every street of the pool (the page's user reads them all), by id. */
async function openPostsOf(pools) {
  const posts = new Map();
  for (const street of new Set(pools.map((r) => r.streetCode))) {
    for (const p of await sessionGet(`staff/head-posts?street=${encodeURIComponent(street)}&open=true`)) posts.set(String(p.id), p);
  }
  return posts;
}

/** Waits until the pool table shows the communities of `rows` and checks each row, its street group and the total. */
async function checkPoolTable(rows, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  const codes = rows.map((r) => r.communityCode).sort().join(',');
  let shown;
  while (Date.now() < deadline) {
    shown = (await page.locator(POOL_ROWS).evaluateAll((trs) => trs.map((tr) => tr.dataset.community))).sort().join(',');
    if (shown === codes && !(await page.locator('#pool-table[aria-busy]').count())) break;
    await sleep(150);
  }
  check(shown === codes, `${what}: the pool table shows ${shown}, the API ${codes}`);
  const n = (v) => v.toLocaleString('zh-CN');
  const cellsOf = (tr) => Object.fromEntries([...tr.querySelectorAll('td[data-col]')]
    .map((td) => [td.dataset.col, td.textContent.trim()]).concat([['name', (tr.querySelector('th') || {}).textContent || '']]));
  for (const r of rows) {
    const row = page.locator(`${POOL_ROWS}[data-community="${r.communityCode}"]`);
    const cells = await row.evaluate(cellsOf);
    check(cells.name.includes(r.communityName), `${what}: row ${r.communityCode} is named "${cells.name}", not ${r.communityName}`);
    check(cells.posts === n(r.posts) && cells.vacant === n(r.vacant) && cells.pool === n(r.pool) && cells.target === n(r.target),
      `${what}: row ${r.communityCode} shows ${JSON.stringify(cells)}, the API ${JSON.stringify(r)}`);
    const dot = await row.locator('td[data-col="light"] i.dot').getAttribute('class');
    check(dot === `dot ${r.light}`, `${what}: row ${r.communityCode} light "${dot}", the API ${r.light}`);
    check(cells.light.startsWith(r.light === 'green' ? '绿灯' : '红灯'), `${what}: row ${r.communityCode} light reads "${cells.light}"`);
  }
  const total = await page.locator('#pool-table tfoot tr[data-total]').evaluate(cellsOf);
  const sums = Object.fromEntries(['posts', 'vacant', 'pool', 'target'].map((k) => [k, n(sum(rows, k))]));
  check(['posts', 'vacant', 'pool', 'target'].every((k) => total[k] === sums[k]),
    `${what}: the total row ${JSON.stringify(total)}, the API's sums ${JSON.stringify(sums)}`);
  const reds = rows.filter((r) => r.light === 'red').length;
  const summary = await text('#rp-summary');
  check(summary.includes(`${reds} 个备选库不足`), `${what}: summary "${summary}" (${reds} red)`);
  return summary;
}

/** Waits until the open posts listed are those of `posts` (by id). */
async function checkVacancyList(posts, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  const ids = [...posts.keys()].sort().join(',');
  let shown;
  while (Date.now() < deadline) {
    shown = (await page.locator(VACANCY_ROWS).evaluateAll((trs) => trs.map((tr) => tr.dataset.post))).sort().join(',');
    if (shown === ids && !(await page.locator('#vacancies[aria-busy]').count())) break;
    await sleep(150);
  }
  check(shown === ids, `${what}: the open posts listed are ${shown}, the API's ${ids}`);
  if (!posts.size) await page.locator('#vacancies .empty-row', { hasText: '暂无空缺岗位' }).waitFor();
  const overdue = [...posts.values()].filter((p) => p.overdue).length;
  const flagged = await page.locator(`${VACANCY_ROWS} .overdue-flag`).count();
  check(flagged === overdue, `${what}: ${flagged} posts flagged 已超期, the API ${overdue}`);
}

/**
 * A new liaison unit without a head in 桃园村 (as the county admin qinfang; a fresh code each run), whose head's
 * post the community office hejun opens as vacant (new_unit): the post.
 */
async function openVacancy() {
  // Letters and digits only: the unit's Camunda group id is derived from its code.
  const code = `e2epool${Date.now().toString(36)}`;
  const unit = await api('POST', '/api/admin/organisation/units', {
    user: 'qinfang', body: { code, fields: { gridCode: 'taoyuan1', name: `看板测试${code.slice(7)}号院联户单元` } }
  });
  check(unit.status === 201, `POST /api/admin/organisation/units ${code} as qinfang: ${unit.status} ${unit.text}`);
  const res = await api('POST', `/api/staff/units/${code}/vacancy`, { user: 'hejun', body: { reason: 'new_unit' } });
  check(res.status === 201 && res.json && res.json.unitCode === code, `POST /api/staff/units/${code}/vacancy as hejun: ${res.status} ${res.text}`);
  check(res.json.communityName === '桃园村' && res.json.reason === 'new_unit' && res.json.overdue === false,
    `the opened post: ${res.text}`);
  return res.json;
}

/** Asks the page to load everything again (查询 with the same range) and waits for the pool's answer. */
async function reloadData() {
  await Promise.all([
    page.waitForResponse((r) => /\/api\/stats\/reserve-pool\b/.test(r.url()), { timeout: STEP_TIMEOUT_MS }),
    page.locator('#range-form button[type="submit"]').click()
  ]);
}

async function checkPool() {
  const section = page.locator('#reserve-pool');
  await section.scrollIntoViewIfNeeded();
  const pools = await reservePool();
  for (const name of DEMO_COMMUNITIES) {
    check(pools.some((r) => r.communityName === name), `reserve-pool lacks ${name}: ${pools.map((r) => r.communityName)}`);
  }
  check(await page.locator('#rp-sort').inputValue() === 'street', 'the pool is not grouped by street at first');
  const summary = await checkPoolTable(pools, 'pool by street');
  for (const name of DEMO_COMMUNITIES) {
    const row = page.locator(POOL_ROWS, { has: page.locator('th', { hasText: name }) });
    check(await row.count() === 1, `the pool table has ${await row.count()} rows for ${name}`);
    check(await row.locator('td[data-col="light"] .dot').count() === 1 && /^(红灯|绿灯)/.test(await row.locator('td[data-col="light"]').innerText()),
      `${name} has no light in words and colour`);
  }
  // Each community under its street's group, whose head row names the street.
  for (const r of pools) {
    const group = page.locator(`#pool-table tbody.rp-group[data-street="${r.streetCode}"]`);
    check(await group.locator(`tr[data-community="${r.communityCode}"]`).count() === 1, `${r.communityName} is not under the group of ${r.streetCode}`);
  }
  const dongcheng = page.locator('#pool-table tbody.rp-group', { has: page.locator('tr.rp-street-row th', { hasText: '东城街道' }) });
  check(await dongcheng.locator('tr', { hasText: '和平里社区' }).count() === 1, 'the 东城街道 group lacks 和平里社区');
  log(`备选库 by street: ${summary}; ${(await page.locator(POOL_ROWS, { hasText: '桃园村' }).innerText()).replace(/\s+/g, ' ')}`);

  // Sorted by gap: the red rows first.
  await page.locator('#rp-sort').selectOption('gap');
  const reds = pools.filter((r) => r.light === 'red').length;
  const order = await page.locator(POOL_ROWS).evaluateAll((trs) => trs.map((tr) => tr.dataset.light));
  check(order.length === pools.length && order.every((l, i) => (i < reds) === (l === 'red')), `sorted by gap, the lights are ${order}`);
  await page.locator('#rp-sort').selectOption('street');
  await checkPoolTable(pools, 'pool by street again');

  // The open posts as the API lists them.
  await checkVacancyList(await openPostsOf(pools), 'open posts');
  log(`空缺岗位: ${await text('#vac-count')}`);

  // A vacancy opened for a new unit shows after a reload, with 桃园村's figures as the API has them now.
  const post = await openVacancy();
  log(`opened post ${post.id} of the new unit ${post.unitCode} (${post.unitName}) in 桃园村 as hejun`);
  await page.reload();
  await page.locator('#dash').waitFor({ state: 'visible' });
  const row = page.locator(`${VACANCY_ROWS}[data-unit="${post.unitCode}"]`);
  await row.waitFor();
  const after = await reservePool();
  await checkPoolTable(after, 'pool after the vacancy');
  const taoyuan = after.find((r) => r.communityName === '桃园村');
  check(taoyuan.vacant >= 1, `桃园村 has ${taoyuan.vacant} vacant posts after the vacancy`);
  const posts = await openPostsOf(after);
  check(posts.has(String(post.id)), `the API does not list the post ${post.id} as open`);
  await checkVacancyList(posts, 'open posts after the vacancy');
  const rowText = (await row.innerText()).replace(/\s+/g, ' ');
  check(rowText.includes(post.unitName) && rowText.includes('桃园村') && rowText.includes('新设单元')
    && rowText.includes(post.statusLabel) && rowText.includes(post.openedAt) && rowText.includes(post.backfillDue)
    && !rowText.includes('已超期') && await row.getAttribute('data-overdue') === 'false', `the new post's row: ${rowText}`);
  log(`the new post is listed: ${rowText}`);

  // An overdue post (so marked in the browser: a real one takes a week) is flagged in red and listed first.
  await page.route(/\/api\/staff\/head-posts\?/, async (route) => {
    const res = await route.fetch();
    const list = await res.json();
    for (const p of list) if (p.id === post.id) p.overdue = true;
    await route.fulfill({ response: res, json: list });
  });
  await reloadData();
  const overdue = page.locator(`${VACANCY_ROWS}[data-unit="${post.unitCode}"][data-overdue="true"]`);
  await overdue.waitFor();
  const flag = overdue.locator('td[data-col="due"] .overdue-flag');
  check((await flag.innerText()).trim() === '已超期', 'the overdue post is not flagged 已超期');
  const colour = await flag.evaluate((e) => getComputedStyle(e).backgroundColor);
  check(colour === 'rgb(211, 47, 47)', `已超期 is flagged in ${colour}, not red`);
  check(/\brow-red\b/.test(await overdue.getAttribute('class') || ''), 'the overdue post\'s row is not red');
  const firstOverdue = await page.locator(VACANCY_ROWS).first().getAttribute('data-overdue');
  check(firstOverdue === 'true', 'the overdue post is not listed first');
  check((await text('#vac-count')).includes('已超期'), `the count "${await text('#vac-count')}" does not name the overdue posts`);
  await page.unroute(/\/api\/staff\/head-posts\?/);
  log('an overdue post is flagged 已超期 in red and listed first');

  // A user refused the pool (403) sees a short note instead of the section; the rest of the page stays.
  await page.route(/\/api\/stats\/reserve-pool\b/, (route) => route.fulfill({
    status: 403, contentType: 'application/problem+json',
    body: JSON.stringify({ type: '/problems/forbidden', title: '无权访问', status: 403, detail: '仅社区、街道和县级工作人员可查看备选库' })
  }));
  await reloadData();
  await page.locator('#rp-note', { hasText: '无权查看' }).waitFor();
  check(await page.locator('#rp-body').isHidden() && await page.locator('#login-view').isHidden(), 'a 403 for the pool hides the dashboard or keeps the section');
  await page.locator('#kpi-table tbody th', { hasText: '东城街道' }).waitFor();
  await page.locator('#unit-kpi-table tbody tr').first().waitFor();
  await page.unroute(/\/api\/stats\/reserve-pool\b/);
  expectedFailures([403]);
  log(`a 403 for the pool: "${await text('#rp-note')}"`);
  await reloadData();
  await page.locator('#rp-note').waitFor({ state: 'hidden' });
  await page.locator(`${VACANCY_ROWS}[data-unit="${post.unitCode}"][data-overdue="false"]`).waitFor();
  await checkPoolTable(await reservePool(), 'pool again');

  if (shotDir) {
    await mkdir(shotDir, { recursive: true });
    await page.mouse.move(1, 1);
    await section.screenshot({ path: resolve(shotDir, 'dashboard-pool.png') });
    log(`screenshot ${resolve(shotDir, 'dashboard-pool.png')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 联户长队伍: the heads' KPIs of a year by community

const HK_ROWS = '#head-kpi-table tbody tr[data-community]';
const HK_LIGHTS = { green: '绿灯', yellow: '黄灯', red: '红灯' };
const GRADE_KEYS = ['excellent', 'competent', 'basic', 'incompetent'];

/** The county's current year. */
const countyYear = () => Number(countyMonth().slice(0, 4));

/** A share as the page writes it: 0.875 → "87.5%", 1 → "100%", none → "—". */
function pctText(v) {
  if (v == null) return '—';
  const s = (v * 100).toFixed(1);
  return `${s.endsWith('.0') ? s.slice(0, -2) : s}%`;
}

/** Days as the page writes them: 0 → "0", 12.5 → "12.5", none → "—". */
function daysText(v) {
  if (v == null) return '—';
  const s = (Math.round(v * 10) / 10).toFixed(1);
  return s.endsWith('.0') ? s.slice(0, -2) : s;
}

/** GET /api/stats/head-kpis?year=… in the page's session, checked for its shape. */
async function headKpis(year) {
  const rows = await sessionGet(`stats/head-kpis?year=${year}`);
  check(Array.isArray(rows) && rows.length > 0, `head-kpis?year=${year}: ${JSON.stringify(rows).slice(0, 300)}`);
  const counts = ['posts', 'headsInPost', 'vacantNow', 'filled', 'chosenInTime', 'headsAtStart', 'termsEnded', 'pool', 'poolTarget'];
  for (const r of rows) {
    const what = `head-kpis?year=${year} row ${JSON.stringify(r)}`;
    check(r.communityCode && r.communityName && r.streetCode, `${what}: no community or street`);
    check(counts.every((k) => Number.isInteger(r[k]) && r[k] >= 0) && typeof r.vacancyDays === 'number', `${what}: counts`);
    check(r.turnover == null ? r.turnoverLight == null : r.turnoverLight === (r.turnover <= 0.1 ? 'green' : 'red'),
      `${what}: turnoverLight ${r.turnoverLight} for ${r.turnover}`);
    check(r.poolLight === (r.pool >= r.poolTarget ? 'green' : 'red'), `${what}: poolLight ${r.poolLight}`);
    check(r.trainingCoverage == null ? r.trainingLight == null
      : r.trainingLight === (r.trainingCoverage >= 1 ? 'green' : r.trainingCoverage >= 0.85 ? 'yellow' : 'red'),
    `${what}: trainingLight ${r.trainingLight} for ${r.trainingCoverage}`);
    check(r.grades && typeof r.grades === 'object' && Object.keys(r.grades).every((k) => GRADE_KEYS.includes(k)), `${what}: grades`);
  }
  return rows;
}

/** The words beside a light, as the page writes them. */
function lightWords(kind, r) {
  const light = kind === 'turnover' ? r.turnoverLight : kind === 'pool' ? r.poolLight : r.trainingLight;
  if (!light) return null;
  const words = kind === 'turnover' ? (light === 'green' ? '达标' : '超过 10%')
    : kind === 'pool' ? (light === 'green' ? '达标' : `差 ${Math.max(0, r.poolTarget - r.pool)} 人`)
      : light === 'green' ? '全覆盖' : light === 'yellow' ? '达标' : '未达标';
  return { light, text: `${HK_LIGHTS[light]}：${words}` };
}

/** Waits until the 联户长队伍 table shows `year`'s rows as the API has them and checks each row and the total. */
async function checkHeadKpiTable(rows, year, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  const codes = rows.map((r) => r.communityCode).sort().join(',');
  let shown;
  while (Date.now() < deadline) {
    shown = (await page.locator(HK_ROWS).evaluateAll((trs) => trs.map((tr) => tr.dataset.community))).sort().join(',');
    if (shown === codes && await page.locator(`#head-kpi-table[data-year="${year}"]:not([aria-busy])`).count()) break;
    await sleep(150);
  }
  check(shown === codes, `${what}: the table shows ${shown}, the API ${codes}`);
  check(await page.locator(`#head-kpi-table[data-year="${year}"]`).count() === 1,
    `${what}: the table is of ${await page.locator('#head-kpi-table').getAttribute('data-year')}, not ${year}`);
  const n = (v) => v.toLocaleString('zh-CN');
  const cellsOf = (tr) => Object.fromEntries([...tr.querySelectorAll('td[data-col]')]
    .map((td) => [td.dataset.col, {
      text: td.textContent.trim(),
      first: (td.querySelector('.hk-num') || td.firstChild || { textContent: '' }).textContent.trim(),
      light: td.dataset.light || null,
      dot: (td.querySelector('i.dot') || { className: null }).className,
      words: (td.querySelector('.light') || { textContent: null }).textContent
    }]).concat([['name', (tr.querySelector('th, td') || {}).textContent || '']]));
  for (const r of rows) {
    const c = await page.locator(`${HK_ROWS}[data-community="${r.communityCode}"]`).evaluate(cellsOf);
    const bad = (col, expected) => `${what}: ${r.communityName} ${col} shows "${JSON.stringify(c[col])}", expected "${expected}" (API ${JSON.stringify(r)})`;
    check(c.name.includes(r.communityName), `${what}: row ${r.communityCode} is named "${c.name}"`);
    check(c.staffing.text === `${n(r.headsInPost)}/${n(r.posts)}`, bad('staffing', `${r.headsInPost}/${r.posts}`));
    const staffRate = pctText(r.posts > 0 ? r.headsInPost / r.posts : null);
    check(c.staffRate.text === staffRate, bad('staffRate', staffRate));
    check(c.vacancyDays.first === daysText(r.vacancyDays)
      && c.vacancyDays.text.includes('现空缺') === (r.vacantNow > 0), bad('vacancyDays', daysText(r.vacancyDays)));
    check(c.backfill.text === `${n(r.chosenInTime)} / ${n(r.filled)}`, bad('backfill', `${r.chosenInTime} / ${r.filled}`));
    check(c.backfillDays.text === daysText(r.backfillDays), bad('backfillDays', daysText(r.backfillDays)));
    for (const [col, value] of [['turnover', pctText(r.turnover)], ['pool', `${n(r.pool)}/${n(r.poolTarget)}`],
      ['training', pctText(r.trainingCoverage)]]) {
      const words = lightWords(col, r);
      check(c[col].first === value, bad(col, value));
      // A light is a dot and its words, never the colour alone.
      check(words ? c[col].light === words.light && c[col].dot === `dot ${words.light}` && c[col].words === words.text
        : c[col].light == null && c[col].dot == null, bad(col, words ? `${words.light} ${words.text}` : 'no light'));
    }
    for (const k of GRADE_KEYS) {
      const expected = r.grades[k] == null ? '—' : n(r.grades[k]);
      check(c[`grade-${k}`].text === expected, bad(`grade-${k}`, expected));
    }
  }
  // Each community under its street's group.
  for (const r of rows) {
    const group = page.locator(`#head-kpi-table tbody.rp-group[data-street="${r.streetCode}"]`);
    check(await group.locator(`tr[data-community="${r.communityCode}"]`).count() === 1, `${what}: ${r.communityName} is not under ${r.streetCode}`);
  }
  // The total row sums the posts and the heads in post (and the other counts).
  const total = await page.locator('#head-kpi-table tfoot tr[data-total]').evaluate(cellsOf);
  const posts = sum(rows, 'posts');
  const inPost = sum(rows, 'headsInPost');
  check(total.name.trim() === '合计' && total.staffing.text === `${n(inPost)}/${n(posts)}`
    && total.staffRate.text === pctText(posts > 0 ? inPost / posts : null),
  `${what}: the total row ${JSON.stringify(total.staffing)} ${JSON.stringify(total.staffRate)}, the API's sums ${inPost}/${posts}`);
  check(total.backfill.text === `${n(sum(rows, 'chosenInTime'))} / ${n(sum(rows, 'filled'))}`
    && total.pool.first === `${n(sum(rows, 'pool'))}/${n(sum(rows, 'poolTarget'))}`
    && total.turnover.first === pctText(sum(rows, 'headsAtStart') > 0 ? sum(rows, 'termsEnded') / sum(rows, 'headsAtStart') : null),
  `${what}: the total row ${JSON.stringify(total)}`);
  const summary = await text('#hk-summary');
  check(summary.includes(`${year} 年`) && summary.includes(`在岗 ${n(inPost)}/${n(posts)}`), `${what}: summary "${summary}"`);
  return summary;
}

/** Waits for the page's request of the heads' KPIs of `year` while `action` runs. */
async function headKpiRequest(year, action, status = 200) {
  const [res] = await Promise.all([
    page.waitForResponse((r) => /\/api\/stats\/head-kpis\?/.test(r.url()) && new RegExp(`[?&]year=${year}\\b`).test(r.url()),
      { timeout: STEP_TIMEOUT_MS }),
    action()
  ]);
  check(res.status() === status, `${res.url()}: ${res.status()}`);
}

async function checkHeadKpis() {
  const section = page.locator('#head-kpis');
  await section.scrollIntoViewIfNeeded();
  const year = countyYear();
  check(await page.locator('#hk-year').inputValue() === String(year), `the year selector holds "${await page.locator('#hk-year').inputValue()}", not ${year}`);
  const rows = await headKpis(year);
  for (const name of DEMO_COMMUNITIES) {
    check(rows.filter((r) => r.communityName === name).length === 1, `head-kpis lacks ${name}: ${rows.map((r) => r.communityName)}`);
  }
  const summary = await checkHeadKpiTable(rows, year, `${year}`);
  for (const name of DEMO_COMMUNITIES) {
    const row = page.locator(HK_ROWS, { has: page.locator('th', { hasText: name }) });
    check(await row.count() === 1, `the heads' table has ${await row.count()} rows for ${name}`);
    check(await row.locator('td[data-col="pool"] .light .dot').count() === 1, `${name}'s pool has no light in words and colour`);
  }
  const note = page.locator('#head-kpis details.hk-formulas');
  check(await note.evaluate((d) => !d.open), 'the formulas are not folded away at first');
  await note.locator('summary').click();
  const formulas = await note.innerText();
  check(['在岗率 = 在岗联户长 / 岗位', '流失率 = 年内离任 / 年初在岗', '培训覆盖率 = 年内参训联户长 / 年内在岗联户长'].every((f) => formulas.includes(f)),
    `the formulas read: ${formulas}`);
  log(`联户长队伍 ${year}: ${summary}; ${(await page.locator(HK_ROWS, { hasText: '和平里社区' }).innerText()).replace(/\s+/g, ' ')}`);

  // Last year: the rows of year=… .
  const last = year - 1;
  const before = await headKpis(last);
  await headKpiRequest(last, () => page.locator('#hk-year').selectOption(String(last)));
  log(`联户长队伍 ${last}: ${await checkHeadKpiTable(before, last, `${last}`)}`);
  await headKpiRequest(year, () => page.locator('#hk-year').selectOption(String(year)));
  await checkHeadKpiTable(await headKpis(year), year, `${year} again`);

  // A user refused the heads' KPIs (403) sees a short note instead of the section; the rest of the page stays.
  await page.route(/\/api\/stats\/head-kpis\b/, (route) => route.fulfill({
    status: 403, contentType: 'application/problem+json',
    body: JSON.stringify({ type: '/problems/forbidden', title: '无权访问', status: 403, detail: '仅社区、街道和县级工作人员可查看' })
  }));
  await headKpiRequest(year, () => page.locator('#range-form button[type="submit"]').click(), 403);
  await page.locator('#hk-note', { hasText: '无权查看' }).waitFor();
  check(await page.locator('#hk-body').isHidden() && await page.locator('#login-view').isHidden(), 'a 403 for the heads\' KPIs hides the dashboard or keeps the section');
  await page.locator('#kpi-table tbody th', { hasText: '东城街道' }).waitFor();
  await page.locator('#unit-kpi-table tbody tr').first().waitFor();
  await page.locator(POOL_ROWS).first().waitFor();
  await page.unroute(/\/api\/stats\/head-kpis\b/);
  expectedFailures([403]);
  log(`a 403 for the heads' KPIs: "${await text('#hk-note')}"`);
  // 查询 loads them again.
  await headKpiRequest(year, () => page.locator('#range-form button[type="submit"]').click());
  await page.locator('#hk-note').waitFor({ state: 'hidden' });
  await checkHeadKpiTable(await headKpis(year), year, `${year} after the 403`);

  if (shotDir) {
    await mkdir(shotDir, { recursive: true });
    await page.mouse.move(1, 1);
    await section.screenshot({ path: resolve(shotDir, 'dashboard-heads.png') });
    log(`screenshot ${resolve(shotDir, 'dashboard-heads.png')}`);
  }
}

async function main() {
  await checkEntryServed('/dashboard/', 'the dashboard');
  const seeded = await seed();

  await launchBrowser();
  const context = await newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true
  });
  watchPageErrors(await openPage(context), { console: true });

  // Login: the form, not the browser's Basic dialog.
  await page.goto(PAGE);
  await page.locator('#login-view').waitFor({ state: 'visible' });
  check(await page.locator('#dash').isHidden(), 'the dashboard shows before login');
  await login('e2e-nobody', 'wrong-password');
  await page.locator('#login-msg', { hasText: '不正确' }).waitFor();
  log('wrong password refused on the form');
  // A 401 while typing is expected above; only unexpected errors count from here.
  pageErrors.length = 0;
  await login('majie', PASSWORD);
  await page.locator('#dash').waitFor({ state: 'visible' });
  check(await text('#who-name') === 'majie', 'the user name is not shown');
  log('logged in as majie');

  // KPIs
  for (const id of ['kpi-response', 'kpi-resolution', 'kpi-satisfaction']) {
    await waitForText(`#${id} .kpi-value`, (v) => /^\d+(\.\d)?%$/.test(v), `${id} shows no percentage`);
  }
  const kpis = {};
  for (const id of ['kpi-response', 'kpi-resolution', 'kpi-satisfaction', 'kpi-mediation']) {
    kpis[id] = await text(`#${id} .kpi-value`);
  }
  check(/^(\d+(\.\d)?%|—)$/.test(kpis['kpi-mediation']), `mediation KPI "${kpis['kpi-mediation']}"`);
  await waitForText('#counts', (v) => /上报\s*\d+/.test(v), 'counters missing');
  log(`KPIs: ${Object.entries(kpis).map(([k, v]) => `${k.slice(4)} ${v}`).join(', ')}; ${await text('#counts')}`);

  // Trend charts
  await page.locator('#trends svg.chart').nth(3).waitFor();
  check(await page.locator('#trends svg.chart').count() === 4, 'expected 4 trend charts');
  const points = await page.locator('#trends svg.chart circle.pt').count();
  check(points >= 3, `trend charts have ${points} points`);
  const label = await page.locator('#trends svg.chart').first().getAttribute('aria-label');
  check(/按时响应率月度趋势：\d{4}-\d{2}/.test(label), `chart label "${label}"`);
  log(`4 trend charts, ${points} points`);

  // Ranking
  await page.locator('#ranking tbody tr').first().waitFor();
  const ranking = await page.locator('#ranking tbody').innerText();
  check(ranking.includes('县城市管理局'), `ranking lacks 县城市管理局:\n${ranking}`);
  log(`ranking: ${ranking.split('\n')[0].replace(/\s+/g, ' ')}`);

  // KPI table by unit
  await page.locator('#kpi-table tbody th', { hasText: '东城街道' }).waitFor();
  await page.locator('#group-by').selectOption('department');
  await page.locator('#kpi-table tbody th', { hasText: '县城市管理局' }).waitFor();
  await page.locator('#group-by').selectOption('community');
  await page.locator('#kpi-table tbody th', { hasText: '和平里社区' }).waitFor();
  await page.locator('#group-by').selectOption('street');
  await page.locator('#kpi-table tbody th', { hasText: '东城街道' }).waitFor();
  log('KPI table by street, department and community');

  // 联户工作 (联户长指标)
  await checkUnitKpis();

  // 联户长备选库与岗位
  await checkPool();

  // 联户长队伍
  await checkHeadKpis();

  // Open cases with lights
  const row = page.locator('#open-cases tbody tr', { hasText: seeded.dispatched });
  await row.waitFor();
  const lights = await page.locator('#open-cases tbody tr[data-light] .dot').count();
  check(lights >= 2, `only ${lights} lights in the open-case list`);
  const rowText = (await row.innerText()).replace(/\s+/g, ' ');
  check(/超期|预警|正常/.test(rowText) && rowText.includes('环境卫生') && rowText.includes('处置中')
    && rowText.includes('县城市管理局') && rowText.includes('东城街道 / 和平里社区'), `open-case row: ${rowText}`);
  const cockpit = await row.locator('a', { hasText: 'Cockpit' }).getAttribute('href');
  check(/\/camunda\/app\/cockpit\/default\/#\/process-instance\/[^/]+\/runtime$/.test(cockpit), `Cockpit link ${cockpit}`);
  const tasklist = await row.locator('a', { hasText: 'Tasklist' }).evaluate((a) => a.href);
  check(tasklist === `${baseUrl}/camunda/app/tasklist/`, `Tasklist link ${tasklist}`);
  check(await page.locator('#open-cases tbody tr', { hasText: seeded.waiting }).count() === 1, 'the unaccepted case is missing');
  log(`open cases: ${lights} with lights; ${rowText}`);
  await page.locator('.filters [data-light="red"]').click();
  check(await page.locator('#open-cases tbody tr[data-light]:not([data-light="red"])').count() === 0, 'the red filter shows other lights');
  await page.locator('.filters [data-light=""]').click();
  await row.waitFor();

  // Hotspots
  const heat = page.locator('#heat tbody tr', { hasText: '和平里社区' });
  await heat.waitFor();
  check((await page.locator('#heat thead').innerText()).includes('环境卫生'), 'heat table lacks 环境卫生');
  log(`hotspots: ${(await heat.innerText()).replace(/\s+/g, ' ')}`);

  // Downloads
  await page.locator('#dl-period').selectOption('month');
  const csv = await download('#dl-csv');
  check(csv.bytes[0] === 0xef && csv.bytes[1] === 0xbb && csv.bytes[2] === 0xbf, `CSV does not start with the BOM: ${csv.bytes.subarray(0, 8).toString('hex')}`);
  const csvText = csv.bytes.toString('utf8');
  check(csvText.includes('东城街道'), `CSV lacks 东城街道:\n${csvText.slice(0, 400)}`);
  check(/^lianhu-month-\d{4}-\d{2}-01\.csv$/.test(csv.name), `CSV file name ${csv.name}`);
  await page.locator('#dl-msg', { hasText: '已下载' }).waitFor();
  const xlsx = await download('#dl-xlsx');
  check(xlsx.bytes.subarray(0, 2).toString('latin1') === 'PK', 'the XLSX is not a zip file');
  check(/\.xlsx$/.test(xlsx.name), `XLSX file name ${xlsx.name}`);
  log(`downloaded ${csv.name} (${csv.bytes.length} bytes, BOM, 东城街道) and ${xlsx.name} (${xlsx.bytes.length} bytes)`);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(1, 1);
  await shot('dashboard.png', { fullPage: true });
  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
  await checkUnitKpisNarrow();

  // The login is a server session: the page keeps no password, scripts cannot read the cookie, a reload
  // keeps the login, and a session that ends brings the form back.
  const stored = await page.evaluate(() => JSON.stringify(Object.assign({}, sessionStorage, localStorage)));
  check(!stored.includes(PASSWORD) && !stored.includes('password'), `the page stored credentials: ${stored}`);
  check(!(await page.evaluate(() => document.cookie)).includes('JSESSIONID'), 'the session cookie is readable by scripts');
  const cookie = (await context.cookies()).find((c) => c.name === 'JSESSIONID');
  check(cookie && cookie.httpOnly && cookie.sameSite === 'Lax', `session cookie ${JSON.stringify(cookie)}`);
  await page.reload();
  await page.locator('#dash').waitFor({ state: 'visible' });
  await page.locator('#kpi-response .kpi-value', { hasText: '%' }).waitFor();
  // Every section done loading (none busy): a request still queued would meet the cleared cookie with its own 401.
  await page.locator('#head-kpi-table[data-year]').waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy]'), null, { timeout: STEP_TIMEOUT_MS });
  await context.clearCookies();
  await page.locator('[data-preset="3m"]').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  await page.locator('#login-msg', { hasText: '重新登录' }).waitFor();
  check(await page.locator('#dash').isHidden(), 'the dashboard stays visible after a 401');
  log('no password in the page, HttpOnly SameSite session; reload keeps the login; an ended session shows the form');
  await login('majie', PASSWORD);
  await page.locator('#dash').waitFor({ state: 'visible' });
  // The reload below must not overtake the request that ends the session.
  await Promise.all([
    page.waitForResponse((r) => /\/api\/session$/.test(r.url()) && r.request().method() === 'DELETE', { timeout: STEP_TIMEOUT_MS }),
    page.locator('#logout').click()
  ]);
  await page.locator('#login-view').waitFor({ state: 'visible' });
  await page.reload();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  check(await page.locator('#dash').isHidden(), 'the session outlived 退出');
  log('退出 ends the session');
}

await run(main, { timeoutS: 120, fullPage: true });
