// Browser end-to-end check of a county's first day (issue #12, "done when"): on an EMPTY database the
// county administrator imports the county's workbook through /admin/, one of its new grid workers logs
// in to Tasklist at once (no restart) and finds a resident's report in 我的待办, and when that worker is
// retired the task is handed over to the successor, who finds it, while the retired worker cannot log in.
//
//   npm ci
//   node county-onboarding.mjs [baseUrl] [screenshotDir]
//
// Needs a running Lianhu server on an empty database, without the demo organisation:
//   java -jar target/lianhu-*.jar --lianhu.demo-data=false --spring.flyway.locations=classpath:db/migration \
//     '--spring.datasource.url=jdbc:h2:mem:onboarding;DB_CLOSE_DELAY=-1'
// whose only user is Camunda's administrator demo (password LIANHU_ADMIN_PASSWORD, default demo), and
// Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a CJK font (fonts-noto-cjk). It
// creates the county's organisation, so it runs once per database: a second run finds the departments
// there already and fails at step 1.
//
// Steps:
// 1. demo logs in to /admin/ (a 1366x860 window); the checks banner lists the departments the routing
//    table (case-routing.dmn) names and the empty database lacks: municipal, water, power, urban, police,
//    civil, housing and supervision.
// 2. The template downloaded from the page's 下载空白模板 link is filled in node (rows of inline strings
//    added to each sheet's XML in the zip): 青山街道 with 湖山社区, its grid 湖山第一网格 whose grid worker
//    is zhoujing, one liaison unit with its head, two households, the routing table's departments (督查
//    for supervision; county_centre, which migration V8 created, given again unchanged), one office of each
//    handling department for 青山街道, and the staff zhoujing and sunhao (the grid) and heyun (the
//    community), each with an initial password made up for this run. Uploaded through the page (not as a
//    dry run), it creates every row but county_centre (unchanged), the page shows those counts and the
//    banner goes; uploaded again, it changes nothing (0 created, updated, retired).
// 3. A sanitation case is reported at the new liaison unit (POST /api/cases); its acceptance task 受理 is
//    assigned to zhoujing.
// 4. zhoujing logs in to Tasklist with the initial password and finds 受理 of the case in 我的待办.
// 5. On /admin/ (机构树 › 人员), zhoujing's edit panel retires her with the successor sunhao; the page
//    reports 1 task handed over to sunhao, and the grid no longer names a worker.
// 6. sunhao logs in to Tasklist and finds the task in 我的待办 (assigned to him); zhoujing's Tasklist
//    login is refused.
// With screenshotDir it writes onboarding-checks.png, onboarding-import.png, onboarding-tasklist-a.png,
// onboarding-retire.png, onboarding-tasklist-b.png and onboarding-login-refused.png there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 90 s (E2E_TIMEOUT_S).
import { randomBytes } from 'node:crypto';
import {
  STEP_TIMEOUT_MS, TASKLIST, adminPageLogin, api, camundaLogin, camundaLogout, check, checkEntryServed, dismissTooltips,
  downloadFrom, expectedFailures, log, newContext, openCamundaPage, openFilter, openPage, page, pageErrors, pagesUrl, readZip,
  run, setPage, sheetOf, shot, sleep, submitCamundaLogin, taskCards, uploadWorkbook, waitForValue,
  watchPageErrors, writeZip, UI
} from './common.mjs';

const PAGE = pagesUrl('/admin/');
const ADMIN = 'demo';
const ADMIN_PASSWORD = process.env.LIANHU_ADMIN_PASSWORD || 'demo';
const ADMIN_AUTH = `Basic ${Buffer.from(`${ADMIN}:${ADMIN_PASSWORD}`).toString('base64')}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const STREET = 'qingshan';
const COMMUNITY = 'hushan';
const GRID = 'hushan1';
const UNIT = 'hushan1a';
/** An initial password of this run (6 to 64 characters). */
const initialPassword = () => `Qs-${randomBytes(9).toString('base64url')}`;
/** Staff A (the grid worker), B (A's colleague in the grid, A's successor) and C (the community office). */
const A = { account: 'zhoujing', name: '周静', password: initialPassword() };
const B = { account: 'sunhao', name: '孙浩', password: initialPassword() };
const C = { account: 'heyun', name: '何云', password: initialPassword() };

/** The handling departments the routing table names (lead or supervising), with the names the county uses. */
const DEPARTMENTS = [
  ['municipal', '县市政设施管理局'], ['water', '县水利局'], ['power', '县供电公司'], ['urban', '县城市管理局'],
  ['police', '县公安局'], ['civil', '县民政局'], ['housing', '县住房和城乡建设局']
];
/** The departments the routing table names: what the checks report missing on the empty database. */
const ROUTED = [...DEPARTMENTS.map(([code]) => code), 'supervision'].sort();

/** The county's workbook: per sheet, its rows as header → value (empty cells left out). */
const WORKBOOK = {
  街道: [{ 代码: STREET, 名称: '青山街道', 地址关键词: '青山' }],
  社区: [{ 代码: COMMUNITY, 所属街道: STREET, 名称: '湖山社区', 类型: '社区', 地址关键词: '湖山路' }],
  网格: [{ 代码: GRID, 所属社区: COMMUNITY, 名称: '湖山第一网格', 网格员账号: A.account, 地址关键词: '湖山路1号' }],
  联户单元: [{
    代码: UNIT, 所属网格: GRID, 名称: '湖山路1号联户单元', 联户长: '李秀英', 联户长电话: '13900002222', 户数: '2'
  }],
  住户: [
    { 代码: `${UNIT}01`, 所属联户单元: UNIT, 地址: '湖山路1号101室', 户主: '王建国', 电话: '13900003333', 人数: '3' },
    { 代码: `${UNIT}02`, 所属联户单元: UNIT, 地址: '湖山路1号102室', 户主: '赵桂兰', 电话: '13900004444', 人数: '1', 关爱标记: '独居老人' }
  ],
  部门: [
    ...DEPARTMENTS.map(([code, name]) => ({ 代码: code, 名称: name })),
    { 代码: 'supervision', 名称: '县督查室', 角色: '督查' },
    // Migration V8's centre, with the same values.
    { 代码: 'county_centre', 名称: '县综治中心', 用户组: 'countyCentre', 角色: '综治中心' }
  ],
  部门站所: DEPARTMENTS.map(([code, name]) => ({ 代码: `${code}_qs`, 所属部门: code, 服务街道: STREET, 名称: `${name}青山站` })),
  人员: [
    { 账号: A.account, 姓名: A.name, 手机: '13700000001', 所属层级: '网格', 所属单位代码: GRID, 初始密码: A.password },
    { 账号: B.account, 姓名: B.name, 手机: '13700000002', 所属层级: '网格', 所属单位代码: GRID, 初始密码: B.password },
    { 账号: C.account, 姓名: C.name, 手机: '13700000003', 所属层级: '社区', 所属单位代码: COMMUNITY, 初始密码: C.password }
  ]
};
const ROWS = Object.values(WORKBOOK).reduce((n, rows) => n + rows.length, 0);

const description = `浏览器回归测试：湖山路1号楼下垃圾堆放多日无人清运（${new Date().toISOString()}）`;

// ---------------------------------------------------------------------------------------------
// The workbook

const escapeXml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;');

/** The template `bytes` with WORKBOOK's rows added to its sheets (inline strings, under the headers). */
function fillTemplate(bytes) {
  const entries = readZip(bytes);
  for (const [sheet, rows] of Object.entries(WORKBOOK)) {
    const { path, xml, cells } = sheetOf(entries, sheet, 'the template');
    const headers = cells.filter((c) => c.row === 1 && c.text);
    check(!cells.some((c) => c.row > 1), `the template's sheet ${sheet} is not empty`);
    const names = headers.map((c) => c.text);
    const rowsXml = rows.map((values, i) => {
      const r = i + 2;
      for (const name of Object.keys(values)) {
        check(names.includes(name), `the template's sheet ${sheet} has no column ${name} (it has ${names.join(', ')})`);
      }
      return `<row r="${r}">${headers.filter((h) => values[h.text] != null)
        .map((h) => `<c r="${h.col}${r}" t="inlineStr"><is><t>${escapeXml(values[h.text])}</t></is></c>`).join('')}</row>`;
    }).join('\n');
    check(xml.includes('</sheetData>'), `the template's sheet ${sheet} has no sheetData`);
    const filled = xml.replace('</sheetData>', `${rowsXml}\n</sheetData>`)
      .replace(/(<dimension ref="[A-Z]+1:[A-Z]+)1"/, `$1${rows.length + 1}"`);
    entries.set(path, Buffer.from(filled, 'utf8'));
  }
  return writeZip(entries);
}

// ---------------------------------------------------------------------------------------------
// The admin page

/** Checks the import's answer and the counts the page shows against `expected` (name → number). */
async function checkCounts(answer, expected, what) {
  check(answer.status === 200, `${what}: ${answer.status} ${JSON.stringify(answer.json)}`);
  await page.locator('#imp-result').waitFor({ state: 'visible' });
  for (const [name, value] of Object.entries(expected)) {
    check(answer.json[name] === value,
      `${what}: ${name} ${answer.json[name]}, expected ${value}: ${JSON.stringify(answer.json)}`);
    const shown = (await page.locator(`#imp-result [data-count="${name}"]`).textContent()).trim();
    check(shown === String(value), `${what}: the page shows ${name} ${shown}, the server answered ${value}`);
  }
}

/** The organisation list's row of `code`. */
const row = (code) => page.locator(`#t-body tr[data-code="${code}"]`);

// ---------------------------------------------------------------------------------------------
// The case and Tasklist

/** The case's open acceptance task (acceptCase), as Camunda's administrator sees it through the engine API. */
async function acceptanceTask(caseNo, assignee) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let task;
  for (;;) {
    const res = await api('GET', `/engine-rest/task?processInstanceBusinessKey=${encodeURIComponent(caseNo)}`
      + '&taskDefinitionKey=acceptCase', { headers: { Authorization: ADMIN_AUTH } });
    check(res.status === 200, `GET /engine-rest/task as ${ADMIN}: ${res.status} ${res.text}`);
    task = res.json[0];
    if (task && task.assignee === assignee) return task;
    check(Date.now() < deadline, `the acceptance task of ${caseNo} is not assigned to ${assignee}: ${JSON.stringify(task)}`);
    await sleep(300);
  }
}

/** Waits for the card of task 受理 of `caseNo` in the open filter, reloading the list a few times. */
async function findAcceptance(caseNo, user) {
  const card = taskCards('受理', caseNo);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await card.waitFor({ timeout: 5_000 });
      return card;
    } catch {
      log(`受理 of ${caseNo} not in ${user}'s 我的待办 yet, reloading`);
      await page.reload();
    }
  }
  await card.waitFor({ timeout: 5_000 }).catch(() => {
    throw new Error(`task 受理 of case ${caseNo} not found in ${user}'s 我的待办`);
  });
  return card;
}

/** Logs `staff` in to Tasklist with their initial password and finds the case's 受理 in 我的待办. */
async function seeAcceptance(staff, caseNo, screenshot) {
  await camundaLogin(TASKLIST, staff.account, staff.password);
  await openFilter('我的待办');
  const card = await findAcceptance(caseNo, staff.account);
  await dismissTooltips();
  await card.locator('h4.task a').click();
  await page.locator('.task-details h2', { hasText: '受理' }).waitFor();
  // The Camunda Form (form-js) is rendered once its variables are loaded.
  await page.locator('.fjs-container form.fjs-form').waitFor();
  await waitForValue(page.getByLabel('事件编号', { exact: true }), caseNo, '事件编号');
  await waitForValue(page.getByLabel('诉求内容', { exact: true }), description, '诉求内容');
  await shot(screenshot);
  log(`${staff.account} sees 受理 of ${caseNo} in 我的待办`);
  await camundaLogout();
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const step = (what) => log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  await checkEntryServed('/admin/', 'the organisation page');
  const camunda = await openCamundaPage({ width: 1400, height: 1000 });
  const context = await newContext({
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 860 }, acceptDownloads: true
  });
  const admin = watchPageErrors(await openPage(context), { console: true });

  // 1. The administrator on the empty database: the routing table's departments are missing.
  await page.goto(PAGE);
  await page.locator('#login-view').waitFor({ state: 'visible' });
  const checks = page.waitForResponse((r) => r.url().includes('/api/admin/organisation/checks'));
  await adminPageLogin(ADMIN, ADMIN_PASSWORD);
  await page.locator('#admin').waitFor({ state: 'visible' });
  expectedFailures([401]); // GET /api/session before the login
  const checksRes = await checks;
  check(checksRes.status() === 200, `GET checks: ${checksRes.status()}`);
  const problems = (await checksRes.json()).problems || [];
  const missing = problems.map((p) => p.code).sort();
  check(missing.join() === ROUTED.join(),
    `the checks on the empty database report ${JSON.stringify(problems)}, expected the routing table's`
    + ` departments ${ROUTED.join(', ')} (is the database empty?)`);
  await page.locator('#checks', { hasText: `${problems.length} 个问题` }).waitFor();
  const listed = (await page.locator('#checks-list code').allTextContents()).map((s) => s.trim()).sort();
  check(listed.join() === ROUTED.join(), `the banner lists ${listed.join(', ')}, expected ${ROUTED.join(', ')}`);
  if (await page.locator('#checks-list').isHidden()) await page.locator('#checks-toggle').click();
  await page.locator('#checks-list').waitFor({ state: 'visible' });
  await shot('onboarding-checks.png');
  step(`logged in as ${ADMIN}; the banner lists ${problems.length} missing departments: ${listed.join(', ')}`);

  // 2. The county's workbook, from the page's template, uploaded twice.
  await page.locator('#tab-import').click();
  const template = await downloadFrom('#dl-template');
  check(template.bytes.subarray(0, 2).toString('latin1') === 'PK', `the template ${template.name} is not a zip file`);
  const workbook = { name: 'qingshan-county.xlsx', mimeType: XLSX, buffer: fillTemplate(template.bytes) };
  const first = await uploadWorkbook(workbook, { dryRun: false });
  await checkCounts(first, { created: ROWS - 1, updated: 0, retired: 0, unchanged: 1 }, 'importing the county\'s workbook');
  await page.locator('#checks').waitFor({ state: 'hidden' });
  await shot('onboarding-import.png');
  step(`imported ${template.name} filled with ${ROWS} rows: ${JSON.stringify(first.json)}; the banner is gone`);
  const again = await uploadWorkbook(workbook, { dryRun: false });
  await checkCounts(again, { created: 0, updated: 0, retired: 0, unchanged: ROWS }, 'importing the same workbook again');
  check(await page.locator('#checks').isHidden(), 'the checks banner is back after the second import');
  step(`imported it again: ${JSON.stringify(again.json)}`);

  // 3. A resident's report at the new liaison unit goes to the new grid worker.
  const reported = await api('POST', '/api/cases', {
    body: {
      category: 'sanitation',
      description,
      location: { address: '湖山路1号楼下', liaisonUnit: UNIT },
      reporter: { name: '张三', phone: '13800001111' }
    }
  });
  check(reported.status === 201, `POST /api/cases: expected 201, got ${reported.status} ${reported.text}`);
  const { caseNo } = reported.json;
  check(caseNo, `POST /api/cases: no caseNo in ${reported.text}`);
  const task = await acceptanceTask(caseNo, A.account);
  step(`reported ${caseNo} at ${UNIT}; 受理 (${task.id}) is assigned to ${A.account}`);

  // 4. The grid worker in Tasklist, with the workbook's initial password.
  setPage(camunda);
  await seeAcceptance(A, caseNo, 'onboarding-tasklist-a.png');
  step(`${A.account} logged in to Tasklist without a restart`);

  // 5. The grid worker retires; the successor takes over her task.
  setPage(admin);
  await page.locator('#tab-tree').click();
  await page.locator('#panel-tree').waitFor({ state: 'visible' });
  await page.locator('#tree-roots [data-root="staff"]').click();
  await row(A.account).waitFor();
  await row(A.account).locator('[data-act="edit"]').click();
  await page.locator('#editor').waitFor({ state: 'visible' });
  check(await page.locator('#f-code').inputValue() === A.account, 'the edit panel shows another account');
  await page.locator('#ed-retire').click();
  await page.locator('#ed-retire-box').waitFor({ state: 'visible' });
  await page.locator('#ed-successor').fill(B.account);
  const [retireRes] = await Promise.all([
    page.waitForResponse((r) => r.url().includes(`/api/admin/organisation/staff/${A.account}/retire`)
      && r.request().method() === 'POST'),
    page.locator('#ed-retire-go').click()
  ]);
  const retired = await retireRes.json().catch(() => undefined);
  check(retireRes.status() === 200, `retiring ${A.account}: ${retireRes.status()} ${JSON.stringify(retired)}`);
  check(retired.handedOverTasks === 1,
    `retiring ${A.account} handed over ${retired.handedOverTasks} tasks: ${JSON.stringify(retired)}`);
  await page.locator('#ed-msg', { hasText: `移交任务 1 个给 ${B.account}` }).waitFor();
  check(await page.locator('#checks').isHidden(), 'the checks report problems after the retirement');
  await shot('onboarding-retire.png');
  const grid = await api('GET', `/api/admin/organisation/grids/${GRID}`, { headers: { Authorization: ADMIN_AUTH } });
  check(grid.status === 200, `GET grids/${GRID}: ${grid.status} ${grid.text}`);
  check(!grid.json.fields.workerUserId, `grid ${GRID} still names the worker ${grid.json.fields.workerUserId}`);
  step(`retired ${A.account} with the successor ${B.account}: "${(await page.locator('#ed-msg').textContent()).trim()}"`);

  // 6. The successor has the task; the retired worker cannot log in.
  await acceptanceTask(caseNo, B.account);
  setPage(camunda);
  await seeAcceptance(B, caseNo, 'onboarding-tasklist-b.png');
  await submitCamundaLogin(TASKLIST, A.account, A.password);
  const refusal = page.locator('.notifications-panel, [notifications-panel]').filter({ hasText: UI.loginFailed }).first();
  await refusal.waitFor().catch(() => { throw new Error(`Tasklist shows no refusal of ${A.account}'s login`); });
  const refusalText = (await refusal.innerText()).replace(/×/g, '').replace(/\s+/g, ' ').trim();
  check(await page.locator('li.account .dropdown-toggle').count() === 0, `the retired ${A.account} is logged in to Tasklist`);
  check(await page.getByPlaceholder(UI.username).isVisible(), 'the login form is gone after a refused login');
  await shot('onboarding-login-refused.png');
  const basic = await api('GET', '/engine-rest/task', {
    headers: { Authorization: `Basic ${Buffer.from(`${A.account}:${A.password}`).toString('base64')}` }
  });
  check(basic.status === 401, `the engine API answers the retired ${A.account} with ${basic.status}`);
  step(`${B.account} has the task; ${A.account}'s login is refused ("${refusalText}"; engine API ${basic.status})`);

  setPage(admin);
  check(pageErrors.length === 0, `errors in the admin page:\n  ${pageErrors.join('\n  ')}`);
  await page.locator('#logout').click();
  await page.locator('#login-view').waitFor({ state: 'visible' });
  step('退出');
}

await run(main, { timeoutS: 90 });
