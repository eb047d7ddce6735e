// Browser end-to-end check of the photos on the residents' page /report/ on a phone: attach photos to a
// report (拍照 / 从相册选择), have the page refuse what the server would refuse, send the report with its
// photos as multipart, and see them again in 进度查询, thumbnails and the full photo fetched with the
// tracking code in a header and shown through object URLs.
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
// - the 照片 field has a camera input (accept image/*, capture environment) and an album input (image/* and
//   PDF, multiple), both out of sight behind their labels;
// - a JPEG (drawn on a canvas in the page) and a PNG (built here with zlib) chosen from the album show as
//   two previews from blob: URLs, "已选 2 / 6 张"; five more at once fill the six places, the seventh is
//   refused next to the field and the inputs are disabled; 删除 takes photos out again and revokes their
//   object URLs;
// - a text file named .jpg and a file over 10 MB are refused by the page next to the field; a damaged JPEG
//   passes the page but the server refuses it (415, errors.photos), and that message is shown next to the
//   field too;
// - with one photo left the report goes as multipart (part report: the JSON, one part photos); its answer
//   is lost on the way back (the case is open, the browser sees a network error), the page says so and
//   keeps the photo; sent again under the same Idempotency-Key as the refused and the lost try, with
//   正在上传照片 shown and the submit button disabled on the way, it yields the same case, not a second
//   one, and no second copy of the photo;
// - 进度查询 shows 上报照片 with one thumbnail that has loaded (naturalWidth > 0, a blob: URL); tapping it
//   opens the full photo (its real width, not the thumbnail's) in the viewer, 关闭 closes it and revokes
//   its URL; no URL the page asks for carries the tracking code;
// - after wangli adds a PNG, a PDF and a HEIC as evidence (POST /api/staff/cases/{no}/files), 刷新 shows
//   办理照片 with a thumbnail, a PDF tile that downloads the PDF, and 仅工作人员可见 for the HEIC; leaving
//   进度查询 revokes the thumbnails' URLs;
// - GET /api/cases/{no} with X-Tracking-Code lists exactly 1 REPORT file (the PNG, 600 x 400: the resend's
//   copy was not kept) and the 3 EVIDENCE files.
// With screenshotDir it writes resident-photo-form.png (the form with its previews) and
// resident-photo-track.png (the case with both groups of photos) there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves one case (待受理, with four files) behind.
import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import {
  basicAuth, baseUrl, check, checkEntryServed, getCase, launchBrowser, log, newContext, page,
  pageErrors, pagesUrl, run, setPage, shot, sleep, watchPageErrors
} from './common.mjs';

const PAGE = pagesUrl('/report/');
const stamp = new Date().toISOString();
const description = `小区东门垃圾桶满了两天没人清运，气味很大（照片测试 ${stamp}）`;
const address = '和平里东街12号';
// A fresh phone number every run: the server refuses a reporter's repeat of their own open case.
const phone = `138${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}5678`;

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

/** Each POST /api/cases the page sends: its Idempotency-Key, content type and multipart parts. */
const posts = [];
/** Every URL the page asks for: none may carry the tracking code. */
const requested = [];
/** How long the answer to the next POST /api/cases is held back (to see the page on the way). */
let holdBackMs = 0;
/** Set: the next POST /api/cases reaches the server, but its answer is lost (the page sees a network error). */
let loseNextAnswer = false;
/** The receipt of that lost answer. */
let lostReceipt;

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
  // Through a route, because Chromium tells of a request's body only when it holds no files.
  await p.route('**/api/cases', async (route) => {
    const req = route.request();
    if (req.method() !== 'POST') return route.continue();
    const body = (req.postDataBuffer() || Buffer.alloc(0)).toString('latin1');
    posts.push({
      key: req.headers()['idempotency-key'],
      type: req.headers()['content-type'] || '',
      reportPart: /Content-Disposition: form-data; name="report"[^\r\n]*\r\nContent-Type: application\/json/i.test(body),
      photoParts: (body.match(/Content-Disposition: form-data; name="photos"/gi) || []).length
    });
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

  // A JPEG and a PNG from the album: two previews from object URLs.
  const jpeg = await canvasJpeg();
  check(jpeg[0] === 0xff && jpeg[1] === 0xd8, 'canvas.toBlob gave no JPEG');
  const photo = png(600, 400);
  await album.setInputFiles([
    { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    { name: 'IMG_0002.png', mimeType: 'image/png', buffer: photo }
  ]);
  await expectChosen(2);
  const widths = await loadedWidths('#photo-list img.photo-thumb');
  check(widths.join() === '640,600', `previews of ${widths.join(' and ')} px, expected 640 and 600`);
  const previewUrls = await page.locator('#photo-list img.photo-thumb').evaluateAll((imgs) => imgs.map((i) => i.src));
  check(previewUrls.every((u) => u.startsWith('blob:')), `previews not from object URLs: ${previewUrls.join(' ')}`);
  check(await page.locator('#e-photos').isHidden(), 'an error next to two good photos');
  log(`two photos chosen: 已选 2 / 6 张, previews ${widths.join(' and ')} px from blob: URLs`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('resident-photo-form.png', { fullPage: true });

  // Five more at once: four fit, the seventh is refused, and nothing more can be added.
  await album.setInputFiles([1, 2, 3, 4, 5].map((i) => ({ name: `more-${i}.png`, mimeType: 'image/png', buffer: png(40 + i, 30) })));
  await expectChosen(6);
  const tooMany = await photoError();
  check(tooMany.includes('最多只能附 6 张') && tooMany.includes('1 张没有添加'), `7th photo refusal: "${tooMany}"`);
  check(await album.isDisabled() && await camera.isDisabled(), 'the inputs still take photos with six chosen');
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

  // A text named .jpg and a file over 10 MB: the page refuses them next to the field.
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
  log('a file over 10 MB refused at the field');

  // A damaged JPEG passes the page (its first bytes are a JPEG's) but not the server.
  const damaged = Buffer.concat([jpeg.subarray(0, 20), Buffer.from('damaged '.repeat(64))]);
  await album.setInputFiles({ name: 'damaged.jpg', mimeType: 'image/jpeg', buffer: damaged });
  await expectChosen(2);
  check(await page.locator('#e-photos').isHidden(), 'the page refused the damaged JPEG itself');
  await page.locator('#submit-btn').tap();
  const refused = await photoError();
  check(refused.includes('文件已损坏') || refused.includes('不是它看上去的图片类型'), `server refusal: "${refused}"`);
  await page.locator('#form-error', { hasText: '1 处' }).waitFor();
  check(await page.locator('#receipt').isHidden(), 'a receipt after a refusal');
  check(posts.length === 1 && posts[0].type.startsWith('multipart/form-data'), `first POST: ${JSON.stringify(posts)}`);
  log(`the server refused the damaged JPEG (415), shown at the field: "${refused}"`);

  await page.locator('#photo-list .photo-remove').nth(1).tap();
  await expectChosen(1);
  check(await page.locator('#e-photos').isHidden(), 'the server\'s refusal stays after the photo was removed');
}

async function submitWithPhoto() {
  // The answer is lost on the way back: the case is open on the server, the page says the network failed.
  loseNextAnswer = true;
  await page.locator('#submit-btn').tap();
  await page.locator('#form-error', { hasText: '网络连接失败' }).waitFor();
  await expectChosen(1);
  check(await page.locator('#upload-status').isHidden(), 'the upload status stays after the failure');
  check(await page.locator('#submit-btn').isEnabled(), 'the submit button stays disabled after the failure');
  log('page reports the network failure and keeps the form and its photo');

  // Sent again, held back a moment so that the page is seen on the way.
  holdBackMs = 1200;
  await page.locator('#submit-btn').tap();
  await page.locator('#upload-status', { hasText: /正在上传照片|照片已上传/ }).waitFor();
  check(await page.locator('#submit-btn').isDisabled(), 'the submit button is enabled while uploading');
  check(await page.locator('#photo-list .photo-remove').first().isDisabled(), 'photos can be removed while uploading');
  const status = (await page.locator('#upload-status').textContent()).trim();
  await page.locator('#receipt').waitFor({ state: 'visible' });
  holdBackMs = 0;
  check(await page.locator('#upload-status').isHidden(), 'the upload status stays after the receipt');

  // The refused try (two photos), the lost one and the resend (one photo each): one key, all multipart.
  check(posts.length === 3, `expected 3 POST /api/cases, saw ${posts.length}`);
  check(posts.every((p) => p.type.startsWith('multipart/form-data') && p.reportPart),
    `not every report went as multipart with a part report of type application/json: ${JSON.stringify(posts)}`);
  check(posts.map((p) => p.photoParts).join() === '2,1,1', `parts photos: ${posts.map((p) => p.photoParts).join()}, expected 2,1,1`);
  check(posts[0].key && posts.every((p) => p.key === posts[0].key),
    `the tries used other Idempotency-Keys: ${posts.map((p) => p.key).join(' / ')}`);
  const caseNo = (await page.locator('#r-caseNo').textContent()).trim();
  const trackingCode = (await page.locator('#r-code').textContent()).trim();
  check(/^\d{4}-\d{6}$/.test(caseNo) && /^[A-Z0-9]{8}$/.test(trackingCode), `receipt ${caseNo} / ${trackingCode}`);
  check(caseNo === lostReceipt.caseNo, `the resend created ${caseNo}, the lost answer was ${lostReceipt.caseNo}`);
  const note = await page.locator('#receipt-note').textContent();
  check(note.includes('没有重复上报'), `receipt note does not say it was a replay: ${note}`);
  check(await page.locator('#photo-list > li').count() === 0, 'the photos stay in the form after the receipt');
  log(`receipt ${caseNo} / ${trackingCode}: the resend (key ${posts[0].key}) returned the same case; `
    + `"${status}" on the way`);
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
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('resident-photo-track.png', { fullPage: true });

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
  await chooseAndRefuse();
  const theCase = await submitWithPhoto();
  await trackPhotos(theCase);

  const view = await getCase(theCase.caseNo, theCase.trackingCode);
  const files = Array.isArray(view.files) ? view.files : [];
  const reported = files.filter((f) => f.purpose === 'REPORT');
  check(reported.length === 1, `GET /api/cases/${theCase.caseNo}: ${reported.length} REPORT files, expected 1: ${JSON.stringify(files)}`);
  const [file] = reported;
  check(file.mediaType === 'image/png' && file.width === 600 && file.height === 400 && file.preview && file.thumbnail,
    `the REPORT file: ${JSON.stringify(file)}`);
  check(files.filter((f) => f.purpose === 'EVIDENCE').length === 3, `EVIDENCE files: ${JSON.stringify(files)}`);
  log(`GET /api/cases/${theCase.caseNo}: exactly 1 REPORT file (${file.mediaType} ${file.width}x${file.height}), 3 EVIDENCE`);
  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
}

await run(main, { timeoutS: 120, fullPage: true });
