import type { RelayedEvent } from '@ducha/realtime';
import { EscalationService, NOTIFICATION_CHANNELS, type NotificationChannel } from '@ducha/rectification';
import { testMode } from '@ducha/testing';
import type { Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from './harness.js';
import { RectificationDriver, pdf, shanghaiToday } from './rectification-helpers.js';
import { watchEvents } from './socket-helpers.js';

interface Listener {
  socket: Socket;
  events: RelayedEvent[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const notes = (l: Listener) =>
  l.events.filter((e) => e.type === 'notification.created').map((e) => e.payload as { userId: string; title: string; kind: string });
const saw = (l: Listener, type: string, taskId: string) =>
  l.events.some((e) => e.type === type && (e.payload as { taskId?: string }).taskId === taskId);

/**
 * A notification reaches only the person it is for, live and in the notification centre: a
 * colleague of the same office or department who watches the same task's events gets none of it.
 */
describe(`Rectification notifications reach only their user (e2e, ${testMode()})`, () => {
  let t: TestApp;
  let r: RectificationDriver;
  const open: Socket[] = [];
  const users: Record<string, string> = {};
  /** What a pluggable channel (SMS, WeCom…) was handed, in order. */
  const channel: { userId: string; kind: string; title: string; body: string; taskId: string | null }[] = [];

  async function watch(username: string): Promise<Listener> {
    const listener = await watchEvents(t, username);
    open.push(listener.socket);
    return listener;
  }

  beforeAll(async () => {
    // Server mode: this api process also stands for the relay (a worker process does in production).
    t = await startTestApp({ RUN_RELAY: 'true' });
    r = new RectificationDriver(t);
    t.app.get<NotificationChannel[]>(NOTIFICATION_CHANNELS).push({
      name: 'recording',
      deliver: async (n) => void channel.push({ userId: n.userId, kind: n.kind, title: n.title, body: n.body, taskId: n.taskId }),
    });
    // A second officer of the market regulator: a colleague of `officer` in the same unit.
    await r.db.query(
      `INSERT INTO app_user (username, display_name, unit_id, roles, password_hash)
       SELECT 'officer-colleague', '同科室联络员', unit_id, roles, password_hash FROM app_user WHERE username = 'officer'`,
    );
    for (const row of await r.db.query(
      `SELECT id, username FROM app_user WHERE username IN ('inspector', 'inspector2', 'officer', 'officer-colleague')`,
    ))
      users[row.username] = row.id;
  });
  afterAll(async () => {
    open.splice(0).forEach((s) => s.disconnect());
    await t?.close();
  });

  it("should push a report's notification to its issuer only, not to a colleague of the same office", async () => {
    const finding = await r.gql(
      'inspector',
      `mutation($d: ID!) { createFinding(input: { source: HOTLINE, departmentId: $d, category: "执法态度", severity: GENERAL, description: "执法人员未出示证件" }) { id } }`,
      { d: await r.unitId('QH-SCJG') },
    );
    let task = await r.act('inspector', 'issueRectification', {
      findingIds: [finding.createFinding.id],
      responsiblePerson: '王',
      requirements: '整改',
    });
    await r.act('officer', 'acknowledgeRectification', { taskId: task.id, version: 1 });
    task = await r.act('officer', 'startRectification', { taskId: task.id, version: 2 });
    const file = await r.upload('officer', task.id, pdf());
    const [issuer, colleague, officer2] = await Promise.all([watch('inspector'), watch('inspector2'), watch('officer2')]);
    await r.act('officer', 'submitRectification', {
      taskId: task.id,
      version: task.version,
      text: '已整改',
      measuresTaken: '补发执法证件并培训',
      evidenceFileIds: [file.body.id],
    });
    const submitted = { userId: users.inspector, title: `整改报告待复查 ${task.taskNo}`, kind: 'TASK_SUBMITTED' };
    await until(
      () => notes(issuer).some((n) => n.title === submitted.title) && saw(colleague, 'rectification.submitted', task.id),
      'the issuer notified',
    );
    await sleep(300);
    expect(notes(issuer)).toEqual([expect.objectContaining(submitted)]);
    // The colleague sees the task move (same office) but not the note addressed to the issuer.
    expect(notes(colleague)).toEqual([]);
    expect(notes(officer2)).toEqual([]);
    const centre = `{ notifications(pageSize: 100) { items { title taskId } } }`;
    expect((await r.gql('inspector', centre)).notifications.items).toContainEqual({
      title: `整改报告待复查 ${task.taskNo}`,
      taskId: task.id,
    });
    expect((await r.gql('inspector2', centre)).notifications.items.filter((n: any) => n.taskId === task.id)).toEqual([]);
    expect(channel.filter((n) => n.taskId === task.id && n.kind === 'TASK_SUBMITTED')).toEqual([
      expect.objectContaining({ userId: users.inspector, title: submitted.title }),
    ]);
  });

  it("should push the sweep's escalation notices to the department's officers only", async () => {
    const finding = await r.gql(
      'inspector',
      `mutation($d: ID!) { createFinding(input: { source: INSPECTION, departmentId: $d, category: "公示", severity: MAJOR, description: "处罚决定未公示" }) { id } }`,
      { d: await r.unitId('QH-SCJG') },
    );
    const deadline = await r.addWorkingDays(shanghaiToday(), 1);
    const task = await r.act('inspector', 'issueRectification', {
      findingIds: [finding.createFinding.id],
      responsiblePerson: '李',
      requirements: '立即公示',
      deadline: { date: deadline },
    });
    const [officer, sameUnit, inspector2, officer2] = await Promise.all([
      watch('officer'),
      watch('officer-colleague'),
      watch('inspector2'),
      watch('officer2'),
    ]);
    const report = await t.app.get(EscalationService).sweep(new Date(`${await r.addWorkingDays(deadline, 1)}T02:00:00Z`));
    expect(report.steps).toBeGreaterThanOrEqual(1);
    // First seen a day after its deadline: urged; the reminder before the deadline is moot by then.
    expect(await r.db.query(`SELECT step FROM rectification_escalation WHERE task_id = $1`, [task.id])).toEqual([{ step: 'URGE' }]);
    // The sweep's notices on this task (the issue notice may still be on its way when the sockets connect).
    const mine = (l: Listener) => notes(l).filter((n) => n.kind === 'ESCALATION' && n.title.endsWith(task.taskNo));
    await until(
      () => mine(officer).length === 1 && mine(sameUnit).length === 1 && saw(inspector2, 'rectification.escalated', task.id),
      'notices',
    );
    await sleep(300);
    // Each officer of the department gets their own notice, addressed to them.
    expect(mine(officer)).toEqual([expect.objectContaining({ userId: users.officer, title: `催办 ${task.taskNo}` })]);
    expect(mine(sameUnit)).toEqual([expect.objectContaining({ userId: users['officer-colleague'] })]);
    expect(notes(inspector2)).toEqual([]);
    expect(mine(officer2)).toEqual([]);
    // The pluggable channels get the sweep's notices too, once each, with the text the officers read.
    const urged = channel.filter((n) => n.taskId === task.id && n.kind === 'ESCALATION');
    expect(urged.map((n) => n.userId).sort()).toEqual([users.officer, users['officer-colleague']].sort());
    expect(urged[0]).toMatchObject({ title: `催办 ${task.taskNo}`, body: expect.stringContaining(`整改期限 ${deadline}`) });
  });
});
