// Browser end-to-end check of the liaison heads' phone page /unit/: the refusal of a grid worker, the
// head's unit with its open in-unit cases and households, 大字模式, and a decision on a case.
//
//   npm ci
//   node unit.mjs [baseUrl] [screenshotDir]
//   node unit.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (the grid worker wangli and lixiuying, the head of the
// unit hepingli1a 和平里一区1号楼; password demo, override with LIANHU_DEMO_PASSWORD) and Debian's chromium
// (/usr/bin/chromium, override with CHROMIUM) plus a CJK font (fonts-noto-cjk). PAGES_ENTRY=index.html
// opens /unit/index.html instead of /unit/.
//
// It first reports a neighbours' noise case in the unit hepingli1a through the public API (it goes to
// the unit's head). Then, in a phone's window (390x844, touch):
// - wangli logs in through the page's form and sees the detail of the 403 of GET /api/unit (仅联户长可使用
//   本页面) with a logout button, which brings the form back;
// - lixiuying logs in: the unit's name, the new case among 待接单事件 (category, description, times as
//   yyyy-MM-dd HH:mm), the households section; no horizontal scrolling, buttons and phone links at least
//   44 px tall;
// - 大字模式 raises the root font size (by at least 1.3x), still without horizontal scrolling, and a reload
//   keeps it (localStorage) and the login (the server's session);
// - 联户内解决 with an empty 处理结果 is refused on the page without a request; a refusal of the server (a
//   409 problem, faked once in the browser) shows its title and detail next to the form and keeps the
//   typed text; then 已协调，装修改到白天 is submitted (204), a confirmation shows and the case leaves the
//   list, and GET /api/unit in the page's session no longer lists it.
// With screenshotDir it writes unit-login.png, unit-home.png and unit-large.png there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 60 s (E2E_TIMEOUT_S). Every run leaves one case behind, resolved in the unit (awaiting the
// reporter's rating).
import {
  PASSWORD, STEP_TIMEOUT_MS, api, baseUrl, check, checkEntryServed, expectedFailures, launchBrowser, log,
  newContext, openPage, page, pageErrors, pagesUrl, run, shot, sleep, watchPageErrors
} from './common.mjs';

const PAGE = pagesUrl('/unit/');
const UNIT = 'hepingli1a';
const UNIT_NAME = '和平里一区1号楼联户单元';
const DESCRIPTION = '楼上装修噪音（浏览器检查）';
const RESULT = '已协调，装修改到白天';
const VIEWPORT = { width: 390, height: 844 };
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

async function reportCase() {
  const res = await api('POST', '/api/cases', {
    body: {
      category: 'neighbour_noise',
      description: DESCRIPTION,
      location: { address: '和平里一区1号楼', liaisonUnit: UNIT },
      urgency: 'normal',
      reporter: { name: '张三', phone: '13812345678' }
    }
  });
  check(res.status === 201 && res.json && res.json.caseNo, `POST /api/cases: ${res.status} ${res.text}`);
  return res.json.caseNo;
}

async function login(user) {
  await page.locator('#login-view').waitFor({ state: 'visible' });
  await page.getByLabel('用户名', { exact: true }).fill(user);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  const unit = page.waitForResponse((r) => /\/api\/unit$/.test(r.url()) && r.request().method() === 'GET');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  return unit;
}

/** Neither the page nor any element makes the phone's window scroll sideways. */
async function checkNoSidewaysScroll(what) {
  const m = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    bodyWidth: document.body.scrollWidth,
    innerWidth: window.innerWidth
  }));
  check(m.innerWidth <= VIEWPORT.width, `${what}: the window is ${m.innerWidth} px wide (the page widened the viewport)`);
  check(m.scrollWidth <= m.innerWidth && m.bodyWidth <= m.innerWidth,
    `${what}: horizontal scrolling (scrollWidth ${m.scrollWidth}, body ${m.bodyWidth}, innerWidth ${m.innerWidth})`);
  return m;
}

/** Every visible button and phone link is at least 44 px tall. */
async function checkTapTargets(what) {
  const small = await page.evaluate(() => [...document.querySelectorAll('button, a.tel')]
    .filter((b) => b.offsetParent !== null)
    .map((b) => ({ text: b.textContent.trim(), h: b.getBoundingClientRect().height }))
    .filter((b) => b.h < 44));
  check(small.length === 0, `${what}: tap targets under 44 px: ${JSON.stringify(small)}`);
}

const rootFontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

/** Waits until the open cases list `caseNo`, pressing 刷新 while the process has not yet given it to the head. */
async function waitForCase(caseNo) {
  const card = page.locator(`#case-list article.case[data-case-no="${caseNo}"]`);
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (await card.count() === 0) {
    check(Date.now() < deadline, `${caseNo} is not among 待接单事件: ${(await page.locator('#cases-sec').innerText()).replace(/\s+/g, ' ')}`);
    await sleep(500);
    const reloaded = page.waitForResponse((r) => /\/api\/unit$/.test(r.url()));
    await page.locator('#refresh').click();
    await reloaded;
    await page.locator('#refresh:not([disabled])').waitFor();
  }
  return card;
}

async function main() {
  await checkEntryServed('/unit/', 'the liaison heads\' page');
  const caseNo = await reportCase();
  log(`reported ${caseNo} (neighbour_noise) in unit ${UNIT}`);

  await launchBrowser();
  const context = await newContext({
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: VIEWPORT, isMobile: true, hasTouch: true,
    deviceScaleFactor: 2
  });
  watchPageErrors(await openPage(context), { console: true });
  const decisions = [];
  page.on('request', (r) => { if (/\/api\/unit\/cases\/[^/]+\/decision$/.test(r.url())) decisions.push(r); });

  // The form; a grid worker, who heads no unit, is refused.
  await page.goto(PAGE);
  await page.locator('#login-view').waitFor({ state: 'visible' });
  check(await page.locator('#home').isHidden(), 'the unit shows before login');
  await checkNoSidewaysScroll('the login form');
  await shot('unit-login.png');
  const refused = await login('wangli');
  check(refused.status() === 403, `GET /api/unit as wangli: ${refused.status()} ${await refused.text().catch(() => '')}`);
  const problem = await refused.json().catch(() => ({}));
  const deniedText = problem.detail || problem.title || '仅联户长可使用本页面';
  await page.locator('#denied-view', { hasText: deniedText }).waitFor();
  check(await page.locator('#home').isHidden(), 'the unit shows to a grid worker');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  expectedFailures([401, 403]);
  log(`wangli: 403 "${deniedText}" shown; 退出登录 brings the form back`);

  // The head.
  const answer = await login('lixiuying');
  check(answer.status() === 200, `GET /api/unit as lixiuying: ${answer.status()} ${await answer.text().catch(() => '')}`);
  await page.locator('#home').waitFor({ state: 'visible' });
  const name = (await page.locator('#unit-name').textContent()).trim();
  check(name === UNIT_NAME, `the unit is named "${name}"`);
  const place = (await page.locator('#unit-place').textContent()).trim();
  const card = await waitForCase(caseNo);
  const cardText = (await card.innerText()).replace(/\s+/g, ' ');
  check(cardText.includes('邻里噪音') && cardText.includes(DESCRIPTION), `the case card: ${cardText}`);
  const reported = (await card.locator('dd.reported').textContent()).trim();
  const due = (await card.locator('dd.due').textContent()).trim();
  check(DATE_TIME.test(reported) && DATE_TIME.test(due), `times of the card: reported "${reported}", due "${due}"`);
  const cases = Number((await page.locator('#case-count').textContent()).trim());
  check(cases === await page.locator('#case-list article.case').count() && cases >= 1, `the badge says ${cases}`);
  await page.locator('#households-sec').waitFor({ state: 'visible' });
  const households = await page.locator('#household-list > li').count();
  if (households === 0) await page.locator('#households-empty', { hasText: '暂无住户' }).waitFor();
  else check(await page.locator('#households-empty').isHidden(), 'households and 暂无住户 at once');
  const tel = await page.locator('#household-list a.tel').first().getAttribute('href').catch(() => null);
  check(households === 0 || /^tel:\+?\d+$/.test(tel || ''), `a household's phone link is ${tel}`);
  const normal = await checkNoSidewaysScroll('the unit');
  await checkTapTargets('the unit');
  await shot('unit-home.png', { fullPage: true });
  log(`lixiuying: ${name} (${place}); ${cases} open cases with ${caseNo} (reported ${reported}, due ${due}); `
    + `${households} households; scrollWidth ${normal.scrollWidth} <= ${normal.innerWidth}`);

  // 大字模式, remembered.
  const before = await rootFontSize();
  await page.locator('#large-toggle').click();
  check(await page.locator('#large-toggle').getAttribute('aria-pressed') === 'true', '大字模式 is not pressed');
  const after = await rootFontSize();
  check(after >= before * 1.3, `大字模式: the root font size ${before}px became ${after}px`);
  await page.reload();
  await page.locator('#home').waitFor({ state: 'visible' });
  await waitForCase(caseNo);
  check(await rootFontSize() === after, `大字模式 was not kept over a reload: ${await rootFontSize()}px`);
  const large = await checkNoSidewaysScroll('大字模式');
  await checkTapTargets('大字模式');
  await shot('unit-large.png', { fullPage: true });
  log(`大字模式: root font ${before}px → ${after}px, kept over a reload (and the login); scrollWidth ${large.scrollWidth}`);

  // 联户内解决: an empty result is refused on the page.
  await card.locator('[data-decision="resolve"]').click();
  const form = card.locator('form.decision-form');
  await form.waitFor({ state: 'visible' });
  const text = form.getByLabel('处理结果');
  await text.waitFor();
  check(await text.getAttribute('maxlength') === '2000', 'the 处理结果 field has no maxlength 2000');
  await form.locator('.decision-submit').click();
  const formMsg = form.locator('.form-msg');
  await formMsg.waitFor({ state: 'visible' });
  const emptyMsg = (await formMsg.textContent()).trim();
  check(/处理结果/.test(emptyMsg), `the refusal of an empty result says "${emptyMsg}"`);
  check(decisions.length === 0, `an empty result was sent: ${decisions.map((r) => r.postData()).join(', ')}`);
  check(await form.isVisible() && await card.count() === 1, 'the form or the case went away');
  log(`empty 处理结果 refused on the page: "${emptyMsg}"`);

  // A refusal of the server (faked once): its title and detail show, the typed text stays.
  await text.fill(RESULT);
  const fake = { type: '/problems/e2e-conflict', title: '测试：事件已变化', status: 409, detail: '这是浏览器检查模拟的拒绝' };
  const route = `${baseUrl}/api/unit/cases/${encodeURIComponent(caseNo)}/decision`;
  await page.route(route, (r) => r.fulfill({
    status: 409, contentType: 'application/problem+json', body: JSON.stringify(fake)
  }), { times: 1 });
  await form.locator('.decision-submit').click();
  await form.locator('.form-msg', { hasText: fake.detail }).waitFor();
  const conflictMsg = (await formMsg.textContent()).trim();
  check(conflictMsg.includes(fake.title), `the server's refusal shows "${conflictMsg}"`);
  check(await text.inputValue() === RESULT, `the typed text became "${await text.inputValue()}"`);
  await page.unroute(route);
  expectedFailures([409]);
  log(`a refusal (409) shows "${conflictMsg}" and keeps the text`);

  // The decision.
  const sent = page.waitForResponse((r) => r.url() === route && r.request().method() === 'POST');
  await form.locator('.decision-submit').click();
  const res = await sent;
  check(res.status() === 204, `POST ${route}: ${res.status()} ${await res.text().catch(() => '')}`);
  const body = JSON.parse(res.request().postData());
  check(body.decision === 'resolve' && body.text === RESULT, `the decision sent: ${JSON.stringify(body)}`);
  check(res.request().headers()['x-csrf-token'], 'the decision was sent without X-CSRF-Token');
  await page.locator('#notice', { hasText: caseNo }).waitFor({ state: 'visible' });
  const notice = (await page.locator('#notice').textContent()).trim();
  await card.waitFor({ state: 'detached' });
  log(`联户内解决 "${RESULT}": 204, "${notice}", the case left the list`);

  // The server agrees, in the page's session.
  const unit = await context.request.get(`${baseUrl}/api/unit`, {
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  check(unit.status() === 200, `GET /api/unit in the page's session: ${unit.status()}`);
  const open = ((await unit.json()).openCases || []).map((c) => c.caseNo);
  check(!open.includes(caseNo), `GET /api/unit still lists ${caseNo}: ${open.join(', ')}`);
  if (open.length === 0) await page.locator('#cases-empty', { hasText: '暂无待接单事件' }).waitFor();
  log(`GET /api/unit: ${open.length} open cases, ${caseNo} not among them`);

  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
  await page.locator('#logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  log('退出');
}

await run(main, { timeoutS: 60, fullPage: true });
