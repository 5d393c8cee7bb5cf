import { DEMO_FRAMEWORK, PlanService } from '@ducha/assessment';
import { createHash } from 'node:crypto';
import { readSheet, shanghaiDate, shanghaiYear, writeSheet } from '@ducha/common';
import { FindingService } from '@ducha/rectification';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { unitIds } from './compliance-helpers.js';
import { startTestApp, type TestApp } from './harness.js';

const IMPORT = `mutation($f: JSON!) { importAssessmentFramework(framework: $f) { id code version indicatorCount } }`;
const MEASURES = `query($y: Int!, $d: ID, $o: Boolean) { assessmentMeasures(year: $y, departmentId: $d, overdueOnly: $o, pageSize: 200) { total items { id code taskCode status overdue leadUnitId leadUnitName departmentIds departmentNames deadline progress { quarter status text files { fileName } } } } }`;
const PROGRESS = `mutation($input: MeasureProgressInput!) { reportMeasureProgress(input: $input) { id quarter status text files { fileName } } }`;
const STATS = `mutation($input: StatisticsInput!) { submitAssessmentStatistics(input: $input) { key numerator denominator revision current } }`;
const SCORE = `mutation($input: SelfReportScoreInput!) { scoreSelfReportIndicator(input: $input) }`;
const COMPUTE = `mutation($f: ID!, $y: Int!, $q: Int) { computeAssessmentScores(frameworkId: $f, year: $y, quarter: $q) { departmentId departmentName score grade rank detail publishedAt } }`;
const PUBLISH = `mutation($f: ID!, $y: Int!, $q: Int) { publishAssessmentScores(frameworkId: $f, year: $y, quarter: $q) { departmentId publishedAt } }`;
const RESULTS = `query($f: ID!, $y: Int!, $q: Int) { assessmentResults(frameworkId: $f, year: $y, quarter: $q) { departmentId score rank grade detail } }`;
const PLAN_HEADERS = ['重点任务编号', '重点任务', '措施编号', '具体措施', '牵头单位编码', '责任单位编码', '完成时限', '对应指标'];
const FRAMEWORK = { ...DEMO_FRAMEWORK, version: '2026-E2E' };
/** The demo plan and statistics are seeded for the current year (Asia/Shanghai). */
const YEAR = shanghaiYear();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const RATES = [
  'HEAD_IN_COURT',
  'JUDGMENT_PERFORMANCE',
  'NORMATIVE_DOC_FILING',
  'PROPOSAL_REPLY',
  'RECONSIDERATION_CORRECTION',
  'RECONSIDERATION_ONTIME',
];

type Indicator = {
  code: string;
  method: string;
  applicable: boolean;
  rate: number | null;
  note: string | null;
  earned: number;
  weight: number;
};

/** The issue's "Done when" through GraphQL and REST, as the office and the departments would do it. */
describe('Target management and assessment (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let units: Map<string, string>;
  let frameworkId: string;
  const upload = async (sheet: Buffer, year = YEAR) =>
    request(t.app.getHttpServer())
      .post(`/imports/assessment/${frameworkId}/plan/${year}`)
      .set('authorization', `Bearer ${admin}`)
      .attach('file', sheet, 'plan.xlsx');
  const download = async (path: string, token: string) =>
    request(t.app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await t.token('admin');
    units = await unitIds(t, admin);
  });
  afterAll(async () => t.close());

  it('should seed the demo framework, a plan of 20 key tasks and 60 measures, and two quarters of statistics', async () => {
    const list = (await t.gql.ok(`{ assessmentFrameworks { total items { id code version indicatorCount } } }`, {}, admin))
      .assessmentFrameworks;
    expect(list.items[0]).toMatchObject({ code: 'DEMO-COUNTY-FRAMEWORK', version: '2026', indicatorCount: 28 });
    const measures = (await t.gql.ok(MEASURES, { y: YEAR }, admin)).assessmentMeasures;
    expect(measures.total).toBe(60);
    expect(new Set(measures.items.map((m: { taskCode: string }) => m.taskCode)).size).toBe(20);
    const stats = await t.gql.ok(
      `query($f: ID!) { assessmentStatistics(frameworkId: $f, year: ${YEAR}) { quarter key } }`,
      { f: list.items[0].id },
      await t.token('officer'),
    );
    expect(new Set(stats.assessmentStatistics.map((s: { quarter: number }) => s.quarter))).toEqual(new Set([1, 2]));
  });

  it('should import a framework version idempotently, refuse a bad one, and freeze one that has data', async () => {
    const first = (await t.gql.ok(IMPORT, { f: FRAMEWORK }, admin)).importAssessmentFramework;
    expect(first).toMatchObject({ code: 'DEMO-COUNTY-FRAMEWORK', version: '2026-E2E', indicatorCount: 28 });
    frameworkId = first.id;
    expect((await t.gql.ok(IMPORT, { f: FRAMEWORK }, admin)).importAssessmentFramework.id).toBe(frameworkId);
    expect(await t.gql.code(IMPORT, { f: { ...DEMO_FRAMEWORK, name: '改过的' } }, admin)).toBe('CONFLICT');
    const badKey = JSON.parse(JSON.stringify(FRAMEWORK).replace('DATA:REVIEW_PASS_RATE', 'DATA:NO_SUCH_KEY'));
    const refused = await t.gql.run(IMPORT, { f: { ...badKey, version: 'BAD' } }, admin);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refused.errors?.[0].message).toMatch(/NO_SUCH_KEY/);
    expect(await t.gql.code(IMPORT, { f: { ...FRAMEWORK, version: 'X', indicators: [] } }, admin)).toBe('BAD_USER_INPUT');
    expect(await t.gql.code(IMPORT, { f: { ...FRAMEWORK, version: 'Y' } }, await t.token('inspector'))).toBe('FORBIDDEN');
    const fw = await t.gql.ok(
      `query($id: ID!) { assessmentFramework(id: $id) { template } }`,
      { id: frameworkId },
      await t.token('officer'),
    );
    expect(fw.assessmentFramework.template.indicators).toHaveLength(8);
  });

  it('should import the plan sheet, refusing a sheet with any bad row and writing nothing', async () => {
    const bad = await upload(
      await writeSheet('计划', PLAN_HEADERS, [
        ['E01', '推进严格规范公正文明执法', 'E01-1', '开展执法案卷评查', 'QH-SCJG', 'QH-ZHZF', `${YEAR}-03-31`, 'I3.1.1'],
        ['E01', '推进严格规范公正文明执法', 'E01-2', '整改评查问题', 'QH-NOPE', 'QH-ZHZF', `${YEAR}-13-01`, 'I9.9'],
      ]),
    );
    expect(bad.body).toMatchObject({ ok: false });
    expect(bad.status).toBe(201);
    expect(bad.body.ok).toBe(false);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '牵头单位编码' }),
        expect.objectContaining({ row: 3, column: '完成时限' }),
        expect.objectContaining({ row: 3, column: '对应指标' }),
      ]),
    );
    expect((await t.gql.ok(MEASURES, { y: YEAR }, admin)).assessmentMeasures.total).toBe(60);
    const good = await upload(
      await writeSheet('计划', PLAN_HEADERS, [
        ['E01', '推进严格规范公正文明执法', 'E01-1', '开展执法案卷评查', 'QH-SCJG', 'QH-ZHZF、QH-JTYS', `${YEAR}-03-31`, 'I1.1.1'],
        ['E01', '推进严格规范公正文明执法', 'E01-2', '整改评查问题', 'QH-SCJG', 'QH-ZHZF', `${YEAR}-12-31`, 'I1.1.2'],
        ['E02', '落实负责人出庭应诉', 'E02-1', '建立出庭应诉台账', 'QH-ZHZF', 'QH-SCJG', `${YEAR}-06-30`, 'I1.2.1'],
      ]),
    );
    expect(good.body).toMatchObject({ ok: true, rows: 3, created: 3, updated: 0 });
    const again = await upload(
      await writeSheet('计划', PLAN_HEADERS, [
        ['E02', '落实负责人出庭应诉', 'E02-1', '建立出庭应诉台账（修订）', 'QH-ZHZF', 'QH-SCJG', `${YEAR}-06-30`, 'I1.2.1'],
      ]),
    );
    expect(again.body).toMatchObject({ ok: true, created: 0, updated: 1 });
    const mine = (await t.gql.ok(MEASURES, { y: YEAR }, await t.token('officer'))).assessmentMeasures.items;
    expect(mine.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(['E01-1', 'E01-2', 'E02-1']));
    expect(mine.find((m: { code: string }) => m.code === 'E01-1')).toMatchObject({
      leadUnitName: '区市场监督管理局',
      departmentNames: ['区城市管理综合行政执法局', '区交通运输局'],
    });
  });

  it('should let departments report progress on their own measures only, and turn overdue measures into findings', async () => {
    const measures = (await t.gql.ok(MEASURES, { y: YEAR, d: units.get('QH-SCJG') }, admin)).assessmentMeasures.items;
    const e011 = measures.find((m: { code: string }) => m.code === 'E01-1');
    const e012 = measures.find((m: { code: string }) => m.code === 'E01-2');
    const officer = await t.token('officer');
    expect(
      (await t.gql.ok(PROGRESS, { input: { measureId: e012.id, year: YEAR, quarter: 1, status: 'DONE', text: '已完成评查' } }, officer))
        .reportMeasureProgress,
    ).toMatchObject({ status: 'DONE' });
    expect(
      await t.gql.code(
        PROGRESS,
        { input: { measureId: e012.id, year: YEAR, quarter: 1, status: 'DONE', text: 'x' } },
        await t.token('inspector'),
      ),
    ).toBe('FORBIDDEN');
    const other = (await t.gql.ok(MEASURES, { y: YEAR }, admin)).assessmentMeasures.items.find(
      (m: { leadUnitId: string; departmentIds: string[] }) =>
        m.leadUnitId !== units.get('QH-ZHZF') && !m.departmentIds.includes(units.get('QH-ZHZF')!),
    );
    expect(
      await t.gql.code(
        PROGRESS,
        { input: { measureId: other.id, year: YEAR, quarter: 1, status: 'DONE', text: 'x' } },
        await t.token('officer2'),
      ),
    ).toBe('FORBIDDEN');
    expect(await t.gql.code(PROGRESS, { input: { measureId: e012.id, year: YEAR, quarter: 5, status: 'DONE', text: 'x' } }, officer)).toBe(
      'BAD_USER_INPUT',
    );
    await t.gql.ok(PROGRESS, { input: { measureId: e011.id, year: YEAR, quarter: 1, status: 'IN_PROGRESS', text: '评查进行中' } }, officer);
    // Deadlines are Shanghai dates: a minute before midnight there E01-1 is still in time, at midnight
    // (16:00 UTC, still the deadline's date on the server) it is overdue.
    const overdueCodes = async () =>
      (await t.gql.ok(MEASURES, { y: YEAR, o: true }, admin)).assessmentMeasures.items.map((m: { code: string }) => m.code);
    const nextDay = new Date(Date.parse(`${e011.deadline}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
    await t.app.get(PlanService).sweepOverdue(new Date(`${e011.deadline}T23:59:00+08:00`));
    expect(await overdueCodes()).not.toContain('E01-1');
    const swept = await t.app.get(PlanService).sweepOverdue(new Date(`${nextDay}T00:00:00+08:00`));
    expect(swept).toBeGreaterThan(0);
    expect(await overdueCodes()).toContain('E01-1');
    expect(await t.app.get(PlanService).sweepOverdue(new Date(`${nextDay}T00:00:00+08:00`))).toBe(0);
    const findings = await t.app.get(FindingService).byBatch(db.manager, `assessment-${YEAR}`);
    const forE011 = findings.filter((f) => f.originId === e011.id);
    expect(forE011.map((f) => f.departmentId).sort()).toEqual([units.get('QH-SCJG'), units.get('QH-ZHZF'), units.get('QH-JTYS')].sort());
    expect(forE011[0]).toMatchObject({ source: 'ASSESSMENT', description: expect.stringContaining('E01-1') });
    expect(findings.some((f) => f.originId === e012.id)).toBe(false);
    const overdue = (await t.gql.ok(MEASURES, { y: YEAR, o: true }, officer)).assessmentMeasures.items.map((m: { code: string }) => m.code);
    expect(overdue).toContain('E01-1');
    expect(overdue).not.toContain('E01-2');
    const events = await db.query(`SELECT type, count(*)::int AS n FROM outbox_event WHERE type LIKE 'measure.%' GROUP BY 1`);
    expect(Object.fromEntries(events.map((e: { type: string; n: number }) => [e.type, e.n]))).toMatchObject({
      'measure.progressed': 2,
      'measure.overdue': expect.any(Number),
    });
  });

  it('should keep evidence files on a progress report: checked by content, stored by SHA-256, read by the department and the office only', async () => {
    const measures = (await t.gql.ok(MEASURES, { y: YEAR, d: units.get('QH-SCJG') }, admin)).assessmentMeasures.items;
    const e012 = measures.find((m: { code: string }) => m.code === 'E01-2');
    const officer = await t.token('officer');
    const report = (
      await t.gql.ok(
        PROGRESS,
        { input: { measureId: e012.id, year: YEAR, quarter: 2, status: 'DONE', text: '已完成，附评查报告' } },
        officer,
      )
    ).reportMeasureProgress;
    const upload = async (token: string, name: string, bytes: Buffer, progressId = report.id) =>
      request(t.app.getHttpServer())
        .post(`/files/assessment/progress/${progressId}`)
        .set('authorization', `Bearer ${token}`)
        .attach('file', bytes, name);
    const ok = await upload(officer, '评查报告.pdf', PDF);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      fileName: '评查报告.pdf',
      size: PDF.length,
      mimeType: 'application/pdf',
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const lying = await upload(officer, '现场照片.pdf', PNG);
    expect(lying.status).toBe(400);
    expect(lying.body).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('not what the name') });
    const text = await upload(officer, '说明.pdf', Buffer.from('just text, not a PDF'));
    expect(text.body).toMatchObject({ code: 'BAD_USER_INPUT' });
    const stranger = await upload(await t.token('officer2'), '冒名.pdf', PDF);
    expect(stranger.status).toBe(403);
    expect(stranger.body.code).toBe('FORBIDDEN');
    expect((await upload(await t.token('inspector'), '督察.pdf', PDF)).status).toBe(403);
    const files = (await t.gql.ok(MEASURES, { y: YEAR }, officer)).assessmentMeasures.items
      .find((m: { id: string }) => m.id === e012.id)
      .progress.find((p: { quarter: number }) => p.quarter === 2).files;
    expect(files).toEqual([{ fileName: '评查报告.pdf' }]);
    const path = `/files/assessment/progress/${report.id}/${ok.body.id}`;
    expect((await download(path, await t.token('officer2'))).status).toBe(404);
    for (const reader of [officer, await t.token('inspector')]) {
      const got = await download(path, reader);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toMatch(/application\/pdf/);
      expect((got.body as Buffer).equals(PDF)).toBe(true);
    }
    const audits = await db.query(
      `SELECT operation FROM audit_entry WHERE target_id = $1 AND operation LIKE '%MeasureEvidence' ORDER BY id`,
      [e012.id],
    );
    expect(audits.map((a: { operation: string }) => a.operation)).toEqual([
      'uploadMeasureEvidence',
      'downloadMeasureEvidence',
      'downloadMeasureEvidence',
    ]);
  });

  it('should take one submission of statistics per department and quarter, refuse bad figures, and keep corrections as history', async () => {
    const officer = await t.token('officer');
    const items = RATES.map((key) => ({ key, numerator: 4, denominator: 5 }));
    const input = { frameworkId: '', year: YEAR, quarter: 1, items };
    const submit = (over: Record<string, unknown>, token = officer) =>
      t.gql.run(STATS, { input: { ...input, frameworkId, ...over } }, token);
    const above = await submit({ items: [{ key: 'HEAD_IN_COURT', numerator: 6, denominator: 5 }] });
    expect(above.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ field: 'items[0].numerator' }] });
    expect((await submit({ items: [{ key: 'HEAD_IN_COURT', numerator: -1, denominator: 5 }] })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await submit({ items: [{ key: 'NO_SUCH', numerator: 1, denominator: 5 }] })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await submit({}, await t.token('inspector'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await submit({})).data?.submitAssessmentStatistics).toHaveLength(6);
    expect((await submit({})).errors?.[0].extensions?.code).toBe('CONFLICT');
    const corrected = (
      await submit({ items: [...items.slice(1), { key: 'HEAD_IN_COURT', numerator: 3, denominator: 4 }], reason: '漏报一件' })
    ).data?.submitAssessmentStatistics;
    expect(corrected.find((s: { key: string }) => s.key === 'HEAD_IN_COURT')).toMatchObject({
      numerator: 3,
      denominator: 4,
      revision: 2,
      current: true,
    });
    const history = (
      await t.gql.ok(
        `query($f: ID!) { assessmentStatistics(frameworkId: $f, year: ${YEAR}, quarter: 1, withHistory: true) { key revision current numerator } }`,
        { f: frameworkId },
        officer,
      )
    ).assessmentStatistics;
    expect(history.filter((s: { key: string }) => s.key === 'HEAD_IN_COURT')).toEqual([
      { key: 'HEAD_IN_COURT', revision: 2, current: true, numerator: 3 },
      { key: 'HEAD_IN_COURT', revision: 1, current: false, numerator: 4 },
    ]);
    // Correcting one figure leaves the quarter's other figures as they stand.
    const partial = (await submit({ items: [{ key: 'PROPOSAL_REPLY', numerator: 5, denominator: 5 }], reason: '补录一件答复' })).data
      ?.submitAssessmentStatistics;
    expect(partial).toHaveLength(6);
    const figure = (key: string) => partial.find((s: { key: string }) => s.key === key);
    expect(figure('PROPOSAL_REPLY')).toMatchObject({ numerator: 5, denominator: 5, revision: 3, current: true });
    expect(figure('HEAD_IN_COURT')).toMatchObject({ numerator: 3, denominator: 4, revision: 2, current: true });
    expect(figure('JUDGMENT_PERFORMANCE')).toMatchObject({ numerator: 4, denominator: 5, revision: 2, current: true });
    await t.gql.ok(
      STATS,
      { input: { ...input, frameworkId, items: RATES.map((key) => ({ key, numerator: 1, denominator: 2 })) } },
      await t.token('officer2'),
    );
  });

  it('should have inspectors score SELF_REPORT indicators, refusing off-step, too high, computed indicators and their own department', async () => {
    const inspector = await t.token('inspector');
    const input = {
      frameworkId,
      departmentId: units.get('QH-SCJG'),
      year: YEAR,
      quarter: 1,
      indicatorCode: 'I1.1.1',
      score: 2.5,
      note: '材料齐全',
    };
    expect((await t.gql.ok(SCORE, { input }, inspector)).scoreSelfReportIndicator).toBe(true);
    expect(await t.gql.code(SCORE, { input: { ...input, score: 2.3 } }, inspector)).toBe('BAD_USER_INPUT');
    expect(await t.gql.code(SCORE, { input: { ...input, score: 3.5 } }, inspector)).toBe('BAD_USER_INPUT');
    expect(await t.gql.code(SCORE, { input: { ...input, indicatorCode: 'I2.1.1' } }, inspector)).toBe('BAD_USER_INPUT');
    expect(await t.gql.code(SCORE, { input: { ...input, departmentId: units.get('QH-SFJ') } }, inspector)).toBe('FORBIDDEN');
    expect(await t.gql.code(SCORE, { input }, await t.token('leader'))).toBe('FORBIDDEN');
    expect(await t.gql.code(SCORE, { input }, await t.token('officer'))).toBe('FORBIDDEN');
    const given = `query($f: ID!, $d: ID!) { assessmentSelfScores(frameworkId: $f, departmentId: $d, year: ${YEAR}, quarter: 1) { indicatorCode score note } }`;
    expect((await t.gql.ok(given, { f: frameworkId, d: input.departmentId }, inspector)).assessmentSelfScores).toEqual([
      { indicatorCode: 'I1.1.1', score: 2.5, note: '材料齐全' },
    ]);
    expect(await t.gql.code(given, { f: frameworkId, d: input.departmentId }, await t.token('officer'))).toBe('NOT_FOUND');
    const na = `mutation($input: NotApplicableInput!) { setIndicatorNotApplicable(input: $input) }`;
    expect(
      (
        await t.gql.ok(
          na,
          {
            input: {
              frameworkId,
              departmentId: units.get('QH-SCJG'),
              indicatorCode: 'I1.1.2',
              notApplicable: true,
              reason: '本部门无此职能',
            },
          },
          inspector,
        )
      ).setIndicatorNotApplicable,
    ).toEqual(['I1.1.2']);
  });

  it('should compute the quarter with RATE figures, self-report scores and not-applicable rescaling, then rank and publish', async () => {
    const inspector = await t.token('inspector');
    const officer = await t.token('officer');
    expect((await t.gql.run(COMPUTE, { f: frameworkId, y: YEAR, q: 1 }, await t.token('leader'))).errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const results = (await t.gql.ok(COMPUTE, { f: frameworkId, y: YEAR, q: 1 }, inspector)).computeAssessmentScores;
    expect(results.length).toBeGreaterThan(20);
    for (let i = 1; i < results.length; i++) {
      expect(results[i].score).toBeLessThanOrEqual(results[i - 1].score);
      expect(results[i].rank).toBe(results[i].score === results[i - 1].score ? results[i - 1].rank : i + 1);
    }
    expect(results[0].rank).toBe(1);
    const scjg = results.find((r: { departmentId: string }) => r.departmentId === units.get('QH-SCJG'));
    const ind = (code: string): Indicator => scjg.detail.indicators.find((i: Indicator) => i.code === code);
    expect(ind('I1.1.1')).toMatchObject({ earned: 2.5, applicable: true });
    expect(ind('I1.1.2')).toMatchObject({ applicable: false });
    const excluded = (scjg.detail.indicators as Indicator[]).filter((i) => !i.applicable);
    expect(excluded.filter((i) => i.code !== 'I1.1.2').every((i) => i.method.startsWith('DATA:') && i.note === '暂无数据')).toBe(true);
    expect(scjg.detail.applicableWeight).toBe(100 - excluded.reduce((s, i) => s + i.weight, 0));
    const headInCourt = scjg.detail.indicators.find((i: Indicator) => i.method === 'RATE:HEAD_IN_COURT');
    expect(headInCourt).toMatchObject({ rate: 0.75, note: '3/4' });
    const zhzf = results.find((r: { departmentId: string }) => r.departmentId === units.get('QH-ZHZF'));
    expect(zhzf.detail.indicators.find((i: Indicator) => i.method === 'RATE:HEAD_IN_COURT')).toMatchObject({ rate: 0.5 });
    const applicableEarned = scjg.detail.indicators
      .filter((i: Indicator) => i.applicable)
      .reduce((s: number, i: Indicator) => s + i.earned, 0);
    expect(scjg.score).toBeCloseTo((100 * applicableEarned) / scjg.detail.applicableWeight, 1);
    expect((await t.gql.ok(RESULTS, { f: frameworkId, y: YEAR, q: 1 }, officer)).assessmentResults).toEqual([]);
    await t.gql.ok(PUBLISH, { f: frameworkId, y: YEAR, q: 1 }, inspector);
    const own = (await t.gql.ok(RESULTS, { f: frameworkId, y: YEAR, q: 1 }, officer)).assessmentResults;
    expect(own).toEqual([expect.objectContaining({ departmentId: units.get('QH-SCJG'), rank: scjg.rank, score: scjg.score })]);
    expect(await t.gql.code(PUBLISH, { f: frameworkId, y: YEAR, q: 1 }, inspector)).toBe('CONFLICT');
    expect(await t.gql.code(COMPUTE, { f: frameworkId, y: YEAR, q: 1 }, inspector)).toBe('CONFLICT');
    expect(
      await t.gql.code(
        SCORE,
        { input: { frameworkId, departmentId: units.get('QH-SCJG'), year: YEAR, quarter: 1, indicatorCode: 'I1.1.1', score: 1 } },
        inspector,
      ),
    ).toBe('CONFLICT');
    expect(await t.gql.code(IMPORT, { f: { ...FRAMEWORK, name: '改过的' } }, admin)).toBe('CONFLICT');
    const events = await db.query(`SELECT type, count(*)::int AS n FROM outbox_event WHERE type LIKE 'assessment.%' GROUP BY 1`);
    expect(Object.fromEntries(events.map((e: { type: string; n: number }) => [e.type, e.n]))).toMatchObject({
      'assessment.reported': 4, // a submission, two corrections, another department's submission
      'assessment.scored': results.length,
      'assessment.published': 1,
    });
    const xlsx = await download(`/exports/assessment/${frameworkId}/${YEAR}/1/results.xlsx`, inspector);
    expect(xlsx.status).toBe(200);
    const sheet = await readSheet(xlsx.body as Buffer);
    expect(sheet.headers.slice(0, 5)).toEqual(['排名', '单位编码', '单位名称', '得分', '等次']);
    expect(sheet.rows).toHaveLength(results.length);
    expect(sheet.rows[0].cells['排名']).toBe('1');
    expect(['优秀', '良好', '合格', '不合格']).toContain(sheet.rows[0].cells['等次']);
    const docx = await download(`/exports/assessment/${frameworkId}/${YEAR}/1/report.docx`, inspector);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toMatch(/wordprocessingml/);
    expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('should recompute and freeze only the office’s own region, never touching a sibling district’s results', async () => {
    // A sibling district of the same city with one department and its own Q3 result (fixture written directly).
    const [sibling] = await db.query(
      `INSERT INTO region (parent_id, level, code, name, path)
       SELECT c.parent_id, 'COUNTY', 'E2E-SIB', '相邻区', p.path || 'e2e-sib/' FROM region c JOIN region p ON p.id = c.parent_id
       WHERE c.id = (SELECT region_id FROM unit WHERE code = 'QH-SFJ') RETURNING id, path`,
    );
    const [dept] = await db.query(
      `INSERT INTO unit (code, name, kind, region_id, is_enforcement_body) VALUES ('E2E-SIB-SCJG', '相邻区市场监管局', 'GOVERNMENT_DEPARTMENT', $1, true) RETURNING id`,
      [sibling.id],
    );
    await db.query(
      `INSERT INTO assessment_result (framework_id, department_id, region_path, year, quarter, score, grade, rank, detail, published_at)
       VALUES ($1, $2, $3, $4, 3, 88.5, 'GOOD', 1, '{}', now())`,
      [frameworkId, dept.id, sibling.path, YEAR],
    );
    const inspector = await t.token('inspector');
    // The sibling's published Q3 does not freeze this district's Q3, and this district's compute leaves it as it was.
    const ours = (await t.gql.ok(COMPUTE, { f: frameworkId, y: YEAR, q: 3 }, inspector)).computeAssessmentScores;
    expect(ours.length).toBeGreaterThan(20);
    expect(ours.map((r: { departmentId: string }) => r.departmentId)).not.toContain(dept.id);
    const kept = await db.query(`SELECT score::float AS score, rank, published_at FROM assessment_result WHERE department_id = $1`, [
      dept.id,
    ]);
    expect(kept).toEqual([{ score: 88.5, rank: 1, published_at: expect.any(Date) }]);
    // Publishing this district's Q3 leaves the sibling's as it was too, and freezes this district only.
    await t.gql.ok(PUBLISH, { f: frameworkId, y: YEAR, q: 3 }, inspector);
    expect(await t.gql.code(COMPUTE, { f: frameworkId, y: YEAR, q: 3 }, inspector)).toBe('CONFLICT');
    expect(await db.query(`SELECT count(*)::int AS n FROM assessment_result WHERE department_id = $1`, [dept.id])).toEqual([{ n: 1 }]);
    await db.query(`DELETE FROM assessment_result WHERE department_id = $1`, [dept.id]);
    await db.query(`DELETE FROM unit WHERE id = $1`, [dept.id]);
    await db.query(`DELETE FROM region WHERE id = $1`, [sibling.id]);
  });

  it('should compute DATA indicators that match the reviews, three-systems checks, officers and rectification already in the database', async () => {
    let withData = 0;
    for (const year of [YEAR - 1, YEAR]) {
      const results = (await t.gql.ok(COMPUTE, { f: frameworkId, y: year }, await t.token('inspector'))).computeAssessmentScores;
      const to = `${year}-12-31`;
      const today = shanghaiDate();
      const asOf = today < to ? today : to;
      const reviews = await db.query(
        `SELECT department_id, final_grade FROM review_file WHERE final_grade IS NOT NULL AND finalized_at::date BETWEEN $1 AND $2`,
        [`${year}-01-01`, to],
      );
      const checks = await db.query(
        `SELECT DISTINCT ON (c.department_id) c.department_id, c.score::float AS score FROM compliance_check c JOIN compliance_round r ON r.id = c.round_id
        WHERE c.status = 'SUBMITTED' AND r.stage IN ('FINALIZED','PUBLISHED') AND c.submitted_at::date <= $1 ORDER BY c.department_id, c.submitted_at DESC`,
        [to],
      );
      const officers = await db.query(`SELECT unit_id, valid_from::text AS f, valid_to::text AS t, legal_reviewer FROM officer`);
      const tasks = await db.query(
        `SELECT department_id, state, deadline::text AS deadline, closed_on::text AS closed_on, closed_on_time FROM rectification_task`,
      );
      let withReviewData = 0;
      for (const r of results) {
        const rate = (key: string) => (r.detail.indicators as Indicator[]).find((i) => i.method === `DATA:${key}`)!;
        const mine = reviews.filter((x: { department_id: string }) => x.department_id === r.departmentId);
        if (mine.length) {
          withReviewData++;
          expect(rate('REVIEW_PASS_RATE').rate).toBeCloseTo(
            mine.filter((x: { final_grade: string }) => x.final_grade !== 'FAIL').length / mine.length,
            6,
          );
        } else expect(rate('REVIEW_PASS_RATE')).toMatchObject({ applicable: false, note: '暂无数据' });
        const check = checks.find((c: { department_id: string }) => c.department_id === r.departmentId);
        if (check) expect(rate('COMPLIANCE_SCORE').rate).toBeCloseTo(check.score / 100, 6);
        else expect(rate('COMPLIANCE_SCORE').applicable).toBe(false);
        const staff = officers.filter((o: { unit_id: string }) => o.unit_id === r.departmentId);
        const valid = staff.filter((o: { f: string; t: string }) => o.f <= to && o.t >= to);
        if (staff.length) expect(rate('CERTIFIED_OFFICER_RATE').rate).toBeCloseTo(valid.length / staff.length, 6);
        if (valid.length)
          expect(rate('REVIEWER_RATIO').rate).toBeCloseTo(
            Math.min(1, valid.filter((o: { legal_reviewer: boolean }) => o.legal_reviewer).length / valid.length / 0.05),
            6,
          );
        const mineTasks = tasks.filter((x: { department_id: string }) => x.department_id === r.departmentId);
        const closed = mineTasks.filter(
          (x: { state: string; closed_on: string }) => x.state === 'CLOSED' && x.closed_on >= `${year}-01-01` && x.closed_on <= to,
        );
        if (closed.length)
          expect(rate('RECTIFICATION_ONTIME_RATE').rate).toBeCloseTo(
            closed.filter((x: { closed_on_time: boolean }) => x.closed_on_time).length / closed.length,
            6,
          );
        else expect(rate('RECTIFICATION_ONTIME_RATE').applicable).toBe(false);
        const late = mineTasks.some(
          (x: { state: string; deadline: string }) => !['CLOSED', 'CANCELLED'].includes(x.state) && x.deadline < asOf,
        );
        expect(rate('RECTIFICATION_CLEARDOWN').rate).toBe(late ? 0 : 1);
      }
      withData += checks.length + withReviewData;
    }
    expect(withData).toBeGreaterThan(0);
  });
});
