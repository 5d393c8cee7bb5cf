import { CockpitRebuildService } from '@ducha/cockpit';
import type { DomainEventPayloads, DomainEventType, EventScope } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { OutboxReader, OutboxService } from '@ducha/realtime';
import { testMode } from '@ducha/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { insertRegion } from '@ducha/org';
import { startTestApp, type TestApp } from './harness.js';

const COCKPIT = `query($r: ID!, $p: String!) { cockpit(regionId: $r, period: $p, pageSize: 50) {
  asOfSeq departmentTotal
  kpis { filesReviewed meanScore passRate complianceChecks meanComplianceScore disclosureOnTimeRate legalReviewCoverage avFiledRate
         tasksIssued tasksOpen tasksClosed tasksCancelled tasksOverdue completionRate onTimeRate departmentsWithTasks departmentsCleared clearDownRate }
  ranking { rank departmentName filesReviewed meanScore complianceScore disclosureOnTimeRate }
  gradeDistribution { key count } rectificationFunnel { key count } warningLevels { key count }
  overdue { taskNo departmentName deadline daysOverdue } trend { month filesReviewed tasksIssued } } }`;

const TABLES = [
  'cockpit_region_deadline',
  'cockpit_department_period',
  'cockpit_region_period',
  'cockpit_task',
  'cockpit_compliance_score',
  'cockpit_rates',
  'cockpit_review_file',
  'cockpit_state',
];
const OPEN = ['ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'VERIFIED'];
const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

describe(`Cockpit read model (e2e, ${testMode()})`, () => {
  let t: TestApp;
  let regionId: string;
  let departments: { id: string; name: string; scope: EventScope }[];
  const files = new Map<string, { score: number; passed: boolean; grade: string }>();
  const tasks = new Map<string, { state: string; dept: number; deadline: string; onTime: boolean }>();

  async function emit<T extends DomainEventType>(type: T, scope: EventScope, payload: DomainEventPayloads[T]): Promise<void> {
    const outbox = t.app.get(OutboxService);
    await t.app.get(TransactionRunner).run((m) => outbox.emit(m, type, scope, payload));
  }

  async function settled(): Promise<number> {
    const head = await t.app.get(OutboxReader).headSeq();
    const ds = t.app.get(DataSource);
    for (let i = 0; i < 200; i++) {
      const [{ pending }] = await ds.query('SELECT count(*)::int AS pending FROM outbox_event WHERE seq IS NULL');
      const [{ as_of_seq }] = await ds.query('SELECT as_of_seq FROM cockpit_state');
      if (pending === 0 && Number(as_of_seq) >= head) return Number(as_of_seq);
      await sleep(50);
    }
    throw new Error('the relay did not catch up');
  }

  async function dump(): Promise<Record<string, unknown[]>> {
    const ds = t.app.get(DataSource);
    const out: Record<string, unknown[]> = {};
    // A period row whose figures all went back to zero reads the same as no row.
    const figures = (table: string) =>
      table.endsWith('_period')
        ? `WHERE NOT (files_reviewed = 0 AND checks = 0 AND tasks_issued = 0 AND disclosure_total = 0 AND legal_review_total = 0 AND av_total = 0)`
        : '';
    for (const table of TABLES) out[table] = await ds.query(`SELECT * FROM ${table} ${figures(table)} ORDER BY 1, 2`);
    return out;
  }

  /** A random mix: scores and re-scores, checks and re-checks, rate updates, tasks walking their states. */
  async function randomOperations(count: number, seed: number): Promise<void> {
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const rounds = [randomUUID(), randomUUID()];
    const fileIds = Array.from({ length: 25 }, () => randomUUID());
    for (let i = 0; i < count; i++) {
      const d = Math.floor(rnd() * departments.length);
      const dept = departments[d];
      const roll = rnd();
      if (roll < 0.3) {
        const caseFileId = pick(fileIds);
        const score = Math.round(rnd() * 1000) / 10;
        const grade = GRADES[Math.min(3, Math.floor((100 - score) / 25))];
        const existing = files.get(caseFileId);
        const owner = existing ? departments[(existing as unknown as { dept: number }).dept] : dept;
        files.set(caseFileId, { score, passed: score >= 60, grade, dept: departments.indexOf(owner) } as never);
        await emit('review.file_scored', owner.scope, {
          campaignId: rounds[0],
          caseFileId,
          departmentId: owner.id,
          caseType: 'PENALTY',
          score,
          grade,
          passed: score >= 60,
          scoredAt: new Date().toISOString(),
        });
      } else if (roll < 0.45) {
        await emit('compliance.checked', dept.scope, {
          roundId: pick(rounds),
          departmentId: dept.id,
          score: Math.round(rnd() * 100),
          grade: 'GOOD',
        });
      } else if (roll < 0.55) {
        const total = 10 + Math.floor(rnd() * 20);
        const part = () => ({ passed: Math.floor(rnd() * total), total });
        await emit('compliance.rates_updated', dept.scope, {
          departmentId: dept.id,
          year: new Date().getUTCFullYear(),
          disclosureOnTime: part(),
          legalReviewCoverage: part(),
          avFiled: part(),
        });
      } else {
        await stepTask(rnd, d);
      }
    }
  }

  async function stepTask(rnd: () => number, d: number): Promise<void> {
    const open = [...tasks.entries()].filter(([, task]) => task.state !== 'CANCELLED');
    const base = (taskId: string, dept: number, from: string | null, to: string, deadline: string) => ({
      taskId,
      taskNo: `ZG-${taskId.slice(0, 6)}`,
      departmentId: departments[dept].id,
      departmentName: departments[dept].name,
      from,
      to,
      deadline,
      source: 'REVIEW',
      actorName: 'test',
    });
    if (open.length === 0 || rnd() < 0.25) {
      const taskId = randomUUID();
      const deadline = new Date(Date.now() + (Math.floor(rnd() * 30) - 10) * 86_400_000).toISOString().slice(0, 10);
      tasks.set(taskId, { state: 'ISSUED', dept: d, deadline, onTime: false });
      return emit('rectification.issued', departments[d].scope, { ...base(taskId, d, null, 'ISSUED', deadline), findings: 1 });
    }
    const [taskId, task] = open[Math.floor(rnd() * open.length)];
    const scope = departments[task.dept].scope;
    const from = task.state;
    const p = (to: string) => base(taskId, task.dept, from, to, task.deadline);
    const r = rnd();
    if (task.state === 'CLOSED') {
      task.state = 'ISSUED';
      return emit('rectification.reopened', scope, p('ISSUED'));
    }
    if (r < 0.1) {
      task.state = 'CANCELLED';
      return emit('rectification.cancelled', scope, { ...p('CANCELLED'), reason: 'test' });
    }
    const next: Record<string, string> = {
      ISSUED: 'ACKNOWLEDGED',
      ACKNOWLEDGED: 'SUBMITTED',
      IN_PROGRESS: 'SUBMITTED',
      RETURNED: 'SUBMITTED',
      SUBMITTED: r < 0.3 ? 'RETURNED' : 'VERIFIED',
      VERIFIED: 'CLOSED',
    };
    const to = next[task.state];
    task.state = to;
    if (to === 'ACKNOWLEDGED') return emit('rectification.acknowledged', scope, p(to));
    if (to === 'SUBMITTED') return emit('rectification.submitted', scope, p(to));
    if (to === 'RETURNED') return emit('rectification.returned', scope, { ...p(to), reason: 'not enough' });
    if (to === 'VERIFIED') return emit('rectification.verified', scope, p(to));
    task.onTime = r < 0.6;
    return emit('rectification.closed', scope, { ...p(to), onTime: task.onTime });
  }

  beforeAll(async () => {
    t = await startTestApp({ RUN_RELAY: 'true' });
    // A town of its own under the demo district, so the seeded demo figures do not mix with these.
    const ds = t.app.get(DataSource);
    const [district] = await ds.query(`SELECT r.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code = 'QH-SFJ'`);
    const town = await t.app.get(TransactionRunner).run((m) =>
      insertRegion(m, {
        parentId: district.id,
        level: 'TOWN' as never,
        code: 'T-COCKPIT',
        name: '驾驶舱测试镇',
        parentPath: district.path,
      }),
    );
    regionId = town.id;
    departments = [];
    for (const [code, name] of [
      ['T-A', '测试局甲'],
      ['T-B', '测试局乙'],
    ]) {
      const [{ id }] = await ds.query(
        `INSERT INTO unit (code, name, kind, region_id, is_enforcement_body) VALUES ($1, $2, 'GOVERNMENT_DEPARTMENT', $3, true) RETURNING id`,
        [code, name, town.id],
      );
      departments.push({ id, name, scope: { regionPath: town.path, departmentId: id } });
    }
  });
  afterAll(async () => t.close());

  it('should answer the whole cockpit in one query with figures that match the operations, as of the last seq', async () => {
    await randomOperations(150, 42);
    const head = await settled();
    const year = String(new Date(Date.now() + 8 * 3600_000).getUTCFullYear());
    const { cockpit } = await t.gql.ok(COCKPIT, { r: regionId, p: year }, await t.token('leader'));
    expect(cockpit.asOfSeq).toBe(head);
    const scored = [...files.values()];
    expect(cockpit.kpis.filesReviewed).toBe(scored.length);
    expect(cockpit.kpis.meanScore).toBeCloseTo(scored.reduce((s, f) => s + f.score, 0) / scored.length, 1);
    expect(cockpit.kpis.passRate).toBeCloseTo(scored.filter((f) => f.passed).length / scored.length, 3);
    const all = [...tasks.values()];
    const closed = all.filter((x) => x.state === 'CLOSED');
    expect(cockpit.kpis.tasksIssued).toBe(all.length);
    expect(cockpit.kpis.tasksClosed).toBe(closed.length);
    expect(cockpit.kpis.tasksCancelled).toBe(all.filter((x) => x.state === 'CANCELLED').length);
    expect(cockpit.kpis.tasksOpen).toBe(all.filter((x) => OPEN.includes(x.state)).length);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(cockpit.kpis.tasksOverdue).toBe(all.filter((x) => OPEN.includes(x.state) && x.deadline < today).length);
    const overdue = all
      .filter((x) => OPEN.includes(x.state) && x.deadline < today)
      .map((x) => x.deadline)
      .sort();
    expect(cockpit.overdue.map((o: { deadline: string }) => o.deadline)).toEqual(overdue.slice(0, 20));
    if (closed.length) expect(cockpit.kpis.onTimeRate).toBeCloseTo(closed.filter((x) => x.onTime).length / closed.length, 3);
    else expect(cockpit.kpis.onTimeRate).toBeNull();
    const funnel = Object.fromEntries(cockpit.rectificationFunnel.map((f: { key: string; count: number }) => [f.key, f.count]));
    for (const state of [...OPEN, 'CLOSED', 'CANCELLED']) expect(funnel[state] ?? 0).toBe(all.filter((x) => x.state === state).length);
    expect(cockpit.gradeDistribution.reduce((s: number, g: { count: number }) => s + g.count, 0)).toBe(scored.length);
    expect(cockpit.ranking.map((r: { departmentName: string }) => r.departmentName).sort()).toEqual(departments.map((d) => d.name).sort());
    expect(cockpit.trend.at(-1).filesReviewed).toBe(scored.length);
  });

  it('should rebuild set-wise from the events exactly what the relay maintained event by event, after another random mix', async () => {
    await randomOperations(250, 7);
    await settled();
    const maintained = await dump();
    const ours = new Set(departments.map((d) => d.id));
    expect(maintained.cockpit_task.filter((x) => ours.has((x as { department_id: string }).department_id)).length).toBe(tasks.size);
    expect([...tasks.values()].some((x) => x.state === 'CLOSED')).toBe(true);
    const result = await t.app.get(CockpitRebuildService).rebuild();
    expect(result.asOfSeq).toBe(Number((maintained.cockpit_state[0] as { as_of_seq: string }).as_of_seq));
    expect(await dump()).toEqual(maintained);
  });

  it('should refuse a department officer, a region outside the office, and a malformed period', async () => {
    const year = String(new Date().getUTCFullYear());
    expect(await t.gql.code(COCKPIT, { r: regionId, p: year }, await t.token('officer'))).toBe('FORBIDDEN');
    expect(await t.gql.code(COCKPIT, { r: randomUUID(), p: year }, await t.token('leader'))).toBe('NOT_FOUND');
    expect(await t.gql.code(COCKPIT, { r: regionId, p: '2026-13' }, await t.token('leader'))).toBe('BAD_USER_INPUT');
    expect(await t.gql.code(`mutation { rebuildCockpit }`, {}, await t.token('leader'))).toBe('FORBIDDEN');
  });
});
