import { EscalationService, readZipEntry } from '@ducha/rectification';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from './harness.js';
import { RectificationDriver, TASK_FIELDS, pdf, shanghaiToday } from './rectification-helpers.js';

const LEDGER = `query($from: String) { rectificationLedger(from: $from, pageSize: 50) { total items { ${TASK_FIELDS} } counts { state count } } }`;
const DETAIL = `query($id: ID!) { rectificationTask(id: $id) { task { ${TASK_FIELDS} } findings { id description } departments { departmentName role status } deadlines { deadline kind } extensions { status requestedDeadline } reports { measuresTaken verdict verdictNote } files { id fileName mimeType sha256 downloadPath } escalations { step dueOn } noticePath } }`;

/**
 * The issue's "Done when": findings of a finalized campaign (handed over through
 * FindingService.record, as the campaign capability does) → bulk issue → acknowledge → submit with
 * evidence → return → resubmit → verify and close by others than the submitter; an extension
 * requested and approved; an overdue task reaching LISTED on a fake clock with one event per step
 * after two concurrent sweeps; the ledger export matching the data; another department refused at every step.
 */
describe('Rectification (e2e)', () => {
  let t: TestApp;
  let r: RectificationDriver;
  let scjgTask: any;
  let zhzfTask: any;
  let campaignId: string;
  const today = shanghaiToday();

  beforeAll(async () => {
    t = await startTestApp({ MAX_UPLOAD_BYTES: '65536' });
    r = new RectificationDriver(t);
    await r.loadNextYearCalendar();
    campaignId = await r.batch('campaign', 'FINALIZED');
    await r.campaignFindings(campaignId, { 'QH-SCJG': 2, 'QH-ZHZF': 1 });
  });
  afterAll(async () => t?.close());

  it('should list the campaign findings in the inbox and issue one task per department', async () => {
    const inbox = await r.gql('inspector', `query($b: String) { findings(batchId: $b) { total items { departmentName taskId } } }`, {
      b: campaignId,
    });
    expect(inbox.findings.total).toBe(3);
    const issued = await r.act('inspector', 'bulkIssueRectification', {
      batchId: campaignId,
      responsiblePerson: '张科长',
      requirements: '逐案补正告知程序，建立案件审核制度',
    });
    expect(issued).toHaveLength(2);
    scjgTask = issued.find((x: any) => x.departmentName === '区市场监督管理局');
    zhzfTask = issued.find((x: any) => x.departmentName === '区城市管理综合行政执法局');
    expect(scjgTask).toMatchObject({ state: 'ISSUED', version: 1, findingCount: 2, warningLevel: 'GREEN' });
    expect(scjgTask.taskNo).toMatch(/^清整〔\d{4}〕\d{3}号$/);
    // Case review findings default to 20 working days.
    expect(scjgTask.deadline).toBe(await r.addWorkingDays(today, 20));
    expect((await r.gql('inspector', `query($b: String) { findings(batchId: $b) { total } }`, { b: campaignId })).findings.total).toBe(0);
    expect(await r.actCode('inspector', 'bulkIssueRectification', { batchId: campaignId, responsiblePerson: 'x', requirements: 'x' })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('should refuse to issue in bulk from a campaign or check round not yet finalized, changing nothing', async () => {
    const unfinished = [await r.batch('campaign', 'REVIEWING'), await r.batch('campaign', 'RECHECK'), await r.batch('round', 'CHECKING')];
    for (const batchId of unfinished) await r.campaignFindings(batchId, { 'QH-SCJG': 1 });
    const tasksBefore = await r.db.query(`SELECT count(*)::int AS n FROM rectification_task`);
    const bulk = { responsiblePerson: '张科长', requirements: '整改' };
    for (const batchId of unfinished) expect(await r.actCode('inspector', 'bulkIssueRectification', { ...bulk, batchId })).toBe('CONFLICT');
    for (const batchId of ['no-such-batch', '00000000-0000-4000-8000-000000000000'])
      expect(await r.actCode('inspector', 'bulkIssueRectification', { ...bulk, batchId })).toBe('BAD_USER_INPUT');
    expect(await r.db.query(`SELECT count(*)::int AS n FROM rectification_task`)).toEqual(tasksBefore);
    const waiting = await r.db.query(`SELECT count(*)::int AS n FROM finding WHERE batch_id = ANY($1) AND task_id IS NULL`, [unfinished]);
    expect(waiting).toEqual([{ n: 3 }]);
  });

  it('should refuse a deadline in the past and a leader or officer issuing, changing nothing', async () => {
    const finding = await r.gql(
      'inspector',
      `mutation($d: ID!) { createFinding(input: { source: HOTLINE, departmentId: $d, category: '执法态度', severity: GENERAL, description: '热线投诉：执法人员未出示证件', rootCause: "EXECUTION" }) { id rootCause } }`.replace(
        /'/g,
        '"',
      ),
      { d: await r.unitId('QH-SCJG') },
    );
    const input = {
      findingIds: [finding.createFinding.id],
      responsiblePerson: '王',
      requirements: '整改',
      deadline: { date: '2020-01-02' },
    };
    expect(await r.actCode('inspector', 'issueRectification', input)).toBe('BAD_USER_INPUT');
    expect(await r.actCode('officer', 'issueRectification', { ...input, deadline: undefined })).toBe('FORBIDDEN');
    expect(await r.actCode('leader', 'issueRectification', { ...input, deadline: undefined })).toBe('FORBIDDEN');
    const inbox = await r.gql('inspector', `{ findings(source: HOTLINE) { total items { rootCause } } }`);
    expect(inbox.findings).toEqual({ total: 1, items: [{ rootCause: 'EXECUTION' }] });
  });

  it('should refuse another department at every step and stale versions', async () => {
    const ref = { taskId: scjgTask.id, version: 1 };
    expect(await r.actCode('officer2', 'acknowledgeRectification', ref)).toBe('FORBIDDEN');
    expect(await r.code('officer2', DETAIL, { id: scjgTask.id })).toBe('NOT_FOUND');
    expect((await r.get('officer2', `/exports/rectification/${scjgTask.id}/notice.docx`)).status).toBe(404);
    expect((await r.upload('officer2', scjgTask.id, pdf())).status).toBe(403);
    const acked = await r.act('officer', 'acknowledgeRectification', ref);
    expect(acked).toMatchObject({ state: 'ACKNOWLEDGED', version: 2 });
    expect(await r.actCode('officer', 'startRectification', ref)).toBe('CONFLICT');
    expect(await r.actCode('officer2', 'startRectification', { ...ref, version: 2 })).toBe('FORBIDDEN');
    expect(await r.actCode('officer', 'verifyRectification', { ...ref, version: 2 })).toBe('FORBIDDEN');
    // Submitting before starting is an illegal transition.
    expect(
      await r.actCode('officer', 'submitRectification', { ...ref, version: 2, text: '报告', measuresTaken: '措施', evidenceFileIds: [] }),
    ).toBe('CONFLICT');
  });

  it('should take a report with checked evidence, return it, take it again and close it by other people', async () => {
    let task = await r.act('officer', 'startRectification', { taskId: scjgTask.id, version: 2 });
    expect(task.state).toBe('IN_PROGRESS');
    const bad = await r.upload('officer', scjgTask.id, Buffer.from('MZ\x90\x00 not a document'), 'report.pdf');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_USER_INPUT');
    const large = await r.upload('officer', scjgTask.id, pdf(70_000));
    expect(large.status).toBe(400);
    expect((await r.upload('officer2', scjgTask.id, pdf())).status).toBe(403);
    const upload = await r.upload('officer', scjgTask.id, pdf(), '整改报告.pdf');
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ fileName: '整改报告.pdf', mimeType: 'application/pdf' });
    const submit = { taskId: scjgTask.id, version: task.version, text: '已完成整改', measuresTaken: '', evidenceFileIds: [upload.body.id] };
    expect(await r.actCode('officer2', 'submitRectification', { ...submit, measuresTaken: '代为报送' })).toBe('FORBIDDEN');
    expect(await r.actCode('officer', 'submitRectification', submit)).toBe('BAD_USER_INPUT');
    expect(await r.actCode('officer', 'submitRectification', { ...submit, measuresTaken: '   ' })).toBe('BAD_USER_INPUT');
    task = await r.act('officer', 'submitRectification', { ...submit, measuresTaken: '补正告知书 12 份；制定审核制度' });
    expect(task.state).toBe('SUBMITTED');
    expect(await r.actCode('officer2', 'returnRectification', { taskId: task.id, version: task.version, reason: 'x' })).toBe('FORBIDDEN');
    task = await r.act('inspector', 'returnRectification', { taskId: task.id, version: task.version, reason: '佐证材料不全' });
    expect(task.state).toBe('RETURNED');
    task = await r.act('officer', 'startRectification', { taskId: task.id, version: task.version });
    const second = await r.upload('officer', scjgTask.id, pdf(800), '补充材料.pdf');
    task = await r.act('officer', 'submitRectification', {
      taskId: task.id,
      version: task.version,
      text: '补充报告',
      measuresTaken: '补齐送达回证',
      evidenceFileIds: [second.body.id],
    });
    expect(task.state).toBe('SUBMITTED');
    task = await r.act('inspector2', 'verifyRectification', { taskId: task.id, version: task.version });
    expect(task.state).toBe('VERIFIED');
    expect(await r.actCode('officer2', 'closeRectification', { taskId: task.id, version: task.version })).toBe('FORBIDDEN');
    task = await r.act('inspector2', 'closeRectification', { taskId: task.id, version: task.version });
    expect(task).toMatchObject({ state: 'CLOSED', closedOn: today, closedOnTime: true, warningLevel: null });
    const detail = (await r.gql('officer', DETAIL, { id: task.id })).rectificationTask;
    expect(detail.reports.map((x: any) => x.verdict)).toEqual(['RETURNED', 'VERIFIED']);
    expect(detail.reports[0].verdictNote).toBe('佐证材料不全');
    // The refused uploads left nothing behind.
    expect(detail.files.map((f: any) => f.fileName)).toEqual(['整改报告.pdf', '补充材料.pdf']);
    const file = await r.get('officer', detail.files[0].downloadPath);
    expect(file.status).toBe(200);
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await r.get('officer2', detail.files[0].downloadPath)).status).toBe(404);
    const notice = await r.get('officer', detail.noticePath);
    expect(notice.status).toBe(200);
    expect(notice.body.subarray(0, 2).toString()).toBe('PK');
    // 整改通知书: number, department, findings, requirements, deadline, issuing office and date.
    const words = readZipEntry(notice.body, 'word/document.xml')!
      .toString('utf8')
      .replace(/<[^>]+>/g, '');
    const [facts] = await r.db.query(
      `SELECT t.requirements, t.issued_on::text AS issued_on, u.name AS office FROM rectification_task t JOIN unit u ON u.id = t.issuing_unit_id WHERE t.id = $1`,
      [task.id],
    );
    for (const expected of [
      '整改通知书',
      task.taskNo,
      '区市场监督管理局：',
      `共 ${detail.findings.length} 项`,
      ...detail.findings.map((f: any) => f.description),
      facts.requirements,
      `请于 ${detail.task.deadline} 前完成整改`,
      facts.office,
      facts.issued_on,
    ])
      expect(words).toContain(expected);
    // Every transition was emitted with its full payload, and audited.
    const events = await r.db.query(`SELECT type, payload FROM outbox_event WHERE payload->>'taskId' = $1 ORDER BY id`, [task.id]);
    expect(events.map((e: any) => e.type)).toEqual([
      'rectification.issued',
      'rectification.acknowledged',
      'rectification.started',
      'rectification.submitted',
      'rectification.returned',
      'rectification.started',
      'rectification.submitted',
      'rectification.verified',
      'rectification.closed',
    ]);
    expect(events[8].payload).toMatchObject({
      taskNo: task.taskNo,
      departmentName: '区市场监督管理局',
      from: 'VERIFIED',
      to: 'CLOSED',
      actorName: '赵评查',
      source: 'CASE_REVIEW',
      onTime: true,
    });
    const audits = await r.db.query(`SELECT operation FROM audit_entry WHERE target_id = $1 ORDER BY id`, [task.id]);
    expect(audits.map((a: any) => a.operation)).toEqual(
      expect.arrayContaining([
        'issueRectification',
        'returnRectification',
        'closeRectification',
        'uploadRectificationEvidence',
        'downloadRectificationEvidence',
        'exportRectificationNotice',
      ]),
    );
  });

  it('should keep every deadline of an approved extension', async () => {
    let task = await r.act('officer2', 'acknowledgeRectification', { taskId: zhzfTask.id, version: 1 });
    const newDeadline = await r.addWorkingDays(zhzfTask.deadline, 5);
    expect(
      await r.actCode('officer2', 'requestRectificationExtension', {
        taskId: task.id,
        version: task.version,
        newDeadline: today,
        reason: '材料多',
      }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await r.actCode('officer', 'requestRectificationExtension', {
        taskId: task.id,
        version: task.version,
        newDeadline,
        reason: '材料多',
      }),
    ).toBe('FORBIDDEN');
    task = await r.act('officer2', 'requestRectificationExtension', {
      taskId: task.id,
      version: task.version,
      newDeadline,
      reason: '涉及案卷多，需补充调查',
    });
    expect(await r.actCode('officer2', 'decideRectificationExtension', { taskId: task.id, version: task.version, approve: true })).toBe(
      'FORBIDDEN',
    );
    task = await r.act('inspector', 'decideRectificationExtension', {
      taskId: task.id,
      version: task.version,
      approve: true,
      note: '同意',
    });
    expect(task.deadline).toBe(newDeadline);
    const detail = (await r.gql('inspector', DETAIL, { id: task.id })).rectificationTask;
    expect(detail.deadlines).toEqual([
      { deadline: zhzfTask.deadline, kind: 'ISSUED' },
      { deadline: newDeadline, kind: 'EXTENSION' },
    ]);
    expect(detail.extensions).toEqual([{ status: 'APPROVED', requestedDeadline: newDeadline }]);
    const [event] = await r.db.query(
      `SELECT payload FROM outbox_event WHERE type = 'rectification.extension_decided' AND payload->>'taskId' = $1`,
      [task.id],
    );
    expect(event.payload).toMatchObject({ approved: true, previousDeadline: zhzfTask.deadline, deadline: newDeadline });
  });

  it('should escalate an overdue task to LISTED on a fake clock, one event per step however many sweeps run', async () => {
    const finding = await r.gql(
      'inspector',
      `mutation($d: ID!) { createFinding(input: { source: INSPECTION, departmentId: $d, category: "公示", severity: MAJOR, description: "行政处罚决定未在7个工作日内公示" }) { id } }`,
      { d: await r.unitId('QH-SCJG') },
    );
    const deadline = await r.addWorkingDays(today, 1);
    const task = await r.act('inspector', 'issueRectification', {
      findingIds: [finding.createFinding.id],
      coDepartmentIds: [await r.unitId('QH-ZHZF')],
      responsiblePerson: '李',
      requirements: '立即公示',
      deadline: { date: deadline },
    });
    const listedOn = await r.addWorkingDays(deadline, 10);
    const fakeNow = new Date(`${listedOn}T02:00:00Z`);
    const sweeps = t.app.get(EscalationService);
    // Today's sweep sends the reminder (the scheduled one may have beaten it to it); the fake-clock sweeps add the rest.
    await sweeps.sweep();
    const [{ before }] = await r.db.query(`SELECT count(*)::int AS before FROM rectification_escalation WHERE task_id = $1`, [task.id]);
    expect(before).toBe(1);
    const [a, b] = await Promise.all([sweeps.sweep(fakeNow), sweeps.sweep(fakeNow)]);
    const [{ after }] = await r.db.query(`SELECT count(*)::int AS after FROM rectification_escalation WHERE task_id = $1`, [task.id]);
    expect(after).toBe(4);
    expect(a.steps + b.steps).toBeGreaterThanOrEqual(after - before);
    expect((await sweeps.sweep(fakeNow)).steps).toBe(0);
    const detail = (await r.gql('inspector', DETAIL, { id: task.id })).rectificationTask;
    expect(detail.task.escalationStep).toBe('LISTED');
    expect(detail.escalations.map((e: any) => e.step)).toEqual(['REMINDER', 'URGE', 'INQUIRY', 'LISTED']);
    const events = await r.db.query(
      `SELECT payload->>'step' AS step, count(*)::int AS n FROM outbox_event WHERE type = 'rectification.escalated' AND payload->>'taskId' = $1 GROUP BY 1 ORDER BY 1`,
      [task.id],
    );
    expect(events).toEqual([
      { step: 'INQUIRY', n: 1 },
      { step: 'LISTED', n: 1 },
      { step: 'REMINDER', n: 1 },
      { step: 'URGE', n: 1 },
    ]);
    // Audited once per task and sweep, with the steps it took.
    const audits = await r.db.query(
      `SELECT after->'steps' AS steps FROM audit_entry WHERE operation = 'escalateRectification' AND target_id = $1 ORDER BY id`,
      [task.id],
    );
    expect(audits.map((x: any) => x.steps.map((s: any) => s.step))).toEqual([['REMINDER'], ['URGE', 'INQUIRY', 'LISTED']]);
    // One notice per sweep, naming the highest step it reached.
    const notes = await r.gql('officer', `{ notifications(pageSize: 50) { total unread items { id kind title taskId } } }`);
    const mine = notes.notifications.items.filter((n: any) => n.taskId === task.id);
    expect(mine.map((n: any) => [n.kind, n.title])).toEqual([
      ['ESCALATION', `挂牌督办 ${task.taskNo}`],
      ['REMINDER', `到期提醒 ${task.taskNo}`],
      ['TASK_ISSUED', `新整改任务 ${task.taskNo}`],
    ]);
    expect(notes.notifications.items.some((n: any) => n.kind === 'TASK_RETURNED')).toBe(true);
    const marked = await r.gql('officer', `mutation($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) }`, { ids: [mine[0].id] });
    expect(marked.markNotificationsRead).toBe(1);
    const unread = await r.gql('officer', `{ notifications(unreadOnly: true, pageSize: 200) { items { id } } }`);
    expect(unread.notifications.items.map((n: any) => n.id)).not.toContain(mine[0].id);
    expect(unread.notifications.items.map((n: any) => n.id)).toContain(mine[1].id);
    expect(await r.code('officer2', `mutation($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) }`, { ids: [mine[1].id] })).toBe(
      'NOT_FOUND',
    );
    // The co-department answers for its own part but cannot move the task.
    expect(await r.actCode('officer2', 'startRectification', { taskId: task.id, version: 1 })).toBe('FORBIDDEN');
    const coAck = await r.act('officer2', 'acknowledgeRectification', { taskId: task.id, version: 1 });
    expect(coAck.state).toBe('ISSUED');
  });

  it('should export a ledger that matches the data, and show an officer only their own department', async () => {
    const ledger = (await r.gql('inspector', LEDGER, { from: today })).rectificationLedger;
    expect(ledger.total).toBe(3);
    const counts = Object.fromEntries(ledger.counts.filter((c: any) => c.count).map((c: any) => [c.state, c.count]));
    expect(counts).toEqual({ CLOSED: 1, ACKNOWLEDGED: 1, ISSUED: 1 });
    const xlsx = await r.get('inspector', `/exports/rectification-ledger.xlsx?from=${today}`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const rows = [];
    for (let i = 2; i <= sheet.rowCount; i++)
      rows.push(Object.fromEntries(header.map((h, c) => [h, sheet.getRow(i).getCell(c + 1).value])));
    expect(rows).toHaveLength(3);
    for (const item of ledger.items) {
      const row = rows.find((x) => x['任务编号'] === item.taskNo)!;
      expect(row).toMatchObject({ 牵头单位: item.departmentName, 现行期限: item.deadline, 问题数: item.findingCount });
    }
    expect(rows.find((x) => x['任务编号'] === scjgTask.taskNo)).toMatchObject({ 状态: '已销号', 是否按期销号: '是', 问题来源: '案卷评查' });
    // Every column an office keeps: the findings' categories and severity, the latest measures, who verified and when, extensions.
    for (const task of await r.db.query(
      `SELECT t.task_no, (SELECT display_name FROM app_user WHERE id = t.verified_by) AS verifier,
              to_char(t.verified_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS verified_on,
              (SELECT string_agg(DISTINCT category, '、') FROM finding WHERE task_id = t.id) AS categories,
              (SELECT bool_or(severity = 'MAJOR') FROM finding WHERE task_id = t.id) AS major
         FROM rectification_task t WHERE t.issued_on >= $1`,
      [today],
    )) {
      expect(rows.find((x) => x['任务编号'] === task.task_no)).toMatchObject({
        问题类别: task.categories,
        严重程度: task.major ? '重大' : '一般',
        复查人: task.verifier ?? '',
        复查日期: task.verified_on ?? '',
      });
    }
    expect(rows.find((x) => x['任务编号'] === scjgTask.taskNo)).toMatchObject({
      整改措施: '补齐送达回证',
      复查人: expect.stringMatching(/\S/),
    });
    expect(rows.find((x) => x['任务编号'] === zhzfTask.taskNo)).toMatchObject({
      延期次数: 1,
      延期理由: expect.stringContaining('涉及案卷多，需补充调查'),
    });
    // Without a period the counts come from the trigger-kept tally: they match the rows.
    const all = (await r.gql('inspector', `{ rectificationLedger(pageSize: 1) { total counts { state count } } }`)).rectificationLedger;
    const rowsByState = await r.db.query(`SELECT state, count(*)::int AS count FROM rectification_task GROUP BY state`);
    expect(all.total).toBe(rowsByState.reduce((s: number, x: any) => s + x.count, 0));
    expect(all.counts.filter((c: any) => c.count).sort((a: any, b: any) => a.state.localeCompare(b.state))).toEqual(
      rowsByState.sort((a: any, b: any) => a.state.localeCompare(b.state)),
    );
    const mine = (await r.gql('officer', LEDGER, { from: today })).rectificationLedger;
    expect(mine.items.every((x: any) => x.departmentName === '区市场监督管理局')).toBe(true);
    const theirs = (await r.gql('officer2', LEDGER, { from: today })).rectificationLedger;
    expect(theirs.total).toBe(2); // its own task and the one it co-operates on
    const rates = (
      await r.gql(
        'inspector',
        `query($from: String) { rectificationRates(from: $from) { departmentName issued closed completionRate onTimeRate clearedDown } }`,
        { from: today },
      )
    ).rectificationRates;
    expect(rates.find((x: any) => x.departmentName === '区市场监督管理局')).toMatchObject({
      issued: 2,
      closed: 1,
      completionRate: 0.5,
      onTimeRate: 1,
      clearedDown: false,
    });
    expect(rates.find((x: any) => x.departmentName === '石桥镇人民政府')).toMatchObject({ issued: 0, clearedDown: true });
    expect(await r.code('officer', `{ rectificationRates { departmentName } }`)).toBe('FORBIDDEN');
  });
});
