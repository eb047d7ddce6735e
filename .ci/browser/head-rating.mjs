// Browser end-to-end check of 评议联户长 (群众评议) on the residents' page /report/#/rate, on a phone: a
// household verifies itself with its 住户编号 and the last four digits of the household head's phone, rates
// its liaison head's quarterly work with stars and a comment, and is refused a second rating.
//
//   npm ci
//   node head-rating.mjs [baseUrl] [screenshotDir]
//   node head-rating.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (county administrator qinfang, password demo, override
// with LIANHU_DEMO_PASSWORD; the demo households of src/main/resources/db/demo/V10_1__demo_households.sql,
// which it reads for their phones) and Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a
// CJK font (fonts-noto-cjk). PAGES_ENTRY=index.html opens /report/index.html instead of /report/.
// As qinfang it starts the current quarter's round of 西城街道 (POST /api/admin/head-evaluations/rounds,
// idempotent), which opens the ratings of its units' heads.
//
// A household rates once a quarter, so each run uses up one: the first of the candidates (taoyuan2b-03 of
// unit taoyuan2b, head 郭德胜, then the other households of taoyuan2b, then those of the other 西城 units)
// that GET /api/head-ratings/open answers 200 and that the page does not report as already rated. On a
// fresh server that is taoyuan2b-03; later runs on the same server move on to the next household. The wrong
// digits count against the household's guess limit (10 in 15 minutes): a household the server answers 429
// (the page says 核验错误次数过多) is skipped as well.
//
// Checks, in a 390x844 touch viewport:
// - #/rate (tab 评议联户长) explains 群众评议: once per quarter, 住户编号 from the 联户卡, the last four
//   digits of the household head's phone, 40% of the head's quarterly evaluation; nothing wider than the
//   phone's screen;
// - wrong last four digits: the server refuses (422), 住户核验未通过 is shown and both household fields are
//   marked; with the right ones the page shows "为 <head> 的<quarter>工作评议（截止 <closesAt>）" as the API
//   answers it (郭德胜 for taoyuan2b);
// - submitting without stars gives a field error at the star choice (no request); the five choices are
//   radio buttons labelled 很不满意 … 非常满意, at least 48 px high;
// - 4 stars (满意) and a comment with <script>window.__xss=1</script> are accepted (201), the page thanks
//   the household with the head's name and 4 星 · 满意; the comment never runs (window.__xss unset, no
//   script element in the view);
// - verifying the same household again and rating once more answers 409 already-rated, shown as
//   本户本季度已评议过; no script errors on the page.
// With screenshotDir it writes head-rating.png (the filled rating form) there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves one household's rating of the quarter behind.
import { readFile } from 'node:fs/promises';
import {
  api, check, checkEntryServed, launchBrowser, log, newContext, page, pageErrors, pagesUrl, run, setPage, shot,
  STEP_TIMEOUT_MS, watchPageErrors
} from './common.mjs';

const PAGE = pagesUrl('/report/');
const ADMIN = 'qinfang'; // the county administrator
const STREET = 'xicheng';
const FIRST = 'taoyuan2b-03';
const FIRST_UNIT = 'taoyuan2b';
const FIRST_HEAD = '郭德胜';
const HOUSEHOLDS_SQL = new URL('../../src/main/resources/db/demo/V10_1__demo_households.sql', import.meta.url);
const XSS = '<script>window.__xss=1</script>';
const comment = `走访及时，邻里有事热心帮忙。${XSS}（${new Date().toISOString()}）`;

/** The first day of the current quarter in China's time zone, yyyy-MM-dd. */
function quarterStart() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date()).split('-').map(Number);
  return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

async function openRound() {
  const start = quarterStart();
  const res = await api('POST', '/api/admin/head-evaluations/rounds',
    { user: ADMIN, body: { street: STREET, quarterStart: start } });
  check(res.status === 200 && res.json && res.json.quarter,
    `starting the round of ${STREET} from ${start} as ${ADMIN}: ${res.status} ${res.text}`);
  log(`round of ${STREET} for ${res.json.quarter} (from ${start}) started as ${ADMIN}: ${res.json.opened} evaluation(s) opened now`);
}

/**
 * The demo households of 西城's units (新华社区, 桃园村) with their phones' last four digits, in the order
 * to try them: taoyuan2b-03, the rest of taoyuan2b, then the others.
 */
async function candidates() {
  const sql = await readFile(HOUSEHOLDS_SQL, 'utf8');
  const all = [...sql.matchAll(/\(\s*'([^']+)',\s*'([^']+)',\s*'[^']*',\s*'[^']*',\s*'(\d+)'/g)]
    .map((m) => ({ code: m[1], unit: m[2], last4: m[3].slice(-4) }))
    .filter((h) => /^(xinhua|taoyuan)/.test(h.unit));
  check(all.some((h) => h.code === FIRST), `${FIRST} not found in ${HOUSEHOLDS_SQL.pathname}`);
  const rank = (h) => (h.code === FIRST ? 0 : h.unit === FIRST_UNIT ? 1 : 2);
  return all.sort((a, b) => rank(a) - rank(b));
}

/** The next candidate from `list` (consumed) whose rating is open: the household and the API's answer. */
async function nextOpen(list) {
  let throttled = 0;
  while (list.length) {
    const h = list.shift();
    const res = await api('GET', `/api/head-ratings/open?household=${encodeURIComponent(h.code)}&last4=${h.last4}`);
    if (res.status === 200 && res.json && res.json.headName) return { ...h, open: res.json };
    if (res.status === 429) throttled++;
    log(`${h.code}: GET /api/head-ratings/open answered ${res.status} ${res.json ? res.json.type || '' : ''}; next household`);
  }
  throw new Error('no demo household of 西城 left whose rating is open and not yet done'
    + (throttled ? ` (${throttled} answered 429: too many wrong tries from this address, wait 15 minutes)` : ' (all used up on this server?)'));
}

/** After a 429 the page says so at step 1; answers true when it did (the household is then skipped). */
async function throttledShown(h, status) {
  if (status !== 429) return false;
  const error = page.locator('#hr-verify-error');
  await error.waitFor({ state: 'visible' });
  check((await error.textContent()).includes('核验错误次数过多'), `after 429 the page says "${await error.textContent()}"`);
  log(`${h.code}: 429, too many wrong tries of this household ("${(await error.textContent()).trim()}"); next household`);
  return true;
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

async function noXss(where) {
  check(await page.evaluate(() => window.__xss) === undefined, `window.__xss was set (${where}): markup ran`);
  check(await page.locator('#view-rate script, #view-rate img').count() === 0,
    `markup became elements in the view (${where})`);
}

async function openView() {
  await page.goto(`${PAGE}#/rate`);
  await page.locator('#tab-rate[aria-current="page"]').waitFor();
  check((await page.locator('#tab-rate').textContent()) === '评议联户长', 'no tab 评议联户长');
  await page.locator('#hr-verify').waitFor({ state: 'visible' });
  const intro = await page.locator('#view-rate').innerText();
  for (const words of ['群众评议', '每季度', '联户卡', '户主电话后四位', '40%']) {
    check(intro.includes(words), `the view does not explain "${words}"`);
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 390, `the page is ${width}px wide on a 390px screen`);
  log('#/rate explains 群众评议 (once per quarter, 联户卡, 户主电话后四位, 40%)');
}

/** Step 1 with `last4`; answers the status of GET /api/head-ratings/open. */
async function verify(code, last4) {
  await page.locator('#hr-code').fill(code);
  await page.locator('#hr-last4').fill(last4);
  const answer = page.waitForResponse((r) => r.url().includes('/api/head-ratings/open?'));
  await page.getByRole('button', { name: '下一步' }).tap();
  return (await answer).status();
}

/** Step 1 with wrong digits; answers false when the household's tries are used up (429). */
async function wrongDigits(h) {
  const wrong = String((Number(h.last4) + 1) % 10000).padStart(4, '0');
  const status = await verify(h.code, wrong);
  if (await throttledShown(h, status)) return false;
  check(status === 422, `wrong last four digits of ${h.code} answered ${status}`);
  const error = page.locator('#hr-verify-error');
  await error.waitFor({ state: 'visible' });
  check((await error.textContent()).includes('住户核验未通过'), `form error "${await error.textContent()}"`);
  check(await page.locator('#hr-verify .field.invalid').count() === 2, 'the household fields are not marked');
  check(await page.locator('#hr-form').isHidden(), 'the rating form is shown to an unverified household');
  log(`wrong last four digits: "${(await error.textContent()).trim()}"`);
  return true;
}

/** Step 1 with the right digits, then step 2; answers false when the household's tries are used up (429). */
async function rightDigits(h) {
  const status = await verify(h.code, h.last4);
  if (await throttledShown(h, status)) return false;
  check(status === 200, `the right last four digits of ${h.code} answered ${status}`);
  await page.locator('#hr-form').waitFor({ state: 'visible' });
  check(await page.locator('#hr-verify').isHidden(), 'step 1 stays after the household was verified');
  const { headName, quarter, closesAt } = h.open;
  if (h.unit === FIRST_UNIT) check(headName === FIRST_HEAD, `the head of ${FIRST_UNIT} is ${headName}, expected ${FIRST_HEAD}`);
  check(/^\d{4}年第[一二三四]季度$/.test(quarter), `quarter "${quarter}"`);
  const line = await page.locator('#hr-for').textContent();
  check(line === `为 ${headName} 的${quarter}工作评议（截止 ${closesAt}）`, `step 2 says "${line}"`);
  check((await page.locator('#hr-for b').textContent()) === headName, 'the head\'s name is not set apart');
  log(`${h.code} verified: "${line}"`);
  return true;
}

async function noStars() {
  const posts = [];
  const onRequest = (r) => { if (r.url().endsWith('/api/head-ratings') && r.method() === 'POST') posts.push(r); };
  page.on('request', onRequest);
  try {
    await page.getByRole('button', { name: '提交评议' }).tap();
    const error = page.locator('#e-hr-stars');
    await error.waitFor({ state: 'visible' });
    check(await page.locator('#hr-stars[aria-invalid="true"]').count() === 1, 'the star choice is not marked invalid');
    check(posts.length === 0, 'a rating without stars was sent');
    log(`without stars: "${(await error.textContent()).trim()}"`);
  } finally {
    page.off('request', onRequest);
  }
}

const starRadio = (label, n) => page.getByRole('radio', { name: new RegExp(`^${label}\\s*${n}\\s*星$`) });

/** Chooses `n` stars (labelled `label`) and writes the comment; checks the choices on the way. */
async function fill(n, label, text) {
  const labels = ['很不满意', '不满意', '一般', '满意', '非常满意'];
  for (let i = 1; i <= 5; i++) {
    const radio = starRadio(labels[i - 1], i);
    check(await radio.count() === 1, `no radio button "${labels[i - 1]} ${i} 星"`);
    const box = await page.locator('.star-item', { has: radio }).boundingBox();
    check(box && box.height >= 48, `the choice ${i} 星 is ${box && box.height}px high`);
  }
  await page.locator('.star-item', { has: starRadio(label, n) }).tap();
  check(await starRadio(label, n).isChecked(), `${n} 星 is not checked after the tap`);
  check(await page.locator('#e-hr-stars').isHidden(), 'the star error stays after a choice');
  if (text) {
    await page.locator('#hr-comment').fill(text);
    check((await page.locator('#n-hr-comment').textContent()) === `${text.length} / 500`,
      `counter "${await page.locator('#n-hr-comment').textContent()}"`);
  }
}

/** Submits step 2; answers the status and the page's outcome (rated / already). */
async function submit() {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/head-ratings') && r.request().method() === 'POST');
  await page.getByRole('button', { name: '提交评议' }).tap();
  const status = (await answer).status();
  const result = page.locator('#hr-result');
  await result.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return { status, outcome: await result.getAttribute('data-outcome'), text: await result.innerText() };
}

async function again() {
  await page.getByRole('button', { name: '为其他住户评议' }).tap();
  await page.locator('#hr-verify').waitFor({ state: 'visible' });
}

/** Rates with the first household left to rate; answers it. */
async function rate(list) {
  let wrongTried = false;
  for (;;) {
    const h = await nextOpen(list);
    if (!wrongTried) {
      if (!(await wrongDigits(h))) continue;
      wrongTried = true;
    }
    if (!(await rightDigits(h))) continue;
    await noStars();
    await fill(4, '满意', comment);
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header at the top of the whole page
    await shot('head-rating.png', { fullPage: true });
    const { status, outcome, text } = await submit();
    await noXss(`after the rating of ${h.code}`);
    if (status === 409 && outcome === 'already') {
      check(text.includes('本户本季度已评议过'), `the already-rated message says "${text}"`);
      log(`${h.code} was already rated this quarter (page: 本户本季度已评议过); next household`);
      await again();
      continue;
    }
    check(status === 201 && outcome === 'rated', `the rating of ${h.code} answered ${status}, page shows ${outcome}: ${text}`);
    check(text.includes('感谢您的评议') && text.includes(h.open.headName) && text.includes('4 星 · 满意'),
      `after the rating: "${text}"`);
    log(`${h.code} rated ${h.open.headName} 4 星 (满意) with a comment containing ${XSS}: "${text.split('\n')[0]}"`);
    return h;
  }
}

async function rateAgain(h) {
  await again();
  check((await page.locator('#hr-code').inputValue()) === '', 'the household fields were kept for the next household');
  check(await rightDigits(h), `${h.code} could not be verified again`);
  await fill(5, '非常满意');
  const { status, outcome, text } = await submit();
  check(status === 409 && outcome === 'already', `rating ${h.code} again answered ${status}, page shows ${outcome}`);
  check(text.includes('本户本季度已评议过') && text.includes(h.code) && text.includes(h.open.headName),
    `the already-rated message says "${text}"`);
  await noXss('after the second rating');
  log(`rating ${h.code} again: 409 already-rated, "${text.split('\n')[0]}"`);
}

async function main() {
  await checkEntryServed('/report/', "the residents' page");
  await openRound();
  const list = await candidates();
  await launchBrowser();
  const context = await phoneContext();
  setPage(watchPageErrors(await context.newPage()));
  await openView();
  const household = await rate(list);
  await rateAgain(household);
  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
}

await run(main, { timeoutS: 120, fullPage: true });
