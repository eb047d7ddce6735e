// Browser end-to-end check: one sanitation case from the residents' API through Camunda Tasklist
// (accept as grid worker, handle as department handler, with a photo of the result on the case's staff
// page /case/), rating via the API, and Cockpit's diagram.
//
//   npm ci
//   node tasklist-roundtrip.mjs [baseUrl] [screenshotDir]
//   node tasklist-roundtrip.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (users demo, wangli, hanxue; password demo, override
// with LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a
// CJK font (fonts-noto-cjk).
//
// Steps: report a sanitation case at 和平里东街 with one photo via POST /api/cases (multipart); in
// Tasklist, wangli accepts it from 我的待办 (转派职能部门处置) and hanxue claims 处置 from 本部门待办.
// The 处置 form links 打开事件页面 (…/case/#/<caseNo>) and says that the case needs a photo of the
// result; completing 办结 without one is refused (须有现场处置照片) and the task stays open. On the case
// page, in a new page of the same browser (logging in as hanxue if it asks), the case's facts, the open
// task, the timeline and the reporter's photo (上报照片, thumbnail loaded) show; a PNG uploaded with
// 从相册选择 appears under 办理照片 with its thumbnail, the notice about the missing photo goes, and the
// original opens in the overlay and closes with 关闭. Back in Tasklist, hanxue completes 办结; the
// reporter rates it via the API and the case must reach CLOSED with the timeline milestones and both
// photos in the reporter's view; Cockpit must render caseHandling. With screenshotDir it writes
// tasklist-accept-form.png, tasklist-handle-form.png, case-page.png and cockpit-case-handling.png there.
//
// The case page is /case/ (PAGES_ENTRY=index.html opens /case/index.html instead).
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 150 s (E2E_TIMEOUT_S). Every run leaves one closed case behind; a failed run may leave an
// open one.
import {
  baseUrl, shotDir, COCKPIT, STEP_TIMEOUT_MS, TASKLIST, api, camundaLogin, camundaLogout, check, claimTask,
  completeTask, completeTaskRefused, dismissTooltips, fieldLabel, log, openCamundaPage, openCasePage, openFilter,
  page, pageErrors, pngFile, reportCaseWithPhotos, run, setPage, shot, sleep, taskCards, uploadEvidence,
  waitForThumbnail, waitForValue, assertTaskGone, findTask, getCase, openTaskCard, rateAndAwaitClosure, UI
} from './common.mjs';

const description = `浏览器回归测试：和平里东街12号门口垃圾桶满溢，异味明显（${new Date().toISOString()}）`;
const handleResult = '已安排保洁员清运垃圾并对垃圾桶周边进行冲洗消毒。';
const reportPhoto = pngFile('垃圾桶满溢.png', { seed: 1 });
const evidencePhoto = pngFile('清运后.png', { width: 640, height: 480, seed: 4 });
const ZONE = 'Asia/Shanghai';

/** An instant in the county's time as the case page writes it, yyyy-MM-dd HH:mm. */
const countyTime = (instant) => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  }).formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

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

/** Fills the 处置 form for 办结: 已解决 with the result (the link field as before). */
async function fillResult() {
  check(await page.getByLabel('办结（填写处置结果）', { exact: true }).isChecked(),
    '办理方式 does not start at 办结');
  await page.getByLabel('已解决', { exact: true }).check();
  await page.getByLabel(fieldLabel('处置结果')).fill(handleResult);
  await page.getByLabel(/^\s*现场照片或附件链接\s*$/).fill('https://example.org/photos/lianhu-e2e.jpg');
}

async function handleAsDepartment(theCase) {
  const { caseNo } = theCase;
  await openCaseTask('hanxue', '本部门待办', caseNo, '处置');

  await claimTask('事件编号', caseNo);
  log(`claimed 处置 for ${caseNo}`);

  // The form links the case's staff page, where the photos are, and asks for a photo of the result.
  const form = page.locator('.task-details .fjs-container');
  const link = form.getByRole('link', { name: '打开事件页面' });
  await link.waitFor().catch(() => { throw new Error('the 处置 form has no link 打开事件页面'); });
  const href = await link.getAttribute('href');
  check(href && href.endsWith(`/case/#/${caseNo}`), `打开事件页面 links to "${href}", expected …/case/#/${caseNo}`);
  await form.getByText('本类事件办结须有现场处置照片').waitFor().catch(() => {
    throw new Error('the 处置 form of a sanitation case does not say 本类事件办结须有现场处置照片');
  });
  log(`the 处置 form links ${href} and asks for a photo of the result`);

  // Required fields carry an asterisk in their label.
  await fillResult();
  await shot('tasklist-handle-form.png');

  // Without a photo of the result (办理照片) the server refuses 办结.
  const refusal = await completeTaskRefused('须有现场处置照片');
  log(`办结 without a photo refused: ${refusal}`);

  const tasklist = page;
  await photosOnCasePage(theCase, tasklist.context());
  setPage(tasklist);
  await page.bringToFront();

  // The refused form is reloaded; the claimed task is in 我的待办.
  await page.reload();
  await page.locator('li.account .dropdown-toggle').waitFor().catch(() => {
    throw new Error('Tasklist is no longer logged in after the case page');
  });
  await openFilter('我的待办');
  await openTaskCard(await findTask(caseNo, '处置'), caseNo);
  check(await page.locator('.task-details').getByRole('button', { name: UI.claim, exact: true }).count() === 0,
    'the 处置 task is no longer claimed by hanxue after the refusal');
  await fillResult();
  await completeTask();
  log(`handled ${caseNo}`);
  // A claimed task leaves 本部门待办 (a candidate-group query) and shows up in 我的待办.
  await assertTaskGone(caseNo, '处置', ['本部门待办', '我的待办']);
  await camundaLogout();
}

/**
 * On the case page in a new page of `context`: the case, the reporter's photo, the upload of a photo of
 * the result (办理照片) and its original in the overlay.
 */
async function photosOnCasePage({ caseNo, trackingCode }, context) {
  const p = await openCasePage(context, caseNo, 'hanxue');
  const view = await getCase(caseNo, trackingCode);
  const text = async (selector) => (await p.locator(selector).innerText()).replace(/\s+/g, ' ').trim();
  check(await text('#c-status') === '处置中', `the case page shows the status "${await text('#c-status')}"`);
  check(await text('#c-category') === '环境卫生', `the case page shows the category "${await text('#c-category')}"`);
  check(await text('#c-address') === '和平里东街12号', `the case page shows the address "${await text('#c-address')}"`);
  check(await text('#c-description') === description, `the case page shows the description "${await text('#c-description')}"`);
  const due = await text('#c-due');
  check(due.startsWith(countyTime(view.handleDue)),
    `the case page shows 处置时限 "${due}", expected ${countyTime(view.handleDue)} (handleDue ${view.handleDue} in ${ZONE})`);
  const tasks = await text('#c-tasks');
  check(/处置/.test(tasks), `办理中任务 lacks 处置: "${tasks}"`);
  const actions = await p.locator('#c-timeline .tl-action').allInnerTexts();
  const reported = actions.indexOf('事件上报');
  const dispatched = actions.indexOf('受理：转派职能部门');
  check(reported === 0 && dispatched > reported, `the timeline is not oldest first: ${actions.join(', ')}`);

  const reports = p.locator('#group-report li.tile');
  check(await reports.count() === 1, `上报照片 lists ${await reports.count()} files, expected 1`);
  check((await reports.first().innerText()).includes(reportPhoto.name), `上报照片 does not name ${reportPhoto.name}`);
  await waitForThumbnail(reports.first(), `上报照片 ${reportPhoto.name}`);
  check(await p.locator('#group-evidence li.tile').count() === 0, '办理照片 lists files before any upload');
  const notice = p.locator('#evidence-notice');
  check(await notice.isVisible() && (await notice.innerText()).includes('本类事件办结须有现场处置照片'),
    'the case page does not say 本类事件办结须有现场处置照片 before the upload');

  const [saved] = await uploadEvidence(p, [evidencePhoto]);
  check(saved.fileName === evidencePhoto.name && saved.uploadedBy === 'hanxue',
    `the upload answered ${JSON.stringify(saved)}`);
  check(await notice.isHidden(), 'the case page still asks for a photo of the result after the upload');
  check(await p.locator('#group-report li.tile').count() === 1, '上报照片 changed with the upload');
  log(`uploaded ${saved.fileName} (${saved.size} bytes) to ${caseNo} on the case page; 办理照片 shows its thumbnail`);

  // The original opens in the overlay, with its name and uploader, and closes with 关闭.
  const tile = p.locator(`#group-evidence li.tile[data-file-id="${saved.id}"]`);
  await tile.locator('.tile-btn').click();
  const viewer = p.locator('#viewer');
  await viewer.waitFor();
  await p.locator('#v-img').waitFor();
  const original = await p.locator('#v-img').evaluate((i) => ({ src: i.src, width: i.naturalWidth, height: i.naturalHeight }));
  check(original.src.startsWith('blob:') && original.width === 640 && original.height === 480,
    `the overlay shows ${JSON.stringify(original)}, expected the 640 × 480 original from a blob: URL`);
  check(await text('#v-name') === evidencePhoto.name, `the overlay names "${await text('#v-name')}"`);
  check((await text('#v-meta')).includes('hanxue'), `the overlay does not name the uploader: "${await text('#v-meta')}"`);
  await p.getByRole('button', { name: '关闭', exact: true }).click();
  await viewer.waitFor({ state: 'hidden' });

  check(!pageErrors.length, `the case page reported errors:\n  ${pageErrors.join('\n  ')}`);
  await shot('case-page.png', { fullPage: true });
  await p.close();
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
  const files = (view.files || []).map((f) => f.purpose).sort().join(', ');
  check(files === 'EVIDENCE, REPORT', `the reporter's view of ${caseNo} lists the files ${files || 'none'}, expected EVIDENCE, REPORT`);
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
  const theCase = await reportCaseWithPhotos(description, [reportPhoto]);
  log(`reported ${theCase.caseNo} with a photo (tracking code ${theCase.trackingCode})`);

  await openCamundaPage({ width: 1400, height: 1300 });

  await acceptAsGridWorker(theCase);
  await handleAsDepartment(theCase);
  await rateAndCheckClosure(theCase);
  await cockpitDiagram();
}

await run(main, { timeoutS: 150 });
