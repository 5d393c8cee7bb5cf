import { readSheet } from '@ducha/common';
import { FindingService } from '@ducha/rectification';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CHECKLIST, ROUND, SAVE, SUBMIT, caseRow, PDF, PNG, unitIds, userId, waitFor } from './compliance-helpers.js';
import { startTestApp, type TestApp } from './harness.js';

const IMPORT_CHECKLIST = `mutation($c: JSON!) { importComplianceChecklist(checklist: $c) { id code version itemCount } }`;
const CREATE_ROUND = `mutation($input: CreateComplianceRoundInput!) { createComplianceRound(input: $input) { id stage version } }`;
const CREATE_OFFICER = `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id } }`;

/** Drives the issue's "Done when" through GraphQL and REST, as inspectors and administrators would. */
describe('Three enforcement systems checks (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let units: Map<string, string>;
  let checklistId: string;
  let roundId: string;
  const round = async () => (await t.gql.ok(ROUND, { id: roundId }, await t.token('inspector'))).complianceRound;
  const checkOf = async (code: string) => (await round()).checks.find((c: { departmentId: string }) => c.departmentId === units.get(code));
  const item = (check: { items: { itemCode: string }[] }, code: string) =>
    check.items.find((i) => i.itemCode === code) as Record<string, any>;
  const tokenFor = async (inspectorId: string) =>
    (await userId(t, 'inspector')) === inspectorId ? t.token('inspector') : t.token('inspector2');

  beforeAll(async () => {
    // Server mode runs jobs in a worker process; here the api runs the processors too.
    t = await startTestApp({ RUN_WORKERS: 'true' });
    db = t.app.get(DataSource);
    admin = await t.token('admin');
    units = await unitIds(t, admin);
  });
  afterAll(async () => t.close());

  it("should show the demo district's published round with scores, ranking and findings", async () => {
    const inspector = await t.token('inspector');
    const rounds = (await t.gql.ok(`{ complianceRounds { total items { id stage name } } }`, {}, inspector)).complianceRounds;
    const demo = rounds.items.find((r: { stage: string }) => r.stage === 'PUBLISHED');
    expect(demo.name).toMatch(/年度行政执法三项制度落实情况检查$/);
    const results = (
      await t.gql.ok(
        `query($id: ID!) { complianceRoundResults(roundId: $id) { departments { rank score grade } rates { key total } } }`,
        { id: demo.id },
        inspector,
      )
    ).complianceRoundResults;
    expect(results.departments).toHaveLength(8);
    expect(results.departments[0]).toMatchObject({ rank: 1, grade: expect.any(String) });
    expect((await t.app.get(FindingService).byBatch(db.manager, demo.id)).length).toBeGreaterThan(0);
  });

  it('should import the checklist as a version, idempotently, and refuse a bad one with nothing stored', async () => {
    const first = (await t.gql.ok(IMPORT_CHECKLIST, { c: CHECKLIST }, admin)).importComplianceChecklist;
    expect(first).toMatchObject({ code: 'THREE-SYSTEMS', version: '1', itemCount: 17 });
    checklistId = first.id;
    expect((await t.gql.ok(IMPORT_CHECKLIST, { c: CHECKLIST }, admin)).importComplianceChecklist.id).toBe(checklistId);
    const changed = { ...CHECKLIST, name: '改过的检查表' };
    expect(await t.gql.code(IMPORT_CHECKLIST, { c: changed }, admin)).toBe('CONFLICT');
    const badAuto = {
      ...CHECKLIST,
      version: '2',
      items: CHECKLIST.items.map((i: { code: string }) => (i.code === 'DIS-03' ? { ...i, auto: 'NO_SUCH_SCREEN' } : i)),
    };
    const refused = await t.gql.run(IMPORT_CHECKLIST, { c: badAuto }, admin);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ field: 'items[2].auto' }] });
    const badWeight = { ...CHECKLIST, version: '3', items: [{ ...CHECKLIST.items[0], weight: -1 }] };
    expect(await t.gql.code(IMPORT_CHECKLIST, { c: badWeight }, admin)).toBe('BAD_USER_INPUT');
    expect(await t.gql.code(IMPORT_CHECKLIST, { c: CHECKLIST }, await t.token('inspector'))).toBe('FORBIDDEN');
    const list = await t.gql.ok(`{ complianceChecklists { total items { version } } }`, {}, admin);
    expect(list.complianceChecklists.total).toBe(1);
  });

  it('should seed case files and officers engineered to hit every screen', async () => {
    const officer = (certificateNo: string, over: Record<string, unknown> = {}) => ({
      certificateNo,
      name: `测试${certificateNo}`,
      unitId: units.get('QH-SCJG'),
      kind: 'ADMINISTRATIVE_ENFORCEMENT',
      validFrom: '2020-01-01',
      validTo: '2030-12-31',
      legalQualification: true,
      legalReviewer: false,
      ...over,
    });
    for (const input of [officer('E2E-A1'), officer('E2E-A2'), officer('E2E-R1', { legalReviewer: true, legalQualification: false })])
      await t.gql.ok(CREATE_OFFICER, { input }, admin);
    const rows = [
      // Decided Fri 26 Sep 2025, disclosed Tue 14 Oct: the 8th working day across the National Day holiday.
      caseRow('QH-SCJG', 'E2E-DIS-LATE', { decisionDate: '2025-09-26', disclosedDate: '2025-10-14', closedDate: '2025-10-20' }),
      // Major (fine ¥200,000 for an organisation), review finished after the decision.
      caseRow('QH-SCJG', 'E2E-REV-LATE', {
        fineFen: 20_000_000,
        legalReviewSubmittedDate: '2025-06-05',
        legalReviewFinishedDate: '2025-06-12',
        legalReviewPassed: true,
      }),
      // Flagged major, no legal review at all.
      caseRow('QH-SCJG', 'E2E-REV-NONE', { major: true }),
      // On-site seizure without audio-video.
      caseRow('QH-SCJG', 'E2E-SEIZE-NOAV', {
        caseType: 'COERCION',
        penaltyKinds: [],
        fineFen: 0,
        onSiteCoercion: 'SEIZURE',
        avRecorded: false,
      }),
      caseRow('QH-SCJG', 'E2E-OK-1'),
      caseRow('QH-ZHZF', 'E2E-ZH-OK', { officerCertificateNos: ['E2E-A1', 'E2E-A2'] }),
    ];
    const report = await t.gql.ok(
      `mutation($input: ImportCaseFilesInput!) { importCaseFiles(input: $input) { ok rows errors { row column reason } } }`,
      { input: { rows } },
      admin,
    );
    expect(report.importCaseFiles).toMatchObject({ ok: true, rows: rows.length });
  });

  it('should plan a round with recusal, refusing leaders and a department no inspector may check', async () => {
    const [inspector, inspector2] = [await userId(t, 'inspector'), await userId(t, 'inspector2')];
    const input = {
      name: 'E2E 三项制度专项检查',
      checklistId,
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      departmentIds: [units.get('QH-SCJG'), units.get('QH-ZHZF')],
      inspectorIds: [inspector, inspector2],
    };
    expect(await t.gql.code(CREATE_ROUND, { input }, await t.token('leader'))).toBe('FORBIDDEN');
    // Both inspectors work in the rule-of-law office: neither may check it.
    const own = await t.gql.run(CREATE_ROUND, { input: { ...input, departmentIds: [units.get('QH-SFJ')] } }, await t.token('inspector'));
    expect(own.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ field: 'inspectorIds' }] });
    expect(await t.gql.code(CREATE_ROUND, { input: { ...input, periodTo: '2024-12-31' } }, await t.token('inspector'))).toBe(
      'BAD_USER_INPUT',
    );
    // A department of the city, above the district office's region (test fixture written directly).
    const [{ id: cityUnit }] = await db.query(
      `INSERT INTO unit (code, name, kind, region_id, is_enforcement_body) SELECT 'E2E-CITY', '市某局', 'GOVERNMENT_DEPARTMENT', id, true FROM region WHERE level = 'CITY' LIMIT 1 RETURNING id`,
    );
    const outside = await t.gql.run(
      CREATE_ROUND,
      { input: { ...input, departmentIds: [units.get('QH-SCJG'), cityUnit] } },
      await t.token('inspector'),
    );
    expect(outside.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('outside your region'),
    });
    const created = (await t.gql.ok(CREATE_ROUND, { input }, await t.token('inspector'))).createComplianceRound;
    expect(created.stage).toBe('PLANNED');
    roundId = created.id;
    const checks = (await round()).checks;
    expect(checks.map((c: { inspectorId: string }) => c.inspectorId).sort()).toEqual([inspector, inspector2].sort());
    expect((await db.query(`SELECT count(*)::int AS n FROM compliance_round WHERE name = $1`, [input.name]))[0].n).toBe(1);
  });

  it('should run the screening as a job with progress events and show each failure with its evidence', async () => {
    const planned = await checkOf('QH-SCJG');
    expect(
      await t.gql.code(
        SAVE,
        { input: { checkId: planned.id, version: planned.version, items: [{ itemCode: 'DIS-01', result: 'PASS' }] } },
        await tokenFor(planned.inspectorId),
      ),
    ).toBe('CONFLICT');
    await t.gql.ok(
      `mutation($id: ID!) { runComplianceScreening(roundId: $id) { screening } }`,
      { id: roundId },
      await t.token('inspector'),
    );
    const screened = await waitFor(round, (r) => r.stage === 'SCREENED' || r.screening === 'FAILED');
    expect(screened).toMatchObject({ stage: 'SCREENED', screening: 'DONE' });
    const scjg = await checkOf('QH-SCJG');
    const reasons = (code: string) =>
      item(scjg, code).screenFailures.map((f: { label: string; reason: string }) => `${f.label}: ${f.reason}`);
    expect(item(scjg, 'DIS-04').screenResult).not.toBe('PASS');
    expect(reasons('DIS-04')).toContain('E2E-DIS-LATE: 公示日期晚于决定日期 8 个工作日（超过 7 个工作日）');
    expect(reasons('REV-02')).toEqual(
      expect.arrayContaining([
        'E2E-REV-LATE: 重大案件（罚款 200,000 元）法制审核完成日期（2025-06-12）晚于决定日期（2025-06-10）',
        'E2E-REV-NONE: 重大案件（标记为重大案件）无法制审核记录',
      ]),
    );
    expect(reasons('REC-03')).toContain('E2E-SEIZE-NOAV: 现场查封扣押无全程音像记录');
    expect(reasons('REV-04')).toContain('E2E-R1: 法制审核人员 测试E2E-R1（证号 E2E-R1）无法律职业资格');
    for (const code of ['REV-02', 'REC-03', 'REV-04']) expect(item(scjg, code)).toMatchObject({ screenResult: 'FAIL', result: 'FAIL' });
    // Items without a screen wait for the inspector.
    expect(item(scjg, 'DIS-01')).toMatchObject({ auto: null, screenResult: null, result: null });
    const events = await db.query(
      `SELECT type, payload FROM outbox_event WHERE type IN ('compliance.screened', 'import.progressed') ORDER BY id`,
    );
    const progress = events.filter((e: { payload: { kind?: string } }) => e.payload.kind === 'COMPLIANCE_SCREENING');
    expect(progress.at(-1).payload).toMatchObject({ importId: roundId, finished: true });
    expect(
      events
        .filter((e: { type: string }) => e.type === 'compliance.screened')
        .map((e: { payload: { departmentId: string } }) => e.payload.departmentId)
        .sort(),
    ).toEqual([units.get('QH-SCJG'), units.get('QH-ZHZF')].sort());
  });

  it("should refuse bad answers with nothing changed, and keep an override's reason in the audit trail", async () => {
    const scjg = await checkOf('QH-SCJG');
    const token = await tokenFor(scjg.inspectorId);
    const save = (items: unknown[], version = scjg.version) => t.gql.run(SAVE, { input: { checkId: scjg.id, version, items } }, token);
    const issue = async (items: unknown[]) => (await save(items)).errors?.[0].extensions;
    expect(await issue([{ itemCode: 'DIS-01', result: 'MAYBE' }])).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ field: 'items[0].result' }],
    });
    expect(await issue([{ itemCode: 'DIS-01', result: 'NOT_APPLICABLE' }])).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ field: 'items[0].result' }],
    });
    expect(
      await issue([
        { itemCode: 'DIS-01', result: 'PASS' },
        { itemCode: 'REC-03', result: 'PARTIAL' },
      ]),
    ).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ field: 'items[1].overrideReason' }] });
    expect((await save([{ itemCode: 'DIS-01', result: 'PASS' }], scjg.version + 5)).errors?.[0].extensions?.code).toBe('CONFLICT');
    const other =
      (await tokenFor(scjg.inspectorId)) === (await t.token('inspector')) ? await t.token('inspector2') : await t.token('inspector');
    const asOther = await t.gql.run(
      SAVE,
      { input: { checkId: scjg.id, version: scjg.version, items: [{ itemCode: 'DIS-01', result: 'PASS' }] } },
      other,
    );
    expect(asOther.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: expect.stringContaining('assigned to another inspector'),
    });
    // The department itself never sees the round's checks before publication.
    expect(
      await t.gql.code(
        SAVE,
        { input: { checkId: scjg.id, version: scjg.version, items: [{ itemCode: 'DIS-01', result: 'PASS' }] } },
        await t.token('officer'),
      ),
    ).toBe('NOT_FOUND');
    expect(item(await checkOf('QH-SCJG'), 'DIS-01').result).toBeNull();

    const reason = '执法记录仪在执法中途电量耗尽，已附书面情况说明和补录照片';
    const saved = (
      await save([
        ...['DIS-01', 'DIS-02', 'REC-01', 'REC-02', 'REC-05', 'REV-01'].map((itemCode) => ({ itemCode, result: 'PASS' })),
        { itemCode: 'DIS-06', result: 'NOT_APPLICABLE' },
        { itemCode: 'REV-06', result: 'NOT_APPLICABLE' },
        { itemCode: 'REC-03', result: 'PARTIAL', overrideReason: reason, note: '部分音像资料缺失' },
      ])
    ).data!.saveComplianceCheck;
    expect(saved.version).toBe(scjg.version + 1);
    expect(item(saved, 'REC-03')).toMatchObject({ screenResult: 'FAIL', result: 'PARTIAL', overrideReason: reason });
    const audit = await db.query(`SELECT after FROM audit_entry WHERE operation = 'overrideComplianceScreen'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ itemCode: 'REC-03', result: 'PARTIAL', overrideReason: reason });
    expect((await round()).stage).toBe('CHECKING');
  });

  it('should take evidence files checked by content, not by name', async () => {
    const scjg = await checkOf('QH-SCJG');
    const upload = async (name: string, bytes: Buffer) =>
      request(t.app.getHttpServer())
        .post(`/files/compliance/checks/${scjg.id}/items/REC-03`)
        .set('authorization', `Bearer ${await tokenFor(scjg.inspectorId)}`)
        .attach('file', bytes, name);
    const ok = await upload('情况说明.pdf', PDF);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ contentType: 'application/pdf' });
    const lying = await upload('现场照片.pdf', PNG);
    expect(lying.status).toBe(400);
    expect(lying.body).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('not what the name') });
    expect(item(await checkOf('QH-SCJG'), 'REC-03').files.map((f: { fileName: string }) => f.fileName)).toEqual(['情况说明.pdf']);
  });

  it('should submit both checks, finalize, rank, export and hand failed and partial items to rectification', async () => {
    for (const code of ['QH-SCJG', 'QH-ZHZF']) {
      const check = await checkOf(code);
      const token = await tokenFor(check.inspectorId);
      const unanswered = check.items
        .filter((i: { result: string | null }) => i.result === null)
        .map((i: { itemCode: string; mayNotApply: boolean }) => ({
          itemCode: i.itemCode,
          result: i.mayNotApply ? 'NOT_APPLICABLE' : 'PASS',
        }));
      let version = check.version;
      if (unanswered.length)
        version = (await t.gql.ok(SAVE, { input: { checkId: check.id, version, items: unanswered } }, token)).saveComplianceCheck.version;
      expect(await t.gql.code(SUBMIT, { id: check.id, v: version - 1 }, token)).toBe('CONFLICT');
      const submitted = (await t.gql.ok(SUBMIT, { id: check.id, v: version }, token)).submitComplianceCheck;
      expect(submitted.status).toBe('SUBMITTED');
      expect(submitted.subtotals.map((s: { system: string }) => s.system).sort()).toEqual(['DISCLOSURE', 'LEGAL_REVIEW', 'RECORDING']);
    }
    const inspector = await t.token('inspector');
    const current = await round();
    expect(
      await t.gql.code(
        `mutation($id: ID!, $v: Int!) { publishComplianceRound(roundId: $id, version: $v) { stage } }`,
        { id: roundId, v: current.version },
        inspector,
      ),
    ).toBe('CONFLICT');
    const finalized = (
      await t.gql.ok(
        `mutation($id: ID!, $v: Int!) { finalizeComplianceRound(roundId: $id, version: $v) { stage version } }`,
        { id: roundId, v: current.version },
        inspector,
      )
    ).finalizeComplianceRound;
    expect(finalized.stage).toBe('FINALIZED');

    const results = (
      await t.gql.ok(
        `query($id: ID!) { complianceRoundResults(roundId: $id) { xlsxPath bulletinPath departments { rank departmentName score grade failedItems partialItems subtotals { system earned max } } rates { key passed total rate } } }`,
        { id: roundId },
        inspector,
      )
    ).complianceRoundResults;
    const scjg = results.departments.find((d: { departmentName: string }) => d.departmentName === '区市场监督管理局');
    expect(scjg.failedItems).toEqual(expect.arrayContaining(['REV-02', 'REV-04']));
    expect(scjg.partialItems).toContain('REC-03');
    expect(results.departments[0].rank).toBe(1);
    expect(results.departments[0].score).toBeGreaterThanOrEqual(results.departments[1].score);
    const coverage = results.rates.find((r: { key: string }) => r.key === 'LEGAL_REVIEW_COVERAGE');
    expect(coverage.total).toBeGreaterThanOrEqual(2);
    expect(coverage.passed).toBeLessThanOrEqual(coverage.total - 2);

    const xlsx = await request(t.app.getHttpServer())
      .get(results.xlsxPath)
      .set('authorization', `Bearer ${inspector}`)
      .buffer(true)
      .parse(binary);
    expect(xlsx.status).toBe(200);
    const sheet = await readSheet(xlsx.body);
    expect(sheet.headers.slice(0, 4)).toEqual(['排名', '单位', '得分', '等次']);
    expect(sheet.rows.map((r) => r.cells['单位'])).toEqual(expect.arrayContaining(['区市场监督管理局', '区城市管理综合行政执法局']));
    const docx = await request(t.app.getHttpServer())
      .get(results.bulletinPath)
      .set('authorization', `Bearer ${inspector}`)
      .buffer(true)
      .parse(binary);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    expect(
      (
        await request(t.app.getHttpServer())
          .get(results.xlsxPath)
          .set('authorization', `Bearer ${await t.token('officer')}`)
      ).status,
    ).toBe(404);

    const findings = await t.app.get(FindingService).byBatch(db.manager, roundId);
    const mine = findings.filter((f) => f.departmentId === units.get('QH-SCJG'));
    expect(mine.every((f) => f.source === 'THREE_SYSTEMS')).toBe(true);
    const byItem = new Map(mine.map((f) => [(f.evidence as { itemCode: string }).itemCode, f]));
    expect([...byItem.keys()]).toEqual(expect.arrayContaining(['DIS-04', 'REV-02', 'REC-03', 'REV-04']));
    expect(byItem.get('REV-02')).toMatchObject({ category: 'LEGAL_REVIEW', severity: 'MAJOR' });
    expect(byItem.get('REC-03')).toMatchObject({ category: 'RECORDING', severity: 'GENERAL' });
    expect(byItem.get('REC-03')!.evidence as { overrideReason: string; files: unknown[] }).toMatchObject({
      overrideReason: expect.stringContaining('执法记录仪'),
      files: [{ fileName: '情况说明.pdf' }],
    });
    expect(JSON.stringify(byItem.get('DIS-04')!.evidence)).toContain('公示日期晚于决定日期 8 个工作日');
    // Finalizing is one-way; findings are never doubled.
    expect(
      await t.gql.code(
        `mutation($id: ID!, $v: Int!) { finalizeComplianceRound(roundId: $id, version: $v) { stage } }`,
        { id: roundId, v: finalized.version },
        inspector,
      ),
    ).toBe('CONFLICT');

    const published = (
      await t.gql.ok(
        `mutation($id: ID!, $v: Int!) { publishComplianceRound(roundId: $id, version: $v) { stage } }`,
        { id: roundId, v: finalized.version },
        inspector,
      )
    ).publishComplianceRound;
    expect(published.stage).toBe('PUBLISHED');
    const types = (await db.query(`SELECT DISTINCT type FROM outbox_event WHERE type LIKE 'compliance.%'`)).map(
      (r: { type: string }) => r.type,
    );
    expect(types).toEqual(
      expect.arrayContaining(['compliance.screened', 'compliance.checked', 'compliance.finalized', 'compliance.published']),
    );
  });

  it('should run the standing screen on demand and publish live rates per department', async () => {
    const inspector = await t.token('inspector');
    await t.gql.ok(`mutation { runStandingComplianceScreen(year: 2025) }`, {}, inspector);
    expect(await t.gql.code(`mutation { runStandingComplianceScreen(year: 2025) }`, {}, await t.token('officer'))).toBe('FORBIDDEN');
    const rates = await waitFor(
      async () =>
        (
          await t.gql.ok(
            `query($d: ID) { complianceRates(year: 2025, departmentId: $d) { total items { departmentName disclosureOnTime { passed total } legalReviewCoverage { passed total } } } }`,
            { d: units.get('QH-SCJG') },
            inspector,
          )
        ).complianceRates,
      (r) => r.total === 1,
    );
    expect(rates.items[0].departmentName).toBe('区市场监督管理局');
    expect(rates.items[0].disclosureOnTime.total - rates.items[0].disclosureOnTime.passed).toBeGreaterThanOrEqual(1);
    expect(rates.items[0].legalReviewCoverage.total - rates.items[0].legalReviewCoverage.passed).toBeGreaterThanOrEqual(2);
    const events = await db.query(
      `SELECT payload FROM outbox_event WHERE type = 'compliance.rates_updated' AND payload->>'departmentId' = $1`,
      [units.get('QH-SCJG')],
    );
    expect(events.at(-1).payload).toMatchObject({ year: 2025, legalReviewCoverage: rates.items[0].legalReviewCoverage });
  });
});

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
