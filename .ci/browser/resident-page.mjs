// Browser end-to-end check of the residents' page /report/ on a phone: report a case through the form,
// follow it with the case number and tracking code, have the grid worker resolve it on the spot through
// the engine REST API, rate it on the page and see it closed.
//
//   npm ci
//   node resident-page.mjs [baseUrl] [screenshotDir]
//   node resident-page.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (grid worker wangli, password demo, override with
// LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a CJK font
// (fonts-noto-cjk). PAGES_ENTRY=index.html opens /report/index.html instead of /report/.
//
// Checks, in a 390x844 touch viewport:
// - the categories load from GET /api/categories; "use my location" attaches the (emulated) position and a
//   refused permission is explained, not fatal;
// - a field error from the server (an unknown liaison unit) is shown next to that field;
// - a report whose answer is lost on the way back (the request reached the server, the browser saw a
//   network error) is sent again with the same Idempotency-Key and yields the same case, not a second one;
// - the receipt shows the case number and tracking code; /report/#/track?no=…&code=… opens the case, a
//   wrong code says 编号或查询码不正确;
// - a description containing <script>window.__xss=1</script> is shown as text and never runs;
// - after wangli completes acceptCase (onSpot) via /engine-rest the page offers the rating; a stale second
//   tab that rates after the first gets 409 and shows it; the case ends 已结案 with 评价：满意 and 结案 on
//   the timeline.
// With screenshotDir it writes resident-report.png (the filled form), resident-receipt.png and
// resident-track.png (the case awaiting the rating) there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves one closed case behind.
import {
  check, checkEntryServed, completeAcceptCase, launchBrowser, log, newContext, page, pageErrors, pagesUrl, run,
  setPage, shot, watchPageErrors
} from './common.mjs';

const PAGE = pagesUrl('/report/');
const stamp = new Date().toISOString();
const XSS = '<script>window.__xss=1</script>';
const description = `楼道灯坏了一周，晚上很黑。\n测试页面转义：${XSS}<img src=x onerror="window.__xss=2">（${stamp}）`;
const address = '和平里东街12号';
const position = { latitude: 30.0021, longitude: 120.0033 }; // inside 和平里第一网格's box

/** The grid worker resolves the case on the spot: complete acceptCase via the engine REST API. */
async function resolveOnSpot(caseNo) {
  await completeAcceptCase(caseNo, { acceptDecision: 'onSpot', acceptComment: '网格员已到现场更换楼道灯泡。' });
  log(`wangli completed acceptCase of ${caseNo} (onSpot) via /engine-rest`);
}

async function newPhonePage(context) {
  return watchPageErrors(await context.newPage());
}

async function phoneContext(options = {}) {
  return newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) '
      + 'Chrome/126.0 Mobile Safari/537.36',
    ...options
  });
}

async function fieldErrorOf(id) {
  const el = page.locator(`#e-${id}`);
  await el.waitFor({ state: 'visible' });
  return (await el.textContent()).trim();
}

async function locationRefused() {
  // Without the permission the position is refused: the page says so and the form stays usable.
  const context = await phoneContext();
  const p = await newPhonePage(context);
  await p.goto(PAGE);
  await p.locator('#f-category option[value="sanitation"]').waitFor({ state: 'attached' });
  await p.locator('#geo-btn').tap();
  const status = p.locator('#geo-status.geo-warn');
  await status.waitFor();
  const message = await status.textContent();
  check(/未允许获取位置|无法确定|不允许获取位置|不支持定位/.test(message), `unexpected location message: ${message}`);
  log(`location refused: "${message}"`);
  await context.close();
}

async function reportThroughForm() {
  await page.goto(PAGE);
  await page.locator('#tab-report[aria-current="page"]').waitFor();
  // Categories come from GET /api/categories.
  await page.locator('#f-category option[value="sanitation"]').waitFor({ state: 'attached' });
  const options = await page.locator('#f-category option').count();
  check(options > 5, `only ${options} category options`);

  await page.locator('#f-category').selectOption('sanitation');
  await page.locator('#f-description').fill(description);
  check((await page.locator('#n-description').textContent()).startsWith(`${description.length} / 2000`),
    `counter shows ${await page.locator('#n-description').textContent()}`);
  await page.locator('#f-address').fill(address);
  await page.locator('#geo-btn').tap();
  await page.locator('#geo-status.geo-ok').waitFor();
  check((await page.locator('#geo-status').textContent()).includes('30.00210'), 'position not shown');
  await page.locator('.seg-item', { hasText: '紧急' }).first().tap();
  await page.locator('#f-name').fill('测试居民');
  await page.locator('#f-phone').fill('13800001234');

  // The server refuses an unknown liaison unit; its message appears next to that field.
  await page.locator('#f-liaison').fill('nosuchunit');
  await page.locator('#submit-btn').tap();
  const liaisonError = await fieldErrorOf('liaisonUnit');
  check(liaisonError.includes('未知的联户单元'), `liaison unit error: "${liaisonError}"`);
  check(await page.locator('.field[data-field="liaisonUnit"].invalid').count() === 1, 'liaison field not marked');
  log(`server field error shown at the field: "${liaisonError}"`);
  await page.locator('#f-liaison').fill('hepingli1a');
  check(!(await page.locator('#e-liaisonUnit').isVisible()), 'the error stays after the field was edited');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('resident-report.png', { fullPage: true });

  // The first answer is lost: the request reaches the server, the browser sees a network failure.
  const keys = [];
  let firstReceipt;
  await page.route('**/api/cases', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    keys.push(req.headers()['idempotency-key']);
    if (keys.length === 1) {
      const res = await route.fetch();
      firstReceipt = await res.json();
      log(`first POST reached the server (${res.status()} ${firstReceipt.caseNo}); dropping its answer`);
      return route.abort('connectionreset');
    }
    return route.continue();
  });
  await page.locator('#submit-btn').tap();
  await page.locator('#form-error', { hasText: '网络连接失败' }).waitFor();
  check(await page.locator('#f-description').inputValue() === description, 'the form lost its content');
  log('page reports the network failure and keeps the form');
  // Retry: a double tap sends at most one more request, under the same key.
  await page.locator('#submit-btn').dblclick();
  await page.locator('#receipt').waitFor({ state: 'visible' });
  await page.unroute('**/api/cases');
  check(keys.length === 2, `expected 2 POST /api/cases, saw ${keys.length}`);
  check(keys[0] && keys[0] === keys[1], `the retry used another Idempotency-Key: ${keys.join(' / ')}`);

  const caseNo = (await page.locator('#r-caseNo').textContent()).trim();
  const trackingCode = (await page.locator('#r-code').textContent()).trim();
  check(/^\d{4}-\d{6}$/.test(caseNo), `case number "${caseNo}"`);
  check(/^[A-Z0-9]{8}$/.test(trackingCode), `tracking code "${trackingCode}"`);
  check(caseNo === firstReceipt.caseNo, `the retry created ${caseNo}, the lost answer was ${firstReceipt.caseNo}`);
  const note = await page.locator('#receipt-note').textContent();
  check(note.includes('没有重复上报'), `receipt note does not say it was a replay: ${note}`);
  check(await page.getByText('请抄写或截图保存').isVisible(), 'no hint to write the codes down');
  log(`receipt: ${caseNo} / ${trackingCode}; the retry returned the same case (key ${keys[0]})`);
  await shot('resident-receipt.png');
  return { caseNo, trackingCode };
}

async function trackIt({ caseNo, trackingCode }) {
  await page.locator('#r-track').tap();
  await page.waitForURL(/#\/track\?no=/);
  await page.locator('#case').waitFor({ state: 'visible' });
  check((await page.locator('#c-no').textContent()) === caseNo, 'tracked case number differs');
  check((await page.locator('#c-status').textContent()) === '待受理', `status ${await page.locator('#c-status').textContent()}`);
  const steps = await page.locator('#timeline > li').count();
  check(steps >= 1, 'empty timeline');
  check(await page.locator('#timeline .tl-action', { hasText: '事件上报' }).count() === 1, 'no 事件上报 on the timeline');

  // The description is shown as the text it is; nothing in it runs.
  check((await page.locator('#c-description').textContent()) === description, 'description not shown verbatim');
  check(await page.locator('#case script, #case img').count() === 0, 'markup from the description became elements');
  check(await page.evaluate(() => window.__xss) === undefined, 'window.__xss was set: the description ran');
  log(`tracked ${caseNo}: 待受理, ${steps} timeline step(s); <script> shown as text, window.__xss undefined`);

  // A link opens the tracking view directly; a wrong code answers like an unknown number.
  const bad = await newPhonePage(page.context());
  await bad.goto(`${PAGE}#/track?no=${encodeURIComponent(caseNo)}&code=WRONG234`);
  await bad.locator('#track-error', { hasText: '编号或查询码不正确' }).waitFor();
  check(await bad.locator('#case').isHidden(), 'a wrong code shows a case');
  await bad.close();
  log('wrong tracking code: 编号或查询码不正确');
}

async function rateIt({ caseNo, trackingCode }) {
  await resolveOnSpot(caseNo);
  const link = `${PAGE}#/track?no=${encodeURIComponent(caseNo)}&code=${encodeURIComponent(trackingCode)}`;
  // A fresh page from the link, as a resident opening a saved link.
  await page.goto('about:blank');
  await page.goto(link);
  await page.locator('#case').waitFor({ state: 'visible' });
  await page.locator('#c-status', { hasText: '待评价' }).waitFor();
  await page.locator('#rate').waitFor({ state: 'visible' });
  check((await page.locator('#c-result').textContent()).includes('更换楼道灯泡'), 'the result is not shown');
  check(await page.locator('#timeline .tl-action', { hasText: '受理：当场解决' }).count() === 1,
    'no 受理：当场解决 on the timeline');
  check(await page.evaluate(() => window.__xss) === undefined, 'window.__xss was set');
  await shot('resident-track.png', { fullPage: true });

  // A second tab, left open on the same case, still offers the rating.
  const stale = await newPhonePage(page.context());
  await stale.goto(link);
  await stale.locator('#rate').waitFor({ state: 'visible' });

  await page.locator('#rate-btn').tap();
  check((await fieldErrorOf('rating')).includes('请选择'), 'no hint to choose a rating');
  await page.locator('.rate-item', { hasText: /^\s*满意\s*$/ }).tap();
  await page.locator('#rate-comment').fill('处理及时，谢谢！');
  await page.locator('#rate-btn').tap();
  await page.locator('#c-status', { hasText: '已结案' }).waitFor();
  check(await page.locator('#rate').isHidden(), 'the rating is still offered after closing');
  check((await page.locator('#c-rating').textContent()) === '满意', 'the rating is not shown');
  for (const action of ['评价：满意', '结案']) {
    check(await page.locator('#timeline .tl-action', { hasText: action }).count() >= 1, `no ${action} on the timeline`);
  }
  log(`rated ${caseNo} 满意 on the page: 已结案`);

  // The stale tab's rating is refused (409) and it shows the current state.
  await stale.locator('.rate-item', { hasText: /^\s*不满意\s*$/ }).tap();
  await stale.locator('#rate-btn').tap();
  await stale.locator('#c-status', { hasText: '已结案' }).waitFor();
  await stale.locator('#banner', { hasText: '不能评价' }).waitFor();
  check(await stale.locator('#rate').isHidden(), 'the stale tab still offers the rating after the refusal');
  await stale.close();
  log('a second rating from a stale tab: 409 shown, page refreshed to 已结案');
}

async function main() {
  await checkEntryServed('/report/', "the residents' page");
  await launchBrowser();
  await locationRefused();
  const context = await phoneContext({ permissions: ['geolocation'], geolocation: position });
  setPage(await newPhonePage(context));
  const theCase = await reportThroughForm();
  await trackIt(theCase);
  await rateIt(theCase);
  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
}

await run(main, { timeoutS: 120, fullPage: true });
