// Browser end-to-end check: one sanitation case from the residents' API through Camunda Tasklist
// (accept as grid worker, handle as department handler), rating via the API, and Cockpit's diagram.
//
//   npm ci
//   node tasklist-roundtrip.mjs [baseUrl] [screenshotDir]
//   node tasklist-roundtrip.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (users demo, wangli, hanxue; password demo, override
// with LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a
// CJK font (fonts-noto-cjk).
//
// Steps: report a sanitation case at 和平里东街 via POST /api/cases; in Tasklist, wangli accepts it from
// 我的待办 (转派职能部门处置) and hanxue claims and handles it from 本部门待办; the reporter rates it via
// the API and the case must reach CLOSED with the timeline milestones; Cockpit must render caseHandling.
// With screenshotDir it writes tasklist-accept-form.png, tasklist-handle-form.png and
// cockpit-case-handling.png there.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves one closed case behind; a failed run may leave an
// open one.
import {
  baseUrl, shotDir, COCKPIT, STEP_TIMEOUT_MS, TASKLIST, api, camundaLogin, camundaLogout, check, claimTask,
  completeTask, dismissTooltips, fieldLabel, log, openCamundaPage, openFilter, page, run, shot, sleep, taskCards,
  waitForValue, assertTaskGone, findTask, getCase, openTaskCard, rateAndAwaitClosure, reportCase, UI
} from './common.mjs';

const description = `浏览器回归测试：和平里东街12号门口垃圾桶满溢，异味明显（${new Date().toISOString()}）`;
const handleResult = '已安排保洁员清运垃圾并对垃圾桶周边进行冲洗消毒。';

// ---------------------------------------------------------------------------------------------
// Camunda webapps

/** Logs in as `user` and opens the case's task `taskName` from the filter `filterName`. */
async function openCaseTask(user, filterName, caseNo, taskName) {
  await camundaLogin(TASKLIST, user);
  await openFilter(filterName);
  const card = await findTask(caseNo, taskName);
  await openTaskCard(card, caseNo);
  await page.locator('.task-details h2', { hasText: taskName }).waitFor();
  await waitForValue(page.getByLabel('诉求内容', { exact: true }), description, '诉求内容');
}

// ---------------------------------------------------------------------------------------------
// The round trip

async function acceptAsGridWorker({ caseNo }) {
  await openCaseTask('wangli', '我的待办', caseNo, '受理');
  await waitForValue(page.getByLabel('事发地点', { exact: true }), '和平里东街12号', '事发地点');
  check(await page.getByLabel('诉求内容', { exact: true }).getAttribute('readonly') !== null,
    'the description field is not read-only');

  await page.getByLabel('转派职能部门处置', { exact: true }).check();
  await page.getByLabel('受理意见', { exact: true }).fill('属环境卫生问题，转城管中队处置。');
  // 不予受理理由 is only shown for a rejection.
  check(await page.getByLabel('不予受理理由').count() === 0, '不予受理理由 is shown although the case is dispatched');
  await shot('tasklist-accept-form.png');
  await completeTask();
  log(`accepted ${caseNo}: 转派职能部门处置`);
  await assertTaskGone(caseNo, '受理', ['我的待办', '本部门待办']);
  await camundaLogout();
}

async function handleAsDepartment({ caseNo }) {
  await openCaseTask('hanxue', '本部门待办', caseNo, '处置');

  await claimTask('事件编号', caseNo);
  log(`claimed 处置 for ${caseNo}`);

  // Required fields carry an asterisk in their label.
  check(await page.getByLabel('办结（填写处置结果）', { exact: true }).isChecked(),
    '办理方式 does not start at 办结');
  await page.getByLabel('已解决', { exact: true }).check();
  await page.getByLabel(fieldLabel('处置结果')).fill(handleResult);
  await page.getByLabel(/^\s*现场照片或附件链接\s*$/).fill('https://example.org/photos/lianhu-e2e.jpg');
  await shot('tasklist-handle-form.png');
  await completeTask();
  log(`handled ${caseNo}`);
  // A claimed task leaves 本部门待办 (a candidate-group query) and shows up in 我的待办.
  await assertTaskGone(caseNo, '处置', ['本部门待办', '我的待办']);
  await camundaLogout();
}

async function rateAndCheckClosure({ caseNo, trackingCode }) {
  const view = await rateAndAwaitClosure(caseNo, trackingCode);
  const timeline = view.timeline || [];
  const entries = timeline.map((e) => [e.action, e.remark].filter(Boolean).join(' — '));
  // The milestones must appear as timeline actions, in this order.
  let from = 0;
  for (const expected of ['受理：转派职能部门', '处置完成', '结案']) {
    const at = timeline.findIndex((e, i) => i >= from && e.action === expected);
    check(at >= 0, `timeline of ${caseNo} lacks "${expected}" (in order):\n  ${entries.join('\n  ')}`);
    from = at + 1;
  }
  const handled = timeline.find((e) => e.action === '处置完成');
  check(handled.remark === handleResult, `处置完成 remark is "${handled.remark}", expected "${handleResult}"`);
  log(`case ${caseNo} ${view.status} (${view.statusName}); timeline:\n  ${entries.join('\n  ')}`);
}

async function cockpitDiagram() {
  // The model is wide: a wide window keeps its Chinese labels legible in the screenshot. Cockpit lays
  // out its panels when it loads, so resize before opening it.
  await page.setViewportSize({ width: 2400, height: 900 });
  await camundaLogin(COCKPIT, 'demo');
  await page.goto(`${COCKPIT}default/#/processes`);
  // The processes table lists definitions by name; 事件处置 is caseHandling.
  const link = page.locator('a[href*="process-definition/caseHandling:"]').first();
  await link.waitFor().catch(() => {
    throw new Error('process definition caseHandling not listed in Cockpit');
  });
  await link.click();
  await page.waitForURL(/#\/process-definition\/caseHandling:/);
  const canvas = page.locator('.djs-container svg').first();
  await canvas.waitFor();
  await page.locator('.djs-container [data-element-id="acceptCase"]').first().waitFor();
  await page.locator('.djs-container [data-element-id="handleCase"]').first().waitFor();
  const box = await canvas.boundingBox();
  check(box && box.width > 200 && box.height > 100, `BPMN canvas too small: ${JSON.stringify(box)}`);
  await page.locator('.djs-container').getByText('受理', { exact: true }).first().waitFor();
  log(`Cockpit shows the caseHandling diagram (${page.url().replace(baseUrl, '')})`);
  if (shotDir) {
    // "Maximize diagram" hides the details sidebar and the tabs below the diagram.
    await dismissTooltips();
    await page.locator(`a.maximize-collapsable[title="${UI.maximizeDiagram}"]`).click();
    await page.locator(`a.restore-collapsable[title="${UI.restoreDiagram}"]`).waitFor();
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (((await canvas.boundingBox()) || { width: 0 }).width < 2000) {
      check(Date.now() < deadline, 'the maximized BPMN canvas did not grow');
      await sleep(100);
    }
    await page.locator('button[title="reset zoom"]').click();
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await dismissTooltips();
    await shot('cockpit-case-handling.png');
  }
}

async function main() {
  const theCase = await reportCase(description);
  log(`reported ${theCase.caseNo} (tracking code ${theCase.trackingCode})`);

  await openCamundaPage({ width: 1400, height: 1300 });

  await acceptAsGridWorker(theCase);
  await handleAsDepartment(theCase);
  await rateAndCheckClosure(theCase);
  await cockpitDiagram();
}

await run(main, { timeoutS: 120 });
