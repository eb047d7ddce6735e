// Browser end-to-end check of 联户长推选 on the residents' page /report/#/heads, on a phone: a household
// nominates a liaison head for a new unit, the community office reviews and chooses the candidate (engine
// REST API), the page shows the 任前公示, a resident objects through the page and reads the answer by its
// query code.
//
//   npm ci
//   node head-posts.mjs [baseUrl] [screenshotDir]
//   node head-posts.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (county administrator qinfang, 桃园村's community office
// hejun, password demo, override with LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium,
// override with CHROMIUM) plus a CJK font (fonts-noto-cjk). PAGES_ENTRY=index.html opens /report/index.html.
// It makes everything it uses, so it passes on a fresh server as on one with earlier runs' posts:
// - as qinfang a new unit hp<timestamp> in grid taoyuan2, named with "&lt" and "&amp" (the organisation's
//   names refuse < > ;, so the markup test strings go into what residents write: the candidate's name is
//   <b>…</b><svg onload=…>, shown publicly during the notice), and as hejun one household on its roster;
// - as hejun the vacancy (new_unit), which starts the selection process (business key post<id>).
//
// Checks, in a 390x844 touch viewport:
// - #/heads lists the post as a card (unit name verbatim, 桃园村, 推选中); the community filter (a select of
//   the communities in the list) moves to #/heads?community=taoyuan and keeps the card;
// - a 住户推荐 with wrong last four digits of the household's phone is refused (422, 住户核验未通过 shown in
//   the form, both household fields marked), with the right ones it is accepted and the server's message
//   is shown; the same household nominating the same person again answers 409 already-nominated (API);
// - after hejun completes reviewCandidate (eligible) and chooseCandidate (that candidate) via /engine-rest,
//   a reload shows 公示中 and "拟任联户长：<name>，公示至 …" with the name as text (no <b>/<svg> elements,
//   window.__xss unset), 任前公示 on the card's timeline; a nomination to that post answers 409
//   post-not-open (API);
// - an objection through the card (an empty one gets a field error first) gives a query code, shown large;
//   the 查询异议答复 lookup says 待答复; after hejun completes answerObjection (dismissed) via /engine-rest
//   it says 已答复 with the answer and 异议不成立; no script errors on the page.
// With screenshotDir it writes head-posts-list.png (the list) and head-posts-notice.png (the notice card
// with the objection's query code) there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves one unit with its post in 公示中 behind.
import {
  api, check, checkEntryServed, launchBrowser, log, newContext, page, pageErrors, pagesUrl, run, setPage, shot,
  sleep, STEP_TIMEOUT_MS, watchPageErrors
} from './common.mjs';

const PAGE = pagesUrl('/report/');
const OFFICE = 'hejun'; // 桃园村's community office
const stamp = Date.now();
const unitCode = `hp${stamp}`;
const unitName = `推选测试&lt单元&amp${String(stamp).slice(-6)}`;
const household = { code: `${unitCode}-01`, phone: '13912345678', last4: '5678', wrong: '0000' };
const candidate = {
  name: '李<b>粗</b><svg onload=__xss=1>',
  phone: `137${String(stamp).slice(-8)}`,
  address: '桃园村西组3号',
  profile: '党员，退休教师，常年参加志愿服务。<script>window.__xss=2</script>'
};
const objectionText = `候选人近一年多在外地居住，请核实。<img src=x onerror="window.__xss=3">（${stamp}）`;
const answerText = '经核实，候选人常住本村，异议不成立。';

async function setUp() {
  const unit = await api('POST', '/api/admin/organisation/units', {
    user: 'qinfang',
    body: { code: unitCode, fields: { gridCode: 'taoyuan2', name: unitName, households: '1' } }
  });
  check(unit.status === 201, `creating unit ${unitCode} as qinfang: ${unit.status} ${unit.text}`);
  const home = await api('POST', `/api/staff/units/${unitCode}/households`, {
    user: OFFICE,
    body: { code: household.code, fields: { address: '桃园村西组1号', headName: '赵大明', phone: household.phone, members: '3' } }
  });
  check(home.status === 201, `adding household ${household.code} as ${OFFICE}: ${home.status} ${home.text}`);
  const vacancy = await api('POST', `/api/staff/units/${unitCode}/vacancy`,
    { user: OFFICE, body: { reason: 'new_unit', note: '新设单元，浏览器检查' } });
  check(vacancy.status === 201 && vacancy.json && vacancy.json.id,
    `opening the vacancy of ${unitCode} as ${OFFICE}: ${vacancy.status} ${vacancy.text}`);
  check(vacancy.json.status === 'nominating', `the new post is ${vacancy.json.status}`);
  log(`unit ${unitCode} "${unitName}" with household ${household.code}; post ${vacancy.json.id} 推选中`);
  return vacancy.json.id;
}

/** The open task `key` of the post's selection, visible to hejun, waiting for it to appear. */
async function taskOf(postId, key) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const res = await api('GET', `/engine-rest/task?processInstanceBusinessKey=post${postId}&taskDefinitionKey=${key}`,
      { user: OFFICE });
    check(res.status === 200, `GET /engine-rest/task (${key}) as ${OFFICE}: ${res.status} ${res.text}`);
    if (res.json.length) return res.json[0];
    check(Date.now() < deadline, `no ${key} task of post${postId} visible to ${OFFICE}`);
    await sleep(300);
  }
}

async function complete(postId, key, variables) {
  const task = await taskOf(postId, key);
  const vars = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, { value: v, type: 'String' }]));
  const done = await api('POST', `/engine-rest/task/${task.id}/complete`, { user: OFFICE, body: { variables: vars } });
  check(done.status === 204, `completing ${key} ${task.id} of post${postId}: ${done.status} ${done.text}`);
  log(`${OFFICE} completed ${key} of post${postId} (${JSON.stringify(variables)}) via /engine-rest`);
}

async function phoneContext() {
  return newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) '
      + 'Chrome/126.0 Mobile Safari/537.36'
  });
}

const cardOf = (postId) => page.locator(`article.post[data-post-id="${postId}"]`);

async function noXss(where) {
  check(await page.evaluate(() => window.__xss) === undefined, `window.__xss was set (${where}): markup ran`);
  check(await page.locator('#post-list b b, #post-list svg, #post-list script, #post-list img').count() === 0,
    `markup from the server became elements (${where})`);
}

async function listAndFilter(postId) {
  await page.goto(`${PAGE}#/heads`);
  await page.locator('#tab-heads[aria-current="page"]').waitFor();
  const card = cardOf(postId);
  await card.waitFor();
  check((await card.locator('.post-unit').textContent()) === unitName,
    `card title "${await card.locator('.post-unit').textContent()}", expected "${unitName}"`);
  check((await card.locator('.post-place').textContent()).includes('桃园村'), 'the card does not name 桃园村');
  check((await card.locator('.status').textContent()) === '推选中', `status ${await card.locator('.status').textContent()}`);
  check(await page.locator('.criteria', { hasText: '党员、退休干部、热心公益的志愿者优先' }).count() === 1,
    'the criteria are not explained');

  // The filter offers the communities of the list; choosing one filters on the server.
  await page.locator('#h-community option[value="taoyuan"]').waitFor({ state: 'attached' });
  const filtered = page.waitForResponse((r) => /\/api\/head-posts\?community=taoyuan$/.test(r.url()));
  await page.locator('#h-community').selectOption('taoyuan');
  await page.waitForURL(/#\/heads\?community=taoyuan$/);
  check((await filtered).status() === 200, 'the filtered list was not loaded');
  await card.waitFor();
  const others = await page.locator('article.post').evaluateAll((cards) => cards.length);
  log(`post ${postId} listed as "${unitName}" 推选中; filter #/heads?community=taoyuan shows ${others} card(s)`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('head-posts-list.png');
}

async function nominate(postId) {
  const card = cardOf(postId);
  const n = `n${postId}`;
  await card.getByRole('button', { name: '推荐联户长' }).tap();
  const form = card.locator('form.nominate-form');
  await form.waitFor({ state: 'visible' });
  await form.locator('.seg-item', { hasText: '住户推荐' }).tap();
  check(await form.locator('.household-box').isVisible(), 'no household fields for 住户推荐');
  check((await form.locator('.household-box').textContent()).includes('住户编号见联户长或社区发放的联户卡'),
    'the household number is not explained');
  await page.locator(`#${n}-householdCode`).fill(household.code);
  await page.locator(`#${n}-householdPhoneLast4`).fill(household.wrong);
  await page.locator(`#${n}-name`).fill(candidate.name);
  await page.locator(`#${n}-phone`).fill(candidate.phone);
  await page.locator(`#${n}-address`).fill(candidate.address);
  await page.locator(`#${n}-profile`).fill(candidate.profile);

  // Wrong last four digits: the server refuses, the page says so and marks both household fields.
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/head-posts/${postId}/nominations`));
  await form.locator('button[type=submit]').tap();
  check((await refused).status() === 422, `wrong last four digits answered ${(await refused).status()}`);
  const error = form.locator(`#${n}-error`);
  await error.waitFor({ state: 'visible' });
  check((await error.textContent()).includes('住户核验未通过'), `form error "${await error.textContent()}"`);
  check(await form.locator('.field.invalid').count() === 2, 'the household fields are not marked');
  log(`wrong last four digits: "${(await error.textContent()).trim()}"`);

  // The right ones: accepted, the server's message is shown.
  await page.locator(`#${n}-householdPhoneLast4`).fill(household.last4);
  check(await form.locator('.field.invalid').count() === 1, 'the error stays after the field was edited');
  await form.locator('button[type=submit]').tap();
  const done = card.locator('.done');
  await done.waitFor({ state: 'visible' });
  const said = await done.textContent();
  check(said.includes('推荐已收到') && said.includes(candidate.name), `after the nomination: "${said}"`);
  check(await form.isHidden(), 'the form stays after the nomination');
  await noXss('after the nomination');
  log('住户推荐 accepted: 推荐已收到，社区将组织考察');

  const again = await api('POST', `/api/head-posts/${postId}/nominations`, {
    body: { nomination: 'households', name: candidate.name, phone: candidate.phone,
      householdCode: household.code, householdPhoneLast4: household.last4 }
  });
  check(again.status === 409 && again.json && /\/already-nominated$/.test(again.json.type),
    `the same household nominating again: ${again.status} ${again.text}`);
  log('the same household nominating the same person again: 409 already-nominated');
}

async function reviewAndChoose(postId) {
  await complete(postId, 'reviewCandidate', { reviewResult: 'eligible', reviewNote: '组织考察合格（浏览器检查）' });
  const staff = await api('GET', '/api/staff/head-posts?community=taoyuan&open=true', { user: OFFICE });
  check(staff.status === 200, `GET /api/staff/head-posts as ${OFFICE}: ${staff.status} ${staff.text}`);
  const post = staff.json.find((p) => p.id === postId);
  check(post, `post ${postId} not among ${OFFICE}'s open posts`);
  const chosen = post.candidates.find((c) => c.name === candidate.name);
  check(chosen, `candidate not found on post ${postId}: ${JSON.stringify(post.candidates)}`);
  check(chosen.status === 'eligible', `the candidate is ${chosen.status} after the review`);
  await complete(postId, 'chooseCandidate', { chosenCandidate: String(chosen.id) });
}

async function noticeAndObjection(postId) {
  const card = cardOf(postId);
  // The notice starts right after the choice; reload until the page shows it.
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    await page.reload();
    await card.waitFor();
    if ((await card.locator('.status').textContent()) === '公示中') break;
    check(Date.now() < deadline, `post ${postId} is still ${await card.locator('.status').textContent()}`);
    await sleep(500);
  }
  check(/#\/heads\?community=taoyuan$/.test(page.url()), `the reload lost the filter: ${page.url()}`);
  const chosen = await card.locator('.chosen').textContent();
  check(chosen.startsWith(`拟任联户长：${candidate.name}，公示至 `), `notice line "${chosen}"`);
  check(/公示至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(chosen), `no end of the notice in "${chosen}"`);
  check(await card.getByRole('button', { name: '推荐联户长' }).count() === 0, 'a 公示中 post still takes nominations');
  await card.locator('.post-tl summary').tap();
  check(await card.locator('.post-tl .tl-action', { hasText: '任前公示' }).count() === 1, 'no 任前公示 on the timeline');
  await noXss('the notice');
  log(`reload: 公示中, "${chosen}"`);

  const late = await api('POST', `/api/head-posts/${postId}/nominations`,
    { body: { nomination: 'self', name: '王晚到', phone: '13600009999' } });
  check(late.status === 409 && late.json && /\/post-not-open$/.test(late.json.type),
    `nominating during the notice: ${late.status} ${late.text}`);
  log('nominating during the notice: 409 post-not-open');

  await card.getByRole('button', { name: '提出异议' }).tap();
  const form = card.locator('form.object-form');
  await form.waitFor({ state: 'visible' });
  await form.locator('button[type=submit]').tap();
  await page.locator(`#e-o${postId}-text`).waitFor({ state: 'visible' });
  await page.locator(`#o${postId}-text`).fill(objectionText);
  await page.locator(`#o${postId}-contactName`).fill('测试居民');
  await form.locator('button[type=submit]').tap();
  const code = card.locator('.obj-code');
  await code.waitFor({ state: 'visible' });
  const objectionCode = (await code.textContent()).trim();
  check(/^[A-Z0-9]{8}$/.test(objectionCode), `query code "${objectionCode}"`);
  check((await card.locator('.done').textContent()).includes('请抄写或截图保存查询码'), 'no hint to keep the code');
  const size = await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  check(size >= 24, `the query code is shown at ${size}px`);
  await noXss('the objection');
  log(`objection filed on the page: query code ${objectionCode}`);
  await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot('head-posts-notice.png');
  return objectionCode;
}

async function lookUp(code, expected) {
  await page.locator('#olook-code').fill(code.toLowerCase());
  await page.locator('#olook-btn').tap();
  const state = page.locator('#olook-state');
  await state.filter({ hasText: expected }).waitFor();
  check((await page.locator('#olook-shown').textContent()) === code, 'the lookup shows another code');
}

async function answerAndLookUp(postId, code) {
  await lookUp(code, '待答复');
  check(await page.locator('#olook-wait').isVisible(), 'no 待答复 hint');
  check(await page.locator('#olook-answer-row').isHidden(), 'an answer is shown before one was given');
  log('lookup before the answer: 待答复');

  await complete(postId, 'answerObjection', { answerUpheld: 'dismissed', answerText });
  await lookUp(code, '已答复');
  check((await page.locator('#olook-answer').textContent()) === answerText,
    `answer "${await page.locator('#olook-answer').textContent()}"`);
  check((await page.locator('#olook-verdict').textContent()) === '异议不成立',
    `verdict "${await page.locator('#olook-verdict').textContent()}"`);
  check(await page.locator('#orecent-list .mono', { hasText: code }).count() === 1, 'the code is not remembered on the phone');
  log(`lookup after the answer: 已答复, 异议不成立, "${answerText}"`);
}

async function main() {
  await checkEntryServed('/report/', "the residents' page");
  const postId = await setUp();
  await launchBrowser();
  const context = await phoneContext();
  setPage(watchPageErrors(await context.newPage()));
  await listAndFilter(postId);
  await nominate(postId);
  await reviewAndChoose(postId);
  const code = await noticeAndObjection(postId);
  await answerAndLookUp(postId, code);
  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
}

await run(main, { timeoutS: 120, fullPage: true });
