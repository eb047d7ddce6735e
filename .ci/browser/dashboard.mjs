// Browser end-to-end check of the supervisors' dashboard /dashboard/: log in through the page's form, see the KPIs, the monthly trend charts, the KPI table, the department ranking, the open
// cases with their traffic lights and links, the hotspot table, and download the monthly report.
//
//   npm ci
//   node dashboard.mjs [baseUrl] [screenshotDir]
//   node dashboard.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (users majie and wangli; password demo, override
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
// - the open-case list shows the dispatched case with a light and Cockpit/Tasklist links;
// - the heat table shows 和平里社区 × 环境卫生;
// - the monthly CSV download starts with the UTF-8 BOM and contains 东城街道, the XLSX is a zip;
// - the page keeps no password (a server session with an HttpOnly, SameSite cookie), a reload keeps the
//   login, a session that ended brings the form back (401), and 退出 ends the session.
// With screenshotDir it writes dashboard.png (the whole page) there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves three cases behind (one closed, two open).
import { readFile } from 'node:fs/promises';
import {
  PASSWORD, STEP_TIMEOUT_MS, api, baseUrl, check, checkEntryServed, completeAcceptCase, launchBrowser, log,
  newContext, openPage, page, pageErrors, pagesUrl, run, shot, sleep, watchPageErrors
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
  await context.clearCookies();
  await page.locator('[data-preset="3m"]').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  await page.locator('#login-msg', { hasText: '重新登录' }).waitFor();
  check(await page.locator('#dash').isHidden(), 'the dashboard stays visible after a 401');
  log('no password in the page, HttpOnly SameSite session; reload keeps the login; an ended session shows the form');
  await login('majie', PASSWORD);
  await page.locator('#dash').waitFor({ state: 'visible' });
  await page.locator('#logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  await page.reload();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  check(await page.locator('#dash').isHidden(), 'the session outlived 退出');
  log('退出 ends the session');
}

await run(main, { timeoutS: 120, fullPage: true });
