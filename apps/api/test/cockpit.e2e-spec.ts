import { DEMO_FRAMEWORK, PlanService, rateKeys } from '@ducha/assessment';
import { CalendarService } from '@ducha/calendar';
import { CockpitRebuildService } from '@ducha/cockpit';
import { StandingScreenService } from '@ducha/compliance';
import type { DomainEventPayloads, DomainEventType, EventScope } from '@ducha/contracts';
import { shanghaiYear } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { OutboxReader, OutboxService } from '@ducha/realtime';
import { testMode } from '@ducha/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { insertRegion } from '@ducha/org';
import { startTestApp, type TestApp } from './harness.js';
import { pdf, RectificationDriver, shanghaiToday } from './rectification-helpers.js';
import { addInspector, CampaignWalk, interleave, prng, RoundWalk, type ReviewedFile } from './review-helpers.js';

const COCKPIT = `query($r: ID!, $p: String!) { cockpit(regionId: $r, period: $p, pageSize: 50) {
  asOfSeq departmentTotal
  kpis { filesReviewed meanScore passRate complianceChecks meanComplianceScore disclosureOnTimeRate legalReviewCoverage avFiledRate
         tasksIssued tasksOpen tasksClosed tasksCancelled tasksOverdue completionRate onTimeRate departmentsWithTasks departmentsCleared clearDownRate }
  ranking { rank departmentName filesReviewed meanScore complianceScore disclosureOnTimeRate }
  gradeDistribution { key count } rectificationFunnel { key count } warningLevels { key count }
  overdue { taskNo departmentName deadline daysOverdue } trend { month filesReviewed tasksIssued }
  assessment { year quarter scores { quarter departments meanScore } ranking { rank departmentName score }
    indicators { code title earned weight rate } rates { quarter key numerator denominator rate departments }
    measures { key count } measuresLate lateMeasures { code title leadUnitName deadline daysLate } } } }`;

const TABLES = [
  'cockpit_region_deadline',
  'cockpit_department_period',
  'cockpit_region_period',
  'cockpit_task',
  'cockpit_compliance_score',
  'cockpit_rates',
  'cockpit_review_file',
  'cockpit_assessment',
  'cockpit_region_assessment',
  'cockpit_measure',
  'cockpit_state',
];
/** The demo's assessment plan and statistics are seeded for this year (Asia/Shanghai). */
const YEAR = shanghaiYear();
const CLOSED_OR_CANCELLED = ['CLOSED', 'CANCELLED'];
const STATS = `mutation($input: StatisticsInput!) { submitAssessmentStatistics(input: $input) { key } }`;
const PROGRESS = `mutation($input: MeasureProgressInput!) { reportMeasureProgress(input: $input) { id } }`;
const COMPUTE = `mutation($f: ID!, $y: Int!, $q: Int) { computeAssessmentScores(frameworkId: $f, year: $y, quarter: $q) { departmentId score } }`;
const RATE_KEYS = rateKeys(DEMO_FRAMEWORK);
const OPEN = ['ISSUED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'VERIFIED'];
const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const FIGURES = `query($r: ID!, $p: String!) { cockpit(regionId: $r, period: $p, pageSize: 200) {
  kpis { filesReviewed complianceChecks } ranking { departmentId filesReviewed grades { key count } } } }`;

/** What the review campaigns and check rounds put into a department's row of a year. */
interface ReviewFigures {
  files: number;
  grades: Record<string, number>;
  passed: number;
  scoreSum: number;
  checks: number;
  checkScoreSum: number;
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
    const key = (row: unknown) => JSON.stringify(row);
    for (const table of TABLES)
      out[table] = ((await ds.query(`SELECT * FROM ${table}`)) as unknown[]).sort((a, b) => key(a).localeCompare(key(b)));
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

  /** One step of a task's life through the real GraphQL mutations, by the people who may take it. */
  async function realTaskStep(
    r: RectificationDriver,
    rnd: () => number,
    live: { id: string; version: number; state: string; officer: string }[],
  ) {
    const open = live.filter((x) => !CLOSED_OR_CANCELLED.includes(x.state));
    if (open.length === 0 || rnd() < 0.3) {
      const officer = rnd() < 0.5 ? 'officer' : 'officer2';
      const departmentId = await r.unitId(officer === 'officer' ? 'QH-SCJG' : 'QH-ZHZF');
      const finding = await r.gql('inspector', `mutation($f: CreateFindingInput!) { createFinding(input: $f) { id } }`, {
        f: {
          departmentId,
          source: 'INSPECTION',
          severity: 'GENERAL',
          category: '执法程序',
          description: `驾驶舱随机操作 ${live.length + 1}`,
        },
      });
      const task = await r.act('inspector', 'issueRectification', {
        findingIds: [finding.createFinding.id],
        requirements: '限期整改',
        responsiblePerson: '王科长',
        coDepartmentIds: [],
      });
      live.push({ id: task.id, version: task.version, state: task.state, officer });
      return;
    }
    const task = open[Math.floor(rnd() * open.length)];
    const ref = { taskId: task.id, version: task.version };
    const roll = rnd();
    let next;
    if (task.state === 'ISSUED' && roll < 0.15) next = await r.act('inspector', 'cancelRectification', { ...ref, reason: '合并处理' });
    else if (task.state === 'ISSUED') next = await r.act(task.officer, 'acknowledgeRectification', ref);
    else if (task.state === 'ACKNOWLEDGED' || task.state === 'RETURNED') next = await r.act(task.officer, 'startRectification', ref);
    else if (task.state === 'IN_PROGRESS') {
      const upload = await r.upload(task.officer, task.id, pdf(), '整改报告.pdf');
      next = await r.act(task.officer, 'submitRectification', {
        ...ref,
        text: '整改报告',
        measuresTaken: '建立台账',
        evidenceFileIds: [upload.body.id],
      });
    } else if (task.state === 'SUBMITTED' && roll < 0.3)
      next = await r.act('inspector', 'returnRectification', { ...ref, reason: '佐证不足' });
    else if (task.state === 'SUBMITTED') next = await r.act('inspector', 'verifyRectification', ref);
    else next = await r.act('inspector', 'closeRectification', ref);
    Object.assign(task, { version: next.version, state: next.state });
  }

  beforeAll(async () => {
    // Server mode leaves jobs (the round's screening) to a worker process; here the api runs them too.
    t = await startTestApp({ RUN_RELAY: 'true', RUN_WORKERS: 'true' });
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

  it('should rebuild from the source tables exactly what the relay maintained, after a random mix of real operations', async () => {
    const r = new RectificationDriver(t);
    const ds = t.app.get(DataSource);
    const year = Number(shanghaiToday().slice(0, 4));
    const [scjg, zhzf, sthj] = await Promise.all(['QH-SCJG', 'QH-ZHZF', 'QH-STHJ'].map((code) => r.unitId(code)));
    await addInspector(t, 'inspector3', '钱复核');
    await settled();
    const before = await reviewFigures(year, [scjg, zhzf, sthj]);

    const { first, again, round, reReviewed, walks } = reviewWalks(year, [scjg, zhzf, sthj]);
    const rnd = prng(11);
    const live: { id: string; version: number; state: string; officer: string }[] = [];
    await interleave(prng(5), walks, () => realTaskStep(r, rnd, live), 24);
    expect(new Set(live.map((x) => x.state)).size).toBeGreaterThan(2);
    await t.app.get(StandingScreenService).screenYear(year);
    await assessmentOperations();
    await settled();
    const maintained = await dump();
    expect(maintained.cockpit_task.length).toBeGreaterThan(live.length);
    expect(maintained.cockpit_assessment.length).toBeGreaterThan(0);

    // The campaigns: a veto, re-checks whose score is final, grades that differ; the re-review changed a counted file.
    expect(first.vetoHits).toBeGreaterThan(0);
    for (const [caseFileId, score] of first.rechecked)
      expect(first.files.find((f) => f.caseFileId === caseFileId)).toMatchObject({ status: 'FINAL', finalScore: score });
    expect(new Set(first.files.map((f) => f.finalGrade)).size).toBeGreaterThan(1);
    await expectReReviewed(first, again, scjg, reReviewed());
    expect(round.overridden).not.toBe('');
    expect(round.checks).toHaveLength(2);
    expectCounted(before, await reviewFigures(year, [scjg, zhzf, sthj]), [first, again], round.checks);

    // The region row's department counts (clear-down) are what a GROUP BY over the department rows gives.
    const [district] = await ds.query(`SELECT r.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code = 'QH-SFJ'`);
    const [expected] = await ds.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE tasks_issued > 0)::int AS with_tasks,
              count(*) FILTER (WHERE tasks_issued > 0 AND tasks_issued = tasks_closed + tasks_cancelled)::int AS cleared
         FROM cockpit_department_period WHERE period = $1 AND region_path LIKE $2`,
      [String(year), `${district.path}%`],
    );
    const { cockpit } = await t.gql.ok(COCKPIT, { r: district.id, p: String(year) }, await t.token('leader'));
    expect(cockpit.departmentTotal).toBe(expected.total);
    expect(cockpit.kpis.departmentsWithTasks).toBe(expected.with_tasks);
    expect(cockpit.kpis.departmentsCleared).toBe(expected.cleared);
    expect(expected.with_tasks).toBeGreaterThan(0);

    const result = await t.app.get(CockpitRebuildService).rebuild();
    expect(result.asOfSeq).toBe(Number((maintained.cockpit_state[0] as { as_of_seq: string }).as_of_seq));
    expect(await dump()).toEqual(maintained);
  });

  /**
   * This year's campaign over three departments (each of QH-STHJ's files has a vetoed sheet, so goes
   * to re-check), then QH-SCJG's files again (the same seed draws the same files) with the best of
   * them vetoed by both reviewers; and a three-systems round over two departments.
   */
  function reviewWalks(year: number, [scjg, zhzf, sthj]: string[]) {
    const ds = t.app.get(DataSource);
    const first = new CampaignWalk(
      t,
      {
        name: `${year}年度行政执法案卷评查（驾驶舱）`,
        year,
        departmentIds: [scjg, zhzf, sthj],
        filesPerDepartment: 2,
        seed: 'cockpit-review',
        reviewers: ['inspector', 'inspector2', 'inspector3'],
        recheckRule: { belowFailLine: true, differentGrades: true, maxSpread: 10 },
        veto: (file, nth) => file.departmentId === sthj && nth === 0,
      },
      prng(23),
      async (disputed, final) => {
        // A file counts once final; a disputed one not before its re-check is in.
        await settled();
        const counted = await ds.query(`SELECT case_file_id FROM cockpit_review_file WHERE case_file_id = ANY($1::uuid[])`, [
          [...disputed, ...final].map((f) => f.caseFileId),
        ]);
        expect(disputed.length).toBeGreaterThan(0);
        expect(counted.map((c: { case_file_id: string }) => c.case_file_id).sort()).toEqual(final.map((f) => f.caseFileId).sort());
      },
    );
    const best = () => first.files.filter((f) => f.departmentId === scjg).sort((a, b) => b.finalScore! - a.finalScore!)[0];
    const again = new CampaignWalk(
      t,
      {
        ...first.plan,
        name: `${year}年度市场监管案卷复评（驾驶舱）`,
        departmentIds: [scjg],
        reviewers: ['inspector', 'inspector2'],
        recheckRule: { belowFailLine: false, differentGrades: false, maxSpread: null },
        veto: (file) => file.caseFileId === best().caseFileId,
      },
      prng(29),
    );
    async function* campaigns(): AsyncGenerator<string> {
      yield* first.steps();
      yield* again.steps();
    }
    const round = new RoundWalk(t, year, [scjg, zhzf], prng(31));
    return { first, again, round, reReviewed: () => best().caseFileId, walks: [campaigns(), round.steps()] };
  }

  /** The re-review drew the same files and changed their final results; the cockpit holds the latest. */
  async function expectReReviewed(first: CampaignWalk, again: CampaignWalk, departmentId: string, caseFileId: string): Promise<void> {
    const redrawn = (walk: CampaignWalk) => walk.files.filter((f) => f.departmentId === departmentId).map((f) => f.caseFileId);
    expect(redrawn(again).sort()).toEqual(redrawn(first).sort());
    expect(again.files.find((f) => f.caseFileId === caseFileId)).toMatchObject({ finalScore: 0, finalGrade: 'FAIL' });
    expect(first.files.find((f) => f.caseFileId === caseFileId)!.finalGrade).not.toBe('FAIL');
    const [counted] = await t.app
      .get(DataSource)
      .query(`SELECT score::float8 AS score, grade, passed FROM cockpit_review_file WHERE case_file_id = $1`, [caseFileId]);
    expect(counted).toEqual({ score: 0, grade: 'FAIL', passed: false });
  }

  /** The district cockpit's figures of a year for some departments (exact sums from their maintained rows). */
  async function reviewFigures(
    year: number,
    departmentIds: string[],
  ): Promise<{ files: number; checks: number; of: Map<string, ReviewFigures> }> {
    const ds = t.app.get(DataSource);
    const [district] = await ds.query(`SELECT r.id FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code = 'QH-SFJ'`);
    const { cockpit } = await t.gql.ok(FIGURES, { r: district.id, p: String(year) }, await t.token('leader'));
    const rows = await ds.query(
      `SELECT department_id, files_passed, score_sum::float8 AS score_sum, checks, check_score_sum::float8 AS check_score_sum
         FROM cockpit_department_period WHERE period = $1 AND department_id = ANY($2::uuid[])`,
      [String(year), departmentIds],
    );
    const of = new Map<string, ReviewFigures>();
    for (const id of departmentIds) {
      const row = rows.find((x: { department_id: string }) => x.department_id === id) ?? {};
      const shown = cockpit.ranking.find((d: { departmentId: string }) => d.departmentId === id);
      of.set(id, {
        files: shown?.filesReviewed ?? 0,
        grades: Object.fromEntries((shown?.grades ?? []).map((g: { key: string; count: number }) => [g.key, g.count])),
        passed: row.files_passed ?? 0,
        scoreSum: row.score_sum ?? 0,
        checks: row.checks ?? 0,
        checkScoreSum: row.check_score_sum ?? 0,
      });
    }
    return { files: cockpit.kpis.filesReviewed, checks: cockpit.kpis.complianceChecks, of };
  }

  /** Each reviewed file counts once, with its latest final result; each submitted check once, with its score. */
  function expectCounted(
    before: Awaited<ReturnType<typeof reviewFigures>>,
    after: Awaited<ReturnType<typeof reviewFigures>>,
    walks: CampaignWalk[],
    checks: { departmentId: string; score: number }[],
  ): void {
    const latest = new Map<string, ReviewedFile>();
    for (const walk of walks) for (const f of walk.files) latest.set(f.caseFileId, f);
    expect(after.files - before.files).toBe(latest.size);
    expect(after.checks - before.checks).toBe(checks.length);
    for (const [id, was] of before.of) {
      const files = [...latest.values()].filter((f) => f.departmentId === id);
      const own = checks.filter((c) => c.departmentId === id);
      const grades: Record<string, number> = { ...was.grades };
      for (const f of files) grades[f.finalGrade!] = (grades[f.finalGrade!] ?? 0) + 1;
      const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
      const now = after.of.get(id)!;
      expect({ ...now, scoreSum: Math.round(now.scoreSum * 100) / 100, checkScoreSum: Math.round(now.checkScoreSum * 100) / 100 }).toEqual({
        files: was.files + files.length,
        grades,
        passed: was.passed + files.filter((f) => f.finalGrade !== 'FAIL').length,
        scoreSum: Math.round((was.scoreSum + sum(files.map((f) => f.finalScore!))) * 100) / 100,
        checks: was.checks + own.length,
        checkScoreSum: Math.round((was.checkScoreSum + sum(own.map((c) => c.score))) * 100) / 100,
      });
    }
  }

  /** Statistics for Q3, a measure done, Q3 scores, the overdue sweep: each through the assessment's own API. */
  async function assessmentOperations(): Promise<void> {
    const admin = await t.token('admin');
    const [fw] = (await t.gql.ok(`{ assessmentFrameworks { items { id } } }`, {}, admin)).assessmentFrameworks.items;
    const items = RATE_KEYS.map((key) => ({ key, numerator: 1, denominator: 4 }));
    await t.gql.ok(STATS, { input: { frameworkId: fw.id, year: YEAR, quarter: 3, items } }, await t.token('officer'));
    const scjg = await new RectificationDriver(t).unitId('QH-SCJG');
    // A measure the department leads if it has one (its report sets the status), else one it shares.
    const [measure] = (
      await t.gql.ok(
        `query($d: ID) { assessmentMeasures(year: ${YEAR}, departmentId: $d, pageSize: 200) { items { id status leadUnitId } } }`,
        { d: scjg },
        admin,
      )
    ).assessmentMeasures.items
      .filter((x: { status: string }) => x.status !== 'DONE')
      .sort((x: { leadUnitId: string }, y: { leadUnitId: string }) => Number(y.leadUnitId === scjg) - Number(x.leadUnitId === scjg));
    await t.gql.ok(
      PROGRESS,
      { input: { measureId: measure.id, year: YEAR, quarter: 3, status: 'DONE', text: '已完成' } },
      await t.token('officer'),
    );
    await t.gql.ok(COMPUTE, { f: fw.id, y: YEAR, q: 3 }, await t.token('inspector'));
    await t.app.get(PlanService).sweepOverdue(new Date());
  }

  it('should show the assessment live: RATE statistics by quarter, scores, indicators and the plan’s measures', async () => {
    const ds = t.app.get(DataSource);
    const [district] = await ds.query(`SELECT r.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code = 'QH-SFJ'`);
    const before = (await t.gql.ok(COCKPIT, { r: district.id, p: String(YEAR) }, await t.token('leader'))).cockpit.assessment;
    const officer2 = await t.token('officer2');
    const [fw] = (await t.gql.ok(`{ assessmentFrameworks { items { id } } }`, {}, await t.token('admin'))).assessmentFrameworks.items;
    await t.gql.ok(
      STATS,
      { input: { frameworkId: fw.id, year: YEAR, quarter: 3, items: RATE_KEYS.map((key) => ({ key, numerator: 5, denominator: 10 })) } },
      officer2,
    );
    await settled();
    const { assessment } = (await t.gql.ok(COCKPIT, { r: district.id, p: String(YEAR) }, await t.token('leader'))).cockpit;
    const q3 = (cockpit: typeof assessment) =>
      cockpit.rates.find((x: { quarter: number; key: string }) => x.quarter === 3 && x.key === 'HEAD_IN_COURT');
    // The office's figure for the head-in-court rate in Q3 is the sum of both departments' reports: (1 + 5) / (4 + 10).
    expect(q3(before)).toMatchObject({ numerator: 1, denominator: 4, departments: 1 });
    expect(q3(assessment)).toMatchObject({ numerator: 6, denominator: 14, rate: 0.4286, departments: 2 });
    expect(assessment.rates.filter((x: { quarter: number }) => x.quarter === 1)).toHaveLength(RATE_KEYS.length);

    const [{ n: results }] = await ds.query(`SELECT count(*)::int AS n FROM assessment_result WHERE year = ${YEAR} AND quarter = 3`);
    expect(assessment.quarter).toBe(3);
    expect(assessment.scores.find((x: { quarter: number }) => x.quarter === 3).departments).toBe(results);
    const [{ top }] = await ds.query(`SELECT max(score)::float AS top FROM assessment_result WHERE year = ${YEAR} AND quarter = 3`);
    expect(assessment.ranking[0].score).toBe(top);
    expect(assessment.indicators.length).toBe(8);
    expect(assessment.indicators[0].title).not.toBe('');

    const [status] = await ds.query(
      `SELECT count(*) FILTER (WHERE status = 'DONE')::int AS done, count(*)::int AS total,
              count(*) FILTER (WHERE status <> 'DONE' AND deadline < $1)::int AS late
         FROM assessment_measure ms JOIN assessment_key_task k ON k.id = ms.key_task_id WHERE k.year = ${YEAR}`,
      [shanghaiToday()],
    );
    expect(assessment.measures.find((x: { key: string }) => x.key === 'DONE').count).toBe(status.done);
    expect(assessment.measures.reduce((sum: number, x: { count: number }) => sum + x.count, 0)).toBe(status.total);
    expect(assessment.measuresLate).toBe(status.late);
    expect(assessment.lateMeasures.length).toBe(Math.min(20, status.late));
  });

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
    // Yellow: at most three working days left on the official calendar (not three calendar days).
    const yellowUntil = await t.app.get(CalendarService).addWorkingDays(today, 3);
    const openTasks = all.filter((x) => OPEN.includes(x.state));
    expect(Object.fromEntries(cockpit.warningLevels.map((w: { key: string; count: number }) => [w.key, w.count]))).toEqual({
      RED: openTasks.filter((x) => x.deadline < today).length,
      YELLOW: openTasks.filter((x) => x.deadline >= today && x.deadline <= yellowUntil).length,
      GREEN: openTasks.filter((x) => x.deadline > yellowUntil).length,
    });
    const withTasks = departments.map((_, d) => all.filter((x) => x.dept === d));
    expect(cockpit.departmentTotal).toBe(2);
    expect(cockpit.kpis.departmentsWithTasks).toBe(withTasks.filter((list) => list.length > 0).length);
    expect(cockpit.kpis.departmentsCleared).toBe(
      withTasks.filter((list) => list.length > 0 && list.every((x) => CLOSED_OR_CANCELLED.includes(x.state))).length,
    );
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

  it('should refuse a department officer, a region outside the office, and a malformed period', async () => {
    const year = String(new Date().getUTCFullYear());
    expect(await t.gql.code(COCKPIT, { r: regionId, p: year }, await t.token('officer'))).toBe('FORBIDDEN');
    expect(await t.gql.code(COCKPIT, { r: randomUUID(), p: year }, await t.token('leader'))).toBe('NOT_FOUND');
    expect(await t.gql.code(COCKPIT, { r: regionId, p: '2026-13' }, await t.token('leader'))).toBe('BAD_USER_INPUT');
    expect(await t.gql.code(`mutation { rebuildCockpit }`, {}, await t.token('leader'))).toBe('FORBIDDEN');
  });
});
