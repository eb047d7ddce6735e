// Browser end-to-end check of the liaison heads' phone page /unit/: the refusal of a grid worker, the
// head's unit with its open in-unit cases and households, 大字模式, a decision on a case, visits (走访), a
// case handed to mediation and the head joining it (联户长调解), the household roster kept by the head, a
// need raised on a visit, the weekly needs report (本周需求报送), and the head's own term (我的履职: 培训记录,
// 季度考核, 邻里互助活动, 我的补贴, 履职档案).
//
//   npm ci
//   node unit.mjs [baseUrl] [screenshotDir]
//   node unit.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (the grid worker wangli, lixiuying, the head of the
// unit hepingli1a 和平里一区1号楼, liudeming, the head of hepingli2b 和平里二区6号楼, zhangjianguo, the head
// of hepingli1b 和平里一区2号楼, and the heads mayulan (taoyuan1a 桃园东组一片), zhuchanglin, huxiumei,
// guodesheng, xuguiying, sunjianhua, zhoulihua, wuguoqing; the community office hejun of taoyuan and the
// county administrator qinfang; password demo, override with LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a CJK font
// (fonts-noto-cjk). PAGES_ENTRY=index.html opens /unit/index.html instead of /unit/.
//
// It first reports two neighbours' noise cases through the public API, one in the unit hepingli1a, one
// (with a description unique to the run) in hepingli1b; each goes to its unit's head. Then, in a phone's
// window (390x844, touch):
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
// - liudeming logs in (in 大字模式, then without): 本月走访 shows the server's coverage as
//   "已走访 X / Y 户（Z%）" with its light, 待走访 the households due, 本月走访记录 the month's visits; no
//   horizontal scrolling. 记录走访 of the first household due (of the first household when none is due)
//   opens the visit form with the household chosen, today (China time) as the date and its latest day,
//   关爱走访 for a care-flagged household; tomorrow is refused by the server (400): its title and detail
//   show, its field message next to 走访日期, the typed notes stay; with today, the notes
//   老人身体状况良好（浏览器检查） and 同时上报事件 (streetlight, 楼道灯不亮（浏览器检查）) the visit is recorded
//   (201): 已记录走访 and 已上报事件 <caseNo> show, the form closes, the coverage count goes up by one
//   (unless the household was visited earlier this month), the household leaves 待走访 and the visit shows
//   in 本月走访记录 with 已上报 <caseNo>; the form and the page fit 390 px, also in 大字模式.
// - zhangjianguo logs in (in 大字模式): the hepingli1b case offers four decisions; 矛盾纠纷，转人民调解 with a
//   情况说明 is submitted (204, decision mediate), a confirmation shows and the case leaves the list. The
//   dispute it became shows under 本单元调解中的纠纷 (pressing 刷新 until it does) with its number, type,
//   tier, status, parties (as GET /api/unit/disputes in the page's session has them), 登记时间 as
//   yyyy-MM-dd HH:mm, 尚未参与调解 and 参与调解; an empty 调解情况 is refused on the page without a request;
//   with a note it is recorded (201, the note sent with X-CSRF-Token), a confirmation shows, the card says
//   已参与调解 1 次 with the note, and the server lists the note. 添加住户 with the phone 12345 is refused by
//   the server (422, the entry of 电话): the title and detail and "电话：<reason>" show by the form, the
//   reason under 电话 (aria-invalid), what was typed stays and nothing is added; with a good phone the
//   household (address unique to the run, 3 人, 独居老人 and 残疾 ticked) is added (201: fields sent as
//   typed, careFlags elderly_alone,disabled) and listed; 修改 opens filled with it and sends only the new
//   phone (PATCH {"fields":{"phone"}}), which the list then shows; 迁出 asks within the page, 取消 sends
//   nothing, 确认迁出 retires it (200) and it leaves the list (and GET /api/unit). A visit of the unit's
//   first household with 同时登记需求 (elderly_assistance, 紧急): an empty 需求内容 is refused on the page,
//   then it is recorded (201, raiseNeed sent) and the notice says 已登记需求. Unless hepingli1b's week is
//   filed, 本周需求报送 shows the hint on visits' needs, and 本周无新增 is refused by the server (400), its
//   detail shown in the confirmation, nothing filed. Every form fits 390 px, also in 大字模式.
// - the first of the heads above (mayulan first) whose unit has not filed this week's needs report (GET
//   /api/unit with HTTP Basic) logs in: 本周需求报送 says 本周（M月D日起）尚未报送 with the form; 本周无新增需求
//   asks for a confirmation within the page, 取消 files nothing; two needs, the second with an empty 内容,
//   are refused on the page without a request (the message next to the second row's 内容, the typed texts
//   stay); a refusal of the server (the second text blanked on its way, 400 errors["needs[1].text"])
//   shows its title and detail, its message next to the second row's 内容, keeps the typed texts and
//   stores nothing; then 独居老人希望每周有人帮忙买菜（浏览器检查） (elderly_assistance, for the unit's first
//   household) and 楼道扶手松动（浏览器检查） (shared_facility, no household) are filed (201): 已报送本周需求（2
//   条）, then 本周已报送 with the time (yyyy-MM-dd HH:mm), 按时 and both needs (category names, the
//   household's address); the form is no longer offered, and a second report through fetch in the page's
//   session (with the CSRF token of GET /api/session) is 409 /problems/needs-report-filed; the section fits
//   390 px, also in 大字模式.
// - 我的履职 of mayulan: first qinfang starts the current quarter's evaluation round of the street xicheng
//   (POST /api/admin/head-evaluations/rounds, idempotent) and hejun records a 专项提升 course (title unique
//   to the run) with a session today (offline, 2.5 学时) attended by mayulan (POST /api/staff/training/...).
//   mayulan logs in: 培训记录 lists the session (title, 专项提升, 线下, 2.5 学时), the total hours and the
//   pairings as GET /api/unit/training has them, and the state of 初任培训 (with its due date when it has
//   one); 季度考核 shows the quarter with 评议和考核中 and its figures as GET /api/unit/evaluations has them,
//   without 申诉; 记录活动 with tomorrow is refused by the server (400), its message next to 活动日期, the
//   typed title and count stay and nothing is stored; with today the activity (title unique to the run, 12
//   人) is recorded (201, with X-CSRF-Token) and listed, and the quarter's duty counts it; 我的补贴 explains
//   基础补贴 + 绩效奖励 + 荣誉津贴 and lists the approved lines of GET /api/unit/pay (暂无已审定的补贴 on a
//   fresh server) and the masked account; 下载履职档案 links to /api/heads/mayulan/archive.xlsx (not
//   downloaded: the server may not serve it yet); the navigation in the unit card names the four sections;
//   everything fits 390 px with tap targets of 44 px, also in 大字模式.
// With screenshotDir it writes unit-login.png, unit-home.png, unit-large.png, unit-visit.png,
// unit-dispute.png (the dispute with the 参与调解 form), unit-household.png (添加住户 with the 422),
// unit-visit-need.png (同时登记需求), unit-needs.png and unit-term.png (我的履职) there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 90 s (E2E_TIMEOUT_S). Every run leaves one case behind, resolved in the unit (awaiting the
// reporter's rating), in hepingli2b one visit with the streetlight case raised from it, and in hepingli1b
// a dispute in tier-1 mediation with the head's note, a retired household and a visit with its need, and
// for mayulan a training course with a session attended and an activity; it
// compares counts before and after and finds its own records by what is unique to the run, so it passes
// on a server where earlier runs did the same. Each run also files this week's needs report of one of
// the eight heads above (so up to eight runs a week on one server).
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
const HEAD2 = 'liudeming';
const UNIT2_NAME = '和平里二区6号楼联户单元';
const NOTES = '老人身体状况良好（浏览器检查）';
const RAISE_CATEGORY = 'streetlight';
const RAISE_TEXT = '楼道灯不亮（浏览器检查）';
const KIND_NAMES = { routine: '日常走访', care: '关爱走访', follow_up: '回访' };
const COVERAGE = /已走访 (\d+) \/ (\d+) 户（(\d+)%）/;
const NEEDS_HEADS = ['mayulan', 'zhuchanglin', 'huxiumei', 'guodesheng', 'xuguiying', 'sunjianhua', 'zhoulihua', 'wuguoqing'];
const NEED1 = { category: 'elderly_assistance', text: '独居老人希望每周有人帮忙买菜（浏览器检查）' };
const NEED2 = { category: 'shared_facility', text: '楼道扶手松动（浏览器检查）' };
const FILED_TWICE = '/problems/needs-report-filed';
const isNeedsPost = (r) => /\/api\/unit\/needs-reports$/.test(r.url()) && r.method() === 'POST';
const HEAD3 = 'zhangjianguo';
const UNIT3 = 'hepingli1b';
const UNIT3_NAME = '和平里一区2号楼联户单元';
const STAMP = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const DISPUTE_TEXT = `楼上楼下因噪音争吵（浏览器检查 ${STAMP}）`;
const MEDIATE_TEXT = '双方多次争吵，联户内协调不下，需调解（浏览器检查）';
const MEDIATION_NOTE = '上门分别劝解，楼上同意晚十点后不再装修，楼下表示理解（浏览器检查）';
const NEW_HOUSEHOLD = {
  address: `和平里一区2号楼临时住户（浏览器检查 ${STAMP}）`, headName: '赵六', badPhone: '12345',
  phone: '13900003333', members: '3', flags: ['独居老人', '残疾'], careFlags: 'elderly_alone,disabled',
  newPhone: '010-87654321'
};
const VISIT_NEED = { category: 'elderly_assistance', text: `希望社区帮忙联系上门理发（浏览器检查 ${STAMP}）`, urgency: 'urgent' };
const VISIT_NEED_HINT = '本周走访中登记的需求会随周报一并报送；如已登记，不能选择“无新增”。';
const TERM_HEAD = 'mayulan';
const TERM_UNIT_NAME = '桃园东组一片联户单元';
const TERM_OFFICE = 'hejun';
const TERM_ADMIN = 'qinfang';
const TERM_STREET = 'xicheng';
const TERM_COMMUNITY = 'taoyuan';
const TRAINING_TITLE = `矛盾调解专项提升（浏览器检查 ${STAMP}）`;
const ACTIVITY_TITLE = `邻里互助包饺子（浏览器检查 ${STAMP}）`;

async function reportCase(description = DESCRIPTION, address = '和平里一区1号楼', liaisonUnit = UNIT) {
  const res = await api('POST', '/api/cases', {
    body: {
      category: 'neighbour_noise',
      description,
      location: { address, liaisonUnit },
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

/** Nothing inside `selector` reaches past the window's right edge (a too wide field in the visit form). */
async function checkFits(selector, what) {
  const wide = await page.evaluate((sel) => [...document.querySelectorAll(`${sel}, ${sel} *`)]
    .filter((e) => e.offsetParent !== null || e.matches(sel))
    .map((e) => ({ e, r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5))
    .slice(0, 5)
    .map(({ e, r }) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.className} ${Math.round(r.left)}..${Math.round(r.right)}`),
  selector);
  check(wide.length === 0, `${what}: wider than the window: ${wide.join('; ')}`);
}

/** Today in China time, yyyy-MM-dd, and the day `n` days later. */
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The coverage line of 本月走访, as { visited, households, percent, text }. */
async function coverageShown() {
  const text = ((await page.locator('#coverage-line').textContent()) || '').trim();
  const m = COVERAGE.exec(text);
  check(m, `the coverage line says "${text}"`);
  return { visited: Number(m[1]), households: Number(m[2]), percent: Number(m[3]), text };
}

const isVisitsList = (r) => /\/api\/unit\/visits(\?|$)/.test(r.url()) && r.request().method() === 'GET';

/** Sets 大字模式 on or off with its button. */
async function setLarge(on) {
  const toggle = page.locator('#large-toggle');
  if ((await toggle.getAttribute('aria-pressed') === 'true') !== on) await toggle.click();
  check(await toggle.getAttribute('aria-pressed') === (on ? 'true' : 'false'), `大字模式 did not turn ${on ? 'on' : 'off'}`);
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
  const disputeCaseNo = await reportCase(DISPUTE_TEXT, '和平里一区2号楼', UNIT3);
  log(`reported ${disputeCaseNo} (neighbour_noise) in unit ${UNIT3}`);

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

  await visits(context);
  await upkeep(context, disputeCaseNo);
  await needsReport(context);
  await termSections(context);
}

/** 走访: liudeming records a visit with a case raised from it (see the top of this file). */
async function visits(context) {
  const visitPosts = [];
  page.on('request', (r) => { if (/\/api\/unit\/visits$/.test(r.url()) && r.method() === 'POST') visitPosts.push(r); });
  const today = chinaToday();
  const tomorrow = addDays(today, 1);

  // The head of hepingli2b, first in 大字模式 (still on from above).
  const listed = page.waitForResponse(isVisitsList);
  const answer = await login(HEAD2);
  check(answer.status() === 200, `GET /api/unit as ${HEAD2}: ${answer.status()} ${await answer.text().catch(() => '')}`);
  const unit = await answer.json();
  const listedRes = await listed;
  check(listedRes.status() === 200, `GET /api/unit/visits as ${HEAD2}: ${listedRes.status()}`);
  const monthVisits = await listedRes.json();
  await page.locator('#home').waitFor({ state: 'visible' });
  const name = (await page.locator('#unit-name').textContent()).trim();
  check(name === UNIT2_NAME, `${HEAD2}'s unit is named "${name}"`);
  check(unit.coverage && Array.isArray(unit.visitsDue), `GET /api/unit has no coverage or visitsDue: ${JSON.stringify(unit).slice(0, 300)}`);

  // 本月走访: the server's coverage, its light, the households due, the month's visits.
  const before = await coverageShown();
  check(before.visited === unit.coverage.visited && before.households === unit.coverage.households,
    `the page says "${before.text}", the server ${JSON.stringify(unit.coverage)}`);
  const light = before.visited >= before.households ? 'green' : before.visited / before.households >= 0.9 ? 'yellow' : 'red';
  const shownLight = await page.locator('#coverage').getAttribute('data-light');
  check(shownLight === light && await page.locator(`#coverage-light.light-${light}`).count() === 1,
    `the light of "${before.text}" is ${shownLight}, not ${light}`);
  const due = unit.visitsDue;
  check(await page.locator('#due-list > li').count() === due.length, `待走访 lists ${await page.locator('#due-list > li').count()}, the server ${due.length}`);
  check(Number((await page.locator('#due-count').textContent()).trim()) === due.length, 'the 待走访 badge');
  if (due.length === 0) await page.locator('#due-empty').waitFor();
  else {
    const first = page.locator('#due-list > li').first();
    const firstText = (await first.innerText()).replace(/\s+/g, ' ');
    check(firstText.includes(due[0].address) && firstText.includes(due[0].reason)
      && firstText.includes(due[0].lastVisitedOn ? `上次走访：${due[0].lastVisitedOn}` : '从未走访')
      && (due[0].careFlags || []).every((f) => firstText.includes(f)), `the first household due: ${firstText}`);
  }
  const records = page.locator('#record-list > li');
  await page.locator('#records-sec:not([aria-busy])').waitFor();
  check(await records.count() === monthVisits.length, `本月走访记录 lists ${await records.count()}, the server ${monthVisits.length}`);
  await checkNoSidewaysScroll(`${HEAD2} in 大字模式`);
  await checkTapTargets(`${HEAD2} in 大字模式`);
  await setLarge(false);
  await checkNoSidewaysScroll(HEAD2);
  await checkTapTargets(HEAD2);
  log(`${HEAD2}: ${name}; "${before.text}" (${light}); ${due.length} households due; ${monthVisits.length} visits this month`);

  // 记录走访 of the first household due, or of the first household when none is due.
  const target = due.length ? { code: due[0].household, from: '#due-list' }
    : { code: unit.households[0].code, from: '#household-list' };
  const household = unit.households.find((h) => h.code === target.code);
  check(household, `${target.code} is not among the households`);
  const coveredBefore = monthVisits.some((v) => v.householdCode === target.code);
  await page.locator(`${target.from} [data-visit="${target.code}"]`).click();
  const view = page.locator('#visit-view');
  await view.waitFor({ state: 'visible' });
  check(await page.locator('#home').isHidden(), 'the unit still shows beside the visit form');
  const select = view.getByLabel('住户');
  check(await select.inputValue() === target.code, `the form's household is ${await select.inputValue()}, not ${target.code}`);
  check(await select.locator('option').count() === unit.households.length, 'the household select does not list all households');
  const date = view.getByLabel('走访日期');
  check(await date.inputValue() === today && await date.getAttribute('max') === today,
    `走访日期 is "${await date.inputValue()}" (max ${await date.getAttribute('max')}), not today ${today}`);
  const kind = (household.careFlags || []).length ? 'care' : 'routine';
  check(await view.locator(`input[name="kind"][value="${kind}"]`).isChecked(), `走访类型 is not ${KIND_NAMES[kind]} for ${target.code}`);
  const notes = view.getByLabel('走访情况');
  check(await notes.getAttribute('maxlength') === '2000' && await view.getByLabel('发现的需求').getAttribute('maxlength') === '2000',
    '走访情况 or 发现的需求 has no maxlength 2000');
  check(await view.locator('#v-raise-box').isHidden(), '事件类别 shows before 同时上报事件 is ticked');

  // Tomorrow: the server refuses it; its message shows and the typed notes stay.
  await notes.fill(NOTES);
  await date.fill(tomorrow);
  const refusedPost = page.waitForResponse((r) => /\/api\/unit\/visits$/.test(r.url()) && r.request().method() === 'POST');
  await view.locator('#visit-submit').click();
  const refused = await refusedPost;
  const problem = await refused.json().catch(() => ({}));
  check(refused.status() === 400, `POST /api/unit/visits with ${tomorrow}: ${refused.status()} ${JSON.stringify(problem)}`);
  check(JSON.parse(refused.request().postData()).visitedOn === tomorrow, `the date sent: ${refused.request().postData()}`);
  await view.locator('#visit-msg', { hasText: problem.detail }).waitFor();
  const refusal = (await view.locator('#visit-msg').textContent()).trim();
  check(refusal.includes(problem.title), `the refusal shows "${refusal}", not the title "${problem.title}"`);
  const fieldMsg = problem.errors && problem.errors.visitedOn;
  if (fieldMsg) {
    await view.locator('#ve-visitedOn', { hasText: fieldMsg }).waitFor();
    check(await date.getAttribute('aria-invalid') === 'true', '走访日期 is not marked invalid');
  }
  check(await notes.inputValue() === NOTES, `the typed notes became "${await notes.inputValue()}"`);
  check(await view.isVisible(), 'the form closed on a refusal');
  expectedFailures([400]);
  log(`${tomorrow}: 400 "${refusal}"${fieldMsg ? `, next to 走访日期 "${fieldMsg}"` : ''}; the notes stay`);

  // Today, with a case raised.
  await date.fill(today);
  await view.getByLabel('同时上报事件').check();
  await view.locator('#v-raise-box').waitFor({ state: 'visible' });
  const category = view.getByLabel('事件类别');
  await category.locator(`option[value="${RAISE_CATEGORY}"]`).waitFor({ state: 'attached' });
  await category.selectOption(RAISE_CATEGORY);
  await view.getByLabel('诉求内容').fill(RAISE_TEXT);
  check(await view.locator('#ve-visitedOn').isHidden(), 'the date\'s message stayed after a new date');
  await checkNoSidewaysScroll('the visit form');
  await checkFits('#visit-view', 'the visit form');
  await checkTapTargets('the visit form');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('unit-visit.png', { fullPage: true });
  await setLarge(true);
  await checkNoSidewaysScroll('the visit form in 大字模式');
  await checkFits('#visit-view', 'the visit form in 大字模式');
  await checkTapTargets('the visit form in 大字模式');
  await setLarge(false);

  const sent = page.waitForResponse((r) => /\/api\/unit\/visits$/.test(r.url()) && r.request().method() === 'POST');
  await view.locator('#visit-submit').click();
  const res = await sent;
  const recorded = await res.json().catch(() => ({}));
  check(res.status() === 201 && recorded.id && recorded.caseNo, `POST /api/unit/visits: ${res.status()} ${JSON.stringify(recorded)}`);
  const body = JSON.parse(res.request().postData());
  check(body.household === target.code && body.visitedOn === today && body.kind === kind && body.notes === NOTES
    && body.raiseCase && body.raiseCase.category === RAISE_CATEGORY && body.raiseCase.description === RAISE_TEXT,
  `the visit sent: ${JSON.stringify(body)}`);
  check(res.request().headers()['x-csrf-token'], 'the visit was sent without X-CSRF-Token');
  check(visitPosts.length === 2, `${visitPosts.length} visits were sent, not 2`);
  const { caseNo } = recorded;
  await page.locator('#notice', { hasText: `已上报事件 ${caseNo}` }).waitFor({ state: 'visible' });
  const notice = (await page.locator('#notice').textContent()).trim();
  check(notice.includes('已记录走访'), `the notice says "${notice}"`);
  await view.waitFor({ state: 'hidden' });
  await page.locator('#home').waitFor({ state: 'visible' });
  log(`visit of ${target.code} (${KIND_NAMES[kind]}) on ${today}: 201 #${recorded.id}, "${notice}"`);

  // The unit again: coverage, 待走访, 本月走访记录.
  const expected = before.visited + (coveredBefore ? 0 : 1);
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let after;
  for (;;) {
    after = await coverageShown();
    const stillDue = await page.locator(`#due-list > li[data-household="${target.code}"]`).count();
    if (after.visited === expected && after.households === before.households && stillDue === 0) break;
    check(Date.now() < deadline, `after the visit: "${after.text}" (expected ${expected} / ${before.households}), `
      + `${target.code} ${stillDue ? 'still' : 'not'} among 待走访`);
    await sleep(250);
  }
  const record = page.locator(`#record-list > li[data-case-no="${caseNo}"]`);
  await record.waitFor();
  const recordText = (await record.innerText()).replace(/\s+/g, ' ');
  check([today, household.address, KIND_NAMES[kind], NOTES, `已上报 ${caseNo}`].every((t) => recordText.includes(t)),
    `the visit in 本月走访记录: ${recordText}`);
  await page.locator('#records-sec:not([aria-busy])').waitFor();
  check(await records.count() === monthVisits.length + 1, `本月走访记录 lists ${await records.count()}, not ${monthVisits.length + 1}`);
  const listedNow = await context.request.get(`${baseUrl}/api/unit/visits`, {
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  check(listedNow.status() === 200, `GET /api/unit/visits in the page's session: ${listedNow.status()}`);
  const stored = (await listedNow.json()).find((v) => v.id === recorded.id);
  check(stored && stored.caseNo === caseNo && stored.householdCode === target.code && stored.notes === NOTES
    && stored.visitedOn === today && stored.kind === kind, `GET /api/unit/visits has ${JSON.stringify(stored)}`);
  await checkNoSidewaysScroll(`${HEAD2} after the visit`);
  await setLarge(true);
  await checkNoSidewaysScroll(`${HEAD2} after the visit in 大字模式`);
  await checkTapTargets(`${HEAD2} after the visit in 大字模式`);
  log(`"${before.text}" → "${after.text}"${coveredBefore ? ' (visited earlier this month)' : ''}; `
    + `${target.code} left 待走访; 本月走访记录 shows it with 已上报 ${caseNo}`);

  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
  await page.locator('#logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  log('退出');
}

/** A screenshot of the part of the page `locator` shows (with `above` and `below` px around it), across its width. */
async function shotOf(locator, name, { above = 8, below = 8 } = {}) {
  // The clip of a full-page screenshot is in the page's coordinates: measured from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await locator.boundingBox();
  check(box, `${name}: nothing to photograph`);
  await shot(name, {
    fullPage: true, clip: { x: 0, y: Math.max(0, box.y - above), width: VIEWPORT.width, height: box.height + above + below }
  });
}

/** GET `path` in the page's session (its cookie): the parsed JSON. */
async function inSession(context, path) {
  const res = await context.request.get(`${baseUrl}${path}`, {
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  check(res.status() === 200, `GET ${path} in the page's session: ${res.status()}`);
  return res.json();
}

/** Waits for the response of `method` to a URL matching `re` while `action` runs; answers it. */
async function answerOf(method, re, action) {
  const answer = page.waitForResponse((r) => re.test(r.url()) && r.request().method() === method);
  await action();
  return answer;
}

/**
 * zhangjianguo keeps the unit hepingli1b (see the top of this file): 矛盾纠纷，转人民调解 on a case, 参与调解
 * in the dispute it became, a household added, corrected and moved out, a visit with 同时登记需求.
 */
async function upkeep(context, caseNo) {
  const writes = [];
  page.on('request', (r) => { if (r.method() !== 'GET' && /\/api\/(unit|staff)\//.test(r.url())) writes.push(r); });
  const answer = await login(HEAD3);
  check(answer.status() === 200, `GET /api/unit as ${HEAD3}: ${answer.status()} ${await answer.text().catch(() => '')}`);
  await page.locator('#home').waitFor({ state: 'visible' });
  check((await page.locator('#unit-name').textContent()).trim() === UNIT3_NAME, `${HEAD3}'s unit is not ${UNIT3_NAME}`);

  // 矛盾纠纷，转人民调解: the fourth decision.
  const card = await waitForCase(caseNo);
  const mediate = card.locator('button[data-decision="mediate"]');
  check((await mediate.textContent()).trim() === '矛盾纠纷，转人民调解', `the fourth decision is "${await mediate.textContent()}"`);
  check(await card.locator('.decisions button').count() === 4, 'the case does not offer four decisions');
  await mediate.click();
  const form = card.locator('form.decision-form');
  await form.waitFor({ state: 'visible' });
  check(await mediate.getAttribute('aria-expanded') === 'true', '矛盾纠纷，转人民调解 is not marked as chosen');
  await form.getByLabel('情况说明').fill(MEDIATE_TEXT);
  await checkNoSidewaysScroll('a case with 矛盾纠纷，转人民调解 open');
  const decided = await answerOf('POST', /\/api\/unit\/cases\/[^/]+\/decision$/, () => form.locator('.decision-submit').click());
  check(decided.status() === 204, `POST …/decision (mediate): ${decided.status()} ${await decided.text().catch(() => '')}`);
  const sentDecision = JSON.parse(decided.request().postData());
  check(sentDecision.decision === 'mediate' && sentDecision.text === MEDIATE_TEXT, `the decision sent: ${JSON.stringify(sentDecision)}`);
  await page.locator('#notice', { hasText: caseNo }).waitFor({ state: 'visible' });
  const notice = (await page.locator('#notice').textContent()).trim();
  check(notice.includes('人民调解'), `the notice says "${notice}"`);
  await card.waitFor({ state: 'detached' });
  log(`${HEAD3}: ${caseNo} 矛盾纠纷，转人民调解 (204): "${notice}", the case left the list`);

  // The dispute it became, under 本单元调解中的纠纷 (the hand-over may take a moment).
  const sec = page.locator('#disputes-sec');
  const disputeCard = sec.locator('article.dispute', { hasText: DISPUTE_TEXT });
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (await disputeCard.count() === 0) {
    check(Date.now() < deadline, `no dispute of ${caseNo} under 本单元调解中的纠纷: ${(await sec.innerText()).replace(/\s+/g, ' ')}`);
    await sleep(500);
    await answerOf('GET', /\/api\/unit\/disputes$/, () => page.locator('#refresh').click());
    await page.locator('#disputes-sec:not([aria-busy])').waitFor();
  }
  const listed = (await inSession(context, '/api/unit/disputes')).find((d) => d.description === DISPUTE_TEXT);
  check(listed && listed.canJoin === true && listed.tier === 1 && !(listed.joined || []).length,
    `GET /api/unit/disputes has ${JSON.stringify(listed)}`);
  const { disputeNo } = listed;
  check(await disputeCard.getAttribute('data-dispute-no') === disputeNo, `the card is not that of ${disputeNo}`);
  const shownText = (await disputeCard.innerText()).replace(/\s+/g, ' ');
  check([disputeNo, listed.typeName, listed.tierName, listed.statusName, ...listed.parties, '尚未参与调解'].every((t) => shownText.includes(t)),
    `the dispute card: ${shownText}`);
  const registered = (await disputeCard.locator('dd.registered').textContent()).trim();
  check(DATE_TIME.test(registered), `登记时间 is "${registered}"`);
  const count = Number((await page.locator('#dispute-count').textContent()).trim());
  check(count === await sec.locator('article.dispute').count(), `the disputes badge says ${count}`);
  const join = disputeCard.getByRole('button', { name: `参与调解：纠纷 ${disputeNo}` });
  await join.waitFor();
  await checkNoSidewaysScroll('本单元调解中的纠纷 in 大字模式');
  await checkFits('#disputes-sec', '本单元调解中的纠纷 in 大字模式');
  log(`${disputeNo} (${listed.typeName}, ${listed.tierName}, ${listed.statusName}, registered ${registered}) `
    + `under 本单元调解中的纠纷 (${count}) with 参与调解`);

  // 参与调解: an empty note is refused on the page, then the note is recorded.
  await join.click();
  const mForm = disputeCard.locator('form.mediation-form');
  await mForm.waitFor({ state: 'visible' });
  const note = mForm.getByLabel('调解情况');
  check(await note.getAttribute('maxlength') === '2000', '调解情况 has no maxlength 2000');
  check((await mForm.innerText()).includes('上门劝解的经过、双方意见'), 'the 调解情况 hint is missing');
  const before = writes.length;
  await mForm.locator('.decision-submit').click();
  await mForm.locator('.form-msg', { hasText: '调解情况' }).waitFor({ state: 'visible' });
  check(writes.length === before && await note.getAttribute('aria-invalid') === 'true', 'an empty 调解情况 was sent or not marked');
  await note.fill(MEDIATION_NOTE);
  await setLarge(false);
  await checkNoSidewaysScroll('the 参与调解 form');
  await checkFits('#disputes-sec', 'the 参与调解 form');
  await checkTapTargets('the 参与调解 form');
  await shotOf(disputeCard, 'unit-dispute.png');
  const joined = await answerOf('POST', /\/api\/unit\/disputes\/[^/]+\/mediation$/, () => mForm.locator('.decision-submit').click());
  check(joined.status() === 201, `POST …/mediation: ${joined.status()} ${await joined.text().catch(() => '')}`);
  check(joined.url().endsWith(`/api/unit/disputes/${encodeURIComponent(disputeNo)}/mediation`), `posted to ${joined.url()}`);
  check(JSON.parse(joined.request().postData()).note === MEDIATION_NOTE, `the note sent: ${joined.request().postData()}`);
  check(joined.request().headers()['x-csrf-token'], 'the note was sent without X-CSRF-Token');
  await sec.locator('#disputes-notice', { hasText: disputeNo }).waitFor({ state: 'visible' });
  const joinedNotice = (await sec.locator('#disputes-notice').textContent()).trim();
  const again = sec.locator(`article.dispute[data-dispute-no="${disputeNo}"]`);
  await again.locator('.joined-count', { hasText: '已参与调解 1 次' }).waitFor();
  check((await again.locator('.joined-latest').innerText()).includes(MEDIATION_NOTE), 'the latest note is not shown');
  check(await again.locator('form.mediation-form').isHidden(), 'the 参与调解 form stayed open');
  const stored = (await inSession(context, '/api/unit/disputes')).find((d) => d.disputeNo === disputeNo);
  check(stored && stored.joined && stored.joined.length === 1 && stored.joined[0].note === MEDIATION_NOTE,
    `GET /api/unit/disputes after joining: ${JSON.stringify(stored)}`);
  log(`参与调解 (201): "${joinedNotice}"; the card shows 已参与调解 1 次 with the note`);

  // 添加住户: a wrong phone is refused by the server (422) next to 电话, with what was typed kept.
  const hsec = page.locator('#households-sec');
  const rows = hsec.locator('#household-list > li');
  const countBefore = (await inSession(context, '/api/unit')).households.length;
  check(await rows.count() === countBefore, `住户 lists ${await rows.count()}, the server ${countBefore}`);
  await hsec.locator('#household-add').click();
  const addForm = hsec.locator('#household-new form.household-form');
  await addForm.waitFor({ state: 'visible' });
  await addForm.getByLabel('地址').fill(NEW_HOUSEHOLD.address);
  await addForm.getByLabel('户主').fill(NEW_HOUSEHOLD.headName);
  await addForm.getByLabel('电话').fill(NEW_HOUSEHOLD.badPhone);
  await addForm.getByLabel('人数').fill(NEW_HOUSEHOLD.members);
  for (const f of NEW_HOUSEHOLD.flags) await addForm.getByLabel(f, { exact: true }).check();
  const refused = await answerOf('POST', /\/api\/staff\/units\/[^/]+\/households$/, () => addForm.locator('.decision-submit').click());
  const problem = await refused.json().catch(() => ({}));
  check(refused.status() === 422 && Array.isArray(problem.errors) && problem.errors.length >= 1,
    `POST …/households with phone ${NEW_HOUSEHOLD.badPhone}: ${refused.status()} ${JSON.stringify(problem)}`);
  const phoneEntry = problem.errors.find((e) => e.column === '电话');
  check(phoneEntry && phoneEntry.reason, `the 422 has no entry for 电话: ${JSON.stringify(problem.errors)}`);
  const addMsg = addForm.locator('.form-msg');
  await addMsg.filter({ hasText: problem.detail }).waitFor({ state: 'visible' });
  check((await addMsg.innerText()).includes(`电话：${phoneEntry.reason}`), `the refusal shows "${await addMsg.innerText()}"`);
  await addForm.locator('.hf-phone .field-error', { hasText: phoneEntry.reason }).waitFor({ state: 'visible' });
  check(await addForm.getByLabel('电话').getAttribute('aria-invalid') === 'true', '电话 is not marked invalid');
  check(await addForm.getByLabel('地址').inputValue() === NEW_HOUSEHOLD.address
    && await addForm.getByLabel('电话').inputValue() === NEW_HOUSEHOLD.badPhone
    && await addForm.getByLabel(NEW_HOUSEHOLD.flags[0], { exact: true }).isChecked(), 'what was typed was lost on the 422');
  check(await rows.count() === countBefore, 'a household was added on a 422');
  expectedFailures([422]);
  await checkNoSidewaysScroll('the 添加住户 form');
  await checkFits('#households-sec', 'the 添加住户 form');
  await checkTapTargets('the 添加住户 form');
  await shotOf(hsec.locator('#household-new'), 'unit-household.png');
  await setLarge(true);
  await checkNoSidewaysScroll('the 添加住户 form in 大字模式');
  await checkFits('#households-sec', 'the 添加住户 form in 大字模式');
  log(`添加住户 with phone ${NEW_HOUSEHOLD.badPhone}: 422 "${(await addMsg.innerText()).replace(/\s+/g, ' ')}", `
    + '电话 marked, the typed values kept');

  // Added.
  await addForm.getByLabel('电话').fill(NEW_HOUSEHOLD.phone);
  check(await addForm.locator('.hf-phone .field-error').isHidden(), 'the message of 电话 stayed after typing');
  const added = await answerOf('POST', /\/api\/staff\/units\/[^/]+\/households$/, () => addForm.locator('.decision-submit').click());
  const saved = await added.json().catch(() => ({}));
  check(added.status() === 201 && saved.code && saved.retired === false, `POST …/households: ${added.status()} ${JSON.stringify(saved)}`);
  check(added.url().endsWith(`/api/staff/units/${UNIT3}/households`), `posted to ${added.url()}`);
  const addBody = JSON.parse(added.request().postData());
  check(JSON.stringify(addBody) === JSON.stringify({ fields: {
    address: NEW_HOUSEHOLD.address, headName: NEW_HOUSEHOLD.headName, phone: NEW_HOUSEHOLD.phone,
    members: NEW_HOUSEHOLD.members, careFlags: NEW_HOUSEHOLD.careFlags
  } }), `the household sent: ${JSON.stringify(addBody)}`);
  check(saved.careFlags === NEW_HOUSEHOLD.careFlags, `the household saved: ${JSON.stringify(saved)}`);
  await hsec.locator('#households-notice', { hasText: '已添加住户' }).waitFor({ state: 'visible' });
  check(await hsec.locator('#household-new').isHidden(), 'the 添加住户 form stayed open');
  const item = hsec.locator(`#household-list > li[data-code="${saved.code}"]`);
  await item.waitFor();
  const itemText = (await item.innerText()).replace(/\s+/g, ' ');
  check([NEW_HOUSEHOLD.address, NEW_HOUSEHOLD.headName, NEW_HOUSEHOLD.phone, `${NEW_HOUSEHOLD.members} 人`, ...NEW_HOUSEHOLD.flags]
    .every((t) => itemText.includes(t)), `the new household: ${itemText}`);
  check(await rows.count() === countBefore + 1, `住户 lists ${await rows.count()}, not ${countBefore + 1}`);
  log(`added ${saved.code} (201): "${(await hsec.locator('#households-notice').textContent()).trim()}"`);

  // 修改: only the changed phone is sent.
  await item.locator('[data-edit]').click();
  const editForm = item.locator('form.household-form');
  await editForm.waitFor({ state: 'visible' });
  check(await editForm.getByLabel('地址').inputValue() === NEW_HOUSEHOLD.address
    && await editForm.getByLabel('电话').inputValue() === NEW_HOUSEHOLD.phone
    && await editForm.getByLabel('人数').inputValue() === NEW_HOUSEHOLD.members
    && await editForm.getByLabel(NEW_HOUSEHOLD.flags[1], { exact: true }).isChecked()
    && !(await editForm.getByLabel('空巢', { exact: true }).isChecked()), 'the 修改 form is not filled with the household');
  await editForm.getByLabel('电话').fill(NEW_HOUSEHOLD.newPhone);
  await checkNoSidewaysScroll('the 修改 form in 大字模式');
  await checkFits('#households-sec', 'the 修改 form in 大字模式');
  const changed = await answerOf('PATCH', /\/api\/staff\/units\/[^/]+\/households\/[^/]+$/, () => editForm.locator('.decision-submit').click());
  const changedJson = await changed.json().catch(() => ({}));
  check(changed.status() === 200 && changedJson.phone === NEW_HOUSEHOLD.newPhone, `PATCH …/households/${saved.code}: ${changed.status()} ${JSON.stringify(changedJson)}`);
  check(changed.url().endsWith(`/api/staff/units/${UNIT3}/households/${saved.code}`), `patched ${changed.url()}`);
  check(changed.request().postData() === JSON.stringify({ fields: { phone: NEW_HOUSEHOLD.newPhone } }), `the change sent: ${changed.request().postData()}`);
  await hsec.locator('#households-notice', { hasText: '已修改住户' }).waitFor({ state: 'visible' });
  await item.locator('a.tel', { hasText: NEW_HOUSEHOLD.newPhone }).waitFor();
  check(await item.locator('form.household-form').count() === 0, 'the 修改 form stayed open');
  log(`修改 ${saved.code}: PATCH {phone} (200), the list shows ${NEW_HOUSEHOLD.newPhone}`);

  // 迁出: asked within the page first; 取消 sends nothing; then it leaves the list.
  await item.locator('[data-retire]').click();
  const confirm = item.locator('.retire-confirm');
  await confirm.waitFor({ state: 'visible' });
  check((await confirm.innerText()).includes(NEW_HOUSEHOLD.address), `the confirmation says ${await confirm.innerText()}`);
  const beforeRetire = writes.length;
  await confirm.getByRole('button', { name: '取消' }).click();
  await confirm.waitFor({ state: 'hidden' });
  check(writes.length === beforeRetire, '迁出 was sent without its confirmation');
  await item.locator('[data-retire]').click();
  await confirm.waitFor({ state: 'visible' });
  await checkFits('#households-sec', 'the 迁出 confirmation in 大字模式');
  const retired = await answerOf('POST', /\/retire$/, () => confirm.getByRole('button', { name: '确认迁出' }).click());
  const retiredJson = await retired.json().catch(() => ({}));
  check(retired.status() === 200 && retiredJson.retired === true, `POST …/${saved.code}/retire: ${retired.status()} ${JSON.stringify(retiredJson)}`);
  await hsec.locator('#households-notice', { hasText: '已迁出' }).waitFor({ state: 'visible' });
  await item.waitFor({ state: 'detached' });
  check(await rows.count() === countBefore, `住户 lists ${await rows.count()} after 迁出, not ${countBefore}`);
  const unitNow = await inSession(context, '/api/unit');
  check(!unitNow.households.some((h) => h.code === saved.code), `GET /api/unit still lists ${saved.code}`);
  log(`迁出 ${saved.code} (200): "${(await hsec.locator('#households-notice').textContent()).trim()}", it left the list`);

  // 记录走访 with 同时登记需求, for the unit's first household.
  const target = unitNow.households[0];
  await hsec.locator(`#household-list [data-visit="${target.code}"]`).click();
  const view = page.locator('#visit-view');
  await view.waitFor({ state: 'visible' });
  await view.getByLabel('走访情况').fill(NOTES);
  check(await view.locator('#v-need-box').isHidden(), '需求类别 shows before 同时登记需求 is ticked');
  await view.getByLabel('同时登记需求').check();
  await view.locator('#v-need-box').waitFor({ state: 'visible' });
  const needCategory = view.getByLabel('需求类别');
  await needCategory.locator(`option[value="${VISIT_NEED.category}"]`).waitFor({ state: 'attached' });
  await needCategory.selectOption(VISIT_NEED.category);
  const beforeVisit = writes.length;
  await view.locator('#visit-submit').click();
  await view.locator('#ve-needText').waitFor({ state: 'visible' });
  check(writes.length === beforeVisit, 'a need without 需求内容 was sent');
  await view.getByLabel('需求内容').fill(VISIT_NEED.text);
  check(await view.locator('#ve-needText').isHidden(), 'the message of 需求内容 stayed after typing');
  await view.getByLabel('紧急程度').selectOption(VISIT_NEED.urgency);
  await checkNoSidewaysScroll('the visit form with 同时登记需求 in 大字模式');
  await checkFits('#visit-view', 'the visit form with 同时登记需求 in 大字模式');
  await setLarge(false);
  await checkFits('#visit-view', 'the visit form with 同时登记需求');
  await checkTapTargets('the visit form with 同时登记需求');
  await shotOf(view.locator('#v-need-box'), 'unit-visit-need.png', { above: 72, below: 8 });
  await setLarge(true);
  const recorded = await answerOf('POST', /\/api\/unit\/visits$/, () => view.locator('#visit-submit').click());
  const visit = await recorded.json().catch(() => ({}));
  check(recorded.status() === 201 && visit.id, `POST /api/unit/visits with a need: ${recorded.status()} ${JSON.stringify(visit)}`);
  const visitBody = JSON.parse(recorded.request().postData());
  check(visitBody.household === target.code && visitBody.notes === NOTES && !visitBody.raiseCase && visitBody.raiseNeed
    && visitBody.raiseNeed.category === VISIT_NEED.category && visitBody.raiseNeed.text === VISIT_NEED.text
    && visitBody.raiseNeed.urgency === VISIT_NEED.urgency, `the visit sent: ${JSON.stringify(visitBody)}`);
  await page.locator('#notice', { hasText: '已登记需求' }).waitFor({ state: 'visible' });
  const visitNotice = (await page.locator('#notice').textContent()).trim();
  check(visitNotice.includes('已记录走访'), `the notice says "${visitNotice}"`);
  await view.waitFor({ state: 'hidden' });
  log(`visit of ${target.code} with 同时登记需求 (201 #${visit.id}): "${visitNotice}"`);

  // The weekly report: its hint, and 本周无新增 refused by the server now that the week has a visit's need.
  const report = unitNow.weeklyReport;
  if (report && report.filed === false) {
    const nsec = page.locator('#needs-sec');
    await nsec.locator('.needs-visit-hint', { hasText: VISIT_NEED_HINT }).waitFor({ state: 'visible' });
    await nsec.locator('#needs-none').click();
    const noneRes = await answerOf('POST', /\/api\/unit\/needs-reports$/, () => nsec.locator('#needs-none-yes').click());
    const noneProblem = await noneRes.json().catch(() => ({}));
    check(noneRes.status() === 400 && noneProblem.detail, `本周无新增 after a visit's need: ${noneRes.status()} ${JSON.stringify(noneProblem)}`);
    await nsec.locator('#needs-confirm-msg', { hasText: noneProblem.detail }).waitFor({ state: 'visible' });
    check((await inSession(context, '/api/unit')).weeklyReport.filed === false, 'the refused 本周无新增 was stored');
    expectedFailures([400]);
    await nsec.locator('#needs-none-no').click();
    log(`本周无新增 with a visit's need: 400 "${noneProblem.detail}" shown in the confirmation`);
  } else {
    log(`${UNIT3}'s week is filed already: the 本周无新增 refusal is not tried`);
  }

  await checkNoSidewaysScroll(`${HEAD3} at the end in 大字模式`);
  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
  await page.locator('#logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  log('退出');
}

/** The first of NEEDS_HEADS whose unit has not filed this week's needs report: { user, unit } (GET /api/unit). */
async function headToReport() {
  const filed = [];
  for (const user of NEEDS_HEADS) {
    const res = await api('GET', '/api/unit', { user });
    check(res.status === 200, `GET /api/unit as ${user}: ${res.status} ${res.text.slice(0, 300)}`);
    const report = res.json.weeklyReport;
    check(report && /^\d{4}-\d{2}-\d{2}$/.test(report.weekStart || ''),
      `GET /api/unit as ${user} has no weeklyReport: ${JSON.stringify(res.json).slice(0, 300)}`);
    if (report.filed !== true) return { user, unit: res.json };
    filed.push(`${user} (${res.json.unit && res.json.unit.code})`);
  }
  throw new Error(`every demo head has filed this week's needs report already (${filed.join(', ')}): `
    + 'the check needs a fresh server, or next week');
}

/** What GET /api/unit says in the page's session. */
async function unitInSession(context) {
  const res = await context.request.get(`${baseUrl}/api/unit`, {
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
  });
  check(res.status() === 200, `GET /api/unit in the page's session: ${res.status()}`);
  return res.json();
}

/** 本周需求报送: a head whose unit has not filed this week files two needs (see the top of this file). */
async function needsReport(context) {
  const needsPosts = [];
  page.on('request', (r) => { if (isNeedsPost(r)) needsPosts.push(r); });
  const { user, unit } = await headToReport();
  const { weekStart } = unit.weeklyReport;
  const household = (unit.households || []).find((h) => h.code && h.address);
  check(household, `${user}'s unit has no household: ${JSON.stringify(unit.households)}`);
  const categories = await api('GET', '/api/categories');
  check(categories.status === 200 && Array.isArray(categories.json), `GET /api/categories: ${categories.status}`);
  const names = Object.fromEntries(categories.json.map((c) => [c.code, c.name]));
  check(names[NEED1.category] && names[NEED2.category], `no ${NEED1.category} or ${NEED2.category} among the categories`);

  // The head, in 大字模式 (still on from above): the week is not filed yet.
  const answer = await login(user);
  check(answer.status() === 200, `GET /api/unit as ${user}: ${answer.status()} ${await answer.text().catch(() => '')}`);
  await page.locator('#home').waitFor({ state: 'visible' });
  const [, month, day] = weekStart.split('-').map(Number);
  const due = `本周（${month}月${day}日起）尚未报送`;
  const sec = page.locator('#needs-sec');
  await sec.locator('#needs-state', { hasText: due }).waitFor({ state: 'visible' });
  check(await sec.locator('#needs-done').isHidden(), '本周已报送 shows before the week is filed');
  const rows = sec.locator('#need-rows > li.need-row');
  check(await rows.count() === 1, `the form has ${await rows.count()} rows, not one`);
  const row1 = rows.nth(0);
  const householdSelect = row1.getByLabel('住户');
  check(await householdSelect.locator('option').count() === unit.households.length + 1
    && (await householdSelect.locator('option').first().textContent()).trim() === '不指定住户',
  'the 住户 select does not offer 不指定住户 and the unit\'s households');
  check(await householdSelect.inputValue() === '', 'a household is chosen before the head chose one');
  const urgencies = (await row1.getByLabel('紧急程度').locator('option').allTextContents()).map((t) => t.trim());
  check(urgencies.join(',') === '一般,紧急,特急', `紧急程度 offers ${urgencies.join(', ')}`);
  check(await row1.getByLabel('内容').getAttribute('maxlength') === '2000', '内容 has no maxlength 2000');
  await checkNoSidewaysScroll(`${user}'s needs form in 大字模式`);
  await checkFits('#needs-sec', `${user}'s needs form in 大字模式`);
  log(`${user} (${unit.unit.code} ${unit.unit.name}): "${due}", the form with one row`);

  // 本周无新增需求 asks within the page first; 取消 files nothing.
  await sec.locator('#needs-none').click();
  const confirm = sec.locator('#needs-confirm');
  await confirm.waitFor({ state: 'visible' });
  check((await confirm.innerText()).includes('无新增'), `the confirmation says ${await confirm.innerText()}`);
  await confirm.getByRole('button', { name: '取消' }).click();
  await confirm.waitFor({ state: 'hidden' });
  check(needsPosts.length === 0, '本周无新增需求 filed without its confirmation');

  // Two needs, the second without 内容: refused on the page, nothing is sent and nothing is lost.
  await householdSelect.selectOption(household.code);
  await row1.getByLabel('类别').locator(`option[value="${NEED1.category}"]`).waitFor({ state: 'attached' });
  await row1.getByLabel('类别').selectOption(NEED1.category);
  await row1.getByLabel('内容').fill(NEED1.text);
  await sec.getByRole('button', { name: '添加一条' }).click();
  check(await rows.count() === 2, `添加一条: ${await rows.count()} rows`);
  const row2 = rows.nth(1);
  check(await row2.getByLabel('住户').inputValue() === '', 'the new row has a household chosen');
  await row2.getByLabel('类别').selectOption(NEED2.category);
  await sec.locator('#needs-submit').click();
  const row2Error = row2.locator('.nf-text .field-error');
  await row2Error.waitFor({ state: 'visible' });
  const emptyMsg = (await row2Error.textContent()).trim();
  check(/内容/.test(emptyMsg), `the empty 内容 is refused with "${emptyMsg}"`);
  check(await row2.getByLabel('内容').getAttribute('aria-invalid') === 'true', 'the empty 内容 is not marked invalid');
  check(await row1.locator('.field-error:visible').count() === 0, 'the first row is marked too');
  check(needsPosts.length === 0, `a need without 内容 was sent: ${needsPosts.map((r) => r.postData()).join(', ')}`);
  check(await row1.getByLabel('内容').inputValue() === NEED1.text && await householdSelect.inputValue() === household.code
    && await row2.getByLabel('类别').inputValue() === NEED2.category, 'the typed needs were lost on the refusal');
  log(`an empty 内容 refused on the page: "${emptyMsg}" next to the second row, nothing sent`);

  // The form with both needs fits, without 大字模式 and in it.
  await row2.getByLabel('内容').fill(NEED2.text);
  check(await row2Error.isHidden(), 'the message of 内容 stayed after typing');
  await setLarge(false);
  await checkNoSidewaysScroll('the needs form with two rows');
  await checkFits('#needs-sec', 'the needs form with two rows');
  await checkTapTargets('the needs form');
  // The section only: the whole page is long with the households.
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await sec.boundingBox();
  await shot('unit-needs.png', {
    fullPage: true, clip: { x: 0, y: Math.max(0, box.y - 8), width: VIEWPORT.width, height: box.height + 16 }
  });
  await setLarge(true);
  await checkNoSidewaysScroll('the needs form with two rows in 大字模式');
  await checkFits('#needs-sec', 'the needs form with two rows in 大字模式');
  await checkTapTargets('the needs form in 大字模式');

  // A refusal of the server (the second text blanked on its way): its message next to the same field.
  const route = `${baseUrl}/api/unit/needs-reports`;
  await page.route(route, (r) => {
    const body = JSON.parse(r.request().postData());
    body.needs[1].text = '';
    return r.continue({ postData: JSON.stringify(body) });
  }, { times: 1 });
  const refusedPost = page.waitForResponse((r) => r.url() === route && r.request().method() === 'POST');
  await sec.locator('#needs-submit').click();
  const refused = await refusedPost;
  const problem = await refused.json().catch(() => ({}));
  await page.unroute(route);
  check(refused.status() === 400 && problem.errors && problem.errors['needs[1].text'],
    `POST ${route} with an empty second text: ${refused.status()} ${JSON.stringify(problem)}`);
  const formMsg = sec.locator('#needs-form-msg');
  await formMsg.filter({ hasText: problem.detail }).waitFor({ state: 'visible' });
  check((await formMsg.textContent()).includes(problem.title), `the refusal shows "${await formMsg.textContent()}"`);
  await row2Error.filter({ hasText: problem.errors['needs[1].text'] }).waitFor({ state: 'visible' });
  check(await row1.getByLabel('内容').inputValue() === NEED1.text && await row2.getByLabel('内容').inputValue() === NEED2.text,
    'the typed texts were lost on the server\'s refusal');
  check((await unitInSession(context)).weeklyReport.filed === false, 'the refused report was stored');
  expectedFailures([400]);
  log(`the server's refusal (400): "${(await formMsg.textContent()).trim()}", `
    + `"${problem.errors['needs[1].text']}" next to the second 内容; nothing stored, the texts stay`);

  // Filed.
  const sent = page.waitForResponse((r) => r.url() === route && r.request().method() === 'POST');
  await sec.locator('#needs-submit').click();
  const res = await sent;
  const filed = await res.json().catch(() => ({}));
  check(res.status() === 201 && filed.filed === true && filed.weekStart === weekStart,
    `POST ${route}: ${res.status()} ${JSON.stringify(filed)}`);
  const body = JSON.parse(res.request().postData());
  check(!body.nothingNew && body.needs.length === 2
    && body.needs[0].household === household.code && body.needs[0].category === NEED1.category
    && body.needs[0].text === NEED1.text && body.needs[0].urgency === 'normal'
    && !body.needs[1].household && body.needs[1].category === NEED2.category && body.needs[1].text === NEED2.text
    && (!body.week || body.week === weekStart), `the report sent: ${JSON.stringify(body)}`);
  check(res.request().headers()['x-csrf-token'], 'the report was sent without X-CSRF-Token');
  check(needsPosts.length === 2, `${needsPosts.length} reports were sent, not 2`);
  await sec.locator('#needs-notice', { hasText: '已报送本周需求（2 条）' }).waitFor({ state: 'visible' });
  const done = sec.locator('#needs-done');
  await done.waitFor({ state: 'visible' });
  const doneText = (await done.innerText()).replace(/\s+/g, ' ');
  const filedAt = ((await done.locator('#needs-filed-at').textContent()) || '').replace('报送时间：', '').trim();
  check(doneText.includes('本周已报送') && doneText.includes('按时') && DATE_TIME.test(filedAt),
    `本周已报送: ${doneText}`);
  const items = done.locator('#needs-filed > li');
  check(await items.count() === 2, `本周已报送 lists ${await items.count()} needs`);
  const item1 = (await items.nth(0).innerText()).replace(/\s+/g, ' ');
  const item2 = (await items.nth(1).innerText()).replace(/\s+/g, ' ');
  check(item1.includes(names[NEED1.category]) && item1.includes(NEED1.text) && item1.includes(household.address),
    `the first need filed: ${item1}`);
  check(item2.includes(names[NEED2.category]) && item2.includes(NEED2.text) && item2.includes('未指定住户'),
    `the second need filed: ${item2}`);
  check(await sec.locator('#needs-form').isHidden() && await sec.locator('#needs-none').isHidden(),
    'the form is still offered once the week is filed');
  const stored = (await unitInSession(context)).weeklyReport;
  check(stored.filed === true && stored.onTime === true && stored.weekStart === weekStart && stored.needs.length === 2
    && stored.needs.some((n) => n.householdCode === household.code && n.category === NEED1.category && n.text === NEED1.text)
    && stored.needs.some((n) => !n.householdCode && n.category === NEED2.category && n.text === NEED2.text),
  `GET /api/unit has ${JSON.stringify(stored)}`);
  log(`filed (201): "${(await sec.locator('#needs-notice').textContent()).trim()}"; 本周已报送 ${filedAt} 按时 `
    + 'with both needs; the form is gone');

  // A second report of the week, in the page's session: 409.
  const again = await page.evaluate(async (base) => {
    const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    const session = await fetch(`${base}/api/session`, { headers, credentials: 'same-origin' }).then((r) => r.json());
    const r = await fetch(`${base}/api/unit/needs-reports`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { ...headers, 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
      body: JSON.stringify({ nothingNew: true })
    });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, baseUrl);
  check(again.status === 409 && again.body && String(again.body.type || '').endsWith(FILED_TWICE),
    `a second report of the week: ${again.status} ${JSON.stringify(again.body)}`);
  expectedFailures([409]);
  const still = (await unitInSession(context)).weeklyReport;
  check(still.needs.length === 2, `after the second report GET /api/unit has ${JSON.stringify(still)}`);
  await checkNoSidewaysScroll(`${user} after filing in 大字模式`);
  await checkFits('#needs-sec', `${user}'s 本周已报送 in 大字模式`);
  await setLarge(false);
  await checkNoSidewaysScroll(`${user} after filing`);
  await checkFits('#needs-sec', `${user}'s 本周已报送`);
  log(`a second report: 409 ${again.body.type} "${again.body.title}"`);

  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
  await page.locator('#logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  log('退出');
}

/** The first day of the current quarter in China time, yyyy-MM-dd. */
function quarterStartOf(day) {
  const month = Number(day.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

const isGet = (path) => (r) => new URL(r.url()).pathname === path && r.request().method() === 'GET';
const squeeze = (s) => String(s || '').replace(/\s+/g, '');

/**
 * 我的履职: mayulan's own term (see the top of this file). The county's quarter round and a training
 * session are set up through the API first, then the page shows them; an activity is recorded through
 * the form.
 */
async function termSections(context) {
  const today = chinaToday();
  const quarterStart = quarterStartOf(today);

  // The quarter's evaluation round (idempotent), as the county's administrator.
  const round = await api('POST', '/api/admin/head-evaluations/rounds',
    { user: TERM_ADMIN, body: { street: TERM_STREET, quarterStart } });
  check(round.status === 200 && round.json && round.json.quarter,
    `POST /api/admin/head-evaluations/rounds as ${TERM_ADMIN}: ${round.status} ${round.text}`);
  log(`the evaluation round of ${round.json.quarter} (${TERM_STREET}): ${round.json.opened} opened`);

  // A 专项提升 session attended by the head, as the community office.
  const course = await api('POST', '/api/staff/training/courses',
    { user: TERM_OFFICE, body: { title: TRAINING_TITLE, level: 'topic', community: TERM_COMMUNITY } });
  check(course.status >= 200 && course.status < 300 && course.json && course.json.id != null,
    `POST /api/staff/training/courses as ${TERM_OFFICE}: ${course.status} ${course.text}`);
  const session = await api('POST', `/api/staff/training/courses/${course.json.id}/sessions`,
    { user: TERM_OFFICE, body: { heldOn: today, mode: 'offline', place: '村委会议室', hours: 2.5 } });
  check(session.status >= 200 && session.status < 300 && session.json && session.json.id != null,
    `POST /api/staff/training/courses/${course.json.id}/sessions: ${session.status} ${session.text}`);
  const sessionId = session.json.id;
  const attendance = await api('POST', `/api/staff/training/sessions/${sessionId}/attendance`,
    { user: TERM_OFFICE, body: { heads: [TERM_HEAD] } });
  check(attendance.status >= 200 && attendance.status < 300,
    `POST /api/staff/training/sessions/${sessionId}/attendance: ${attendance.status} ${attendance.text}`);
  log(`training "${TRAINING_TITLE}" (course ${course.json.id}, session ${sessionId}, ${today}, 2.5 学时) for ${TERM_HEAD}`);

  // The head logs in; the four parts load with the unit.
  const parts = ['/api/unit/training', '/api/unit/evaluations', '/api/unit/activities', '/api/unit/pay']
    .map((p) => page.waitForResponse(isGet(p)));
  const answer = await login(TERM_HEAD);
  check(answer.status() === 200, `GET /api/unit as ${TERM_HEAD}: ${answer.status()} ${await answer.text().catch(() => '')}`);
  for (const res of await Promise.all(parts)) {
    check(res.status() === 200, `${new URL(res.url()).pathname} as ${TERM_HEAD}: ${res.status()} ${await res.text().catch(() => '')}`);
  }
  await page.locator('#home').waitFor({ state: 'visible' });
  await setLarge(false);
  const unitName = (await page.locator('#unit-name').textContent()).trim();
  check(unitName === TERM_UNIT_NAME, `${TERM_HEAD}'s unit is named "${unitName}"`);

  // 培训记录: the session, its level and hours; the total; the induction's state.
  const training = await inSession(context, '/api/unit/training');
  const tsec = page.locator('#training-sec');
  const item = tsec.locator(`#attended-list > li[data-session-id="${sessionId}"]`);
  await item.waitFor({ state: 'visible' });
  const itemText = (await item.innerText()).replace(/\s+/g, ' ');
  check(itemText.includes(TRAINING_TITLE) && itemText.includes('专项提升') && itemText.includes('2.5 学时')
    && itemText.includes(today) && itemText.includes('线下'), `the session in 培训记录: ${itemText}`);
  const hoursText = (await tsec.locator('#training-hours').textContent()).trim();
  check(hoursText === `累计 ${Number(training.hours)} 学时`, `培训记录 says "${hoursText}", the server ${training.hours}`);
  check(await tsec.locator('#attended-list > li').count() === training.attended.length,
    `培训记录 lists ${await tsec.locator('#attended-list > li').count()}, the server ${training.attended.length}`);
  const induction = (await tsec.locator('#induction').innerText()).replace(/\s+/g, ' ');
  const inductionTag = (await tsec.locator('#induction-tag').textContent()).trim();
  check(training.inductionDone ? inductionTag === '已完成' : ['未完成', '已逾期'].includes(inductionTag),
    `初任培训 says "${inductionTag}", the server inductionDone ${training.inductionDone}`);
  if (training.inductionDue && !training.inductionDone) {
    check(induction.includes(training.inductionDue.slice(0, 10)), `初任培训 without its due date: ${induction}`);
  }
  check(await tsec.locator('#shadowing-list > li').count() === (training.shadowing || []).length,
    '老带新 does not list the server\'s pairings');
  if (!(training.shadowing || []).length) await tsec.locator('#shadowing-empty').waitFor({ state: 'visible' });
  check(await tsec.locator('#training-msg').isHidden(), `培训记录 shows an error: ${await tsec.locator('#training-msg').textContent()}`);
  log(`培训记录: "${itemText}"; "${hoursText}"; 初任培训 "${induction}"`);

  // 季度考核: the quarter, 评议和考核中, its figures; no 申诉 while scoring.
  const evaluations = await inSession(context, '/api/unit/evaluations');
  const current = evaluations.find((e) => e.quarter === round.json.quarter);
  check(current, `GET /api/unit/evaluations has no ${round.json.quarter}: ${JSON.stringify(evaluations).slice(0, 300)}`);
  check(current.status === 'scoring', `${round.json.quarter} is ${current.status}, not scoring: the check needs it before grading`);
  const esec = page.locator('#evals-sec');
  const ecard = esec.locator(`article.eval[data-id="${current.id}"]`);
  await ecard.waitFor({ state: 'visible' });
  const ecardText = (await ecard.innerText()).replace(/\s+/g, ' ');
  check(ecardText.includes(current.quarterLabel) && ecardText.includes('评议和考核中'), `the quarter's card: ${ecardText}`);
  check(squeeze(await ecard.locator('.eval-figures').textContent()) === squeeze(current.figures),
    `the figures shown: "${await ecard.locator('.eval-figures').textContent()}", the server "${current.figures}"`);
  check(await ecard.locator('.appeal-btn').count() === 0, '申诉 is offered while the quarter is being scored');
  check(await esec.locator('article.eval').count() === evaluations.length,
    `季度考核 lists ${await esec.locator('article.eval').count()}, the server ${evaluations.length}`);
  check(await esec.locator('#evals-msg').isHidden(), `季度考核 shows an error: ${await esec.locator('#evals-msg').textContent()}`);
  log(`季度考核: ${current.quarterLabel} 评议和考核中, "${current.figures}"`);

  // 邻里互助活动: a future date is refused by the server, next to 活动日期; then today's is recorded.
  const asec = page.locator('#activities-sec');
  const before = await inSession(context, '/api/unit/activities');
  await asec.locator('#activity-add').click();
  const aform = asec.locator('#activity-form');
  await aform.waitFor({ state: 'visible' });
  check(await aform.getByLabel('活动日期').inputValue() === today, 'the activity form does not start with today');
  await aform.getByLabel('活动日期').fill(addDays(today, 1));
  await aform.getByLabel('活动名称').fill(ACTIVITY_TITLE);
  await aform.getByLabel('参加人数').fill('12');
  const refused = await answerOf('POST', /\/api\/unit\/activities$/, () => aform.locator('#activity-submit').click());
  const problem = await refused.json().catch(() => ({}));
  check(refused.status() === 400 && problem.errors && problem.errors.heldOn,
    `POST /api/unit/activities with tomorrow: ${refused.status()} ${JSON.stringify(problem)}`);
  await aform.locator('#ae-heldOn', { hasText: problem.errors.heldOn }).waitFor({ state: 'visible' });
  check(await aform.getByLabel('活动日期').getAttribute('aria-invalid') === 'true', '活动日期 is not marked invalid');
  await aform.locator('#activity-msg', { hasText: problem.title }).waitFor({ state: 'visible' });
  check(await aform.getByLabel('活动名称').inputValue() === ACTIVITY_TITLE && await aform.getByLabel('参加人数').inputValue() === '12',
    'the typed activity was lost on the refusal');
  check((await inSession(context, '/api/unit/activities')).length === before.length, 'the refused activity was stored');
  expectedFailures([400]);
  log(`an activity tomorrow: 400, "${problem.errors.heldOn}" next to 活动日期; the typed title stays`);

  await aform.getByLabel('活动日期').fill(today);
  check(await aform.locator('#ae-heldOn').isHidden(), 'the message of 活动日期 stayed after the change');
  const saved = await answerOf('POST', /\/api\/unit\/activities$/, () => aform.locator('#activity-submit').click());
  const activity = await saved.json().catch(() => ({}));
  check(saved.status() === 201 && activity.id != null && activity.title === ACTIVITY_TITLE && activity.heldOn === today
    && activity.participants === 12, `POST /api/unit/activities: ${saved.status()} ${JSON.stringify(activity)}`);
  const sentBody = JSON.parse(saved.request().postData());
  check(sentBody.heldOn === today && sentBody.title === ACTIVITY_TITLE && sentBody.participants === 12,
    `the activity sent: ${JSON.stringify(sentBody)}`);
  check(saved.request().headers()['x-csrf-token'], 'the activity was sent without X-CSRF-Token');
  await asec.locator('#activities-notice', { hasText: ACTIVITY_TITLE }).waitFor({ state: 'visible' });
  await aform.waitFor({ state: 'hidden' });
  const listed = asec.locator(`#activity-list > li[data-id="${activity.id}"]`);
  await listed.waitFor({ state: 'visible' });
  const listedText = (await listed.innerText()).replace(/\s+/g, ' ');
  check(listedText.includes(ACTIVITY_TITLE) && listedText.includes(today) && listedText.includes('12 人参加'),
    `the activity listed: ${listedText}`);
  const after = await inSession(context, '/api/unit/activities');
  check(after.some((a) => a.id === activity.id) && after.length === before.length + 1,
    `GET /api/unit/activities: ${after.length} (before ${before.length})`);
  await asec.locator('#activity-list > li').nth(after.length - 1).waitFor({ state: 'attached' });
  check(await asec.locator('#activity-list > li').count() === after.length,
    `邻里互助活动 lists ${await asec.locator('#activity-list > li').count()}, the server ${after.length}`);
  const duty = (await asec.locator('#activity-quarter').textContent()).trim();
  check(/本季度.*已组织 \d+ 次/.test(duty), `the quarter's duty says "${duty}"`);
  log(`activity #${activity.id} recorded (201): "${listedText}"; "${duty}"`);

  // 我的补贴: the approved lines (none on a fresh server: the empty state), the account.
  const pay = await inSession(context, '/api/unit/pay');
  const psec = page.locator('#pay-sec');
  check((await psec.innerText()).includes('基础补贴 + 绩效奖励 + 荣誉津贴'), '我的补贴 without its explanation');
  check(await psec.locator('#pay-msg').isHidden(), `我的补贴 shows an error: ${await psec.locator('#pay-msg').textContent()}`);
  check(await psec.locator('#pay-list > li').count() === pay.lines.length,
    `我的补贴 lists ${await psec.locator('#pay-list > li').count()}, the server ${pay.lines.length}`);
  if (!pay.lines.length) await psec.locator('#pay-empty', { hasText: '暂无已审定的补贴' }).waitFor({ state: 'visible' });
  const account = (await psec.locator('#pay-account').textContent()).trim();
  check(pay.bankAccount ? account.includes(pay.bankAccount) : account.includes('尚未登记'), `the account shown: "${account}"`);
  log(`我的补贴: ${pay.lines.length} lines${pay.lines.length ? '' : ' (暂无已审定的补贴)'}; "${account}"`);

  // 履职档案: the link to the head's own workbook (the server may not serve it yet).
  const link = page.getByRole('link', { name: '下载履职档案' });
  await link.waitFor({ state: 'visible' });
  const href = await link.getAttribute('href');
  check(new URL(href, page.url()).pathname === `/api/heads/${TERM_HEAD}/archive.xlsx`, `下载履职档案 links to ${href}`);
  log(`下载履职档案 → ${href}`);

  // The page's navigation reaches the sections; they fit, also in 大字模式.
  for (const [name, id] of [['培训记录', 'training-sec'], ['季度考核', 'evals-sec'], ['邻里互助活动', 'activities-sec'], ['我的补贴', 'pay-sec']]) {
    check(await page.locator(`.term-nav a[href="#${id}"]`, { hasText: name }).count() === 1, `no ${name} in the page's navigation`);
  }
  await checkNoSidewaysScroll(`${TERM_HEAD}'s term`);
  await checkFits('#term', `${TERM_HEAD}'s term`);
  await checkTapTargets(`${TERM_HEAD}'s term`);
  await shotOf(page.locator('#term'), 'unit-term.png');
  await setLarge(true);
  for (const id of ['training-sec', 'evals-sec', 'activities-sec', 'pay-sec', 'archive-sec']) {
    await page.locator(`#${id}`).waitFor({ state: 'visible' });
  }
  await item.waitFor({ state: 'visible' });
  await ecard.waitFor({ state: 'visible' });
  await listed.waitFor({ state: 'visible' });
  await link.waitFor({ state: 'visible' });
  await asec.locator('#activity-add').click();
  await aform.waitFor({ state: 'visible' });
  await checkNoSidewaysScroll(`${TERM_HEAD}'s term in 大字模式`);
  await checkFits('#term', `${TERM_HEAD}'s term in 大字模式`);
  await checkTapTargets(`${TERM_HEAD}'s term in 大字模式`);
  await asec.locator('#activity-cancel').click();
  await aform.waitFor({ state: 'hidden' });
  await setLarge(false);
  log('我的履职 fits 390 px, also in 大字模式');

  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
  await page.locator('#logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  log('退出');
}

await run(main, { timeoutS: 90, fullPage: true });
