// Browser end-to-end check of the county administrators' organisation page /admin/ on a laptop screen:
// the refusal of a grid worker, the workbook's template, export and import (idempotent re-import, a
// validation report, a file that is no workbook), the organisation tree's edit panel, the audit trail and
// 消息通知 (the messages' templates and the dead letters).
//
//   npm ci
//   node admin.mjs [baseUrl] [screenshotDir]
//   node admin.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (the grid worker wangli and the county administrator
// qinfang; password demo, override with LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium,
// override with CHROMIUM) plus a CJK font (fonts-noto-cjk). PAGES_ENTRY=index.html opens
// /admin/index.html instead of /admin/.
//
// In a 1366x860 window:
// - wangli logs in through the page's form and sees 无权限：仅县级管理员可使用本页面 with a logout button,
//   which brings the form back;
// - qinfang logs in; the checks answer (GET .../checks) and a banner shows when they report problems;
// - 导入: the template and the export download as zip files (PK); the export, uploaded again unchanged
//   and not as a dry run, reports 0 created, 0 updated and 0 retired; the export with one grid's community
//   changed to an unknown code, uploaded with 仅校验 (dryRun=true), shows the 422 report as a table with
//   that sheet and row; a text file named .xlsx shows the server's refusal (title and detail);
// - 机构树: 街道 › 东城街道 › 和平里社区 › 网格, the search narrows the grids to hepingli1 (和平里第一网格),
//   its edit panel names its community, a rename shows in the list, and it is renamed back;
// - 审计: filtered to grids / hepingli1, the two renames are there as updates by qinfang with the new name
//   in their diff;
// - 消息通知: the 11 events' templates are listed with their Chinese names (受理 … 联户内新事件) and the 17
//   placeholders as chips; CASE_CLOSED's body with {nope} is refused (400, errors.body) next to the body,
//   an empty subject next to the subject; a change with the chip {caseNo} inserted at the cursor is saved,
//   shows qinfang and the minute as its last edit and is still there after a reload; then the seeded text
//   is saved back (or, should the check fail first, put back through the API). The dead letters: the demo
//   has none (its messages are logged, not sent), so the table says 没有发送失败的消息; then, with the list
//   answered by the check (page.route; the server is not touched), a letter shows its time in Asia/Shanghai,
//   event, case, 短信, recipient, attempts and error, and 重新发送 shows the server's 404 for it, and on a
//   204 reloads the list.
// With screenshotDir it writes admin-denied.png, admin-import.png, admin-report.png, admin-tree.png,
// admin-audit.png, admin-notify-refused.png, admin-notify.png and admin-dead.png there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 60 s (E2E_TIMEOUT_S). Every run leaves two audit entries behind (the renames); the grid keeps
// its name, and CASE_CLOSED its text (last edited by qinfang).
import {
  STEP_TIMEOUT_MS, adminPageLogin, api, check, checkEntryServed, countyMinute, downloadFrom, expectedFailures,
  launchBrowser, log, newContext, openPage, page, pageErrors, pagesUrl, readZip, run, sheetOf, shot, sleep, uploadWorkbook,
  watchPageErrors, writeZip
} from './common.mjs';

const PAGE = pagesUrl('/admin/');
const GRID = 'hepingli1';
const GRID_NAME = '和平里第一网格';
const NEW_NAME = `${GRID_NAME}（改名测试 ${new Date().toISOString().slice(11, 19)}）`;
const UNKNOWN_COMMUNITY = 'e2e-no-such-community';
const DENIED = '无权限：仅县级管理员可使用本页面';

// ---------------------------------------------------------------------------------------------
// The workbook

/**
 * The exported workbook with the community of grid `GRID` on sheet 网格 changed to an unknown code:
 * answers the new bytes, the sheet's row number of that grid and the header of the changed column.
 */
function breakWorkbook(bytes) {
  const entries = readZip(bytes);
  const { path, xml, cells } = sheetOf(entries, '网格', 'the exported workbook');
  const header = cells.find((c) => c.row === 1 && /社区/.test(c.text));
  check(header, `sheet 网格 has no community column: ${cells.filter((c) => c.row === 1).map((c) => c.text).join(', ')}`);
  const gridRow = (cells.find((c) => c.row > 1 && c.text === GRID) || {}).row;
  check(gridRow, `sheet 网格 has no row of ${GRID}`);
  const cell = cells.find((c) => c.row === gridRow && c.col === header.col);
  check(cell, `sheet 网格 row ${gridRow} has no ${header.text} cell`);
  const replaced = `<c r="${header.col}${gridRow}" t="inlineStr"><is><t>${UNKNOWN_COMMUNITY}</t></is></c>`;
  entries.set(path, Buffer.from(xml.replace(cell.xml, replaced), 'utf8'));
  return { bytes: writeZip(entries), row: gridRow, column: header.text };
}

// ---------------------------------------------------------------------------------------------
// The page

async function count(name) {
  return (await page.locator(`#imp-result [data-count="${name}"]`).textContent()).trim();
}

/** The list's row of `code`. */
const row = (code) => page.locator(`#t-body tr[data-code="${code}"]`);

async function drillDown(code) {
  await row(code).waitFor();
  await row(code).locator('[data-act="down"]').click();
}

async function waitUntil(predicate, what) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    if (await predicate()) return;
    check(Date.now() < deadline, what);
    await sleep(100);
  }
}

async function rename(to) {
  await row(GRID).locator('[data-act="edit"]').click();
  await page.locator('#editor').waitFor({ state: 'visible' });
  const name = page.locator('#f-name');
  await name.fill(to);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(`/api/admin/organisation/grids/${GRID}`)
      && r.request().method() === 'PATCH'),
    page.locator('#ed-save').click()
  ]);
  check(res.status() === 200, `PATCH grids/${GRID}: ${res.status()} ${await res.text().catch(() => '')}`);
  await page.locator('#ed-msg', { hasText: '已保存' }).waitFor();
  await waitUntil(async () => (await row(GRID).locator('.name').textContent()).trim() === to,
    `the list does not show the grid's new name ${to}`);
}

// ---------------------------------------------------------------------------------------------
// 消息通知: the templates and the dead letters

const EVENT_NAMES = {
  CASE_ACCEPTED: '已受理', CASE_DISPATCHED: '已派单', CASE_EXTENDED: '延期', CASE_RESULT: '结果反馈',
  CASE_CLOSED: '已结案', TASK_ASSIGNED: '新的待办', STAGE_YELLOW: '临期预警', STAGE_RED: '超期',
  SUPERVISE_RED: '超期督办', CASE_COPIED: '抄送', UNIT_CASE: '联户内新事件'
};
const EDITED_EVENT = 'CASE_CLOSED';
const MARKER = `（回访测试 ${new Date().toISOString().slice(11, 19)}）`;
/** A dead letter for the page to show, answered in place of the server's list (see notifications()). */
const FAKE_DEAD = {
  id: 987654321, event: 'CASE_RESULT', caseNo: '2026-E2E-001', channel: 'SMS', recipient: '张**',
  subject: '事件 2026-E2E-001 已有办理结果，请评价', attempts: 8,
  lastError: 'SMS gateway answered isv.BUSINESS_LIMIT_CONTROL', createdAt: '2026-12-01T01:02:03Z'
};

const templateItem = (event) => page.locator(`#n-list [data-event="${event}"]`);

/** The administrator's templates through the API (HTTP Basic), by event. */
async function templatesByApi() {
  const res = await api('GET', '/api/admin/notification-templates',
    { user: 'qinfang', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  check(res.status === 200 && Array.isArray(res.json), `GET notification-templates: ${res.status} ${res.text.slice(0, 300)}`);
  return Object.fromEntries(res.json.map((t) => [t.event, t]));
}

/** Puts `text` ({subject, body}) back as `event`'s template through the API, should the page not have. */
async function restoreByApi(event, text) {
  const res = await api('PUT', `/api/admin/notification-templates/${event}`,
    { user: 'qinfang', headers: { 'X-Requested-With': 'XMLHttpRequest' }, body: text });
  check(res.status === 200, `restoring the template ${event}: ${res.status} ${res.text.slice(0, 300)}`);
}

/** Fills the open template's subject and body, clicks 保存 and answers the PUT's response. */
async function saveTemplate(subject, body) {
  if (subject != null) await page.locator('#n-subject').fill(subject);
  if (body != null) await page.locator('#n-body').fill(body);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(`/api/admin/notification-templates/${EDITED_EVENT}`)
      && r.request().method() === 'PUT'),
    page.locator('#n-save').click()
  ]);
  await page.locator('#n-save:not([disabled])').waitFor();
  return res;
}

async function openTemplate(event) {
  await templateItem(event).click();
  await page.locator(`#n-list [data-event="${event}"][aria-pressed="true"]`).waitFor();
  await page.locator('#n-event', { hasText: event }).waitFor();
}

/** Opens 消息通知 (by its tab, or by #notify in the address) and waits for both lists. */
async function openNotifications(how) {
  const templates = page.waitForResponse((r) => r.url().endsWith('/api/admin/notification-templates')
    && r.request().method() === 'GET');
  const deadLetters = page.waitForResponse((r) => /\/api\/admin\/notifications\/dead\?size=100$/.test(r.url()));
  await how();
  await page.locator('#panel-notify').waitFor({ state: 'visible' });
  const [t, d] = await Promise.all([templates, deadLetters]);
  check(t.status() === 200, `GET notification-templates: ${t.status()}`);
  check(d.status() === 200, `GET notifications/dead: ${d.status()}`);
  await page.locator('#n-list:not([aria-busy])').waitFor();
  await page.locator('#d-table:not([aria-busy])').waitFor();
  return { templates: await t.json(), dead: await d.json() };
}

async function notifications() {
  const seeded = await templatesByApi();
  const original = seeded[EDITED_EVENT];
  check(original, `no template ${EDITED_EVENT} among ${Object.keys(seeded).join(', ')}`);
  const originalText = { subject: original.subject, body: original.body };
  let restored = false;
  try {
    // All eleven events, with their Chinese names, in the page's order.
    const first = await openNotifications(() => page.locator('#tab-notify').click());
    check(first.templates.length === 11, `the server has ${first.templates.length} templates`);
    const items = page.locator('#n-list [data-event]');
    check(await items.count() === 11, `the page lists ${await items.count()} templates`);
    const listed = await items.evaluateAll((xs) => xs.map((x) => x.dataset.event));
    check(JSON.stringify(listed) === JSON.stringify(Object.keys(EVENT_NAMES)), `the templates are listed as ${listed.join(', ')}`);
    for (const [event, name] of Object.entries(EVENT_NAMES)) {
      const shownName = (await templateItem(event).locator('.n-name').textContent()).trim();
      check(shownName === name, `${event} is named ${shownName}, expected ${name}`);
    }
    check(await page.locator('#n-chips [data-ph]').count() === 17, 'the page does not offer the 17 placeholders');
    log(`消息模板: ${listed.length} events (${listed.map((e) => EVENT_NAMES[e]).join('、')})`);

    // The edited event's text, with its counters.
    await openTemplate(EDITED_EVENT);
    check(await page.locator('#n-subject').inputValue() === original.subject, 'the subject field shows another text');
    check(await page.locator('#n-body').inputValue() === original.body, 'the body field shows another text');
    const bodyCount = (await page.locator('#n-body-count').textContent()).trim();
    check(bodyCount === `${original.body.length} / 2000 字`, `the body's counter says ${bodyCount}`);

    // An unknown placeholder: refused next to the body.
    const unknown = `${original.body} {nope}`;
    await page.locator('#n-body').fill(unknown);
    await page.locator('#n-body-hint', { hasText: '{nope}' }).waitFor();
    let res = await saveTemplate(null, null);
    check(res.status() === 400, `saving {nope}: ${res.status()} ${await res.text().catch(() => '')}`);
    const problem = await res.json();
    check(problem.errors && /nope/.test(problem.errors.body || ''), `the refusal of {nope}: ${JSON.stringify(problem)}`);
    await page.locator('#n-body-err', { hasText: 'nope' }).waitFor();
    check(await page.locator('#n-body').getAttribute('aria-invalid') === 'true', 'the body is not marked invalid');
    check(await page.locator('#n-subject-err').isHidden(), 'the subject shows an error for the body\'s placeholder');
    check((await page.locator('#n-msg.error').textContent()).includes('未保存'), 'no 未保存 message after the refusal');
    await shot('admin-notify-refused.png');
    log(`{nope} refused: "${(await page.locator('#n-body-err').textContent()).trim().slice(0, 60)}…"`);

    // An empty subject: refused next to the subject.
    res = await saveTemplate('', original.body);
    check(res.status() === 400, `saving an empty subject: ${res.status()}`);
    await page.locator('#n-subject-err', { hasText: '不能为空' }).waitFor();
    check(await page.locator('#n-body-err').isHidden(), 'the body still shows the earlier error');
    expectedFailures([400]);
    log('an empty subject refused next to the subject');

    // A valid change, with a placeholder chip inserted at the cursor, sticks after a reload.
    await page.locator('#n-subject').fill(original.subject);
    const changedBody = `${original.body}${MARKER}`;
    await page.locator('#n-body').fill(changedBody);
    const cut = changedBody.length - 1; // before the marker's closing bracket
    await page.locator('#n-body').evaluate((t, at) => { t.focus(); t.setSelectionRange(at, at); }, cut);
    await page.locator('#n-chips [data-ph="caseNo"]').click();
    const withChip = `${changedBody.slice(0, cut)}{caseNo}${changedBody.slice(cut)}`;
    const typed = await page.locator('#n-body').inputValue();
    check(typed === withChip, `the chip {caseNo} gave "${typed}", expected "${withChip}"`);
    check((await page.locator('#n-body-count').textContent()).trim() === `${withChip.length} / 2000 字`, 'the counter did not follow the chip');
    check(await templateItem(EDITED_EVENT).locator('.badge', { hasText: '未保存' }).count() === 1, 'the list does not mark the unsaved change');
    res = await saveTemplate(null, null);
    check(res.status() === 200, `saving the change: ${res.status()} ${await res.text().catch(() => '')}`);
    const saved = await res.json();
    check(saved.body === withChip && saved.updatedBy === 'qinfang', `the saved template ${JSON.stringify(saved)}`);
    await page.locator('#n-msg.ok', { hasText: '已保存' }).waitFor();
    check(await page.locator('#n-body-err').isHidden() && await page.locator('#n-subject-err').isHidden(), 'errors shown after saving');
    const meta = (await page.locator('#n-meta').textContent()).trim();
    check(meta.startsWith('qinfang') && meta.includes(countyMinute(saved.updatedAt)), `last edited "${meta}" for ${saved.updatedAt}`);
    await shot('admin-notify.png');

    const again = await openNotifications(() => page.reload());
    check((again.templates.find((t) => t.event === EDITED_EVENT) || {}).body === withChip, 'the server forgot the change');
    await openTemplate(EDITED_EVENT);
    check(await page.locator('#n-body').inputValue() === withChip, 'the change is not shown after a reload');
    check((await page.locator('#n-meta').textContent()).trim() === meta, 'the last edit is not shown after a reload');
    check((await templateItem(EDITED_EVENT).locator('.n-who').textContent()).includes('qinfang'), 'the list does not name the last editor');
    log(`${EDITED_EVENT} saved and shown after a reload (${meta})`);

    // The seeded text back.
    res = await saveTemplate(originalText.subject, originalText.body);
    check(res.status() === 200, `restoring the template: ${res.status()}`);
    await page.locator('#n-msg.ok', { hasText: '已保存' }).waitFor();
    const now = (await templatesByApi())[EDITED_EVENT];
    check(now.subject === originalText.subject && now.body === originalText.body, `not restored: ${JSON.stringify(now)}`);
    restored = true;
    log(`${EDITED_EVENT} restored to its seeded text`);

    // 发送失败的消息: the demo's messages are all delivered (nothing fails without a mail server).
    if (again.dead.length) {
      check(await page.locator('#d-body tr[data-id]').count() === again.dead.length, 'the page does not list every dead letter');
      log(`发送失败的消息: ${again.dead.length} on the server`);
    } else {
      await page.locator('#d-body .empty-row', { hasText: '没有发送失败的消息' }).waitFor();
      log('发送失败的消息: none on the server, the table says 没有发送失败的消息');
    }

    // How a dead letter shows and is sent again, with the list answered by the check (the server has
    // none to give): 重新发送 of one the server does not have is its 404, of one it has 204 and a reload.
    let deadAnswer = [FAKE_DEAD];
    const isDeadList = (url) => url.pathname.endsWith('/api/admin/notifications/dead');
    await page.route(isDeadList, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(deadAnswer) }));
    try {
      await page.locator('#d-reload').click();
      const fake = page.locator(`#d-body tr[data-id="${FAKE_DEAD.id}"]`);
      await fake.waitFor();
      const cells = (await fake.locator('td').allTextContents()).map((s) => s.trim());
      check(cells[0] === '2026-12-01 09:02', `the time shows as ${cells[0]}`);
      check(cells[1].startsWith('结果反馈') && cells[1].includes(FAKE_DEAD.subject), `the event shows as ${cells[1]}`);
      check(cells[2] === FAKE_DEAD.caseNo && cells[3] === '短信' && cells[4] === FAKE_DEAD.recipient && cells[5] === '8'
        && cells[6] === FAKE_DEAD.lastError, `the row shows ${JSON.stringify(cells)}`);
      await shot('admin-dead.png');
      const [gone] = await Promise.all([
        page.waitForResponse((r) => r.url().includes(`/notifications/${FAKE_DEAD.id}/retry`) && r.request().method() === 'POST'),
        fake.locator('[data-act="retry"]').click()
      ]);
      check(gone.status() === 404, `retrying a letter the server does not have: ${gone.status()}`);
      await page.locator('#d-msg.error', { hasText: '已不在发送失败的列表中' }).waitFor();
      expectedFailures([404]);
      await page.route((url) => url.pathname.endsWith(`/notifications/${FAKE_DEAD.id}/retry`), (route) => {
        deadAnswer = [];
        return route.fulfill({ status: 204 });
      });
      await fake.locator('[data-act="retry"]:not([disabled])').waitFor();
      const reloaded = page.waitForResponse((r) => isDeadList(new URL(r.url())));
      await fake.locator('[data-act="retry"]').click();
      await reloaded;
      await page.locator('#d-msg.ok', { hasText: '已重新发送' }).waitFor();
      await page.locator('#d-body .empty-row', { hasText: '没有发送失败的消息' }).waitFor();
      log('a dead letter shows as 2026-12-01 09:02 · 结果反馈 · 短信; 重新发送 answers 404 and, once accepted, reloads the list');
    } finally {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  } finally {
    if (!restored) await restoreByApi(EDITED_EVENT, originalText).catch((e) => log(`could not restore ${EDITED_EVENT}: ${e.message}`));
  }
}

async function main() {
  await checkEntryServed('/admin/', 'the organisation page');
  await launchBrowser();
  const context = await newContext({
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 860 }, acceptDownloads: true
  });
  watchPageErrors(await openPage(context), { console: true });

  // A grid worker is refused.
  await page.goto(PAGE);
  await page.locator('#login-view').waitFor({ state: 'visible' });
  check(await page.locator('#admin').isHidden(), 'the page shows before login');
  await adminPageLogin('wangli');
  await page.locator('#denied-view', { hasText: DENIED }).waitFor();
  check(await page.locator('#admin').isHidden(), 'the page shows to a grid worker');
  await shot('admin-denied.png');
  await page.locator('#denied-logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  expectedFailures([401, 403]);
  log(`wangli: ${DENIED}; 退出登录 brings the form back`);

  // The administrator.
  const checks = page.waitForResponse((r) => r.url().includes('/api/admin/organisation/checks'));
  await adminPageLogin('qinfang');
  await page.locator('#admin').waitFor({ state: 'visible' });
  check((await page.locator('#who-name').textContent()).trim() === 'qinfang', 'the user name is not shown');
  const checksRes = await checks;
  check(checksRes.status() === 200, `GET checks: ${checksRes.status()}`);
  const problems = ((await checksRes.json()).problems || []).length;
  if (problems) await page.locator('#checks', { hasText: `${problems} 个问题` }).waitFor();
  else check(await page.locator('#checks').isHidden(), 'a checks banner without problems');
  log(`logged in as qinfang; checks: ${problems} problems`);

  // 导入: template, export, unchanged re-import.
  await page.locator('#tab-import').click();
  const template = await downloadFrom('#dl-template');
  check(template.bytes.subarray(0, 2).toString('latin1') === 'PK', `the template ${template.name} is not a zip file`);
  const exported = await downloadFrom('#dl-export');
  check(exported.bytes.subarray(0, 2).toString('latin1') === 'PK', `the export ${exported.name} is not a zip file`);
  log(`downloaded ${template.name} (${template.bytes.length} bytes) and ${exported.name} (${exported.bytes.length} bytes)`);
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const again = await uploadWorkbook({ name: exported.name, mimeType: xlsx, buffer: exported.bytes }, { dryRun: false });
  check(again.status === 200, `re-importing the export: ${again.status} ${JSON.stringify(again.json)}`);
  check(again.json.dryRun === false, `re-import answer ${JSON.stringify(again.json)}`);
  await page.locator('#imp-result').waitFor({ state: 'visible' });
  for (const name of ['created', 'updated', 'retired']) {
    check(again.json[name] === 0, `re-importing the unchanged export ${name} ${again.json[name]}: ${JSON.stringify(again.json)}`);
    check(await count(name) === '0', `the page shows ${name} ${await count(name)}`);
  }
  await shot('admin-import.png');
  log(`unchanged export re-imported: ${JSON.stringify(again.json)}`);

  // A workbook with an unknown community: the report, as a dry run.
  const broken = breakWorkbook(exported.bytes);
  const refused = await uploadWorkbook({ name: 'broken.xlsx', mimeType: xlsx, buffer: broken.bytes }, { dryRun: true });
  check(refused.status === 422, `the broken workbook: ${refused.status} ${JSON.stringify(refused.json)}`);
  check(Array.isArray(refused.json.errors) && refused.json.errors.length, `no errors in ${JSON.stringify(refused.json)}`);
  await page.locator('#imp-report').waitFor({ state: 'visible' });
  const reportRow = page.locator('#imp-report-table tbody tr')
    .filter({ has: page.locator('td:nth-child(1)', { hasText: /^网格$/ }) })
    .filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${broken.row}$`) }) });
  await reportRow.first().waitFor();
  const reportText = (await reportRow.first().innerText()).replace(/\s+/g, ' ');
  check((await page.locator('#imp-msg').textContent()).includes(refused.json.title || ''), 'the report\'s title is not shown');
  check(await page.locator('#imp-result').isHidden(), 'counts are shown for a refused workbook');
  await shot('admin-report.png');
  log(`broken workbook (网格 row ${broken.row}, ${broken.column} = ${UNKNOWN_COMMUNITY}): 422, report row "${reportText}"`);

  // A file that is no workbook.
  const junk = await uploadWorkbook({ name: 'not-a-workbook.xlsx', mimeType: xlsx, buffer: Buffer.from('这不是工作簿\n') }, { dryRun: false });
  check(junk.status >= 400 && junk.status < 500, `a text file: ${junk.status} ${JSON.stringify(junk.json)}`);
  const msg = page.locator('#imp-msg.error');
  await msg.waitFor();
  const shownMsg = (await msg.textContent()).trim();
  check(junk.json && junk.json.title && shownMsg.includes(junk.json.title), `the page shows "${shownMsg}" for ${JSON.stringify(junk.json)}`);
  if (junk.json.detail) check(shownMsg.includes(junk.json.detail), `the page does not show the detail: "${shownMsg}"`);
  check(await page.locator('#imp-report').isHidden() || (junk.json.errors || []).length, 'a stale report is shown');
  expectedFailures([400, 413, 415, 422]);
  log(`a text file: ${junk.status}, shown "${shownMsg}"`);

  // 机构树: to the grid, rename it and back.
  await page.locator('#tab-tree').click();
  await page.locator('#panel-tree').waitFor({ state: 'visible' });
  await drillDown('dongcheng');
  await drillDown('hepingli');
  await row(GRID).waitFor();
  check(await row('hepingli2').count() === 1, 'the grids of 和平里社区 lack hepingli2');
  await page.locator('#t-q').fill('第一');
  await waitUntil(async () => await row('hepingli2').count() === 0, 'the search 第一 still lists hepingli2');
  await row(GRID).waitFor();
  const crumbs = (await page.locator('#crumbs').innerText()).replace(/\s+/g, ' ');
  check(crumbs.includes('东城街道') && crumbs.includes('和平里社区'), `breadcrumbs "${crumbs}"`);
  const before = (await row(GRID).locator('.name').textContent()).trim();
  check(before.startsWith(GRID_NAME), `grid ${GRID} is named ${before}`);
  await row(GRID).locator('[data-act="edit"]').click();
  await page.locator('#editor .hint', { hasText: '和平里社区' }).waitFor();
  check(await page.locator('#f-code').inputValue() === GRID, 'the panel shows another code');
  await rename(NEW_NAME);
  await page.evaluate(() => { window.scrollTo(0, 0); document.getElementById('editor').scrollTop = 0; });
  await shot('admin-tree.png');
  await rename(GRID_NAME);
  log(`renamed ${GRID} ${before} → ${NEW_NAME} → ${GRID_NAME} (breadcrumbs ${crumbs})`);

  // 审计: the two renames.
  await page.locator('#tab-audit').click();
  await page.locator('#a-entity').selectOption('grids');
  await page.locator('#a-code').fill(GRID);
  // The tab first shows the whole trail; count rows only once the filtered answer is on screen.
  const filtered = page.waitForResponse((r) => /\/audit\?/.test(r.url()) && r.url().includes(`code=${GRID}`),
    { timeout: STEP_TIMEOUT_MS });
  await page.locator('#a-go').click();
  await filtered;
  await page.waitForFunction((code) => {
    const rows = document.querySelectorAll('#a-body tr[data-code]');
    return rows.length > 0 && [...rows].every((r) => r.getAttribute('data-code') === code);
  }, GRID, { timeout: STEP_TIMEOUT_MS }).catch(() => {});
  const updates = page.locator('#a-body tr[data-action="update"]', { has: page.locator('.actor', { hasText: /^qinfang$/ }) });
  const toNew = updates.filter({ has: page.locator('ins', { hasText: NEW_NAME }) });
  const back = updates.filter({ has: page.locator('del', { hasText: NEW_NAME }) });
  await toNew.first().waitFor();
  await back.first().waitFor();
  const others = await page.locator('#a-body tr[data-code]:not([data-code="hepingli1"])').count();
  check(others === 0, `the audit filtered to ${GRID} shows ${others} other codes`);
  await shot('admin-audit.png');
  log(`audit: ${await page.locator('#a-count').textContent()} for grids/${GRID}; "${(await toNew.first().innerText()).replace(/\s+/g, ' ')}"`);

  await notifications();

  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
  await page.locator('#logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  log('退出');
}

await run(main, { timeoutS: 60, fullPage: true });
