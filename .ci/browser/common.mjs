// What the browser checks in this folder share: the command line, logging, HTTP calls to the server,
// headless Chromium, screenshots, the Camunda webapps (login, Tasklist filters, forms), the workbook's
// xlsx parts and the runner that prints "1 passed, 0 failed" or the failure with failure.png.
//
// A check imports what it needs and ends with `await run(main)`; see tasklist-roundtrip.mjs. Every check
// takes the same arguments:
//
//   node <check>.mjs [baseUrl] [screenshotDir]
//
// and reads LIANHU_DEMO_PASSWORD (the demo users' password, default demo), CHROMIUM (default
// /usr/bin/chromium), E2E_TIMEOUT_S (the limit of the whole run) and, for the static pages, PAGES_ENTRY.
//
// The page a check drives is the current one (`page`, set with setPage/openPage): shot() photographs it,
// the Camunda helpers act on it and a failure is photographed from it.
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const baseUrl = (process.argv[2] || 'http://localhost:8080').replace(/\/+$/, '');
export const shotDir = process.argv[3] ? resolve(process.argv[3]) : null;
export const PASSWORD = process.env.LIANHU_DEMO_PASSWORD || 'demo';
export const STEP_TIMEOUT_MS = 20_000;

export const TASKLIST = `${baseUrl}/camunda/app/tasklist/`;
/** The webapps' own words the checks click, as Lianhu's zh.json gives them. */
export const UI = {
  username: '用户名', password: '密码', logIn: '登录', logOut: '退出登录', loginFailed: '登录失败',
  claim: '认领', complete: '完成', maximizeDiagram: '最大化流程图', restoreDiagram: '将流程图恢复为默认大小',
  selectTask: '请在列表中选择一个任务。', noTaskMatching: '没有符合过滤条件的任务。'
};
export const COCKPIT = `${baseUrl}/camunda/app/cockpit/`;

/** The browser, once launchBrowser() has started it; run() closes it. */
export let browser;
/** The page the check drives: shot() and failure.png photograph it, the Camunda helpers act on it. */
export let page;
/** 5xx answers, and refused writes to Camunda's engine API, seen by pages under watchServerErrors(). */
export const serverErrors = [];
/** Script errors, unexpected dialogs (and console errors) of pages under watchPageErrors(). */
export const pageErrors = [];
/** require.js "Load timeout for modules" errors of the Camunda page (see camundaLogin). */
const moduleTimeouts = [];

export const log = (msg) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A form field's label, which carries an asterisk when the field is required. */
export const fieldLabel = (text) => new RegExp(`^\\s*${escapeRe(text)}\\s*\\*?\\s*$`);

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** An Authorization header value for a demo user. */
export const basicAuth = (user) => `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}`;

/**
 * Calls the server at `path` with a JSON `body` (if any), as `user` with HTTP Basic (if given), and
 * answers the status, the parsed JSON (undefined if the answer is not JSON) and the text.
 */
export async function api(method, path, { body, headers = {}, user } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      ...(user ? { Authorization: basicAuth(user) } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...headers
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000)
  });
  const text = await res.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, json, text };
}

/**
 * Completes the acceptCase task of `caseNo` as the grid worker wangli through the engine REST API, waiting
 * for the task to show up first. `variables` are String values by name.
 */
export async function completeAcceptCase(caseNo, variables) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let task;
  while (!task) {
    const res = await api('GET', `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNo)}`
      + '&taskDefinitionKey=acceptCase', { user: 'wangli' });
    check(res.status === 200, `GET /engine-rest/task as wangli: ${res.status} ${res.text}`);
    task = res.json[0];
    if (!task) {
      check(Date.now() < deadline, `no acceptCase task for ${caseNo} visible to wangli`);
      await sleep(300);
    }
  }
  const vars = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, { value: v, type: 'String' }]));
  const done = await api('POST', `/engine-rest/task/${task.id}/complete`,
    { user: 'wangli', body: { variables: vars } });
  check(done.status === 204, `completing acceptCase ${task.id} of ${caseNo}: ${done.status} ${done.text}`);
}

// ---------------------------------------------------------------------------------------------
// Static pages (/report/, /dashboard/)

/** The URL of the page folder `dir` (such as /report/); PAGES_ENTRY=index.html names the file in it. */
export const pagesUrl = (dir) => `${baseUrl}${dir}${process.env.PAGES_ENTRY || ''}`;

/** Checks that the page folder `dir` answers with HTML; `what` names the page in the message. */
export async function checkEntryServed(dir, what) {
  const url = pagesUrl(dir);
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  const type = res.headers.get('content-type') || '';
  check(res.status === 200 && type.startsWith('text/html'),
    `GET ${url} answered ${res.status} ${type}: ${what} is not served there`
    + (url.endsWith('/') ? ` (is ${dir} mapped to ${dir}index.html? PAGES_ENTRY=index.html tests the file itself)` : ''));
}

// ---------------------------------------------------------------------------------------------
// The browser

export async function launchBrowser() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'
    ]
  });
  return browser;
}

/** A new context of the browser, with STEP_TIMEOUT_MS for every action and navigation. */
export async function newContext(options) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  return context;
}

/** Makes `p` the page the check drives (and photographs on failure); answers it. */
export function setPage(p) {
  page = p;
  return p;
}

/** Opens a new page in `context` and makes it the page the check drives. */
export async function openPage(context) {
  return setPage(await context.newPage());
}

/** Writes screenshotDir/name of the current page (nothing without a screenshot folder). */
export async function shot(name, options = {}) {
  if (!shotDir) return;
  await mkdir(shotDir, { recursive: true });
  const path = resolve(shotDir, name);
  await page.screenshot({ path, ...options });
  log(`screenshot ${path}`);
}

/** Collects into pageErrors the script errors and unexpected dialogs of `p` (with console, its console errors too). */
export function watchPageErrors(p, { console: consoleErrors = false } = {}) {
  p.on('pageerror', (err) => pageErrors.push(err.message));
  if (consoleErrors) {
    p.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`); });
  }
  p.on('dialog', (d) => { pageErrors.push(`unexpected dialog: ${d.message()}`); d.dismiss(); });
  return p;
}

/** Forgets the console's reports (in pageErrors) of the failed requests that the step before expected. */
export function expectedFailures(statuses) {
  const re = new RegExp(`status of (${statuses.join('|')})\\b`);
  for (let i = pageErrors.length - 1; i >= 0; i--) if (re.test(pageErrors[i])) pageErrors.splice(i, 1);
}

/** Collects into serverErrors what the server refused `p` (printed on failure) and logs its script errors. */
export function watchServerErrors(p) {
  p.on('response', (res) => {
    const url = res.url();
    if (res.status() >= 500 || (res.status() >= 400 && /\/camunda\/api\/engine\//.test(url)
        && res.request().method() !== 'GET')) {
      res.text().catch(() => '').then((body) => {
        serverErrors.push(`${res.request().method()} ${url} -> ${res.status()} ${body.slice(0, 500)}`);
      });
    }
  });
  p.on('pageerror', (err) => log(`page error: ${err.message}`));
}

/**
 * Notes require.js module load timeouts of `p`: with them, camundaLogin() loads a webapp that did not
 * start once more (see there).
 */
function noteModuleTimeouts(p) {
  p.on('pageerror', (err) => {
    if (/Load timeout for modules/.test(err.message)) moduleTimeouts.push(err.message.split('\n')[0]);
  });
}

// ---------------------------------------------------------------------------------------------
// Camunda webapps (Tasklist, Cockpit) on the current page

/**
 * Starts the browser and opens the page for Camunda's webapps in a window of `viewport`: in English (the
 * helpers below find the webapps' controls by their English names), in China's time zone, with the
 * server's refusals collected (watchServerErrors) and require.js load timeouts noted for camundaLogin().
 * Answers the page, which is the current one.
 */
export async function openCamundaPage(viewport) {
  await launchBrowser();
  // A caseworker's browser in the county: Chinese, so the webapps answer in Chinese (app/*/locales/zh.json).
  const context = await newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });
  const p = await openPage(context);
  watchServerErrors(p);
  noteModuleTimeouts(p);
  return p;
}

/**
 * Opens the webapp at `appUrl` and submits its login form with `user` and `password` (the demo users'
 * by default), without waiting for the answer; camundaLogin() waits for it.
 */
export async function submitCamundaLogin(appUrl, user, password = PASSWORD) {
  await page.goto(appUrl);
  // On a server that has just started, the first request for Tasklist's plugin script takes seconds
  // (Camunda's plugin REST resources start on first use), and require.js may give up on it after 7 s,
  // leaving the app on its spinner. Loading the app once more is then enough; nothing else is retried.
  const username = page.getByPlaceholder(UI.username);
  await username.waitFor().catch(async (err) => {
    if (!moduleTimeouts.length) throw err;
    log(`${appUrl === COCKPIT ? 'Cockpit' : 'Tasklist'} did not start (${moduleTimeouts.join('; ')}); loading it once more`);
    moduleTimeouts.length = 0;
    await page.goto(appUrl);
    await username.waitFor();
  });
  const passwordField = page.getByPlaceholder(UI.password);
  // The login form can still be settling (Angular moves the focus once it has rendered), and a fill
  // then lands in the other field ("majiedemo" in the user name): fill again until both hold their text.
  for (let attempt = 1; ; attempt++) {
    await username.fill(user);
    await passwordField.fill(password);
    if ((await username.inputValue()) === user && (await passwordField.inputValue()) === password) break;
    if (attempt === 5) throw new Error(`the login form did not keep ${user}'s user name and password`);
    await page.waitForTimeout(300);
  }
  await page.getByRole('button', { name: UI.logIn, exact: true }).click();
}

/** Logs in to the webapp at `appUrl` as `user` with `password` (the demo users' by default). */
export async function camundaLogin(appUrl, user, password = PASSWORD) {
  await submitCamundaLogin(appUrl, user, password);
  await page.locator('li.account .dropdown-toggle').waitFor().catch(async () => {
    const note = await page.locator('.notifications-panel, [notifications-panel]').first().innerText().catch(() => '');
    const text = note.replace(/×/g, '').replace(/\s+/g, ' ').trim();
    throw new Error(`login as ${user} did not succeed${text ? `: ${text}` : ''}`);
  });
  log(`logged in as ${user} (${appUrl.replace(baseUrl, '')})`);
}

export async function camundaLogout() {
  await page.locator('li.account .dropdown-toggle').click();
  await page.locator('li.logout a', { hasText: UI.logOut }).click();
  await page.getByPlaceholder(UI.username).waitFor();
  log('logged out');
}

/** Moves the mouse out of the way so that no Bootstrap tooltip covers the next click target. */
export async function dismissTooltips() {
  await page.mouse.move(1, 1);
  await page.locator('.tooltip.in').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
}

/**
 * Selects a shared filter and waits until Tasklist has fetched and rendered its task list, so that
 * what the list shows afterwards is the fresh result of that filter (not the previous one's).
 */
export async function openFilter(name) {
  const filter = page.locator('.task-filter', { has: page.locator('h4.name a', { hasText: name }) });
  await filter.waitFor().catch(() => {
    throw new Error(`Tasklist filter "${name}" not found`);
  });
  const lists = [];
  const onResponse = (res) => {
    if (/\/filter\/[^/?]+\/list(\?|$)/.test(res.url()) && res.request().method() === 'POST') lists.push(res);
  };
  page.on('response', onResponse);
  try {
    await dismissTooltips();
    await filter.locator('h4.name a').click();
    await page.locator('.task-filter.active', { has: page.locator('h4.name a', { hasText: name }) }).waitFor();
    await page.waitForURL(/[?&]filter=[^&]+/);
    const filterId = decodeURIComponent(page.url().match(/[?&]filter=([^&]+)/)[1]);
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    let response;
    while (!response && Date.now() < deadline) {
      response = lists.find((res) => res.url().includes(`/filter/${filterId}/list`));
      if (!response) await sleep(100);
    }
    check(response, `Tasklist did not load the task list of filter "${name}"`);
    check(response.status() === 200, `loading filter "${name}" failed: HTTP ${response.status()}`);
    const body = await response.json();
    const shown = (body._embedded && body._embedded.task ? body._embedded.task : []).length;
    const cards = page.locator('ol.tasks-list > li.task');
    if (shown === 0) {
      await page.getByText(UI.noTaskMatching).waitFor();
    } else {
      while ((await cards.count()) !== shown) {
        check(Date.now() < deadline, `filter "${name}": expected ${shown} task cards, found ${await cards.count()}`);
        await sleep(100);
      }
    }
    log(`opened filter ${name} (${body.count ?? shown} tasks)`);
  } finally {
    page.off('response', onResponse);
  }
}

/** The task cards in Tasklist's middle column named `taskName` that show a variable whose value is exactly `value`. */
export function taskCards(taskName, value) {
  return page.locator('ol.tasks-list > li.task')
    .filter({ has: page.locator('h4.task a', { hasText: new RegExp(`^\\s*${escapeRe(taskName)}\\s*$`) }) })
    .filter({ has: page.locator('.variable-value', { hasText: new RegExp(`^\\s*${escapeRe(value)}\\s*$`) }) });
}

/** Waits until the form field `locator` has the value `expected`; `what` names it in the error. */
export async function waitForValue(locator, expected, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let value;
  while (Date.now() < deadline) {
    value = await locator.inputValue().catch(() => undefined);
    if (value === expected) return;
    await sleep(200);
  }
  throw new Error(`form field ${what}: expected "${expected}", found "${value}"`);
}

/**
 * Claims the open task; the form is then editable and may be re-rendered, so it waits for the form
 * again with the field `numberLabel` (the process's case or dispute number) showing `number`.
 */
export async function claimTask(numberLabel, number) {
  const claim = page.locator('.task-details').getByRole('button', { name: UI.claim, exact: true });
  const claimed = page.waitForResponse((res) => /\/task\/[^/]+\/claim$/.test(res.url()), { timeout: STEP_TIMEOUT_MS });
  await claim.click();
  const claimRes = await claimed;
  check(claimRes.status() < 300, `claiming the task failed: ${claimRes.status()}`);
  await claim.waitFor({ state: 'detached' });
  // After the claim the form is editable; it may be re-rendered, so wait for it again.
  await page.locator('.fjs-container form.fjs-form').waitFor();
  await waitForValue(page.getByLabel(numberLabel, { exact: true }), number, numberLabel);
}

/** Describes why form-js or Tasklist refused to submit: field errors and notifications on the page. */
async function formProblems() {
  const errors = await page.locator('.fjs-form-field-error').allInnerTexts().catch(() => []);
  const notes = await page.locator('.notifications-panel, [notifications-panel]').allInnerTexts().catch(() => []);
  return [...errors, ...notes].map((t) => t.replace(/×/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean).join('; ');
}

/** Clicks Complete on the open task's form and waits until Tasklist has submitted it and closed the task. */
export async function completeTask() {
  const complete = page.locator('.form-actions button.btn-primary', { hasText: UI.complete });
  check(await complete.isEnabled(), `the Complete button is disabled ${await formProblems()}`);
  const submitted = page.waitForResponse((res) => /\/task\/[^/]+\/(submit-form|complete)$/.test(res.url())
    && res.request().method() === 'POST', { timeout: STEP_TIMEOUT_MS });
  await dismissTooltips();
  await complete.click();
  const res = await submitted.catch(async () => {
    throw new Error(`Complete sent no request within ${STEP_TIMEOUT_MS / 1000} s: ${await formProblems() || 'no message'}`);
  });
  if (res.status() >= 300) {
    throw new Error(`completing the task failed: ${res.status()} ${(await res.text().catch(() => '')).slice(0, 500)}`);
  }
  // Tasklist closes the task once it is completed.
  await page.getByText(UI.selectTask).waitFor();
}

// ---------------------------------------------------------------------------------------------
// Workbooks: an .xlsx file is a zip of XML parts; just enough of the format to read a sheet's cells and
// change them (admin.mjs, county-onboarding.mjs), with node:zlib.

/** The parts of the zip file `bytes` (stored or deflated), by name. */
export function readZip(bytes) {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  check(eocd >= 0, 'the workbook is not a zip file (no end of central directory)');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    check(bytes.readUInt32LE(at) === 0x02014b50, 'bad central directory entry in the workbook');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A zip file of the parts `entries` (a Map of name to bytes), each deflated. */
export function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const unescapeXml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
const textOf = (xml) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1])).join('');

/** The cells of a worksheet's XML: reference, column letters, row number, text, and where the XML has it. */
export function cellsOf(sheetXml, shared) {
  return [...sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => {
    const ref = /\br="([A-Z]+)(\d+)"/.exec(m[1]);
    const type = (/\bt="([^"]+)"/.exec(m[1]) || [])[1];
    const inner = m[2] || '';
    const v = (/<v>([\s\S]*?)<\/v>/.exec(inner) || [])[1];
    const text = type === 's' ? shared[Number(v)] ?? '' : type === 'inlineStr' ? textOf(inner) : unescapeXml(v ?? '');
    return { col: ref && ref[1], row: ref && Number(ref[2]), text: text.trim(), xml: m[0] };
  });
}

/**
 * The worksheet named `name` of the workbook's parts `entries` (see readZip): the path of its part, its
 * XML and its cells (cellsOf, shared strings resolved). `what` names the workbook in the messages.
 */
export function sheetOf(entries, name, what = 'the workbook') {
  const part = (partName) => {
    const data = entries.get(partName);
    check(data, `${what} has no ${partName}`);
    return data.toString('utf8');
  };
  const sheet = [...part('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0])
    .find((tag) => unescapeXml((/\bname="([^"]*)"/.exec(tag) || [])[1] || '') === name);
  check(sheet, `${what} has no sheet ${name}`);
  const rid = /\br:id="([^"]+)"/.exec(sheet)[1];
  const rel = [...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0])
    .find((tag) => tag.includes(`Id="${rid}"`));
  const target = /\bTarget="([^"]+)"/.exec(rel)[1];
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const shared = entries.has('xl/sharedStrings.xml')
    ? [...part('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1])) : [];
  const xml = part(path);
  return { path, xml, cells: cellsOf(xml, shared) };
}

// ---------------------------------------------------------------------------------------------
// The runner

async function fail(err, { fullPage }) {
  console.error(`FAILED: ${err && err.stack ? err.stack : err}`);
  if (err && err.cause) console.error(`  caused by: ${err.cause.stack || err.cause}`);
  if (serverErrors.length) console.error(`server errors seen by the browser:\n  ${serverErrors.join('\n  ')}`);
  if (pageErrors.length) console.error(`page errors:\n  ${pageErrors.join('\n  ')}`);
  if (!page) {
    console.error('no browser page yet, so no failure.png');
  } else {
    const dir = shotDir || '/tmp';
    const path = resolve(dir, 'failure.png');
    try {
      await mkdir(dir, { recursive: true });
      await page.screenshot({ path, timeout: 5_000, fullPage });
      console.error(`screenshot ${path} (page ${page.url()})`);
    } catch (e) {
      console.error(`could not save ${path}: ${e.message}`);
    }
  }
}

/**
 * Runs the check `main` within E2E_TIMEOUT_S (default `timeoutS`) seconds and exits: 0 after printing
 * "1 passed, 0 failed"; 1 after printing the error and what the pages saw, writing failure.png of the
 * current page (the whole page with `fullPage`) into screenshotDir (or /tmp) and "0 passed, 1 failed".
 */
export async function run(main, { timeoutS = 120, fullPage = false } = {}) {
  const overallTimeoutMs = Number(process.env.E2E_TIMEOUT_S || timeoutS) * 1000;
  let exitCode = 1;
  let timer;
  try {
    await Promise.race([
      main(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`overall timeout of ${overallTimeoutMs / 1000} s exceeded`)),
          overallTimeoutMs);
      })
    ]);
    console.log('1 passed, 0 failed');
    exitCode = 0;
  } catch (err) {
    await fail(err, { fullPage });
    console.log('0 passed, 1 failed');
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
  }
  process.exit(exitCode);
}

// ---------------------------------------------------------------------------------------------
// The organisation page /admin/ (admin.mjs, county-onboarding.mjs)

/** Logs in through the admin page's form. */
export async function adminPageLogin(user, password = PASSWORD) {
  await page.locator('#l-user').fill(user);
  await page.locator('#l-pass').fill(password);
  await page.locator('#login-btn').click();
}

/** Clicks a download link of the page; answers the file's suggested name and bytes. */
export async function downloadFrom(selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = await dl.path();
  check(path, `download from ${selector} failed: ${await dl.failure()}`);
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

/** Uploads `file` ({name, mimeType, buffer}) on the 导入 tab; answers the server's status and JSON. */
export async function uploadWorkbook(file, { dryRun }) {
  await page.locator('#imp-file').setInputFiles(file);
  await page.locator('#imp-dry').setChecked(dryRun);
  const [res] = await Promise.all([
    page.waitForResponse((r) => /\/api\/admin\/organisation\/import(\?|$)/.test(r.url())
      && r.request().method() === 'POST', { timeout: STEP_TIMEOUT_MS }),
    page.locator('#imp-btn').click()
  ]);
  check(/[?&]dryRun=true/.test(res.url()) === dryRun, `import URL ${res.url()} (dryRun ${dryRun})`);
  const json = await res.json().catch(() => undefined);
  await page.locator('#imp-btn:not([disabled])').waitFor();
  return { status: res.status(), json };
}

// Tasks of a case in Tasklist (the card shows its 事件编号).

export async function findTask(caseNo, taskName) {
  // The list is sorted by creation date (newest first), so the freshly created task is on page one.
  // Filters refresh by themselves, but a task created a moment ago may need one reload of the list.
  // The card is the one named taskName whose caseNo variable is exactly caseNo.
  const card = taskCards(taskName, caseNo);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await card.waitFor({ timeout: 5_000 });
      return card;
    } catch {
      log(`task ${taskName} for ${caseNo} not in list yet, reloading`);
      await page.reload();
    }
  }
  await card.waitFor({ timeout: 5_000 }).catch(() => {
    throw new Error(`task ${taskName} for case ${caseNo} not found in the task list`);
  });
  return card;
}

export async function openTaskCard(card, caseNo) {
  await dismissTooltips();
  await card.locator('h4.task a').click();
  await page.locator('.task-details').waitFor();
  // The Camunda Form (form-js) is rendered once its variables are loaded.
  await page.locator('.fjs-container form.fjs-form').waitFor();
  await waitForValue(page.getByLabel('事件编号', { exact: true }), caseNo, '事件编号');
}

/** Asserts that none of the given filters lists the task any longer. */
export async function assertTaskGone(caseNo, taskName, filters) {
  for (const name of filters) {
    await openFilter(name);
    check(await taskCards(taskName, caseNo).count() === 0,
      `the completed task ${taskName} of ${caseNo} is still listed in filter ${name}`);
  }
  log(`task ${taskName} of ${caseNo} no longer listed in ${filters.join(', ')}`);
}

// Cases through the residents' API.

/** Reports a case (sanitation at 和平里东街12号 unless told otherwise); returns its number and code. */
export async function reportCase(description, { category = 'sanitation', address = '和平里东街12号' } = {}) {
  const res = await api('POST', '/api/cases', {
    body: { category, description, location: { address }, reporter: { name: '张三', phone: '13812345678' } }
  });
  check(res.status === 201, `POST /api/cases: expected 201, got ${res.status} ${res.text}`);
  const { caseNo, trackingCode } = res.json || {};
  check(caseNo && trackingCode, `POST /api/cases: no caseNo/trackingCode in ${res.text}`);
  return { caseNo, trackingCode };
}

/** The reporter's view of a case, with its tracking code. */
export async function getCase(caseNo, trackingCode) {
  const res = await api('GET', `/api/cases/${encodeURIComponent(caseNo)}`, {
    headers: { 'X-Tracking-Code': trackingCode }
  });
  check(res.status === 200, `GET /api/cases/${caseNo}: expected 200, got ${res.status} ${res.text}`);
  return res.json;
}

/** Rates the case as its reporter (满意) and waits until it is closed; answers the reporter's view. */
export async function rateAndAwaitClosure(caseNo, trackingCode) {
  const res = await api('POST', `/api/cases/${encodeURIComponent(caseNo)}/rating`, {
    body: { trackingCode, rating: 'satisfied' }
  });
  check(res.status === 204, `POST /api/cases/${caseNo}/rating: expected 204, got ${res.status} ${res.text}`);
  const deadline = Date.now() + 20_000;
  let view;
  while (Date.now() < deadline) {
    view = await getCase(caseNo, trackingCode);
    if (view.status === 'CLOSED') break;
    await sleep(500);
  }
  check(view.status === 'CLOSED', `case ${caseNo} not CLOSED after 20 s: status ${view.status} (${view.statusName})`);
  return view;
}

// ---------------------------------------------------------------------------------------------
// Photos of cases and the case's staff page /case/#/<caseNo> (tasklist-roundtrip.mjs,
// case-return-extension.mjs)

/** zlib's Adler-32 of `bytes`. */
function adler32(bytes) {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * A real PNG picture of `width` × `height` pixels (a colour gradient that `seed` varies), as the file
 * `name` for Playwright's setInputFiles ({name, mimeType, buffer}).
 */
export function pngFile(name, { width = 480, height = 360, seed = 0 } = {}) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1); // each row starts with filter type 0
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = (Math.floor((x * 255) / width) + seed * 67) & 255;
      raw[row + 2 + x * 3] = (Math.floor((y * 255) / height) + seed * 31) & 255;
      raw[row + 3 + x * 3] = ((x ^ y) & 32 ? 200 : 90) ^ (seed & 255);
    }
  }
  const zlibStream = Buffer.concat([Buffer.from([0x78, 0x01]), deflateRawSync(raw), Buffer.alloc(4)]);
  zlibStream.writeUInt32BE(adler32(raw), zlibStream.length - 4);
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
  ihdr[8] = 8; // bits per sample
  ihdr[9] = 2; // RGB
  const buffer = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlibStream), chunk('IEND', Buffer.alloc(0))
  ]);
  return { name, mimeType: 'image/png', buffer };
}

/**
 * Reports a case as reportCase() does, as the multipart form with the part `report` (the JSON) and the
 * `photos` (files as pngFile() answers them); returns its number and code.
 */
export async function reportCaseWithPhotos(description, photos,
  { category = 'sanitation', address = '和平里东街12号' } = {}) {
  const form = new FormData();
  const report = { category, description, location: { address }, reporter: { name: '张三', phone: '13812345678' } };
  form.append('report', new Blob([JSON.stringify(report)], { type: 'application/json' }));
  for (const p of photos) form.append('photos', new Blob([p.buffer], { type: p.mimeType }), p.name);
  const res = await fetch(`${baseUrl}/api/cases`, {
    method: 'POST', headers: { Accept: 'application/json' }, body: form, signal: AbortSignal.timeout(20_000)
  });
  const text = await res.text();
  check(res.status === 201, `POST /api/cases (multipart, ${photos.length} photos): expected 201, got ${res.status} ${text}`);
  const { caseNo, trackingCode } = JSON.parse(text);
  check(caseNo && trackingCode, `POST /api/cases: no caseNo/trackingCode in ${text}`);
  return { caseNo, trackingCode };
}

/** The address of the case's staff page (PAGES_ENTRY=index.html names the file in /case/). */
export const casePageUrl = (caseNo) => `${pagesUrl('/case/')}#/${encodeURIComponent(caseNo)}`;

/**
 * Opens the staff page of `caseNo` in a new page of `context`, which becomes the current page, and waits
 * until it shows the case, logging in as `user` with the page's form if it asks. Answers the page.
 */
export async function openCasePage(context, caseNo, user = 'hanxue') {
  await checkEntryServed('/case/', 'the case page');
  const p = watchPageErrors(await openPage(context));
  watchServerErrors(p);
  await p.goto(casePageUrl(caseNo));
  await p.locator('#login-view:visible, #case-view:visible, #error-view:visible').first().waitFor();
  if (await p.locator('#login-view').isVisible()) {
    await p.locator('#l-user').fill(user);
    await p.locator('#l-pass').fill(PASSWORD);
    await p.locator('#login-btn').click();
    await p.locator('#case-view:visible, #error-view:visible, #login-msg:visible').first().waitFor();
    check(!(await p.locator('#login-view').isVisible()),
      `logging in as ${user} on the case page failed: ${await p.locator('#login-msg').innerText().catch(() => '')}`);
    log(`logged in as ${user} on the case page`);
  }
  if (await p.locator('#error-view').isVisible()) {
    throw new Error(`the case page shows no case ${caseNo}: ${await p.locator('#error-msg').innerText()}`);
  }
  await p.locator('#case-view').waitFor();
  const shown = (await p.locator('#c-no').innerText()).trim();
  check(shown === caseNo, `the case page shows ${shown}, expected ${caseNo}`);
  check((await p.locator('#who-name').innerText()).trim() === user,
    `the case page is logged in as "${await p.locator('#who-name').innerText()}", expected ${user}`);
  return p;
}

/** Waits until the thumbnail of the photo tile `tile` (a locator on a case page) is loaded from a blob: URL. */
export async function waitForThumbnail(tile, what = 'the photo') {
  const img = tile.locator('img.thumb');
  await img.waitFor().catch(() => { throw new Error(`${what} has no thumbnail on the case page`); });
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let state;
  while (Date.now() < deadline) {
    state = await img.evaluate((i) => ({ src: i.currentSrc || i.src, complete: i.complete, width: i.naturalWidth }));
    if (state.complete && state.width > 0) break;
    await sleep(100);
  }
  check(state.complete && state.width > 0, `the thumbnail of ${what} did not load: ${JSON.stringify(state)}`);
  check(state.src.startsWith('blob:'), `the thumbnail of ${what} is not shown from a blob: URL: ${state.src}`);
  return state;
}

/**
 * On the case page `p` (see openCasePage), chooses `files` ({name, mimeType, buffer}) with 从相册选择,
 * uploads them and waits until each is listed under 办理照片 with its thumbnail loaded. Answers the
 * files the server saved (POST /api/staff/cases/<no>/files).
 */
export async function uploadEvidence(p, files) {
  await p.locator('#up-files').setInputFiles(files);
  check(await p.locator('#up-previews li.tile').count() === files.length,
    `the case page previews ${await p.locator('#up-previews li.tile').count()} files, expected ${files.length}: `
    + await p.locator('#up-msg').innerText().catch(() => ''));
  const [res] = await Promise.all([
    p.waitForResponse((r) => /\/api\/staff\/cases\/[^/]+\/files$/.test(r.url()) && r.request().method() === 'POST',
      { timeout: STEP_TIMEOUT_MS }),
    p.locator('#up-btn').click()
  ]);
  check(res.status() === 201, `uploading on the case page: expected 201, got ${res.status()} ${await res.text().catch(() => '')}`);
  const saved = await res.json();
  check(Array.isArray(saved) && saved.length === files.length, `the upload answered ${JSON.stringify(saved)}`);
  for (const f of saved) {
    check(f.purpose === 'EVIDENCE', `the uploaded file ${f.id} is ${f.purpose}, expected EVIDENCE`);
    const tile = p.locator(`#group-evidence li.tile[data-file-id="${f.id}"]`);
    await tile.waitFor().catch(() => { throw new Error(`the uploaded file ${f.fileName} is not listed under 办理照片`); });
    await waitForThumbnail(tile, `办理照片 ${f.fileName}`);
  }
  const note = (await p.locator('#up-msg').innerText()).trim();
  check(note.includes('已上传'), `the case page says "${note}" after the upload`);
  check(await p.locator('#up-previews li').count() === 0, 'the case page still lists the uploaded files as pending');
  return saved;
}

/**
 * As `user`, adds a photo of the result (办理照片, `file` or a generated PNG) to the case on its staff
 * page, in a new page of `context` that it closes again; the page driven before is the current one
 * again. Answers the files saved.
 */
export async function addEvidenceOnCasePage(context, caseNo, { user = 'hanxue', file } = {}) {
  const previous = page;
  const p = await openCasePage(context, caseNo, user);
  const saved = await uploadEvidence(p, [file || pngFile(`处置后-${caseNo}.png`, { seed: 3 })]);
  check(await p.locator('#evidence-notice').isHidden(), 'the case page still asks for a photo of the result after the upload');
  log(`added 办理照片 ${saved.map((f) => f.fileName).join(', ')} to ${caseNo} on the case page as ${user}`);
  await p.close();
  setPage(previous);
  return saved;
}

/**
 * Clicks Complete on the open task's form and expects the server to refuse it: Tasklist shows a
 * notification containing `text` and keeps the task open. The refusal is no server error to print if a
 * later step fails. Answers the notification's text.
 */
export async function completeTaskRefused(text) {
  const complete = page.locator('.form-actions button.btn-primary', { hasText: UI.complete });
  check(await complete.isEnabled(), `the Complete button is disabled ${await formProblems()}`);
  const submitted = page.waitForResponse((res) => /\/task\/[^/]+\/(submit-form|complete)$/.test(res.url())
    && res.request().method() === 'POST', { timeout: STEP_TIMEOUT_MS });
  await dismissTooltips();
  await complete.click();
  const res = await submitted;
  check(res.status() >= 400, `the server accepted what it should refuse ("${text}"): HTTP ${res.status()}`);
  const panel = page.locator('.notifications-panel, [notifications-panel]');
  const note = panel.filter({ hasText: text }).first();
  await note.waitFor().catch(async () => {
    const shown = await panel.allInnerTexts().catch(() => []);
    throw new Error(`no notification with ${text} after the refusal (HTTP ${res.status()} `
      + `${(await res.text().catch(() => '')).slice(0, 300)}); notifications: ${shown.join(' | ').replace(/\s+/g, ' ') || 'none'}`);
  });
  const said = (await note.innerText()).replace(/×/g, '').replace(/\s+/g, ' ').trim();
  // watchServerErrors notes the refusal once it has read the answer's body: forget it.
  for (let i = 0; i < 20 && !serverErrors.some((e) => e.includes(res.url())); i++) await sleep(100);
  for (let i = serverErrors.length - 1; i >= 0; i--) if (serverErrors[i].includes(res.url())) serverErrors.splice(i, 1);
  check(!(await page.getByText(UI.selectTask).isVisible())
    && await page.locator('.task-details .fjs-container form.fjs-form').isVisible(), 'Tasklist closed the task after the refusal');
  return said;
}

// ---------------------------------------------------------------------------------------------
// The staff inbox (消息 in the staff pages' headers: /dashboard/, /case/)

/** An instant as the county reads it (Asia/Shanghai), "2026-12-15 07:03", as the staff pages show times. */
export function countyMinute(iso) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `user`'s messages (GET /api/staff/inbox?query, HTTP Basic), newest first. */
export async function staffInbox(user, query = 'size=50') {
  const res = await api('GET', `/api/staff/inbox?${query}`, { user, headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  check(res.status === 200 && Array.isArray(res.json), `GET /api/staff/inbox?${query} as ${user}: ${res.status} ${res.text.slice(0, 300)}`);
  return res.json;
}

/** Waits until `user` has the message of `event` about `caseNo` (the notifications are sent as the case moves on); answers it. */
export async function awaitInboxMessage(user, caseNo, event) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const list = await staffInbox(user, 'size=200');
    const m = list.find((x) => x.caseNo === caseNo && x.event === event);
    if (m) return m;
    check(Date.now() < deadline, `${user} has no ${event} message about ${caseNo}; the latest: `
      + JSON.stringify(list.slice(0, 3)).slice(0, 500));
    await sleep(300);
  }
}
