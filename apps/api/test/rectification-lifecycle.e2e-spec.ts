import { startTestApp, type TestApp } from './harness.js';
import { RectificationDriver, pdf, shanghaiToday } from './rectification-helpers.js';

const FINDING = `mutation($d: ID!, $s: FindingSource!) { createFinding(input: { source: $s, departmentId: $d, category: "程序", severity: GENERAL, description: "未制作询问笔录" }) { id } }`;

/** The rest of the state machine: co-departments, rejected extensions, cancellation, the follow-up check that reopens. */
describe('Rectification lifecycle (e2e)', () => {
  let t: TestApp;
  let r: RectificationDriver;
  const today = shanghaiToday();

  beforeAll(async () => {
    t = await startTestApp();
    r = new RectificationDriver(t);
    await r.loadNextYearCalendar();
  });
  afterAll(async () => t?.close());

  async function issue(code: string, extra: Record<string, unknown> = {}, source = 'HOTLINE'): Promise<any> {
    const f = await r.gql('inspector', FINDING, { d: await r.unitId(code), s: source });
    return r.act('inspector', 'issueRectification', {
      findingIds: [f.createFinding.id],
      responsiblePerson: '王',
      requirements: '整改',
      ...extra,
    });
  }

  it('should apply the configured default deadline per source, and 15 working days when none is configured', async () => {
    const hotline = await issue('QH-SCJG');
    expect(hotline.deadline).toBe(await r.addWorkingDays(today, 15));
    const leader = await issue('QH-SCJG', {}, 'LEADER_INSTRUCTION');
    expect(leader.deadline).toBe(await r.addWorkingDays(today, 5));
    await r.gql(
      'admin',
      `mutation { setRectificationDeadlineRule(input: { source: HOTLINE, severity: "ANY", workingDays: 10 }) { workingDays } }`,
    );
    expect((await issue('QH-SCJG')).deadline).toBe(await r.addWorkingDays(today, 10));
    expect((await issue('QH-SCJG', { deadline: { workingDays: 3 } })).deadline).toBe(await r.addWorkingDays(today, 3));
    expect(
      await r.code(
        'inspector',
        `mutation { setRectificationDeadlineRule(input: { source: HOTLINE, severity: "ANY", workingDays: 10 }) { workingDays } }`,
      ),
    ).toBe('FORBIDDEN');
  });

  it('should let a co-department acknowledge and report its own part without moving the task', async () => {
    const task = await issue('QH-SCJG', { coDepartmentIds: [await r.unitId('QH-ZHZF')] });
    await r.act('officer2', 'acknowledgeRectification', { taskId: task.id, version: 1 });
    expect(await r.actCode('officer2', 'acknowledgeRectification', { taskId: task.id, version: 1 })).toBe('CONFLICT');
    const file = await r.upload('officer2', task.id, pdf());
    expect(file.status).toBe(201);
    await r.act('officer2', 'submitRectification', {
      taskId: task.id,
      version: 1,
      text: '配合意见',
      measuresTaken: '联合检查一次',
      evidenceFileIds: [file.body.id],
    });
    const detail = (
      await r.gql(
        'inspector',
        `query($id: ID!) { rectificationTask(id: $id) { task { state } departments { departmentName role status } reports { measuresTaken } } }`,
        { id: task.id },
      )
    ).rectificationTask;
    expect(detail.task.state).toBe('ISSUED');
    expect(detail.departments).toEqual([
      { departmentName: '区市场监督管理局', role: 'LEAD', status: 'ISSUED' },
      { departmentName: '区城市管理综合行政执法局', role: 'CO', status: 'SUBMITTED' },
    ]);
    // Each step of the co-department's part is an event in the task's scope (the lead and the office watch it).
    const events = await r.db.query(
      `SELECT department_id, payload FROM outbox_event WHERE type = 'rectification.co_department_progressed' AND payload->>'taskId' = $1 ORDER BY id`,
      [task.id],
    );
    expect(events.map((e: any) => [e.department_id, e.payload.status, e.payload.coDepartmentName, e.payload.to])).toEqual([
      [await r.unitId('QH-SCJG'), 'ACKNOWLEDGED', '区城市管理综合行政执法局', 'ISSUED'],
      [await r.unitId('QH-SCJG'), 'SUBMITTED', '区城市管理综合行政执法局', 'ISSUED'],
    ]);
    // The lead cannot reuse the co-department's evidence.
    let lead = await r.act('officer', 'acknowledgeRectification', { taskId: task.id, version: 1 });
    lead = await r.act('officer', 'startRectification', { taskId: task.id, version: lead.version });
    expect(
      await r.actCode('officer', 'submitRectification', {
        taskId: task.id,
        version: lead.version,
        text: 'x',
        measuresTaken: 'y',
        evidenceFileIds: [file.body.id],
      }),
    ).toBe('BAD_USER_INPUT');
  });

  it('should reject an extension and keep the deadline, and allow only one pending request', async () => {
    let task = await issue('QH-ZHZF');
    const later = await r.addWorkingDays(task.deadline, 3);
    task = await r.act('officer2', 'requestRectificationExtension', {
      taskId: task.id,
      version: task.version,
      newDeadline: later,
      reason: '需要时间',
    });
    expect(
      await r.actCode('officer2', 'requestRectificationExtension', {
        taskId: task.id,
        version: task.version,
        newDeadline: later,
        reason: '再次',
      }),
    ).toBe('CONFLICT');
    const rejected = await r.act('inspector', 'decideRectificationExtension', {
      taskId: task.id,
      version: task.version,
      approve: false,
      note: '理由不充分',
    });
    expect(rejected.deadline).toBe(task.deadline);
    expect(
      await r.actCode('inspector', 'decideRectificationExtension', { taskId: task.id, version: rejected.version, approve: true }),
    ).toBe('CONFLICT');
    const notes = await r.gql('officer2', `{ notifications(pageSize: 100) { items { kind title taskId } } }`);
    expect(notes.notifications.items.filter((n: any) => n.taskId === task.id).map((n: any) => n.kind)).toEqual(
      expect.arrayContaining(['EXTENSION_DECIDED']),
    );
    // The issuing inspector was asked to decide (a request, not a decision).
    const asked = await r.gql('inspector', `{ notifications(pageSize: 100) { items { kind title taskId } } }`);
    expect(asked.notifications.items.filter((n: any) => n.taskId === task.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'EXTENSION_REQUESTED', title: `延期申请待审批 ${task.taskNo}` })]),
    );
    expect(asked.notifications.items.filter((n: any) => n.taskId === task.id).map((n: any) => n.kind)).not.toContain('EXTENSION_DECIDED');
  });

  it('should cancel only with a reason, by the issuing office, and refuse changes after', async () => {
    const task = await issue('QH-SCJG');
    expect(await r.actCode('inspector', 'cancelRectification', { taskId: task.id, version: 1, reason: '   ' })).toBe('BAD_USER_INPUT');
    expect(await r.actCode('officer', 'cancelRectification', { taskId: task.id, version: 1, reason: '撤销' })).toBe('FORBIDDEN');
    const cancelled = await r.act('inspector2', 'cancelRectification', { taskId: task.id, version: 1, reason: '问题重复下发' });
    expect(cancelled).toMatchObject({ state: 'CANCELLED', warningLevel: null });
    expect(await r.actCode('officer', 'acknowledgeRectification', { taskId: task.id, version: cancelled.version })).toBe('CONFLICT');
  });

  it('should schedule a follow-up after close-out and reopen the task when the problem came back', async () => {
    let task = await issue('QH-SCJG');
    task = await r.act('officer', 'acknowledgeRectification', { taskId: task.id, version: task.version });
    task = await r.act('officer', 'startRectification', { taskId: task.id, version: task.version });
    task = await r.act('officer', 'submitRectification', {
      taskId: task.id,
      version: task.version,
      text: '已整改',
      measuresTaken: '补做笔录',
      evidenceFileIds: [],
    });
    expect(await r.actCode('inspector', 'scheduleRectificationFollowUp', { taskId: task.id, version: task.version, date: today })).toBe(
      'CONFLICT',
    );
    task = await r.act('inspector', 'verifyRectification', { taskId: task.id, version: task.version });
    task = await r.act('inspector', 'closeRectification', { taskId: task.id, version: task.version });
    const followUpOn = await r.addWorkingDays(today, 20);
    task = await r.act('inspector', 'scheduleRectificationFollowUp', { taskId: task.id, version: task.version, date: followUpOn });
    const reopened = await r.act('inspector2', 'recordRectificationFollowUp', {
      taskId: task.id,
      version: task.version,
      reopen: true,
      note: '回头看发现问题反弹',
      deadline: { workingDays: 5 },
    });
    expect(reopened).toMatchObject({ state: 'IN_PROGRESS', closedOn: null, deadline: await r.addWorkingDays(today, 5) });
    const [event] = await r.db.query(`SELECT payload FROM outbox_event WHERE type = 'rectification.reopened' AND payload->>'taskId' = $1`, [
      task.id,
    ]);
    expect(event.payload).toMatchObject({ from: 'CLOSED', to: 'IN_PROGRESS', actorName: '赵评查' });
    const deadlines = (await r.gql('officer', `query($id: ID!) { rectificationTask(id: $id) { deadlines { kind } } }`, { id: task.id }))
      .rectificationTask.deadlines;
    expect(deadlines.map((d: any) => d.kind)).toEqual(['ISSUED', 'REOPENED']);
  });

  it('should let an administrator change root causes and the ladder, keeping the ladder in order', async () => {
    await r.gql(
      'admin',
      `mutation { upsertRootCause(input: { code: "RESOURCES", label: "执法力量不足", ordinal: 5, active: true }) { code } }`,
    );
    const causes = (await r.gql('inspector', `{ rectificationRootCauses { label } }`)).rectificationRootCauses.map((c: any) => c.label);
    expect(causes).toEqual(['制度缺失', '人员能力不足', '执行不到位', '监督缺位', '执法力量不足']);
    expect(
      await r.code(
        'admin',
        `mutation { setEscalationLadderStep(input: { step: "LISTED", offsetWorkingDays: 2, notice: "挂牌" }) { step } }`,
      ),
    ).toBe('BAD_USER_INPUT');
    const ladder = (
      await r.gql(
        'admin',
        `mutation { setEscalationLadderStep(input: { step: "LISTED", offsetWorkingDays: 8, notice: "挂牌督办" }) { step offsetWorkingDays } }`,
      )
    ).setEscalationLadderStep;
    expect(ladder.map((s: any) => s.offsetWorkingDays)).toEqual([-3, 1, 5, 8, 20]);
  });
});
