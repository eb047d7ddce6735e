// Browser end-to-end check: a sanitation case that the department returns (退单), the street upholds the
// dispatch, the department's second return is refused, it asks for more time (申请延期), the street
// grants it, and the department finishes the case as 部分解决 — all in Camunda Tasklist.
//
//   npm ci
//   node case-return-extension.mjs [baseUrl] [screenshotDir]
//   node case-return-extension.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (users wangli, hanxue, gaofeng; password demo, override
// with LIANHU_DEMO_PASSWORD) and Debian's chromium (/usr/bin/chromium, override with CHROMIUM) plus a
// CJK font (fonts-noto-cjk).
//
// Steps: report a sanitation case at 和平里东街 via POST /api/cases; in Tasklist, wangli accepts it from
// 我的待办 (转派职能部门处置); hanxue (城管东城中队) claims 处置 from 本部门待办 and returns it as
// 不属于本单位职责; gaofeng (the street's coordination centre) reads the return in 退单审核 and upholds
// the dispatch (驳回退单); hanxue's second return is refused by the server (退单已被驳回, the task stays
// open); hanxue then asks for an extension to the working day on or after three days past the current
// handling deadline (Asia/Shanghai), typed into the form's date picker; gaofeng approves it in
// 延期审批; the case's API view must show one extension, the new deadline and a public 延期 entry;
// hanxue adds a photo of the result (办理照片, which 办结 of a sanitation case needs) on the case's staff
// page /case/#/<caseNo> in a new page of the same browser (its thumbnail must load) and finishes the
// case as 部分解决; the reporter rates it via the API and the case must reach CLOSED with outcome partly
// and the photo in the reporter's view. With screenshotDir it writes tasklist-return-form.png,
// tasklist-return-review.png and tasklist-extension-form.png there. The case page is /case/
// (PAGES_ENTRY=index.html opens /case/index.html instead).
//
// The date picker (form-js's datetime field, flatpickr with allowInput) takes the date typed into its
// input in the format of its placeholder (the browser locale's: zh-CN here, mm/dd/yyyy in English) and parses it on Enter;
// the check then reads the calendar's selected day and the date the form submits (yyyy-MM-dd).
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 120 s (E2E_TIMEOUT_S). Every run leaves one closed case behind; a failed run may leave an
// open one.
import {
  STEP_TIMEOUT_MS, TASKLIST, addEvidenceOnCasePage, api, camundaLogin, camundaLogout, check, claimTask, completeTask,
  dismissTooltips, fieldLabel, log, openCamundaPage, openFilter, page, pngFile, run, serverErrors, shot, sleep,
  taskCards, waitForValue, assertTaskGone, findTask, getCase, openTaskCard, rateAndAwaitClosure, reportCase, UI
} from './common.mjs';

const stamp = new Date().toISOString();
const description = `浏览器回归测试：和平里东街12号楼道堆放装修垃圾，长期无人清运（${stamp}）`;
const returnComment = `装修垃圾属物业管理范围，应由物业公司清运，非城管职责。〔${stamp}〕`;
const secondReturnComment = `再次申请退单：仍认为应由物业公司清运。〔${stamp}〕`;
const reviewComment = `楼道堆放垃圾属市容环境卫生管理范围，由城管东城中队督促清运。〔${stamp}〕`;
const extensionReason = `需联系物业公司和装修业主共同清运，业主出差中，需延后几天。〔${stamp}〕`;
const handleResult = `已督促物业清运大部分装修垃圾，剩余建材待业主返回后清走。〔${stamp}〕`;
const ZONE = 'Asia/Shanghai';

// ---------------------------------------------------------------------------------------------
// Dates in the county's zone

/** The Asia/Shanghai calendar date (yyyy-MM-dd) of an instant. */
const countyDate = (instant) => new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'
}).format(new Date(instant));

/** The date (yyyy-MM-dd) `days` after `date`, moved forward to Monday–Friday. */
function workingDayAfter(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d + days));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** `date` (yyyy-MM-dd) written in the date picker's placeholder format, such as mm/dd/yyyy. */
function inPickerFormat(date, placeholder) {
  const [y, m, d] = date.split('-');
  check(/^(?=.*yyyy)(?=.*mm)(?=.*dd)[ymd./\- ]+$/.test(placeholder), `unexpected date picker placeholder "${placeholder}"`);
  return placeholder.replace('yyyy', y).replace('mm', m).replace('dd', d);
}

// ---------------------------------------------------------------------------------------------
// Camunda webapps

/** Opens the case's task `taskName` from the filter `filterName` (as the user logged in). */
async function openCaseTaskFrom(filterName, caseNo, taskName) {
  await openFilter(filterName);
  const card = await findTask(caseNo, taskName);
  await openTaskCard(card, caseNo);
  await page.locator('.task-details h2', { hasText: taskName }).waitFor();
  await waitForValue(page.getByLabel('诉求内容', { exact: true }), description, '诉求内容');
}

/** Logs in as `user` and opens the case's task `taskName` from the filter `filterName`. */
async function openCaseTask(user, filterName, caseNo, taskName) {
  await camundaLogin(TASKLIST, user);
  await openCaseTaskFrom(filterName, caseNo, taskName);
}

/** The form-js field (its .fjs-form-field element) whose label is `label` (with or without the asterisk). */
const formField = (label) => page.locator('.fjs-form-field')
  .filter({ has: page.locator('.fjs-form-field-label', { hasText: fieldLabel(label) }) });

/** Asserts that the form shows none of the fields labelled `labels` (hidden by their conditions). */
async function assertHidden(labels, why) {
  for (const label of labels) {
    check(await formField(label).count() === 0, `${label} is shown although ${why}`);
  }
}

/** Waits until the read-only textarea `label` holds every text of `parts`; answers its value. */
async function waitForContent(label, parts) {
  const field = page.getByLabel(label, { exact: true });
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let value = '';
  while (Date.now() < deadline) {
    value = await field.inputValue().catch(() => '');
    if (parts.every((p) => value.includes(p))) break;
    await sleep(200);
  }
  const missing = parts.filter((p) => !value.includes(p));
  check(!missing.length, `${label} lacks ${missing.map((p) => `"${p}"`).join(', ')}: "${value}"`);
  check(await field.getAttribute('readonly') !== null, `${label} is not read-only`);
  return value;
}

/** Chooses 退单 with the reason 不属于本单位职责 and the explanation `comment` on the open 处置 form. */
async function chooseReturn(comment) {
  await page.getByLabel('退单（派单有误，须在收到派单后的退单时限内）', { exact: true }).check();
  await page.getByLabel('不属于本单位职责', { exact: true }).check();
  await page.getByLabel(fieldLabel('退单说明')).fill(comment);
}

// ---------------------------------------------------------------------------------------------
// The steps

async function acceptAsGridWorker({ caseNo }) {
  await openCaseTask('wangli', '我的待办', caseNo, '受理');
  await page.getByLabel('转派职能部门处置', { exact: true }).check();
  await page.getByLabel('受理意见', { exact: true }).fill('属环境卫生问题，转城管中队处置。');
  await completeTask();
  log(`accepted ${caseNo}: 转派职能部门处置`);
  await camundaLogout();
}

async function returnAsDepartment({ caseNo }) {
  await openCaseTask('hanxue', '本部门待办', caseNo, '处置');
  await claimTask('事件编号', caseNo);
  log(`claimed 处置 for ${caseNo}`);

  check(await page.getByLabel('办结（填写处置结果）', { exact: true }).isChecked(),
    '办理方式 does not start at 办结');
  await assertHidden(['退单理由', '退单说明', '延期至', '延期理由'], '办理方式 is 办结');
  await chooseReturn(returnComment);
  await assertHidden(['办结方式', '处置结果', '现场照片或附件链接'], '办理方式 is 退单');
  check(await page.getByLabel('部分解决', { exact: true }).count() === 0, '办结方式\'s options are shown for 退单');
  await shot('tasklist-return-form.png');
  await completeTask();
  log(`returned ${caseNo}: 不属于本单位职责`);
  await assertTaskGone(caseNo, '处置', ['本部门待办', '我的待办']);
  await camundaLogout();
}

async function upholdAsStreet({ caseNo }) {
  await openCaseTask('gaofeng', '本部门待办', caseNo, '退单审核');
  await claimTask('事件编号', caseNo);
  const summary = await waitForContent('退单情况', ['城管东城中队', '不属于本单位职责', returnComment]);
  log(`退单情况: ${summary}`);
  await page.getByLabel('驳回退单，由原单位办理', { exact: true }).check();
  await assertHidden(['改派牵头部门', '协办部门'], 'the return is upheld');
  await page.getByLabel(fieldLabel('裁定意见')).fill(reviewComment);
  await shot('tasklist-return-review.png');
  await completeTask();
  log(`upheld the dispatch of ${caseNo}`);
  await camundaLogout();
}

/** As hanxue (logged in), the second return is refused: the server's message shows and the task stays. */
async function secondReturnRefused({ caseNo }) {
  await openCaseTaskFrom('本部门待办', caseNo, '处置');
  await claimTask('事件编号', caseNo);
  await chooseReturn(secondReturnComment);

  const complete = page.locator('.form-actions button.btn-primary', { hasText: UI.complete });
  check(await complete.isEnabled(), 'the Complete button is disabled for the second return');
  const submitted = page.waitForResponse((res) => /\/task\/[^/]+\/(submit-form|complete)$/.test(res.url())
    && res.request().method() === 'POST', { timeout: STEP_TIMEOUT_MS });
  await dismissTooltips();
  await complete.click();
  const res = await submitted;
  check(res.status() >= 400, `the second return was accepted: ${res.status()}`);
  const note = page.locator('.notifications-panel, [notifications-panel]').filter({ hasText: '退单已被驳回' }).first();
  await note.waitFor().catch(async () => {
    const shown = await page.locator('.notifications-panel, [notifications-panel]').allInnerTexts().catch(() => []);
    throw new Error(`no notification with 退单已被驳回 after the refused return (HTTP ${res.status()}); `
      + `notifications: ${shown.join(' | ').replace(/\s+/g, ' ') || 'none'}`);
  });
  const text = (await note.innerText()).replace(/×/g, '').replace(/\s+/g, ' ').trim();
  log(`second return refused (HTTP ${res.status()}): ${text}`);
  // The refusal was expected: it is no server error to print if a later step fails (watchServerErrors
  // notes it once it has read the answer's body).
  for (let i = 0; i < 20 && !serverErrors.some((e) => e.includes(res.url())); i++) await sleep(100);
  for (let i = serverErrors.length - 1; i >= 0; i--) if (serverErrors[i].includes(res.url())) serverErrors.splice(i, 1);

  // The task is still open: the form is still there, and after a reload the task is still hanxue's.
  check(!(await page.getByText(UI.selectTask).isVisible())
    && await page.locator('.task-details h2', { hasText: '处置' }).isVisible(), 'Tasklist closed the task after the refusal');
  await page.reload();
  await page.locator('li.account .dropdown-toggle').waitFor();
  await openCaseTaskFrom('我的待办', caseNo, '处置');
  check(await page.locator('.task-details').getByRole('button', { name: UI.claim, exact: true }).count() === 0,
    'the 处置 task is no longer claimed by hanxue after the refusal');
  check(await page.getByLabel('办结（填写处置结果）', { exact: true }).isChecked(),
    'the reloaded 处置 form does not start at 办结');
  log(`task 处置 of ${caseNo} still open in 我的待办`);
}

/** Types `date` (yyyy-MM-dd) into the date picker labelled `label` and checks what flatpickr made of it. */
async function pickDate(label, date) {
  const input = page.getByLabel(fieldLabel(label));
  await input.waitFor();
  const placeholder = await input.getAttribute('placeholder');
  const typed = inPickerFormat(date, placeholder || '');
  // form-js opens the calendar on focus and leaves typing to flatpickr (allowInput), which parses the
  // text on Enter (or when the input loses the focus); Playwright's fill() sends one input event.
  await input.click();
  await page.locator('.flatpickr-calendar.open').waitFor();
  await input.fill(typed);
  await input.press('Enter');
  await page.locator('.flatpickr-calendar.open').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
  check(await input.inputValue() === typed, `延期至 shows "${await input.inputValue()}", expected "${typed}"`);
  // The calendar marks the parsed day as selected; its aria-label is the English long date.
  const [y, m, d] = date.split('-').map(Number);
  const aria = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US',
    { timeZone: 'UTC', month: 'long', day: 'numeric', year: 'numeric' });
  const selected = await page.locator('.flatpickr-day.selected').first().getAttribute('aria-label').catch(() => null);
  check(selected === aria, `the date picker's selected day is "${selected}", expected "${aria}"`);
  log(`延期至 ${typed} (calendar: ${selected})`);
}

async function askForExtension({ caseNo, trackingCode }) {
  const current = await getCase(caseNo, trackingCode);
  check(current.handleDue, `GET /api/cases/${caseNo} has no handleDue`);
  const currentDate = countyDate(current.handleDue);
  const requested = workingDayAfter(currentDate, 3);
  log(`handleDue ${current.handleDue} (${currentDate} in ${ZONE}); asking for ${requested}`);

  await page.getByLabel('申请延期', { exact: true }).check();
  await assertHidden(['办结方式', '处置结果', '退单理由', '退单说明'], '办理方式 is 申请延期');
  await pickDate('延期至', requested);
  await page.getByLabel(fieldLabel('延期理由')).fill(extensionReason);
  await shot('tasklist-extension-form.png');

  let sent;
  const onRequest = (req) => {
    if (/\/task\/[^/]+\/submit-form$/.test(req.url()) && req.method() === 'POST') sent = req.postDataJSON();
  };
  page.on('request', onRequest);
  try {
    await completeTask();
  } finally {
    page.off('request', onRequest);
  }
  const due = sent && sent.variables && sent.variables.extensionDue;
  check(due && due.value === requested, `the form submitted extensionDue ${JSON.stringify(due)}, expected ${requested}`);
  log(`asked to extend ${caseNo} to ${requested}`);
  await assertTaskGone(caseNo, '处置', ['我的待办']);
  await camundaLogout();
  return requested;
}

async function approveAsStreet({ caseNo }, requested) {
  await openCaseTask('gaofeng', '本部门待办', caseNo, '延期审批');
  await claimTask('事件编号', caseNo);
  const summary = await waitForContent('延期申请', ['申请延期至', requested, extensionReason]);
  log(`延期申请: ${summary}`);
  await page.getByLabel('批准延期', { exact: true }).check();
  await completeTask();
  log(`approved the extension of ${caseNo}`);
  await camundaLogout();
}

async function checkExtended({ caseNo, trackingCode }, requested) {
  const view = await getCase(caseNo, trackingCode);
  check(view.extensions === 1, `extensions of ${caseNo} is ${view.extensions}, expected 1`);
  check(countyDate(view.handleDue) === requested,
    `handleDue of ${caseNo} is ${view.handleDue} (${countyDate(view.handleDue)} in ${ZONE}), expected ${requested}`);
  const timeline = view.timeline || [];
  const entry = timeline.find((e) => e.action === '延期' && (e.remark || '').includes(requested));
  check(entry, `timeline of ${caseNo} has no 延期 entry naming ${requested}:\n  `
    + timeline.map((e) => [e.action, e.remark].filter(Boolean).join(' — ')).join('\n  '));
  log(`case ${caseNo}: extensions 1, handleDue ${view.handleDue}, timeline 延期 — ${entry.remark}`);
}

async function finishAsDepartment({ caseNo }) {
  await openCaseTask('hanxue', '本部门待办', caseNo, '处置');
  await claimTask('事件编号', caseNo);
  // 办结 of a sanitation case needs a photo of the result, added on the case's staff page.
  const [photo] = await addEvidenceOnCasePage(page.context(), caseNo,
    { user: 'hanxue', file: pngFile('清运部分后.png', { seed: 6 }) });
  await page.bringToFront();
  check(await page.getByLabel('办结（填写处置结果）', { exact: true }).isChecked(),
    '办理方式 does not start at 办结 after the extension');
  await page.getByLabel('部分解决', { exact: true }).check();
  await page.getByLabel(fieldLabel('处置结果')).fill(handleResult);
  await completeTask();
  log(`finished ${caseNo}: 部分解决, with the 办理照片 ${photo.fileName}`);
  await assertTaskGone(caseNo, '处置', ['本部门待办', '我的待办']);
  await camundaLogout();
}

async function rateAndCheckClosure({ caseNo, trackingCode }) {
  const view = await rateAndAwaitClosure(caseNo, trackingCode);
  check(view.outcome === 'partly' && view.outcomeName === '部分解决',
    `case ${caseNo}: outcome ${view.outcome} (${view.outcomeName}), expected partly (部分解决)`);
  const evidence = (view.files || []).filter((f) => f.purpose === 'EVIDENCE');
  check(evidence.length === 1, `the reporter's view of ${caseNo} lists ${evidence.length} 办理照片, expected 1`);
  const entries = (view.timeline || []).map((e) => [e.action, e.remark].filter(Boolean).join(' — '));
  log(`case ${caseNo} ${view.status} (${view.statusName}), outcome ${view.outcomeName}; timeline:\n  ${entries.join('\n  ')}`);
}

async function main() {
  const theCase = await reportCase(description);
  log(`reported ${theCase.caseNo} (tracking code ${theCase.trackingCode})`);

  await openCamundaPage({ width: 1400, height: 1300 });

  await acceptAsGridWorker(theCase);
  await returnAsDepartment(theCase);
  await upholdAsStreet(theCase);
  await camundaLogin(TASKLIST, 'hanxue');
  await secondReturnRefused(theCase);
  const requested = await askForExtension(theCase);
  await approveAsStreet(theCase, requested);
  await checkExtended(theCase, requested);
  await finishAsDepartment(theCase);
  await rateAndCheckClosure(theCase);
}

await run(main, { timeoutS: 120 });
