// Browser end-to-end check of the supervisors' dashboard /dashboard/: log in through the page's form, see
// the KPIs against their targets, the monthly trend charts, the KPI table, the department ranking, the liaison
// heads' KPIs (联户工作) with their coverage lights, the heads' reserve pool and open posts (联户长备选库与岗位),
// the heads' yearly KPIs (联户长队伍), the open cases with their traffic lights and links, the cases copied to
// the user's office (抄送本部门), the hotspot table, and download the monthly report.
//
//   npm ci
//   node dashboard.mjs [baseUrl] [screenshotDir]
//   node dashboard.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (users majie, wangli, qinfang, hejun, duchao and hanxue; password demo, override
// with LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a CJK
// font (fonts-noto-cjk). PAGES_ENTRY=index.html opens /dashboard/index.html instead of /dashboard/.
//
// It first puts data in place through the public API and the engine REST API (as wangli): a sanitation
// case at 和平里东街 dispatched to urban management and left open (a department to rank, a light), one
// resolved on the spot and rated 满意 (a satisfaction rate), one left unaccepted at 新华路, and one at
// 和平里东街12号 dispatched too, for the staff inbox (it tells duchao 抄送 and hanxue 新的待办). Then, in a
// 1440-wide window:
// - unknown credentials are refused on the form (an unknown user, so that no demo account is throttled by
//   Camunda's login delay); majie/demo logs in;
// - the four KPI cards show percentages (satisfaction not empty) as GET /api/stats/kpis?groupBy=street gives
//   them with docs/kpis.md's formulas (the streets' counters summed, then 时限内响应 / 应响应, 已解决 / 结案,
//   满意及基本满意 / 评价, each sub-line with its counts), each with its target from GET /api/stats/targets
//   (目标 ≥95% …) and coloured against it (good at the target, fair within ten points under it, poor below);
//   the counters (上报 … 延期, 退单) are the API's sums; four SVG trend charts have points and a target line,
//   this month's point with the month's counts;
// - the KPI table (by street: each row's own rates coloured by target, 延期, 退单, a total by the formulas)
//   switches to 职能部门 and 社区; the ranking lists 县城市管理局 and has the columns 排名 … 事件数 (部门响应率,
//   按时办结率, 退单率 with the count of returns, 退单被驳回, 重办率, 满意率) as GET
//   /api/stats/departments/ranking answers, and the note on the score's weights; then, with figures set in
//   the browser (street counters, the first department's rates, the mediation rate), the cards, the table's
//   total and the ranking show the fair / poor / good colours against the API's targets;
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
// - 抄送本部门 lists what GET /api/staff/cases/copied lists for majie (usually 暂无抄送本部门的事件);
// - the heat table shows 和平里社区 × 环境卫生;
// - the monthly CSV download starts with the UTF-8 BOM and contains 东城街道, the XLSX is a zip;
// - at 390 px wide the 联户工作 section (by unit) fits the window, its table scrolling inside its box with
//   the names kept in view.
// - the page keeps no password (a server session with an HttpOnly, SameSite cookie), a reload keeps the
//   login, a session that ended brings the form back (401), and 退出 ends the session;
// - duchao (督查室督办科, the supervision office) logs in and sees the sanitation case dispatched above in
//   抄送本部门 (环境卫生, 处置中, 和平里东街8号, its handling office, the 超期 flag as the API has it) with the
//   whole list as the API answers it; the login asks for the targets once and the cards show what the
//   answer says (other targets, set in the browser);
// - 消息 (the staff inbox in the header), as duchao: the badge shows the server's unread count (GET
//   /api/staff/inbox/unread, ≥ 1); the panel lists the latest 50 messages as GET /api/staff/inbox answers
//   them (newest first; unread ones marked 未读 with 标为已读; each with its eventName, county time
//   yyyy-MM-dd HH:mm, subject, body and a link to /case/#/<caseNo>), among them the 抄送 whose subject has
//   the 和平里东街12号 case's number; 标为已读 sends POST /api/staff/inbox/<id>/read with X-CSRF-Token and
//   lowers the badge by one (less any message arriving meanwhile); the link opens /case/#/<caseNo> in a
//   new tab, the case page in the same session with its own badge; 全部标为已读 leaves no unread
//   message; Escape closes the panel; 退出 leaves nothing of the inbox in the page;
// - the case page on a phone (390 px), as hanxue starting on the 和平里东街8号 case: the badge, the panel
//   over the whole screen listing the 新的待办 of the 12号 case, whose link opens that case on the page
//   and reads the message (the badge one lower).
// With screenshotDir it writes dashboard.png (the whole page, 1440 wide), dashboard-unit-kpis-390.png
// (the 联户工作 section by unit, 390 wide), dashboard-pool.png (the 联户长备选库与岗位 section),
// dashboard-heads.png (the 联户长队伍 section), dashboard-copied.png (抄送本部门 as duchao), dashboard-inbox.png
// (the 消息 panel as duchao) and case-inbox-390.png (the case page's 消息 panel as hanxue, 390 wide) there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves four cases behind (one closed, three open) and a liaison
// unit in 桃园村 whose head's post is open; duchao's messages all read, hanxue's 新的待办 of the 12号 case read.
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  PASSWORD, STEP_TIMEOUT_MS, api, awaitInboxMessage, baseUrl, check, checkEntryServed, completeAcceptCase, countyMinute,
  expectedFailures, launchBrowser, log, newContext, openCasePage, openPage, page, pageErrors, pagesUrl, reportCase, run,
  setPage, shot, shotDir, sleep, watchPageErrors
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
  // For the inbox: dispatched by wangli, it tells hanxue's office (新的待办) and duchao's (抄送).
  const inbox = await reportCase(`看板回归测试：消息（${stamp}）`); // sanitation at 和平里东街12号
  await completeAcceptCase(inbox.caseNo, { acceptDecision: 'dispatch', acceptComment: '转城管中队处置（消息测试）' });
  log(`seeded ${dispatched.caseNo} (dispatched, open), ${rated.caseNo} (rated 满意), ${waiting.caseNo} (unaccepted), `
    + `${inbox.caseNo} (和平里东街12号, dispatched, for the inbox)`);
  return { dispatched: dispatched.caseNo, waiting: waiting.caseNo, inbox: inbox.caseNo };
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

// ---------------------------------------------------------------------------------------------
// Targets, the headline, the KPI table, the department ranking and 抄送本部门

const CARDS = { 'kpi-response': 'response', 'kpi-resolution': 'resolution', 'kpi-satisfaction': 'satisfaction', 'kpi-mediation': 'mediation' };
const TARGET_KEYS = ['response', 'resolution', 'satisfaction', 'mediation', 'officeResponse', 'handledInTime'];
const KPI_HEADS = ['街道', '上报', '不予受理', '按时响应率', '解决率', '满意率', '平均响应', '平均处置', '超期', '重办', '延期', '退单'];
const RANKING_HEADS = ['排名', '部门', '得分', '部门响应率', '按时办结率', '退单率', '退单被驳回', '重办率', '满意率', '事件数'];
const RANKING_NOTE = '得分按部门自身的响应、按时办结、被驳回的退单、重办与满意度加权计算（权重见 docs/kpis.md）';
const COUNTERS = ['reported', 'rejected', 'dueToRespond', 'respondedInTime', 'closed', 'resolved', 'rated', 'satisfied',
  'overdue', 'reopens', 'extended', 'returns'];
const n = (v) => Number(v).toLocaleString('zh-CN');

/** GET /api/stats/targets in the page's session: six fractions. */
async function statsTargets() {
  const t = await sessionGet('stats/targets');
  check(TARGET_KEYS.every((k) => typeof t[k] === 'number' && t[k] >= 0 && t[k] <= 1), `stats/targets: ${JSON.stringify(t)}`);
  return t;
}

/** The colour the page gives a rate against its target: good at it, fair within ten points under it, else poor. */
function level(v, target) {
  if (v == null) return null;
  return v >= target - 1e-9 ? 'good' : v >= target - 0.1 - 1e-9 ? 'fair' : 'poor';
}

/** Rows' counters summed and the rates as the API defines them (responded in time / due, resolved / closed, satisfied / rated). */
function totals(rows) {
  const t = Object.fromEntries(COUNTERS.map((k) => [k, rows.reduce((a, r) => a + (Number(r[k]) || 0), 0)]));
  t.responseRate = t.dueToRespond > 0 ? t.respondedInTime / t.dueToRespond : null;
  t.resolutionRate = t.closed > 0 ? t.resolved / t.closed : null;
  t.satisfactionRate = t.rated > 0 ? t.satisfied / t.rated : null;
  return t;
}

async function pageRange() {
  return { from: await page.locator('#r-from').inputValue(), to: await page.locator('#r-to').inputValue() };
}

/** The rate class of a cell ('rate-good' …) as the page should give it, and as it does. */
function rateClassOf(className) {
  return (className || '').split(/\s+/).filter((c) => /^rate-(good|fair|poor)$/.test(c)).join(' ') || null;
}

/**
 * Waits until each KPI card shows its expected { value, sub } and checks its target line (目标 ≥…) and its
 * colour (good / fair / poor against that target, none without a value).
 */
async function checkCards(expected, targets, what) {
  for (const [id, e] of Object.entries(expected)) {
    const target = targets[CARDS[id]];
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    let card;
    for (;;) {
      card = await page.locator(`#${id}`).evaluate((c) => ({
        classes: c.className.split(/\s+/), value: c.querySelector('.kpi-value').textContent.trim(),
        sub: c.querySelector('.kpi-sub').textContent.trim(), target: c.querySelector('.kpi-target').textContent.trim()
      }));
      if ((card.value === pctText(e.value) && card.sub === e.sub) || Date.now() > deadline) break;
      await sleep(150);
    }
    check(card.value === pctText(e.value) && card.sub === e.sub,
      `${what}: ${id} reads "${card.value}" "${card.sub}", expected "${pctText(e.value)}" "${e.sub}"`);
    check(card.target === `目标 ≥${pctText(target)}`, `${what}: ${id} shows the target "${card.target}", the API ${target}`);
    const colour = level(e.value, target) || 'none';
    const shown = card.classes.filter((c) => ['good', 'fair', 'poor', 'none'].includes(c));
    check(shown.length === 1 && shown[0] === colour, `${what}: ${id} (${pctText(e.value)}, target ${pctText(target)}) is coloured ${shown}, expected ${colour}`);
  }
}

/** The headline as the API's street rows and mediation figures give it, the counters included. */
async function checkHeadline(targets, what) {
  const { from, to } = await pageRange();
  const rows = await sessionGet(`stats/kpis?groupBy=street&period=all&from=${from}&to=${to}`);
  const mediation = await sessionGet(`stats/mediation?from=${from}&to=${to}`);
  const t = totals(rows);
  await checkCards({
    'kpi-response': { value: t.responseRate, sub: `时限内响应 ${n(t.respondedInTime)} / 应响应 ${n(t.dueToRespond)}` },
    'kpi-resolution': { value: t.resolutionRate, sub: `已解决 ${n(t.resolved)} / 结案 ${n(t.closed)}` },
    'kpi-satisfaction': { value: t.satisfactionRate, sub: `满意及基本满意 ${n(t.satisfied)} / 评价 ${n(t.rated)}` },
    'kpi-mediation': { value: mediation.successRate == null ? null : mediation.successRate,
      sub: `达成协议 ${n(mediation.agreed || 0)} / 调解结束 ${n(mediation.decided || 0)}` }
  }, targets, what);
  const counts = Object.fromEntries(await page.locator('#counts [data-count]').evaluateAll((spans) => spans
    .map((s) => [s.dataset.count, s.textContent.trim()])));
  for (const [key, label] of [['reported', '上报'], ['rejected', '不予受理'], ['closed', '结案'], ['resolved', '已解决'],
    ['rated', '已评价'], ['overdue', '超期'], ['reopens', '重办'], ['extended', '延期'], ['returns', '退单']]) {
    check(counts[key] === `${label}${n(t[key])}`, `${what}: the counter ${key} reads "${counts[key]}", expected ${label} ${t[key]}`);
  }
  return { rows, t };
}

/** The monthly trend charts: a target line each, the current month's point with the API's counts of that month. */
async function checkTrends(targets) {
  const { from, to } = await pageRange();
  const month = to.slice(0, 7);
  const t = totals((await sessionGet(`stats/kpis?groupBy=street&period=month&from=${from}&to=${to}`)).filter((r) => r.period === month));
  const charts = page.locator('#trends svg.chart');
  const expected = [
    ['按时响应率', targets.response, t.responseRate, `时限内响应 ${t.respondedInTime} / 应响应 ${t.dueToRespond}`],
    ['解决率', targets.resolution, t.resolutionRate, `已解决 ${t.resolved} / 结案 ${t.closed}`],
    ['群众满意率', targets.satisfaction, t.satisfactionRate, `满意及基本满意 ${t.satisfied} / 评价 ${t.rated}`],
    ['矛盾调解成功率', targets.mediation, null, null]
  ];
  for (const [i, [title, target, value, detail]] of expected.entries()) {
    const chart = charts.nth(i);
    check((await chart.getAttribute('aria-label')).startsWith(`${title}月度趋势：`), `chart ${i} is not ${title}`);
    check(await chart.locator('line.target').count() === 1 && (await chart.locator('text.target-label').textContent()) === `目标 ≥${pctText(target)}`,
      `the ${title} chart has no target line at ${pctText(target)}`);
    if (value == null) continue;
    const titles = await chart.locator('circle.pt title').allTextContents();
    const point = titles.find((x) => x.startsWith(`${month}：`));
    check(point && point.startsWith(`${month}：${pctText(value)}（${detail}）`) && point.includes(`目标 ≥${pctText(target)}`),
      `the ${title} chart's ${month} point reads "${point}", expected ${pctText(value)}（${detail}）`);
    const dot = await chart.locator('circle.pt', { has: page.locator('title', { hasText: `${month}：` }) }).getAttribute('data-level');
    check(dot === level(value, target), `the ${title} chart's ${month} point is ${dot}, expected ${level(value, target)}`);
  }
  log(`trends: target lines; ${month} ${pctText(t.responseRate)} (${t.respondedInTime}/${t.dueToRespond}), ${pctText(t.resolutionRate)} (${t.resolved}/${t.closed})`);
}

/** The KPI table by street: its headers, each row's own rates coloured by target, 延期 and 退单, and the total. */
async function checkKpiTable(rows, targets, what) {
  const heads = (await page.locator('#kpi-table thead th').allTextContents()).map((h) => h.trim());
  check(heads.join('|') === KPI_HEADS.join('|'), `${what}: the KPI table's headers are ${heads.join('|')}`);
  const cellsOf = (tr) => Object.fromEntries([...tr.querySelectorAll('td[data-col]')].map((td) => [td.dataset.col, { text: td.textContent.trim(), cls: td.className }]));
  const expectRates = (cells, r, whose) => {
    for (const [col, key, target] of [['response', 'responseRate', targets.response], ['resolution', 'resolutionRate', targets.resolution],
      ['satisfaction', 'satisfactionRate', targets.satisfaction]]) {
      const v = r[key] == null ? null : r[key];
      const cls = level(v, target) && `rate-${level(v, target)}`;
      check(cells[col].text === pctText(v) && rateClassOf(cells[col].cls) === cls,
        `${what}: ${whose} ${col} "${cells[col].text}" (${cells[col].cls}), expected ${pctText(v)} ${cls}`);
    }
    check(cells.extended.text === n(r.extended) && cells.returns.text === n(r.returns), `${what}: ${whose} 延期/退单 ${cells.extended.text}/${cells.returns.text}, expected ${r.extended}/${r.returns}`);
  };
  // A row without a group (未确定) has nothing to find it by; the total covers it.
  for (const r of rows.filter((x) => x.group)) {
    const row = page.locator(`#kpi-table tbody tr[data-group="${r.group}"]`);
    await row.waitFor();
    expectRates(await row.evaluate(cellsOf), r, r.groupName);
  }
  expectRates(await page.locator('#kpi-table tfoot tr').evaluate(cellsOf), totals(rows), '合计');
}

/** The ranking: the new headers, the note, and every department as the API ranks it, coloured by its targets. */
async function checkRanking(rows, targets, what) {
  const heads = (await page.locator('#ranking thead th').allTextContents()).map((h) => h.trim());
  check(heads.join('|') === RANKING_HEADS.join('|'), `${what}: the ranking's headers are ${heads.join('|')}`);
  check((await text('#rank-note')) === RANKING_NOTE, `${what}: the ranking's note reads "${await text('#rank-note')}"`);
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  const order = rows.map((d) => d.department).join(',');
  let shown;
  while (Date.now() < deadline) {
    shown = (await page.locator('#ranking tbody tr[data-department]').evaluateAll((trs) => trs.map((tr) => tr.dataset.department))).join(',');
    if (shown === order) break;
    await sleep(150);
  }
  check(shown === order, `${what}: the ranking lists ${shown}, the API ${order}`);
  for (const d of rows) {
    const c = await page.locator(`#ranking tbody tr[data-department="${d.department}"]`).evaluate((tr) => Object.fromEntries(
      [...tr.querySelectorAll('td[data-col]')].map((td) => [td.dataset.col, {
        text: td.textContent.trim(), first: (td.firstChild && td.firstChild.nodeType === 3 ? td.firstChild.textContent : td.textContent).trim(),
        cls: td.className, title: td.title, small: (td.querySelector('.small') || { textContent: null }).textContent
      }])));
    const bad = (col) => `${what}: ${d.departmentName} ${col} ${JSON.stringify(c[col])} (API ${JSON.stringify(d)})`;
    check(c.rank.text === String(d.rank) && c.department.text === d.departmentName && c.score.text === Number(d.score).toFixed(1), bad('rank/name/score'));
    for (const [col, key, target] of [['officeResponse', 'officeResponseRate', targets.officeResponse],
      ['handledInTime', 'handledInTimeRate', targets.handledInTime], ['satisfaction', 'satisfactionRate', targets.satisfaction]]) {
      const v = d[key] == null ? null : d[key];
      check(c[col].text === pctText(v) && rateClassOf(c[col].cls) === (level(v, target) && `rate-${level(v, target)}`), bad(col));
    }
    check(c.returnRate.first === pctText(d.returnRate == null ? null : d.returnRate) && c.returnRate.small === `${d.returns} 次`
      && c.returnRate.title.includes(`退单 ${d.returns} 次`), bad('returnRate'));
    check(c.upheldReturns.text === n(d.upheldReturns), bad('upheldReturns'));
    check(c.reopenRate.text === pctText(d.reopenRate == null ? null : d.reopenRate), bad('reopenRate'));
    check(c.cases.text === n(d.cases), bad('cases'));
  }
}

/**
 * Figures set in the browser (the real ones are all 100%): the street rows' counters and the first department's
 * rates replaced, so that the cards, the table's total and the ranking show each colour against the API's targets
 * and the totals follow the formulas (counters summed, then responded in time / due, resolved / closed).
 */
async function checkColours(targets) {
  const { from, to } = await pageRange();
  const parts = [
    { reported: 30, rejected: 5, dueToRespond: 12, respondedInTime: 12, closed: 4, resolved: 4, rated: 6, satisfied: 6, extended: 2, returns: 1 },
    { reported: 10, rejected: 0, dueToRespond: 8, respondedInTime: 6, closed: 6, resolved: 3, rated: 4, satisfied: 3, extended: 35, returns: 40 }
  ];
  const withRates = (r) => ({ ...r, responseRate: r.respondedInTime / r.dueToRespond, resolutionRate: r.resolved / r.closed, satisfactionRate: r.satisfied / r.rated });
  let streetRows;
  await page.route(/\/api\/stats\/kpis\?groupBy=street&period=all&/, async (route) => {
    const res = await route.fetch();
    const real = await res.json();
    const template = real[0] || { group: 'dongcheng', groupName: '东城街道', period: 'all' };
    streetRows = parts.map((p, i) => withRates({ ...(real[i] || { ...template, group: `e2e${i}`, groupName: `测试街道${i}` }), ...p }));
    await route.fulfill({ response: res, json: streetRows });
  });
  let rankingRows;
  await page.route(/\/api\/stats\/departments\/ranking\?/, async (route) => {
    const res = await route.fetch();
    const real = await res.json();
    check(real.length > 0, 'the ranking is empty');
    rankingRows = real.map((d, i) => (i ? d : { ...d, officeResponseRate: 0.85, handledInTimeRate: 0.5, satisfactionRate: 0.95,
      returns: 3, returnRate: 0.3, upheldReturns: 1 }));
    await route.fulfill({ response: res, json: rankingRows });
  });
  const mediation = { byStatus: {}, agreed: 8, decided: 10, successRate: 0.8 };
  const wholeRange = (url) => url.pathname.endsWith('/api/stats/mediation') && url.searchParams.get('from') === from
    && url.searchParams.get('to') === to;
  await page.route(wholeRange, (route) => route.fulfill({ json: mediation }));
  await Promise.all([
    page.waitForResponse((r) => /\/api\/stats\/departments\/ranking\?/.test(r.url()), { timeout: STEP_TIMEOUT_MS }),
    page.locator('#range-form button[type="submit"]').click()
  ]);
  await checkCards({
    'kpi-response': { value: 18 / 20, sub: '时限内响应 18 / 应响应 20' },
    'kpi-resolution': { value: 7 / 10, sub: '已解决 7 / 结案 10' },
    'kpi-satisfaction': { value: 9 / 10, sub: '满意及基本满意 9 / 评价 10' },
    'kpi-mediation': { value: 0.8, sub: '达成协议 8 / 调解结束 10' }
  }, targets, 'figures set in the browser');
  await page.waitForFunction(() => {
    const cellText = (col) => (document.querySelector(`#kpi-table tfoot td[data-col="${col}"]`) || {}).textContent;
    return cellText('response') === '90%' && cellText('resolution') === '70%' && cellText('extended') === '37' && cellText('returns') === '41';
  }, null, { timeout: STEP_TIMEOUT_MS });
  await checkKpiTable(streetRows, targets, 'figures set in the browser');
  await checkRanking(rankingRows, targets, 'figures set in the browser');
  const colours = await page.locator('#kpis .kpi').evaluateAll((cards) => cards.map((c) => `${c.id.slice(4)} ${c.querySelector('.kpi-value').textContent} ${c.className.split(' ').pop()}`));
  log(`figures set in the browser, coloured against the targets: ${colours.join(', ')}`);
  await page.unroute(/\/api\/stats\/kpis\?groupBy=street&period=all&/);
  await page.unroute(/\/api\/stats\/departments\/ranking\?/);
  await page.unroute(wholeRange);
  await Promise.all([
    page.waitForResponse((r) => /\/api\/stats\/departments\/ranking\?/.test(r.url()), { timeout: STEP_TIMEOUT_MS }),
    page.locator('#range-form button[type="submit"]').click()
  ]);
  await checkHeadline(targets, 'the real figures again');
}

/** 抄送本部门 as the API lists it for the page's user (newest first, the first 50); `caseNo` must be among them. */
async function checkCopied(user, caseNo) {
  const list = await sessionGet('staff/cases/copied?page=0&size=50');
  check(Array.isArray(list), `staff/cases/copied as ${user}: ${JSON.stringify(list).slice(0, 300)}`);
  await page.locator('#copied').scrollIntoViewIfNeeded();
  const want = list.map((c) => c.caseNo).join(',');
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let shown;
  while (Date.now() < deadline) {
    shown = (await page.locator('#copied-cases tbody tr[data-case]').evaluateAll((trs) => trs.map((tr) => tr.dataset.case))).join(',');
    if (shown === want && (list.length || await page.locator('#copied-cases .empty-row').count())) break;
    await sleep(150);
  }
  check(shown === want, `抄送本部门 as ${user} lists ${shown}, the API ${want}`);
  const heads = (await page.locator('#copied-cases thead th').allTextContents()).map((h) => h.trim()).join('|');
  check(heads === '事件编号|类别|状态|地点|处置单位|超期|上报时间|处置时限', `抄送本部门's headers: ${heads}`);
  check((await text('#cc-count')).startsWith(`共 ${list.length} 件`), `抄送本部门's count "${await text('#cc-count')}" for ${list.length}`);
  if (!list.length) {
    check((await text('#copied-cases .empty-row')) === '暂无抄送本部门的事件', `the empty 抄送本部门 reads "${await text('#copied-cases .empty-row')}"`);
  }
  for (const c of list) {
    const row = page.locator(`#copied-cases tbody tr[data-case="${c.caseNo}"]`);
    const rowText = (await row.innerText()).replace(/\s+/g, ' ');
    check((!c.statusName || rowText.includes(c.statusName)) && (!c.address || rowText.includes(c.address))
      && (!c.handlerGroup || rowText.includes(c.handlerGroup))
      && (!c.handlerName || rowText.includes(c.handlerName)),
      `抄送本部门 row ${c.caseNo}: ${rowText} (API ${JSON.stringify(c)})`);
    check(await row.getAttribute('data-overdue') === String(!!c.overdue)
      && await row.locator('.overdue-flag').count() === (c.overdue ? 1 : 0), `抄送本部门 row ${c.caseNo}'s 超期 flag for ${c.overdue}`);
  }
  if (caseNo) {
    const c = list.find((x) => x.caseNo === caseNo);
    check(c, `the API does not list ${caseNo} as copied to ${user}'s office: ${want}`);
    const rowText = (await page.locator(`#copied-cases tbody tr[data-case="${caseNo}"]`).innerText()).replace(/\s+/g, ' ');
    check(rowText.includes('环境卫生') && rowText.includes('处置中') && rowText.includes('和平里东街8号') && rowText.includes('东城街道 / 和平里社区'),
      `抄送本部门 row ${caseNo}: ${rowText}`);
    log(`抄送本部门 as ${user}: ${await text('#cc-count')}; ${rowText}`);
  } else {
    log(`抄送本部门 as ${user}: ${await text('#cc-count')}${list.length ? '' : '（暂无抄送本部门的事件）'}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 消息: the staff inbox in the header (the dashboard's and the case page's)

/** The badge's count on the current page (its data-count; it reads the same, 99+ above 99), 0 when hidden. */
async function badgeCount() {
  const state = await page.locator('#inbox-badge').evaluate((b) => ({ hidden: b.hidden, count: b.dataset.count, text: b.textContent.trim() }));
  const n = Number(state.count);
  check(Number.isInteger(n) && n >= 0, `the inbox badge's count is "${state.count}"`);
  check(state.hidden === (n === 0), `the inbox badge is ${state.hidden ? 'hidden' : 'shown'} at ${n}`);
  if (n) check(state.text === (n > 99 ? '99+' : String(n)), `the inbox badge reads "${state.text}" for ${n}`);
  return n;
}

/** The ids of the unread messages, asked in the page's session. */
async function unreadIds() {
  return new Set((await sessionGet('staff/inbox?unread=true&size=200')).map((m) => m.id));
}

/** Waits until the badge is done asking and shows the server's count; answers it. */
async function settledBadge(what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let shown;
  let server;
  let asked = false;
  while (Date.now() < deadline) {
    if (!(await page.locator('#inbox-btn[aria-busy]').count())) {
      shown = await badgeCount();
      server = (await sessionGet('staff/inbox/unread')).unread;
      if (shown === server) return shown;
      // A message that came after the page's last count waits for the next minute's poll: ask now.
      if (!asked && Date.now() > deadline - STEP_TIMEOUT_MS / 2 && await page.locator('#inbox-refresh').isVisible()) {
        asked = true;
        await page.locator('#inbox-refresh').click();
      }
    }
    await sleep(200);
  }
  throw new Error(`${what}: the inbox badge shows ${shown}, the server counts ${server} unread`);
}

async function openInbox() {
  await page.locator('#inbox-btn').click();
  await page.locator('#inbox-panel').waitFor({ state: 'visible' });
  check(await page.locator('#inbox-btn').getAttribute('aria-expanded') === 'true', 'the 消息 button is not marked expanded');
  await page.locator('#inbox-list li.inbox-item').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('#inbox-list[aria-busy]'), null, { timeout: STEP_TIMEOUT_MS });
}

/** What the panel shows of each message, in order. */
async function inboxItems() {
  return page.locator('#inbox-list li.inbox-item').evaluateAll((lis) => lis.map((li) => {
    const t = (sel) => { const n = li.querySelector(sel); return n ? n.textContent.trim() : null; };
    const a = li.querySelector('a.inbox-case');
    return {
      id: Number(li.dataset.id), unread: li.dataset.unread === 'true', marked: !!li.querySelector('.inbox-new'),
      eventName: t('.inbox-event'), time: t('time'), subject: t('.inbox-subject'), body: t('.inbox-body'),
      href: a ? a.href : null, linkText: a ? a.textContent.trim() : null, readButton: t('button.inbox-read')
    };
  }));
}

/**
 * The panel lists the latest 50 messages as GET /api/staff/inbox answers them (newest first, unread ones
 * marked, each with eventName, county time, subject, body and its case's link); `msg` among them, unread.
 */
async function checkInboxList(msg, what) {
  const shown = await inboxItems();
  const list = await sessionGet('staff/inbox?size=200');
  const byId = new Map(list.map((m) => [m.id, m]));
  check(shown.length >= 1 && shown.length <= 50, `${what}: the panel lists ${shown.length} messages`);
  // Newest first as the API answers; a message that came after the page asked is not yet listed.
  const since = list.findIndex((m) => m.id === shown[0].id);
  check(since >= 0, `${what}: the panel's first message ${shown[0].id} is not the user's`);
  const expected = list.slice(since, since + 50);
  check(shown.map((m) => m.id).join(',') === expected.map((m) => m.id).join(','),
    `${what}: the panel lists ${shown.map((m) => m.id).join(',')}, the API ${expected.map((m) => m.id).join(',')}`);
  for (const s of shown) {
    const m = byId.get(s.id);
    const where = `${what}: message ${s.id}`;
    check(s.unread === !m.readAt && s.marked === !m.readAt && (s.readButton === '标为已读') === !m.readAt,
      `${where} shown ${s.unread ? 'unread' : 'read'} (marker ${s.marked}, button ${s.readButton}), readAt ${m.readAt}`);
    check(s.eventName === (m.eventName || m.event) && s.subject === m.subject && (s.body || null) === (m.body || null),
      `${where}: ${JSON.stringify(s)} for ${JSON.stringify(m)}`);
    check(s.time === countyMinute(m.createdAt), `${where} at "${s.time}", expected ${countyMinute(m.createdAt)} for ${m.createdAt}`);
    check(m.caseNo ? s.href === `${baseUrl}/case/#/${encodeURIComponent(m.caseNo)}` && s.linkText.includes(m.caseNo) : s.href == null,
      `${where} links to ${s.href} (${s.linkText}) for case ${m.caseNo}`);
  }
  const mine = shown.find((s) => s.id === msg.id);
  check(mine, `${what}: the panel does not list message ${msg.id} (${msg.subject})`);
  check(mine.unread && mine.subject.includes(msg.caseNo), `${what}: message ${msg.id} shown as ${JSON.stringify(mine)}`);
  return mine;
}

/**
 * Runs `action` (which reads `msg`) and checks that it sent POST /api/staff/inbox/<id>/read in the session
 * (X-CSRF-Token, X-Requested-With) and that the badge lost one: the unread count before, less this
 * message, plus any message that came meanwhile. Answers the badge's count before and after.
 */
async function readsMessage(msg, action, what) {
  const shownBefore = await badgeCount();
  const before = await unreadIds();
  check(before.has(msg.id), `${what}: message ${msg.id} is not unread before`);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/api/staff/inbox/${msg.id}/read`) && r.request().method() === 'POST',
      { timeout: STEP_TIMEOUT_MS }),
    action()
  ]);
  const headers = res.request().headers();
  check(res.status() === 204, `${what}: POST /api/staff/inbox/${msg.id}/read answered ${res.status()} ${await res.text().catch(() => '')}`);
  check(headers['x-csrf-token'] && headers['x-requested-with'] === 'XMLHttpRequest',
    `${what}: the read was sent without the session's headers: ${JSON.stringify(headers)}`);
  const after = await settledBadge(`${what}, after reading`);
  const now = await unreadIds();
  check(!now.has(msg.id), `${what}: message ${msg.id} is still unread on the server`);
  const arrived = [...now].filter((id) => !before.has(id)).length;
  check(after === before.size - 1 + arrived, `${what}: the badge went ${shownBefore} → ${after}; `
    + `the server had ${before.size} unread, ${arrived} arrived meanwhile`);
  return { before: shownBefore, after };
}

/**
 * On the dashboard (the current page, logged in as `user`): the badge, the panel listing `msg` (unread,
 * with `eventName`), 标为已读 lowering the badge by one, the link opening /case/#/<caseNo> in a new tab
 * of `context` (the case page, logged in by the same session, its own badge), 全部标为已读, and Escape.
 */
async function checkDashboardInbox(context, user, msg, eventName) {
  await page.locator('#inbox-btn').waitFor();
  const first = await settledBadge(`${user}'s badge`);
  check(first >= 1, `${user}'s badge shows ${first}, with message ${msg.id} unread`);
  log(`${user}'s 消息 badge: ${first} unread`);
  await openInbox();
  const item = page.locator(`#inbox-list li.inbox-item[data-id="${msg.id}"]`);
  const mine = await checkInboxList(msg, `${user}'s inbox`);
  check(mine.eventName === eventName, `${user}'s message ${msg.id} is a "${mine.eventName}", expected ${eventName}`);
  log(`${user}'s inbox lists ${(await inboxItems()).length} messages; ${mine.eventName} ${mine.time} ${mine.subject}`);
  if (shotDir) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('dashboard-inbox.png');
  }

  // 标为已读
  const counts = await readsMessage(msg, () => item.locator('button.inbox-read').click(), `${user}'s 标为已读`);
  await page.locator(`#inbox-list li.inbox-item[data-id="${msg.id}"][data-unread="false"]`).waitFor();
  check(await item.locator('button.inbox-read, .inbox-new').count() === 0, `message ${msg.id} still shows as unread after 标为已读`);
  check(await page.locator('#inbox-panel').isVisible(), 'the panel closed on 标为已读');
  log(`标为已读: the badge went ${counts.before} → ${counts.after}`);

  // The case's link: the case page in a new tab, logged in by the same session, with its own badge.
  const link = item.locator('a.inbox-case');
  check(await link.evaluate((a) => a.href) === `${baseUrl}/case/#/${msg.caseNo}`, `the link goes to ${await link.evaluate((a) => a.href)}`);
  const [tab] = await Promise.all([context.waitForEvent('page', { timeout: STEP_TIMEOUT_MS }), link.click()]);
  const dashboard = page;
  setPage(tab);
  try {
    await tab.locator('#case-view').waitFor();
    check(tab.url() === `${baseUrl}/case/#/${msg.caseNo}`, `the link opened ${tab.url()}`);
    check((await tab.locator('#c-no').innerText()).trim() === msg.caseNo, `the case page shows ${await tab.locator('#c-no').innerText()}`);
    check((await tab.locator('#who-name').innerText()).trim() === user, 'the case page is not in the same session');
    await tab.locator('#inbox-btn').waitFor();
    const there = await settledBadge('the case page\'s badge');
    log(`the link opened ${tab.url().replace(baseUrl, '')}: case ${msg.caseNo} as ${user}, its 消息 badge ${there}`);
  } finally {
    await tab.close();
    setPage(dashboard);
  }

  // 全部标为已读 (which also leaves the demo user's inbox read for the next run)
  await settledBadge(`${user}'s badge before 全部标为已读`);
  if (await badgeCount()) {
    await page.locator('#inbox-read-all').click();
    await page.locator('#inbox-msg.ok', { hasText: '标为已读' }).waitFor();
    const left = await settledBadge(`${user}'s badge after 全部标为已读`);
    await page.waitForFunction(() => !document.querySelector('#inbox-list[aria-busy]'), null, { timeout: STEP_TIMEOUT_MS });
    const unread = (await inboxItems()).filter((s) => s.unread).length;
    check(left === 0 || unread <= left, `after 全部标为已读 the badge shows ${left}, the panel ${unread} unread`);
    log(`全部标为已读: "${(await page.locator('#inbox-msg').innerText()).trim()}", the badge ${left ? `shows ${left}` : 'hidden'}`);
  }
  await page.keyboard.press('Escape');
  await page.locator('#inbox-panel').waitFor({ state: 'hidden' });
  check(await page.locator('#inbox-btn').getAttribute('aria-expanded') === 'false', 'the 消息 button stays expanded after Escape');
}

/**
 * The case page on a phone as `user` (hanxue, whose office handles the sanitation cases): the badge, the
 * panel over the whole screen listing `msg`, whose link opens its case on this page and reads the message.
 * Starts on the case `startNo`, another one.
 */
async function checkCasePageInbox(user, msg, startNo) {
  const phone = await newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const previous = page;
  try {
    await openCasePage(phone, startNo, user);
    const first = await settledBadge(`${user}'s badge on the case page`);
    check(first >= 1, `${user}'s badge on the case page shows ${first}, with message ${msg.id} unread`);
    await openInbox();
    const box = await page.locator('#inbox-panel').boundingBox();
    check(box && box.x === 0 && box.y === 0 && box.width === 390 && box.height === 844, `at 390 px the panel takes ${JSON.stringify(box)}, not the screen`);
    const mine = await checkInboxList(msg, `${user}'s inbox on the case page`);
    check(mine.eventName === '新的待办', `${user}'s message ${msg.id} is a "${mine.eventName}"`);
    check(await page.locator('#inbox-close').isVisible() && await page.locator('#inbox-read-all').isVisible(), 'the panel\'s controls are out of sight at 390 px');
    await shot('case-inbox-390.png');
    const item = page.locator(`#inbox-list li.inbox-item[data-id="${msg.id}"]`);
    const counts = await readsMessage(msg, () => item.locator('a.inbox-case').click(), `${user}'s link on the case page`);
    await page.locator('#inbox-panel').waitFor({ state: 'hidden' });
    await page.locator('#c-no', { hasText: msg.caseNo }).waitFor();
    check(page.url() === `${baseUrl}/case/#/${msg.caseNo}` || page.url().endsWith(`#/${msg.caseNo}`), `the link opened ${page.url()}`);
    log(`${user} on the case page (390 px): badge ${first}, the panel over the screen; the link to ${msg.caseNo} read it (${counts.before} → ${counts.after})`);
    await openInbox();
    await page.locator(`#inbox-list li.inbox-item[data-id="${msg.id}"][data-unread="false"]`).waitFor();
    await page.locator('#inbox-close').click();
    await page.locator('#inbox-panel').waitFor({ state: 'hidden' });
  } finally {
    await phone.close();
    setPage(previous);
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

  // KPIs: the counters summed, the rates by the API's formulas, each against its target (GET /api/stats/targets)
  for (const id of ['kpi-response', 'kpi-resolution', 'kpi-satisfaction']) {
    await waitForText(`#${id} .kpi-value`, (v) => /^\d+(\.\d)?%$/.test(v), `${id} shows no percentage`);
  }
  const kpis = {};
  for (const id of ['kpi-response', 'kpi-resolution', 'kpi-satisfaction', 'kpi-mediation']) {
    kpis[id] = await text(`#${id} .kpi-value`);
  }
  check(/^(\d+(\.\d)?%|—)$/.test(kpis['kpi-mediation']), `mediation KPI "${kpis['kpi-mediation']}"`);
  await waitForText('#counts', (v) => /上报\s*\d+/.test(v), 'counters missing');
  const targets = await statsTargets();
  const headline = await checkHeadline(targets, 'the headline');
  log(`targets ${JSON.stringify(targets)}; the response card reads "${await text('#kpi-response .kpi-target')}"`);
  log(`KPIs: ${Object.entries(kpis).map(([k, v]) => `${k.slice(4)} ${v}`).join(', ')}; ${await text('#counts')}`);

  // Trend charts
  await page.locator('#trends svg.chart').nth(3).waitFor();
  check(await page.locator('#trends svg.chart').count() === 4, 'expected 4 trend charts');
  const points = await page.locator('#trends svg.chart circle.pt').count();
  check(points >= 3, `trend charts have ${points} points`);
  const label = await page.locator('#trends svg.chart').first().getAttribute('aria-label');
  check(/按时响应率月度趋势：\d{4}-\d{2}/.test(label), `chart label "${label}"`);
  log(`4 trend charts, ${points} points`);
  await checkTrends(targets);

  // Ranking
  await page.locator('#ranking tbody tr').first().waitFor();
  const ranking = await page.locator('#ranking tbody').innerText();
  check(ranking.includes('县城市管理局'), `ranking lacks 县城市管理局:\n${ranking}`);
  const { from, to } = await pageRange();
  await checkRanking(await sessionGet(`stats/departments/ranking?from=${from}&to=${to}`), targets, 'the ranking');
  log(`ranking: ${ranking.split('\n')[0].replace(/\s+/g, ' ')}`);

  // KPI table by unit
  await page.locator('#kpi-table tbody th', { hasText: '东城街道' }).waitFor();
  await checkKpiTable(headline.rows, targets, 'the KPI table by street');
  await page.locator('#group-by').selectOption('department');
  await page.locator('#kpi-table tbody th', { hasText: '县城市管理局' }).waitFor();
  await page.locator('#group-by').selectOption('community');
  await page.locator('#kpi-table tbody th', { hasText: '和平里社区' }).waitFor();
  await page.locator('#group-by').selectOption('street');
  await page.locator('#kpi-table tbody th', { hasText: '东城街道' }).waitFor();
  log('KPI table by street, department and community');

  // Each colour against its target, with figures set in the browser
  await checkColours(targets);

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

  // 抄送本部门: the county centre's majie sees what the API lists for her (usually nothing)
  await checkCopied('majie');

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

  // The supervision office (duchao, 督查室督办科) sees the case dispatched above copied to it. Its login asks for
  // the targets once, and the page shows what the server answers (here other targets, set in the browser).
  const copiedMsg = await awaitInboxMessage('duchao', seeded.inbox, 'CASE_COPIED');
  const assignedMsg = await awaitInboxMessage('hanxue', seeded.inbox, 'TASK_ASSIGNED');
  log(`messages about ${seeded.inbox}: duchao's ${copiedMsg.id} "${copiedMsg.subject}", hanxue's ${assignedMsg.id} "${assignedMsg.subject}"`);
  const others = { ...targets, response: 0.8, satisfaction: 0.75 };
  let targetAsks = 0;
  await page.route(/\/api\/stats\/targets$/, (route) => {
    targetAsks++;
    return route.fulfill({ json: others });
  });
  await login('duchao', PASSWORD);
  await page.locator('#dash').waitFor({ state: 'visible' });
  check(await text('#who-name') === 'duchao', 'duchao is not shown as the user');
  await checkCopied('duchao', seeded.dispatched);
  await checkHeadline(others, 'duchao with targets set in the browser');
  await page.waitForFunction(() => !document.querySelector('[aria-busy]'), null, { timeout: STEP_TIMEOUT_MS });
  check(targetAsks === 1, `the page asked for the targets ${targetAsks} times in one login`);
  await page.unroute(/\/api\/stats\/targets$/);
  log(`duchao: targets asked once, the response card reads "${await text('#kpi-response .kpi-target')}"`);
  if (shotDir) {
    await mkdir(shotDir, { recursive: true });
    await page.mouse.move(1, 1);
    await page.locator('#copied').screenshot({ path: resolve(shotDir, 'dashboard-copied.png') });
    log(`screenshot ${resolve(shotDir, 'dashboard-copied.png')}`);
  }

  // 消息: duchao's 抄送 of the case at 和平里东街12号 in the header's inbox
  await checkDashboardInbox(context, 'duchao', copiedMsg, '抄送');
  await Promise.all([
    page.waitForResponse((r) => /\/api\/session$/.test(r.url()) && r.request().method() === 'DELETE', { timeout: STEP_TIMEOUT_MS }),
    page.locator('#logout').click()
  ]);
  await page.locator('#login-view').waitFor({ state: 'visible' });
  check(await page.locator('#inbox-btn').isHidden() && await page.locator('#inbox-panel').isHidden()
    && await page.locator('#inbox-list li').count() === 0, 'the inbox stays in the page after 退出');

  // 消息 on the case page, on a phone: hanxue's 新的待办 of the same case
  await checkCasePageInbox('hanxue', assignedMsg, seeded.dispatched);
  const scriptErrors = pageErrors.filter((e) => !e.startsWith('console: Failed to load resource'));
  check(scriptErrors.length === 0, `errors in the pages:\n  ${scriptErrors.join('\n  ')}`);
}

await run(main, { timeoutS: 120, fullPage: true });
