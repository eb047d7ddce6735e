// Browser end-to-end check of the county administrators' organisation page /admin/ on a laptop screen:
// the refusal of a grid worker, the workbook's template, export and import (idempotent re-import, a
// validation report, a file that is no workbook), the organisation tree's edit panel and the audit trail.
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
//   in their diff.
// With screenshotDir it writes admin-denied.png, admin-import.png, admin-report.png, admin-tree.png and
// admin-audit.png there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 60 s (E2E_TIMEOUT_S). Every run leaves two audit entries behind (the renames); the grid keeps
// its name.
import {
  STEP_TIMEOUT_MS, adminPageLogin, check, checkEntryServed, downloadFrom, expectedFailures, launchBrowser, log,
  newContext, openPage, page, pageErrors, pagesUrl, readZip, run, sheetOf, shot, sleep, uploadWorkbook,
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

  check(pageErrors.length === 0, `errors in the page:\n  ${pageErrors.join('\n  ')}`);
  await page.locator('#logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  log('退出');
}

await run(main, { timeoutS: 60, fullPage: true });
