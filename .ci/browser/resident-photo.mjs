// Browser end-to-end check of the photos on the residents' page /report/ on a phone: attach photos to a
// report (拍照 / 从相册选择), have the page refuse what the server would refuse, upload each photo on its
// own as the raw body of POST /api/uploads (progress on its tile), send the report as JSON with the
// upload ids, see the photos again in 进度查询 (thumbnails and the full photo fetched with the tracking
// code in a header and shown through object URLs) and the messages the reporter was sent (消息通知).
//
//   npm ci
//   node resident-photo.mjs [baseUrl] [screenshotDir]
//   node resident-photo.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (grid worker wangli, password demo, override with
// LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a CJK font
// (fonts-noto-cjk). PAGES_ENTRY=index.html opens /report/index.html instead of /report/.
//
// Checks, in a 390x844 touch viewport:
// - 电子邮箱 (选填) is an input type=email, maxlength 200, with its hint; an address without a domain is
//   refused by the page (no request), one the server refuses (zhang..li@example.com: 400,
//   errors["reporter.email"]) is shown next to the field;
// - the 照片 field has a camera input (accept image/*, capture environment) and an album input (image/* and
//   PDF, multiple), both out of sight behind their labels;
// - a JPEG (drawn on a canvas in the page) and a PNG (built here with zlib) chosen from the album show as
//   two previews from blob: URLs, "已选 2 / 6 张", and go up at once, each as its own POST /api/uploads
//   whose body is the photo's very bytes (not multipart), with X-File-Name (the name percent-encoded) and
//   the photo's Content-Type; while the server's answers are held back the tiles say 上传中 n%, then
//   已上传; five more at once fill the six places, the seventh is refused next to the field and the inputs
//   are disabled; 删除 takes photos out again and revokes their object URLs;
// - a text file named .jpg and a file over 10 MB are refused by the page next to the field and never
//   uploaded; a damaged JPEG passes the page but the server refuses its upload (415, errors.file): its
//   tile says 上传失败 with 重试, the server's message is shown next to the field, 重试 uploads it again
//   (refused again), and 提交上报 then sends no report but says what to correct;
// - with one photo left (the PNG, uploaded once) the report goes as one JSON POST /api/cases with
//   "photos": [its upload id] and reporter.email; its answer is lost on the way back (the case is open,
//   the browser sees a network error), the page says so and keeps the photo; sent again, with 照片已上传
//   shown and the submit button and 删除 disabled on the way, it is the same JSON under the same
//   Idempotency-Key (the same id: the photo is not uploaded a second time) and yields the same case;
// - 进度查询 shows 上报照片 with one thumbnail that has loaded (naturalWidth > 0, a blob: URL); tapping it
//   opens the full photo (its real width, not the thumbnail's) in the viewer, 关闭 closes it and revokes
//   its URL; no URL the page asks for carries the tracking code;
// - after wangli adds a PNG, a PDF and a HEIC as evidence (POST /api/staff/cases/{no}/files), 刷新 shows
//   办理照片 with a thumbnail, a PDF tile that downloads the PDF, and 仅工作人员可见 for the HEIC;
// - after wangli dispatches the case (acceptCase completed with acceptDecision=dispatch via /engine-rest),
//   刷新 shows 消息通知 with a 已派单 message: the messages of GET /api/cases/{no}, newest first, each with
//   its subject in bold, its body and its time in China's time zone (yyyy-MM-dd HH:mm); leaving 进度查询
//   revokes the thumbnails' URLs;
// - GET /api/cases/{no} with X-Tracking-Code lists exactly 1 REPORT file (the PNG, 600 x 400) and the 3
//   EVIDENCE files.
// With screenshotDir it writes resident-photo-form.png (the form with its previews, uploaded),
// resident-photo-uploading.png (the tiles on their way) and resident-photo-track.png (the case with
// both groups of photos and its messages) there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves one case (派至城管东城中队, with four files) behind.
import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import {
  basicAuth, baseUrl, check, checkEntryServed, completeAcceptCase, getCase, launchBrowser, log, newContext,
  page, pageErrors, pagesUrl, run, setPage, shot, sleep, watchPageErrors
} from './common.mjs';

const PAGE = pagesUrl('/report/');
const stamp = new Date().toISOString();
const description = `小区东门垃圾桶满了两天没人清运，气味很大（照片测试 ${stamp}）`;
const address = '和平里东街12号';
// A fresh phone number every run: the server refuses a reporter's repeat of their own open case.
const phone = `138${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}5678`;
const email = `resident-${Date.now().toString(36)}@example.com`;

/** A PNG of `width` x `height` with a colour gradient, built with zlib. */
function png(width, height) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      rows[at + 1 + x * 3] = Math.round((x / width) * 255);
      rows[at + 2 + x * 3] = Math.round((y / height) * 255);
      rows[at + 3 + x * 3] = 140;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))
  ]);
}

/** A JPEG of 640 x 480 drawn on a canvas in the page (canvas.toBlob), as a phone's camera gives one. */
async function canvasJpeg() {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    const g = canvas.getContext('2d');
    g.fillStyle = '#2e7d32';
    g.fillRect(0, 0, 640, 480);
    g.fillStyle = '#ffeb3b';
    g.fillRect(60, 60, 240, 160);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  });
  return Buffer.from(base64, 'base64');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n'
  + '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n'
  + 'trailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
// Just the header of a HEIC file (an ftyp box of brand heic): enough for the server to name the type. It
// keeps HEIC as the staff's original, without decoding it, and shows residents no preview of it.
const HEIC = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
  Buffer.from([0, 0, 0, 0x10]), Buffer.from('mdatxxxxxxxx', 'latin1')]);

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

/** Waits until #photo-count says `n` photos are chosen and the grid shows as many. */
async function expectChosen(n) {
  await page.locator('#photo-count', { hasText: `已选 ${n} / 6 张` }).waitFor();
  check(await page.locator('#photo-list > li').count() === n,
    `${await page.locator('#photo-list > li').count()} previews for ${n} photos`);
}

async function photoError() {
  const el = page.locator('#e-photos');
  await el.waitFor({ state: 'visible' });
  check(await page.locator('.field[data-field="photos"].invalid').count() === 1, 'the photo field is not marked');
  return (await el.textContent()).trim();
}

/** Whether the page can still load the object URL `url` as an image (false once it is revoked). */
const urlAlive = (url) => page.evaluate((u) => new Promise((resolve) => {
  const img = new Image(); // not fetch(): the page's CSP allows blob: for images only
  img.onload = () => resolve(true);
  img.onerror = () => resolve(false);
  img.src = u;
}), url);

/** Waits until every <img> matched by `selector` has loaded a picture; answers their natural widths. */
async function loadedWidths(selector) {
  await page.waitForFunction((sel) => {
    const imgs = [...document.querySelectorAll(sel)];
    return imgs.length > 0 && imgs.every((img) => img.complete && img.naturalWidth > 0);
  }, selector);
  return page.locator(selector).evaluateAll((imgs) => imgs.map((img) => img.naturalWidth));
}

/** "2026-11-25 16:50": `iso` in China's time zone, as the page shows times. */
function countyTime(iso) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Each POST /api/uploads the page sends: {name (X-File-Name decoded), rawName, type, bytes, status, json}. */
const uploads = [];
/** Each POST /api/cases the page sends: its Idempotency-Key, content type, raw body and parsed JSON. */
const posts = [];
/** Every URL the page asks for: none may carry the tracking code. */
const requested = [];
/** How long the answer to the next POST /api/cases is held back (to see the page on the way). */
let holdBackMs = 0;
/** Set: the next POST /api/cases reaches the server, but its answer is lost (the page sees a network error). */
let loseNextAnswer = false;
/** The receipt of that lost answer. */
let lostReceipt;

/** The uploads of the file whose bytes are `bytes`. */
const uploadsOf = (bytes) => uploads.filter((u) => u.bytes.equals(bytes));

async function watchRequests(p) {
  p.on('request', (req) => requested.push(req.url()));
  p.on('response', (res) => {
    if (res.status() >= 400) log(`the server answered ${res.status()} to ${res.request().method()} ${res.url()}`);
  });
  // Script errors and dialogs go to pageErrors (watchPageErrors); of the console's errors only breaches of
  // the page's Content-Security-Policy do (the others are the favicon's 404 and the expected refusals).
  p.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) pageErrors.push(`console: ${msg.text()}`);
  });
  // Through routes, because Chromium tells of a request's body only when it holds no files.
  await p.route('**/api/uploads', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    const headers = req.headers();
    let name;
    try { name = decodeURIComponent(headers['x-file-name'] || ''); } catch { name = `(undecodable) ${headers['x-file-name']}`; }
    const entry = {
      name, rawName: headers['x-file-name'], type: headers['content-type'] || '',
      bytes: req.postDataBuffer() || Buffer.alloc(0)
    };
    uploads.push(entry);
    // On through the browser's network stack, so that a slow line (throttle()) slows it down.
    await route.continue();
    const res = await req.response().catch(() => null);
    entry.status = res ? res.status() : 'no answer (cancelled)';
    entry.json = res ? await res.json().catch(() => undefined) : undefined;
  });
  await p.route('**/api/cases', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    const raw = req.postDataBuffer() || Buffer.alloc(0);
    let json;
    try { json = JSON.parse(raw.toString('utf8')); } catch { json = undefined; }
    posts.push({ key: req.headers()['idempotency-key'], type: req.headers()['content-type'] || '', raw: raw.toString('utf8'), json });
    if (loseNextAnswer) {
      loseNextAnswer = false;
      const res = await route.fetch();
      lostReceipt = await res.json();
      log(`a POST reached the server (${res.status()} ${lostReceipt.caseNo}); dropping its answer`);
      return route.abort('connectionreset');
    }
    if (holdBackMs) await sleep(holdBackMs);
    return route.continue();
  });
}

/** A slow phone line: uploads at `bytesPerSecond` (DevTools' network emulation), or no limit with 0. */
let cdp;
async function throttle(bytesPerSecond) {
  cdp = cdp || await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: bytesPerSecond ? 40 : 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond || -1
  });
}

/** The tile of the photo `i` (0-based) of the form, and its state text. */
const tile = (i) => page.locator('#photo-list > li').nth(i);
const tileState = async (i) => (await tile(i).locator('.photo-state').textContent()).trim();

/** Waits until every tile of the form is in state `state` (queued, uploading, done, failed). */
async function tilesIn(state, what) {
  await page.waitForFunction((s) => {
    const items = [...document.querySelectorAll('#photo-list > li')];
    return items.length > 0 && items.every((li) => li.dataset.state === s);
  }, state).catch(async (err) => {
    const states = await page.locator('#photo-list > li').evaluateAll((lis) => lis.map((li) => li.dataset.state));
    throw new Error(`${what}: the tiles are ${states.join(', ')}, not all ${state} (${err.message.split('\n')[0]})`);
  });
}

async function emailField() {
  const input = page.locator('#f-email');
  check(await input.getAttribute('type') === 'email' && await input.getAttribute('maxlength') === '200',
    `电子邮箱 is not type=email maxlength=200: ${await input.getAttribute('type')} ${await input.getAttribute('maxlength')}`);
  const label = (await page.locator('label[for="f-email"]').textContent()).replace(/\s+/g, ' ').trim();
  check(label === '电子邮箱 选填', `the e-mail label says "${label}"`);
  const hint = page.locator('.field[data-field="email"] .hint');
  check((await hint.textContent()).trim() === '填写后，受理、派单、办结等进度会发送到该邮箱', `e-mail hint "${await hint.textContent()}"`);
  // Near the phone: the next field after 联系电话.
  check(await page.evaluate(() => document.querySelector('.field[data-field="phone"]').nextElementSibling
    === document.querySelector('.field[data-field="email"]')), '电子邮箱 does not follow 联系电话');

  // An address without a domain: refused by the page, nothing sent.
  await input.fill('zhang@example');
  await page.locator('#submit-btn').tap();
  await page.locator('#e-email', { hasText: '格式不正确' }).waitFor();
  check(await page.locator('.field[data-field="email"].invalid').count() === 1, 'the e-mail field is not marked');
  check(posts.length === 0, `the page sent a report with a bad e-mail address: ${JSON.stringify(posts)}`);
  log(`a bad e-mail address refused by the page: "${(await page.locator('#e-email').textContent()).trim()}"`);

  // One the page lets pass but the server refuses: its errors["reporter.email"] next to the field.
  await input.fill('zhang..li@example.com');
  check(await page.locator('#e-email').isHidden(), 'the e-mail error stays after the field was edited');
  await page.locator('#submit-btn').tap();
  await page.locator('#e-email', { hasText: '电子邮箱' }).waitFor();
  const serverSays = (await page.locator('#e-email').textContent()).trim();
  check(posts.length === 1 && posts[0].json && posts[0].json.reporter.email === 'zhang..li@example.com',
    `the report with zhang..li@example.com: ${JSON.stringify(posts)}`);
  await page.locator('#form-error', { hasText: '1 处' }).waitFor();
  log(`the server refused zhang..li@example.com, shown at the field: "${serverSays}"`);
  await input.fill(email);
  check(await page.locator('#e-email').isHidden(), 'the e-mail error stays after the field was edited');
}

async function chooseAndRefuse() {
  await page.goto(PAGE);
  await page.locator('#tab-report[aria-current="page"]').waitFor();
  await page.locator('#f-category option[value="sanitation"]').waitFor({ state: 'attached' });

  // Two ways to add photos, both inputs out of sight behind their labels.
  const camera = page.locator('#f-camera');
  const album = page.locator('#f-album');
  check(await camera.getAttribute('accept') === 'image/*' && await camera.getAttribute('capture') === 'environment',
    'the camera input is not accept=image/* capture=environment');
  check(await album.getAttribute('accept') === 'image/*,application/pdf' && await album.getAttribute('multiple') !== null,
    'the album input does not take several images and PDFs');
  for (const [input, label] of [[camera, '拍照'], [album, '从相册选择']]) {
    const box = await input.boundingBox();
    check(!box || (box.width <= 1 && box.height <= 1), `the input behind ${label} is visible (${JSON.stringify(box)})`);
    check(await page.locator(`label[for="${await input.getAttribute('id')}"]`, { hasText: label }).isVisible(),
      `no visible ${label} button`);
  }

  await page.locator('#f-category').selectOption('sanitation');
  await page.locator('#f-description').fill(description);
  await page.locator('#f-address').fill(address);
  await page.locator('#f-name').fill('测试居民');
  await page.locator('#f-phone').fill(phone);
  await emailField();

  // A JPEG and a PNG from the album: two previews from object URLs, both on their way at once, on a
  // slow line (64 KB/s up: the PNG of 100 KB takes a second and a half).
  const jpeg = await canvasJpeg();
  check(jpeg[0] === 0xff && jpeg[1] === 0xd8, 'canvas.toBlob gave no JPEG');
  const photo = png(600, 400);
  await throttle(64 * 1024);
  await album.setInputFiles([
    { name: '现场 IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    { name: 'IMG_0002.png', mimeType: 'image/png', buffer: photo }
  ]);
  await expectChosen(2);
  const widths = await loadedWidths('#photo-list img.photo-thumb');
  check(widths.join() === '640,600', `previews of ${widths.join(' and ')} px, expected 640 and 600`);
  const previewUrls = await page.locator('#photo-list img.photo-thumb').evaluateAll((imgs) => imgs.map((i) => i.src));
  check(previewUrls.every((u) => u.startsWith('blob:')), `previews not from object URLs: ${previewUrls.join(' ')}`);
  check(await page.locator('#e-photos').isHidden(), 'an error next to two good photos');

  // On the way, the PNG's tile says how far its upload is: 上传中 n%, with n growing.
  const seen = [];
  let photographed = false;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && (await tile(1).getAttribute('data-state')) !== 'done') {
    const t = await tileState(1);
    if (seen[seen.length - 1] !== t) seen.push(t);
    if (!photographed && /^上传中 [1-9]\d?%$/.test(t)) {
      photographed = true;
      check(await tile(1).locator('progress.photo-bar').isVisible(), 'no progress bar on the tile on its way');
      check(Number(await tile(1).locator('progress.photo-bar').evaluate((bar) => bar.value)) === Number(t.match(/\d+/)[0]),
        'the progress bar does not show the percentage');
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot('resident-photo-uploading.png', { fullPage: true });
    }
    await sleep(120);
  }
  const percents = seen.filter((t) => /^上传中 \d+%$/.test(t)).map((t) => Number(t.match(/\d+/)[0]));
  check(percents.some((n) => n > 0 && n < 100) && percents.every((n, i) => i === 0 || n > percents[i - 1]),
    `the PNG's tile on its way said ${seen.join(' / ')}: no growing 上传中 n%`);
  await tilesIn('done', 'after the uploads');
  await throttle(0);
  const onTheWay = seen.filter((t) => t.startsWith('上传中'));
  check((await tileState(0)) === '已上传' && (await tileState(1)) === '已上传', 'the tiles do not say 已上传');
  check(await tile(0).locator('progress.photo-bar').isHidden(), 'the progress bar stays after the upload');

  // Each photo went up on its own: its bytes as the body, its name in X-File-Name, its type.
  check(uploads.length === 2, `expected 2 POST /api/uploads, saw ${uploads.length}: ${uploads.map((x) => `${x.name} ${x.type} ${x.bytes.length} B ${x.status}`).join("; ")}`);
  for (const [bytes, name, type] of [[jpeg, '现场 IMG_0001.jpg', 'image/jpeg'], [photo, 'IMG_0002.png', 'image/png']]) {
    const [u] = uploadsOf(bytes);
    check(u, `no upload whose body is ${name}'s bytes: ${uploads.map((x) => `${x.name} ${x.type} ${x.bytes.length} B`).join('; ')}`);
    check(u.name === name && u.rawName === encodeURIComponent(name), `X-File-Name of ${name}: ${u.rawName}`);
    check(u.type === type, `Content-Type of the ${name} upload: ${u.type}`);
    check(u.status === 201 && u.json && u.json.id && u.json.size === bytes.length, `the server's answer to ${name}: ${u.status} ${JSON.stringify(u.json)}`);
  }
  check(uploads.every((u) => !u.type.startsWith('multipart/')), 'an upload went as multipart');
  log(`two photos chosen: 已选 2 / 6 张, previews ${widths.join(' and ')} px from blob: URLs; uploaded as raw bodies `
    + `(${onTheWay.join(', ')} on the way, then 已上传): ${uploads.map((u) => `${u.rawName} ${u.type} ${u.bytes.length} B`).join('; ')}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('resident-photo-form.png', { fullPage: true });

  // Five more at once: four fit, the seventh is refused, and nothing more can be added.
  await album.setInputFiles([1, 2, 3, 4, 5].map((i) => ({ name: `more-${i}.png`, mimeType: 'image/png', buffer: png(40 + i, 30) })));
  await expectChosen(6);
  const tooMany = await photoError();
  check(tooMany.includes('最多只能附 6 张') && tooMany.includes('1 张没有添加'), `7th photo refusal: "${tooMany}"`);
  check(await album.isDisabled() && await camera.isDisabled(), 'the inputs still take photos with six chosen');
  check(!uploads.some((u) => u.name === 'more-5.png'), 'the refused 7th photo was uploaded');
  log(`a 7th photo refused at the field: "${tooMany}"`);

  // 删除 the four extra ones and the JPEG: one photo (the PNG) is left; removed previews' URLs are revoked.
  for (let n = 5; n >= 2; n--) {
    await page.locator('#photo-list .photo-remove').nth(2).tap();
    await expectChosen(n);
  }
  check(await page.locator('#e-photos').isHidden(), 'the refusal stays after photos were removed');
  check(await album.isEnabled(), 'the album input stays disabled below six photos');
  await page.locator('#photo-list .photo-remove').first().tap();
  await expectChosen(1);
  check(await page.locator('#photo-list img.photo-thumb').getAttribute('src') === previewUrls[1],
    'the PNG is not the photo left');
  check(!(await urlAlive(previewUrls[0])), 'the removed JPEG\'s object URL was not revoked');
  check(await urlAlive(previewUrls[1]), 'the remaining photo\'s object URL does not work');
  log('删除 removed five photos (their object URLs revoked): 已选 1 / 6 张');

  // A text named .jpg and a file over 10 MB: the page refuses them next to the field, uploads nothing.
  await album.setInputFiles({ name: 'not-a-photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是照片，只是一段文字。\n') });
  const notPhoto = await photoError();
  check(notPhoto.includes('not-a-photo.jpg') && notPhoto.includes('不是照片'), `text file refusal: "${notPhoto}"`);
  await expectChosen(1);
  log(`a text named .jpg refused at the field: "${notPhoto}"`);
  const big = Buffer.alloc(10 * 1024 * 1024 + 1);
  big.set(jpeg.subarray(0, 16));
  await album.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: big });
  await page.locator('#e-photos', { hasText: '超过 10 MB' }).waitFor();
  await expectChosen(1);
  check(!uploads.some((u) => u.name === 'not-a-photo.jpg' || u.name === 'huge.jpg'), 'a refused file was uploaded');
  log('a file over 10 MB refused at the field; neither went to the server');

  // A damaged JPEG passes the page (its first bytes are a JPEG's) but not the server.
  const damaged = Buffer.concat([jpeg.subarray(0, 20), Buffer.from('damaged '.repeat(64))]);
  await album.setInputFiles({ name: 'damaged.jpg', mimeType: 'image/jpeg', buffer: damaged });
  await expectChosen(2);
  await page.locator('#photo-list > li[data-state="failed"]').waitFor();
  check((await tileState(1)) === '上传失败', `the damaged photo's tile says ${await tileState(1)}`);
  check(await tile(1).locator('.photo-retry', { hasText: '重试' }).isVisible(), 'no 重试 on the refused photo');
  check((await tileState(0)) === '已上传', 'the PNG is no longer 已上传');
  const refused = await photoError();
  check(refused.includes('damaged.jpg') && (refused.includes('文件已损坏') || refused.includes('不是它看上去的图片类型')),
    `server refusal: "${refused}"`);
  check(uploadsOf(damaged).length === 1 && uploadsOf(damaged)[0].status === 415,
    `the damaged JPEG's uploads: ${uploadsOf(damaged).map((u) => u.status).join()}`);
  log(`the server refused the damaged JPEG's upload (415), shown at the field: "${refused}"`);

  // 重试 sends it once more (refused again); 提交上报 then sends no report.
  await tile(1).locator('.photo-retry').tap();
  for (let i = 0; i < 100 && !(uploadsOf(damaged).length === 2 && uploadsOf(damaged)[1].status); i++) await sleep(100);
  await page.locator('#photo-list > li[data-state="failed"]').waitFor();
  check(uploadsOf(damaged).map((u) => u.status).join() === '415,415', `after 重试: ${uploadsOf(damaged).map((u) => u.status).join()}`);
  await page.locator('#submit-btn').tap();
  await page.locator('#form-error', { hasText: '1 处' }).waitFor();
  check((await photoError()).includes('damaged.jpg'), 'the refusal is not shown after 提交上报');
  check(await page.locator('#receipt').isHidden(), 'a receipt with a refused photo');
  await sleep(300);
  check(posts.length === 1, `a report was sent with a refused photo: ${posts.length} POST /api/cases`);
  check(uploadsOf(damaged).length === 2, '提交上报 uploaded the refused photo again');
  log('重试 was refused again; 提交上报 sent no report while a photo is refused');

  await page.locator('#photo-list .photo-remove').nth(1).tap();
  await expectChosen(1);
  check(await page.locator('#e-photos').isHidden(), 'the server\'s refusal stays after the photo was removed');
  return { photo };
}

async function submitWithPhoto({ photo }) {
  const [pngUpload] = uploadsOf(photo);
  const pngId = pngUpload.json.id;
  // The answer is lost on the way back: the case is open on the server, the page says the network failed.
  loseNextAnswer = true;
  await page.locator('#submit-btn').tap();
  await page.locator('#form-error', { hasText: '网络连接失败' }).waitFor();
  await expectChosen(1);
  check(await page.locator('#upload-status').isHidden(), 'the upload status stays after the failure');
  check(await page.locator('#submit-btn').isEnabled(), 'the submit button stays disabled after the failure');
  check((await tileState(0)) === '已上传', 'the photo is no longer 已上传 after the failure');
  log('page reports the network failure and keeps the form and its photo');

  // Sent again, held back a moment so that the page is seen on the way.
  holdBackMs = 1200;
  await page.locator('#submit-btn').tap();
  await page.locator('#upload-status', { hasText: '照片已上传' }).waitFor();
  check(await page.locator('#submit-btn').isDisabled(), 'the submit button is enabled while sending');
  check(await page.locator('#photo-list .photo-remove').first().isDisabled(), 'photos can be removed while sending');
  const status = (await page.locator('#upload-status').textContent()).trim();
  await page.locator('#receipt').waitFor({ state: 'visible' });
  holdBackMs = 0;
  check(await page.locator('#upload-status').isHidden(), 'the upload status stays after the receipt');

  // The e-mail refusal, the lost try and the resend: one key, all JSON; the last two the same report,
  // with the PNG's upload id (uploaded once, not again for the resend).
  check(posts.length === 3, `expected 3 POST /api/cases, saw ${posts.length}`);
  check(posts.every((p) => p.type.startsWith('application/json') && p.json),
    `not every report went as JSON: ${posts.map((p) => p.type).join(' / ')}`);
  check(posts[0].key && posts.every((p) => p.key === posts[0].key),
    `the tries used other Idempotency-Keys: ${posts.map((p) => p.key).join(' / ')}`);
  const [, lost, resend] = posts;
  check(JSON.stringify(lost.json.photos) === JSON.stringify([pngId]), `the report's photos: ${JSON.stringify(lost.json.photos)}, expected [${pngId}]`);
  check(lost.json.reporter.email === email, `the report's reporter.email: ${lost.json.reporter.email}`);
  check(resend.raw === lost.raw, `the resend is another report:\n  ${lost.raw}\n  ${resend.raw}`);
  check(posts[0].json.photos === undefined, `the first report (no photos then) had photos: ${posts[0].raw}`);
  check(uploadsOf(photo).length === 1, `the PNG went up ${uploadsOf(photo).length} times`);
  const caseNo = (await page.locator('#r-caseNo').textContent()).trim();
  const trackingCode = (await page.locator('#r-code').textContent()).trim();
  check(/^\d{4}-\d{6}$/.test(caseNo) && /^[A-Z0-9]{8}$/.test(trackingCode), `receipt ${caseNo} / ${trackingCode}`);
  check(caseNo === lostReceipt.caseNo, `the resend created ${caseNo}, the lost answer was ${lostReceipt.caseNo}`);
  const note = await page.locator('#receipt-note').textContent();
  check(note.includes('没有重复上报'), `receipt note does not say it was a replay: ${note}`);
  check(await page.locator('#photo-list > li').count() === 0, 'the photos stay in the form after the receipt');
  log(`receipt ${caseNo} / ${trackingCode}: the resend (key ${posts[0].key}, photos [${pngId}], the PNG uploaded `
    + `once) returned the same case; "${status}" on the way`);
  return { caseNo, trackingCode };
}

/** wangli, who holds the case's acceptCase task, adds evidence: a PNG, a PDF and a HEIC. */
async function addEvidence(caseNo) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const form = new FormData();
    form.append('files', new Blob([png(300, 200)], { type: 'image/png' }), 'after.png');
    form.append('files', new Blob([PDF], { type: 'application/pdf' }), 'record.pdf');
    form.append('files', new Blob([HEIC], { type: 'image/heic' }), 'IMG_0003.heic');
    const res = await fetch(`${baseUrl}/api/staff/cases/${encodeURIComponent(caseNo)}/files`, {
      method: 'POST',
      headers: { Authorization: basicAuth('wangli'), 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
      body: form,
      signal: AbortSignal.timeout(10_000)
    });
    const text = await res.text();
    if (res.status === 201) {
      const kinds = JSON.parse(text).map((f) => `${f.purpose} ${f.mediaType}`);
      log(`wangli added evidence to ${caseNo}: ${kinds.join(', ')}`);
      return;
    }
    // Until the case is dispatched, wangli holds no task of it.
    check(res.status === 403 && Date.now() < deadline, `POST /api/staff/cases/${caseNo}/files: ${res.status} ${text}`);
    await sleep(500);
  }
}

/** wangli dispatches the case to the handling office: acceptCase completed with acceptDecision=dispatch. */
async function dispatch(caseNo) {
  await completeAcceptCase(caseNo, { acceptDecision: 'dispatch', acceptComment: '转城管中队清运' });
  log(`wangli completed acceptCase of ${caseNo} (dispatch) via /engine-rest`);
}

/** 消息通知 as the page shows it: [{subject, body, time, subjectBold}]. */
async function shownMessages() {
  return page.locator('#c-messages-list > li').evaluateAll((lis) => lis.map((li) => {
    const subject = li.querySelector('.message-subject');
    return {
      subject: subject ? subject.textContent : '',
      subjectBold: !!subject && Number(getComputedStyle(subject).fontWeight) >= 600,
      body: (li.querySelector('.message-body') || { textContent: '' }).textContent,
      time: (li.querySelector('.message-time') || { textContent: '' }).textContent
    };
  }));
}

/** 刷新 until 消息通知 holds a 已派单 message (the outbox sends it a moment after the dispatch). */
async function awaitDispatchedMessage(caseNo) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'GET'
        && new URL(r.url()).pathname.endsWith(`/api/cases/${encodeURIComponent(caseNo)}`)),
      page.locator('#c-refresh').tap()
    ]);
    await sleep(200); // the page renders the answer
    const shown = await shownMessages();
    if (shown.some((m) => m.subject.includes('已派单'))) return shown;
    check(Date.now() < deadline, `no 已派单 message in 消息通知 of ${caseNo} 20 s after the dispatch: ${JSON.stringify(shown)}`);
    await sleep(700);
  }
}

async function trackPhotos({ caseNo, trackingCode }) {
  await page.locator('#r-track').tap();
  await page.waitForURL(/#\/track\?no=/);
  await page.locator('#case').waitFor({ state: 'visible' });
  await page.locator('#c-files').waitFor({ state: 'visible' });
  const report = '#c-files .file-group[data-purpose="REPORT"]';
  check((await page.locator(`${report} .file-group-title`).textContent()).includes('上报照片'), 'no 上报照片 group');
  check(await page.locator(`${report} .photo-item`).count() === 1, 'not one item in 上报照片');
  check(await page.locator('#c-files .file-group[data-purpose="EVIDENCE"]').count() === 0, '办理照片 before any evidence');
  const [thumbWidth] = await loadedWidths(`${report} img`);
  check(thumbWidth === 320, `the thumbnail is ${thumbWidth} px wide, expected 320`);
  const thumbUrl = await page.locator(`${report} img`).getAttribute('src');
  check(thumbUrl.startsWith('blob:'), `thumbnail src ${thumbUrl}`);
  check(await page.locator(`${report} img`).getAttribute('alt'), 'the thumbnail has no alt text');
  log(`进度查询: 上报照片 with one thumbnail loaded (${thumbWidth} px, ${thumbUrl.slice(0, 5)} URL)`);
  // 消息通知 shows what GET /api/cases/{no} lists: nothing at all while there is none.
  const before = await getCase(caseNo, trackingCode);
  check(Array.isArray(before.messages), `GET /api/cases/${caseNo} has no messages list: ${JSON.stringify(before.messages)}`);
  if (before.messages.length === 0) {
    check(await page.locator('#c-messages').isHidden(), '消息通知 is shown without any message');
  } else {
    check(await page.locator('#c-messages-list > li').count() === before.messages.length, 'not every message is shown');
  }
  log(`before the dispatch: ${before.messages.length} message(s), 消息通知 ${before.messages.length ? 'shown' : 'not shown'}`);

  // The full photo in the viewer, then 关闭.
  await page.locator(`${report} .thumb-btn`).tap();
  await page.locator('#lightbox').waitFor({ state: 'visible' });
  const [fullWidth] = await loadedWidths('#lightbox-img');
  check(fullWidth === 600, `the full photo is ${fullWidth} px wide, expected 600`);
  const fullUrl = await page.locator('#lightbox-img').getAttribute('src');
  check(fullUrl.startsWith('blob:'), `full photo src ${fullUrl}`);
  await page.locator('#lightbox-close').tap();
  await page.locator('#lightbox').waitFor({ state: 'hidden' });
  check(!(await urlAlive(fullUrl)), 'the full photo\'s object URL was not revoked on 关闭');
  log(`the full photo opened (${fullWidth} px) and closed; its object URL revoked`);

  // The handler's photos: a thumbnail, a PDF to download and a HEIC only the staff see.
  await addEvidence(caseNo);
  await page.locator('#c-refresh').tap();
  const evidence = '#c-files .file-group[data-purpose="EVIDENCE"]';
  await page.locator(evidence).waitFor();
  check((await page.locator(`${evidence} .file-group-title`).textContent()).includes('办理照片'), 'no 办理照片 group');
  check(await page.locator(`${evidence} .photo-item`).count() === 3, 'not three items in 办理照片');
  const evidenceWidths = await loadedWidths(`${evidence} img`);
  check(evidenceWidths.join() === '300', `办理照片 thumbnails of ${evidenceWidths.join()} px, expected one of 300`);
  check(await page.locator(`${evidence} .staff-only`, { hasText: '仅工作人员可见' }).count() === 1,
    'no 仅工作人员可见 tile for the HEIC');
  check(await page.locator(`${report} img`).getAttribute('src') === thumbUrl, 'the refresh fetched the thumbnail again');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`${evidence} button.file-download`).tap()
  ]);
  const pdfPath = await download.path();
  check(pdfPath, `the PDF download failed: ${await download.failure()}`);
  const bytes = await readFile(pdfPath);
  check(bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'the download is not the PDF');
  check(download.suggestedFilename().endsWith('.pdf'), `the download is named ${download.suggestedFilename()}`);
  log(`办理照片: a thumbnail, 仅工作人员可见 for the HEIC, the PDF downloaded as ${download.suggestedFilename()}`);

  // wangli dispatches the case: after 刷新, 消息通知 lists the 已派单 message, newest first.
  await dispatch(caseNo);
  const shown = await awaitDispatchedMessage(caseNo);
  const { messages } = await getCase(caseNo, trackingCode);
  const newestFirst = [...messages].sort((a, b) => new Date(b.sentAt) - new Date(a.sentAt));
  check(shown.length === messages.length, `消息通知 shows ${shown.length} messages, the server lists ${messages.length}`);
  newestFirst.forEach((m, i) => {
    const s = shown[i];
    check(s.subject === m.subject && s.body === (m.body || ''), `message ${i + 1}: shown ${JSON.stringify(s)}, expected ${JSON.stringify(m)}`);
    check(s.time === countyTime(m.sentAt), `message ${i + 1} at "${s.time}", expected ${countyTime(m.sentAt)} (sent ${m.sentAt})`);
    check(s.subjectBold, `the subject of message ${i + 1} is not bold`);
  });
  const dispatched = shown.find((m) => m.subject.includes('已派单'));
  check(dispatched.subject.includes(caseNo), `the 已派单 message does not name ${caseNo}: ${dispatched.subject}`);
  check(await page.locator('#c-messages-title').textContent() === '消息通知', 'no 消息通知 heading');
  log(`消息通知 after the dispatch: ${shown.map((m) => `"${m.subject}" ${m.time}`).join('; ')}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('resident-photo-track.png', { fullPage: true });

  // Leaving 进度查询 revokes the thumbnails; coming back shows them again.
  await page.locator('#tab-report').tap();
  await page.locator('#view-report').waitFor({ state: 'visible' });
  check(!(await urlAlive(thumbUrl)), 'the thumbnail\'s object URL was not revoked when the view changed');
  await page.goBack();
  await page.locator('#c-files').waitFor({ state: 'visible' });
  await loadedWidths('#c-files img');
  log('leaving 进度查询 revoked the thumbnails; back again, they load anew');

  const leaked = requested.filter((u) => u.includes(trackingCode) && !u.includes('#'));
  check(leaked.length === 0, `URLs with the tracking code: ${leaked.join(' ')}`);
}

async function main() {
  await checkEntryServed('/report/', "the residents' page");
  await launchBrowser();
  const context = await phoneContext({ acceptDownloads: true });
  setPage(watchPageErrors(await context.newPage()));
  await watchRequests(page);
  const chosen = await chooseAndRefuse();
  const theCase = await submitWithPhoto(chosen);
  await trackPhotos(theCase);

  const view = await getCase(theCase.caseNo, theCase.trackingCode);
  const files = Array.isArray(view.files) ? view.files : [];
  const reported = files.filter((f) => f.purpose === 'REPORT');
  check(reported.length === 1, `GET /api/cases/${theCase.caseNo}: ${reported.length} REPORT files, expected 1: ${JSON.stringify(files)}`);
  const [file] = reported;
  check(file.mediaType === 'image/png' && file.width === 600 && file.height === 400 && file.preview && file.thumbnail,
    `the REPORT file: ${JSON.stringify(file)}`);
  check(files.filter((f) => f.purpose === 'EVIDENCE').length === 3, `EVIDENCE files: ${JSON.stringify(files)}`);
  log(`GET /api/cases/${theCase.caseNo}: exactly 1 REPORT file (${file.mediaType} ${file.width}x${file.height}), `
    + `3 EVIDENCE; ${view.statusName}`);
  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
}

await run(main, { timeoutS: 120, fullPage: true });
