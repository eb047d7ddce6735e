// Browser end-to-end check: one neighbour dispute through all three mediation tiers in Camunda Tasklist,
// an agreement at the county, judicial confirmation and both follow-up visits, then the parties' view.
//
//   npm ci
//   node mediation-roundtrip.mjs [baseUrl] [screenshotDir]
//   node mediation-roundtrip.mjs http://localhost:8080 ../../docs/images
//
// Needs a running Lianhu server with the demo data (users demo, wangli, zhoumin, qianhao, jiangfa,
// gaofeng, majie, hanxue, yuanjie; password demo, override with LIANHU_DEMO_PASSWORD) and Debian's
// chromium (/usr/bin/chromium, override with CHROMIUM) plus a CJK font (fonts-noto-cjk).
//
// Steps: register a neighbour dispute at 和平里东街20号 via POST /api/disputes; in Tasklist, wangli
// records 调解不成 at tier 1; zhoumin, qianhao and jiangfa give their tier-2 opinions and gaofeng records
// 调解不成 for the street; majie calls in 城管东城中队 and 房屋安全管理站, hanxue and yuanjie give their
// opinions, and majie records the agreement with its terms and the parties' consent; jiangfa records
// 法院已确认. The follow-up timers (weekLater, monthLater) are made due through the engine REST API as
// demo, and wangli records both visits. The dispute must then be RESOLVED at tier 3 with the milestones
// on its public timeline and none of the internal notes. Every user-task step goes through Tasklist's
// Camunda Forms. With screenshotDir it writes mediation-tier2-opinion.png, mediation-tier3-agreement.png
// and mediation-follow-up.png there.
//
// The shared filters list the variables caseNo, categoryName, urgencyName and address; a dispute has
// only address (地点) of these, so a task card is picked by task name and address, and the form's
// 纠纷编号 tells whether it is this run's dispute.
//
// Prints "1 passed, 0 failed" and exits 0 on success; on failure prints the error, writes failure.png
// (into screenshotDir, or /tmp without one), prints "0 passed, 1 failed" and exits 1. The whole run is
// limited to 300 s (E2E_TIMEOUT_S). Every run leaves one resolved dispute behind; a failed run may leave
// an open one.
import {
  STEP_TIMEOUT_MS, TASKLIST, api, camundaLogin, camundaLogout, check, claimTask, completeTask, dismissTooltips,
  fieldLabel, log, openCamundaPage, openFilter, page, run, shot, sleep, taskCards, waitForValue
} from './common.mjs';

const stamp = new Date().toISOString();
const ADDRESS = '和平里东街20号';
const description = `浏览器回归测试：楼上卫生间漏水，天花板渗水发霉，多次协商未果（${stamp}）`;
const APPLICANT_PHONE = '13600000001';
// What the forms are filled with; each note carries the run's stamp. Only the 司法确认 remark is public.
const notes = {
  tier1: `网格员两次入户协调，双方对维修费用分担分歧较大，调解不成。〔${stamp}〕`,
  people: `人民调解委员会意见：漏水点在楼上卫生间，宜由楼上先行维修，费用分担可再协商。〔${stamp}〕`,
  administrative: `司法所意见：双方对损失数额争议大，建议请房屋安全部门鉴定后再调解。〔${stamp}〕`,
  judicial: `法庭巡回点意见：双方情绪对立，当前难以达成协议。〔${stamp}〕`,
  tier2: `街道联合调解：三方意见均认为暂难达成协议，提请县综治中心调解。〔${stamp}〕`,
  plan: `请城管东城中队核查违规改建，房屋安全管理站鉴定漏水原因。〔${stamp}〕`,
  urban: `城管东城中队意见：楼上卫生间无违规改建。〔${stamp}〕`,
  housing: `房屋安全管理站意见：防水层老化导致渗漏，建议楼上重做防水。〔${stamp}〕`,
  tier3: `县综治中心组织双方及两部门当面调解，双方同意按鉴定意见处理。〔${stamp}〕`,
  confirmation: `法院已出具司法确认裁定书。〔${stamp}〕`,
  week: `一周回访：楼上已重做卫生间防水，未再渗漏。〔${stamp}〕`,
  month: `一月回访：赔偿款已付清，双方关系缓和。〔${stamp}〕`
};
const agreementTerms = '一、周大伟于十日内重做卫生间防水层；二、周大伟赔偿孙小红房屋修复费用人民币三千元，'
  + '于协议签订后十五日内付清；三、双方今后互相体谅，友好相处。';

// ---------------------------------------------------------------------------------------------
// HTTP: the parties' API and the engine REST API (HTTP Basic as the administrator)

async function registerDispute() {
  const res = await api('POST', '/api/disputes', {
    body: {
      type: 'neighbour',
      description,
      location: { address: ADDRESS },
      parties: [
        { role: 'applicant', name: '孙小红', phone: APPLICANT_PHONE },
        { role: 'respondent', name: '周大伟' }
      ]
    }
  });
  check(res.status === 201, `POST /api/disputes: expected 201, got ${res.status} ${res.text}`);
  const { disputeNo, trackingCode, status, tier } = res.json || {};
  check(disputeNo && trackingCode, `POST /api/disputes: no disputeNo/trackingCode in ${res.text}`);
  check(status === 'MEDIATING' && tier === 1, `POST /api/disputes: expected MEDIATING at tier 1, got ${res.text}`);
  return { disputeNo, trackingCode };
}

async function getDispute(disputeNo, trackingCode) {
  const res = await api('GET', `/api/disputes/${encodeURIComponent(disputeNo)}`, {
    headers: { 'X-Tracking-Code': trackingCode }
  });
  check(res.status === 200, `GET /api/disputes/${disputeNo}: expected 200, got ${res.status} ${res.text}`);
  return { view: res.json, text: res.text };
}

async function processInstanceOf(disputeNo) {
  const res = await api('GET', `/engine-rest/process-instance?processDefinitionKey=disputeMediation&businessKey=${
    encodeURIComponent(disputeNo)}`, { user: 'demo' });
  check(res.status === 200, `GET /engine-rest/process-instance: expected 200, got ${res.status} ${res.text}`);
  check(Array.isArray(res.json) && res.json.length === 1,
    `expected one running disputeMediation instance with business key ${disputeNo}, got ${res.text}`);
  return res.json[0].id;
}

/**
 * Makes the timer `activityId` of the dispute's process instance due now by executing its job. A job
 * names no activity itself; its job definition does.
 */
async function pushTimer(disputeNo, activityId) {
  const instanceId = await processInstanceOf(disputeNo);
  const jobs = await api('GET', `/engine-rest/job?processInstanceId=${instanceId}&timers=true`, { user: 'demo' });
  check(jobs.status === 200, `GET /engine-rest/job: expected 200, got ${jobs.status} ${jobs.text}`);
  const definitions = await api('GET', `/engine-rest/job-definition?processDefinitionKey=disputeMediation`,
    { user: 'demo' });
  check(definitions.status === 200,
    `GET /engine-rest/job-definition: expected 200, got ${definitions.status} ${definitions.text}`);
  const activityOf = new Map((definitions.json || []).map((d) => [d.id, d.activityId]));
  const timers = (jobs.json || []).map((j) => ({ ...j, activityId: activityOf.get(j.jobDefinitionId) }));
  const job = timers.find((j) => j.activityId === activityId);
  check(job, `no timer job ${activityId} in process instance ${instanceId}; timers: ${
    timers.map((j) => `${j.activityId} due ${j.dueDate}`).join(', ') || 'none'}`);
  const executed = await api('POST', `/engine-rest/job/${job.id}/execute`, { user: 'demo' });
  check(executed.status === 204, `POST /engine-rest/job/${job.id}/execute (${activityId}): expected 204, got ${
    executed.status} ${executed.text}`);
  log(`executed timer ${activityId} of ${disputeNo} (was due ${job.dueDate})`);
}

// ---------------------------------------------------------------------------------------------
// Camunda Tasklist

const taskIdIn = (url) => decodeURIComponent(((url || '').match(/[?&]task=([^&#]+)/) || [])[1] || '');

/**
 * Opens the task of a card and answers the 纠纷编号 of its process. It is read from the form variables
 * Tasklist loads for that very task, not from the page, where the previous task's form may linger for a
 * moment.
 */
async function openCard(card) {
  const link = card.locator('h4.task a');
  const taskId = taskIdIn(await link.getAttribute('href'));
  check(taskId, `task card without a task id: ${await link.getAttribute('href')}`);
  let disputeNo;
  if (taskIdIn(page.url()) === taskId) {
    disputeNo = await page.getByLabel('纠纷编号', { exact: true }).inputValue();
  } else {
    const loaded = page.waitForResponse((res) => res.url().includes(`/task/${taskId}/form-variables`)
      && res.request().method() === 'GET', { timeout: STEP_TIMEOUT_MS });
    await dismissTooltips();
    await link.click();
    const res = await loaded;
    check(res.status() === 200, `loading the form variables of task ${taskId} failed: HTTP ${res.status()}`);
    disputeNo = ((await res.json()).disputeNo || {}).value;
  }
  await page.locator('.task-details').waitFor();
  await page.locator('.fjs-container form.fjs-form').waitFor();
  return disputeNo;
}

/**
 * Opens the task `taskName` of the dispute from the filter: the cards with that name and the dispute's
 * address are tried newest first until the form's 纠纷编号 is the dispute's. A task created a moment ago
 * may need one more load of the list.
 */
async function openDisputeTask(disputeNo, taskName, filterName) {
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) {
      log(`task ${taskName} of ${disputeNo} not in ${filterName} yet, reloading`);
      await sleep(1_000);
      await page.reload();
      await page.locator('li.account .dropdown-toggle').waitFor();
    }
    await openFilter(filterName);
    const cards = taskCards(taskName, ADDRESS);
    const count = await cards.count();
    for (let i = 0; i < count; i++) {
      const card = cards.nth(i);
      if (await openCard(card) !== disputeNo) continue;
      await page.locator('.task-details h2', { hasText: taskName }).waitFor();
      await waitForValue(page.getByLabel('纠纷编号', { exact: true }), disputeNo, '纠纷编号');
      const cardText = (await card.innerText()).replace(/\s+/g, ' ').trim();
      log(`opened ${taskName} of ${disputeNo} from ${filterName} (card: ${cardText})`);
      await waitForValue(page.getByLabel('发生地点', { exact: true }), ADDRESS, '发生地点');
      await waitForValue(page.getByLabel('纠纷情况', { exact: true }), description, '纠纷情况');
      return;
    }
  }
  throw new Error(`task ${taskName} of dispute ${disputeNo} not found in filter ${filterName}`);
}

/**
 * Types into a form-js text field or textarea. form-js debounces typing and takes the value over at
 * once only when the field loses focus; a Complete clicked before that submits the old value (for a
 * required field: nothing is sent at all), so leave the field.
 */
async function fillText(label, value) {
  const field = page.getByLabel(fieldLabel(label));
  await field.fill(value);
  await field.blur();
}

/** Logs in as `user`, opens the dispute's task `taskName` from 本部门待办, claims it and lets `fill` fill it. */
async function doTask(user, disputeNo, taskName, fill, { stayLoggedIn = false } = {}) {
  if (user) await camundaLogin(TASKLIST, user);
  await openDisputeTask(disputeNo, taskName, '本部门待办');
  await claimTask('纠纷编号', disputeNo);
  await fill();
  await completeTask();
  if (!stayLoggedIn) await camundaLogout();
}

// ---------------------------------------------------------------------------------------------
// The forms

async function fillOutcome(outcome, mediationNotes) {
  await page.getByLabel(outcome, { exact: true }).check();
  await fillText('调解情况说明', mediationNotes);
}

async function fillOpinion(opinion, proposed) {
  await fillText('调解意见', opinion);
  await page.getByLabel(proposed, { exact: true }).check();
}

async function fillFollowUp(visitNotes) {
  await waitForValue(page.getByLabel('协议内容', { exact: true }), agreementTerms, '协议内容');
  check(await page.getByLabel('协议内容', { exact: true }).getAttribute('readonly') !== null,
    'the agreement terms are not read-only in the follow-up form');
  await page.getByLabel('协议履行良好', { exact: true }).check();
  await fillText('回访情况', visitNotes);
}

// ---------------------------------------------------------------------------------------------
// The walk through the tiers

async function tier1({ disputeNo }) {
  await doTask('wangli', disputeNo, '网格调解', async () => {
    await waitForValue(page.getByLabel('调解层级', { exact: true }), '一级调解（网格、村调解）', '调解层级');
    await waitForValue(page.getByLabel('当事人', { exact: true }), '申请人：孙小红；被申请人：周大伟', '当事人');
    check(await page.getByLabel('纠纷情况', { exact: true }).getAttribute('readonly') !== null,
      'the description field is not read-only');
    await fillOutcome('调解不成', notes.tier1);
    // 协议内容 and the consent are only shown for an agreement.
    check(await page.getByLabel(fieldLabel('协议内容')).count() === 0, '协议内容 is shown although mediation failed');
    check(await page.getByLabel('各方当事人已签字同意').count() === 0, 'the consent is shown although mediation failed');
  });
  log(`tier 1 of ${disputeNo}: 调解不成`);
}

async function tier2({ disputeNo }) {
  const opinions = [
    ['zhoumin', '人民调解', notes.people],
    ['qianhao', '行政调解', notes.administrative],
    ['jiangfa', '司法调解', notes.judicial]
  ];
  for (const [user, taskName, opinion] of opinions) {
    await doTask(user, disputeNo, taskName, async () => {
      await waitForValue(page.getByLabel('调解层级', { exact: true }), '二级调解（街道联合调解）', '调解层级');
      await fillOpinion(opinion, '难以达成协议');
      if (user === 'zhoumin') await shot('mediation-tier2-opinion.png');
    });
    log(`tier 2 of ${disputeNo}: ${taskName} opinion by ${user}`);
  }
  await doTask('gaofeng', disputeNo, '联合调解结论', async () => {
    await fillOutcome('调解不成', notes.tier2);
  });
  log(`tier 2 of ${disputeNo}: 联合调解结论 调解不成`);
}

async function tier3({ disputeNo }) {
  await doTask('majie', disputeNo, '会商部署', async () => {
    await waitForValue(page.getByLabel('调解层级', { exact: true }), '三级调解（县综治中心）', '调解层级');
    // The checklist's options come from the Json variable departmentOptions (the street's offices).
    const urban = page.getByLabel(/城管东城中队/);
    const housing = page.getByLabel(/房屋安全管理站/);
    await urban.waitFor().catch(() => { throw new Error('参与调解部门 offers no 城管东城中队'); });
    await housing.waitFor().catch(() => { throw new Error('参与调解部门 offers no 房屋安全管理站'); });
    await urban.check();
    await housing.check();
    await fillText('会商意见', notes.plan);
  });
  log(`tier 3 of ${disputeNo}: 会商部署 calls in 城管东城中队, 房屋安全管理站`);

  for (const [user, opinion] of [['hanxue', notes.urban], ['yuanjie', notes.housing]]) {
    await doTask(user, disputeNo, '部门参与调解', async () => {
      await fillOpinion(opinion, '可达成协议');
    });
    log(`tier 3 of ${disputeNo}: 部门参与调解 opinion by ${user}`);
  }

  await doTask('majie', disputeNo, '县级调解结论', async () => {
    await page.getByLabel('达成调解协议', { exact: true }).check();
    const terms = page.getByLabel(fieldLabel('协议内容'));
    await terms.waitFor().catch(() => { throw new Error('协议内容 is not shown for 达成调解协议'); });
    await fillText('协议内容', agreementTerms);
    await page.getByLabel('各方当事人已签字同意', { exact: true }).check();
    await fillText('调解情况说明', notes.tier3);
    await shot('mediation-tier3-agreement.png');
  });
  log(`tier 3 of ${disputeNo}: 县级调解结论 达成调解协议`);
}

async function judicialConfirmation({ disputeNo }) {
  await doTask('jiangfa', disputeNo, '司法确认', async () => {
    await waitForValue(page.getByLabel('协议内容', { exact: true }), agreementTerms, '协议内容');
    await page.getByLabel('法院已确认', { exact: true }).check();
    await fillText('说明', notes.confirmation);
  });
  log(`${disputeNo}: 司法确认 法院已确认`);
}

async function followUps({ disputeNo }) {
  await pushTimer(disputeNo, 'weekLater');
  await doTask('wangli', disputeNo, '一周回访', async () => {
    await fillFollowUp(notes.week);
    await shot('mediation-follow-up.png');
  });
  log(`${disputeNo}: 一周回访 协议履行良好`);

  await pushTimer(disputeNo, 'monthLater');
  await doTask('wangli', disputeNo, '一月回访', async () => {
    await fillFollowUp(notes.month);
  });
  log(`${disputeNo}: 一月回访 协议履行良好`);
}

async function verifyResolved({ disputeNo, trackingCode }) {
  const deadline = Date.now() + 20_000;
  let view;
  let text;
  while (Date.now() < deadline) {
    ({ view, text } = await getDispute(disputeNo, trackingCode));
    if (view.status === 'RESOLVED') break;
    await sleep(500);
  }
  check(view.status === 'RESOLVED',
    `dispute ${disputeNo} not RESOLVED after 20 s: status ${view.status} (${view.statusName})`);
  check(view.tier === 3, `dispute ${disputeNo} ended at tier ${view.tier}, expected 3`);
  check(view.agreementTerms === agreementTerms, `agreement terms are "${view.agreementTerms}"`);
  check(view.confirmationResult === 'confirmed', `confirmation result is "${view.confirmationResult}"`);
  const timeline = view.timeline || [];
  const entries = timeline.map((e) => [e.action, e.remark].filter(Boolean).join(' — '));
  // The milestones must appear as timeline actions, in this order.
  const milestones = [
    [/^升级至二级调解/, '升级至二级调解…'],
    [/^升级至三级调解/, '升级至三级调解…'],
    [/^县综治中心会商部署$/, '县综治中心会商部署'],
    [/^达成调解协议$/, '达成调解协议'],
    [/^司法确认：法院已确认$/, '司法确认：法院已确认'],
    [/^一周回访：协议履行良好$/, '一周回访：协议履行良好'],
    [/^一月回访：协议履行良好$/, '一月回访：协议履行良好'],
    [/^结案：调解成功$/, '结案：调解成功']
  ];
  let from = 0;
  for (const [pattern, expected] of milestones) {
    const at = timeline.findIndex((e, i) => i >= from && pattern.test(e.action || ''));
    check(at >= 0, `timeline of ${disputeNo} lacks "${expected}" (in order):\n  ${entries.join('\n  ')}`);
    from = at + 1;
  }
  for (const escalation of timeline.filter((e) => /^升级至/.test(e.action || ''))) {
    check(/调解不成/.test(escalation.remark || ''), `escalation "${escalation.action}" does not give 调解不成 as its reason: ${
      escalation.remark}`);
  }
  const plan = timeline.find((e) => e.action === '县综治中心会商部署');
  check(/城管东城中队/.test(plan.remark || '') && /房屋安全管理站/.test(plan.remark || ''),
    `县综治中心会商部署 does not name both departments: ${plan.remark}`);
  // Mediators' notes, opinions and visit notes are internal; phone numbers are never shown.
  for (const [what, note] of Object.entries(notes)) {
    if (what === 'confirmation') continue; // the remark of 司法确认 is public
    check(!text.includes(note), `the parties' view of ${disputeNo} shows the internal note ${what}: ${note}`);
  }
  check(!text.includes(APPLICANT_PHONE), `the parties' view of ${disputeNo} shows the applicant's phone`);
  log(`dispute ${disputeNo} ${view.status} (${view.statusName}) at tier ${view.tier}; timeline:\n  ${entries.join('\n  ')}`);
}

async function main() {
  const dispute = await registerDispute();
  log(`registered ${dispute.disputeNo} (tracking code ${dispute.trackingCode})`);

  // Tall enough for the longest form (县级调解结论 with the agreement fields) and its Complete button.
  await openCamundaPage({ width: 1400, height: 1600 });

  await tier1(dispute);
  await tier2(dispute);
  await tier3(dispute);
  await judicialConfirmation(dispute);
  await followUps(dispute);
  await verifyResolved(dispute);
}

await run(main, { timeoutS: 300 });
