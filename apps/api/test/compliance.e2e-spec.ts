import { readSheet } from '@ducha/common';
import { ScreeningService } from '@ducha/compliance';
import { JobHandlers, JobName, JobProducer } from '@ducha/queue';
import type { RelayedEvent } from '@ducha/realtime';
import { FindingService } from '@ducha/rectification';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CHECKLIST, ROUND, SAVE, SUBMIT, caseRow, PDF, PNG, unitIds, userId, waitFor } from './compliance-helpers.js';
import { watchEvents } from './socket-helpers.js';
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
  const sockets: Socket[] = [];
  const round = async () => (await t.gql.ok(ROUND, { id: roundId }, await t.token('inspector'))).complianceRound;
  const checkOf = async (code: string) => (await round()).checks.find((c: { departmentId: string }) => c.departmentId === units.get(code));
  const item = (check: { items: { itemCode: string }[] }, code: string) =>
    check.items.find((i) => i.itemCode === code) as Record<string, any>;
  const tokenFor = async (inspectorId: string) =>
    (await userId(t, 'inspector')) === inspectorId ? t.token('inspector') : t.token('inspector2');

  beforeAll(async () => {
    // Server mode runs jobs and the outbox relay in a worker process; here the api runs them too.
    t = await startTestApp({ RUN_WORKERS: 'true', RUN_RELAY: 'true' });
    db = t.app.get(DataSource);
    admin = await t.token('admin');
    units = await unitIds(t, admin);
  });
  afterAll(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await t.close();
  });

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
    // Other decisions carry their disclosure dates: nearly all pass the 20-working-day screen.
    const checks = (await t.gql.ok(ROUND, { id: demo.id }, inspector)).complianceRound.checks;
    const otherDecisions = checks.map((c: { items: { itemCode: string }[] }) => item(c, 'DIS-05'));
    const [passed, total] = ['screenPassed', 'screenTotal'].map((k) =>
      otherDecisions.reduce((s: number, i: Record<string, number>) => s + i[k], 0),
    );
    expect(total).toBeGreaterThan(0);
    expect(passed / total).toBeGreaterThanOrEqual(0.9);
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
    // Legal review submitted Fri 26 Sep 2025 and finished Thu 16 Oct, the 10th working day across National Day:
    // late without an approved extension, in time with one; finished Fri 17 Oct, late even with one.
    const review = (fileNo: string, finished: string, legalReviewExtended: boolean) =>
      caseRow('QH-SCJG', fileNo, {
        filedDate: '2025-09-20',
        legalReviewSubmittedDate: '2025-09-26',
        legalReviewFinishedDate: finished,
        legalReviewPassed: true,
        legalReviewExtended,
        decisionDate: '2025-10-20',
        disclosedDate: '2025-10-21',
        closedDate: '2025-10-31',
      });
    rows.push(review('E2E-REV-NOEXT', '2025-10-16', false), review('E2E-REV-EXT-LATE', '2025-10-17', true));
    const IMPORT = `mutation($input: ImportCaseFilesInput!) { importCaseFiles(input: $input) { ok rows errors { row column reason } } }`;
    const report = await t.gql.ok(IMPORT, { input: { rows } }, admin);
    expect(report.importCaseFiles).toMatchObject({ ok: true, rows: rows.length });
    // An extension without a review on record is refused, and nothing of the import is written.
    const orphan = caseRow('QH-SCJG', 'E2E-EXT-ORPHAN', { legalReviewExtended: true });
    const refused = (await t.gql.ok(IMPORT, { input: { rows: [review('E2E-EXT-WITH-ORPHAN', '2025-10-10', true), orphan] } }, admin))
      .importCaseFiles;
    expect(refused).toMatchObject({
      ok: false,
      errors: [{ row: 2, column: '法制审核延期', reason: expect.stringContaining('submitted') }],
    });
    // The sheet import reads the extension from its own column (CSV here; .xlsx shares the column map).
    const sheet = [
      '执法单位编码,案卷编号,案件类型,案由,当事人,当事人类型,执法人员证号,立案日期,决定日期,公示日期,结案日期,法制审核提交日期,法制审核完成日期,法制审核通过,法制审核延期,处罚种类,罚款金额（元）',
      'QH-SCJG,E2E-REV-EXT-OK,行政处罚,未按规定明码标价,清河某商贸有限公司,单位,E2E-A1、E2E-A2,2025-09-20,2025-10-20,2025-10-21,2025-10-31,2025-09-26,2025-10-16,是,是,罚款,3000',
    ].join('\n');
    const uploaded = await request(t.app.getHttpServer())
      .post('/imports/case-files')
      .set('authorization', `Bearer ${admin}`)
      .attach('file', Buffer.from(sheet), 'cases.csv');
    expect(uploaded.body).toMatchObject({ ok: true, created: 1 });
    const files = await t.gql.ok(`{ caseFiles(search: "E2E-", pageSize: 100) { items { fileNo legalReviewExtended } } }`, {}, admin);
    const extended = new Map(
      files.caseFiles.items.map((f: { fileNo: string; legalReviewExtended: boolean }) => [f.fileNo, f.legalReviewExtended]),
    );
    expect(Object.fromEntries(['E2E-REV-EXT-OK', 'E2E-REV-EXT-LATE', 'E2E-REV-NOEXT'].map((n) => [n, extended.get(n)]))).toEqual({
      'E2E-REV-EXT-OK': true,
      'E2E-REV-EXT-LATE': true,
      'E2E-REV-NOEXT': false,
    });
    expect(extended.has('E2E-EXT-WITH-ORPHAN')).toBe(false);
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
    // Review time limit on the official calendar: 7 working days, 10 with an approved extension.
    expect(reasons('REV-03').sort()).toEqual([
      'E2E-REV-EXT-LATE: 法制审核用时 11 个工作日，超过 10 个工作日时限（含经批准延长的 3 个工作日）',
      'E2E-REV-NOEXT: 法制审核用时 10 个工作日，超过 7 个工作日时限',
    ]);
    // E2E-REV-EXT-OK (10 working days, extension approved) and E2E-REV-LATE (5) are in time.
    expect(item(scjg, 'REV-03').screenTotal - item(scjg, 'REV-03').screenPassed).toBe(2);
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
        // The standing screen (roundId null) may run in the background meanwhile; only this round's count here.
        .filter(
          (e: { type: string; payload: { roundId: string | null } }) => e.type === 'compliance.screened' && e.payload.roundId === roundId,
        )
        .map((e: { payload: { departmentId: string } }) => e.payload.departmentId)
        .sort(),
    ).toEqual([units.get('QH-SCJG'), units.get('QH-ZHZF')].sort());
  });

  it('should queue again a screening whose worker died, and never write a run twice', async () => {
    const inspector = await t.token('inspector');
    const RUN = `mutation($id: ID!) { runComplianceScreening(roundId: $id) { screening } }`;
    const screenedEvents = async () =>
      (
        await db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'compliance.screened' AND payload->>'roundId' = $1`, [
          roundId,
        ])
      )[0].n;
    const before = { events: await screenedEvents(), scjg: await checkOf('QH-SCJG') };
    // A worker took the job and died mid-run: the round stays RUNNING under a run no job will finish.
    const [{ id: deadRun }] = await db.query(
      `UPDATE compliance_round SET screening = 'RUNNING', screening_run_id = gen_random_uuid(), screening_heartbeat_at = now() WHERE id = $1 RETURNING screening_run_id AS id`,
      [roundId],
    );
    const refused = await t.gql.run(RUN, { id: roundId }, inspector);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('already running') });
    // Silent for longer than the timeout: taken for dead, queued again, and the new run completes.
    await db.query(`UPDATE compliance_round SET screening_heartbeat_at = now() - interval '11 minutes' WHERE id = $1`, [roundId]);
    expect((await t.gql.ok(RUN, { id: roundId }, inspector)).runComplianceScreening.screening).toBe('QUEUED');
    expect(await waitFor(round, (r) => r.screening !== 'QUEUED' && r.screening !== 'RUNNING')).toMatchObject({ screening: 'DONE' });
    const [{ id: liveRun }] = await db.query(`SELECT screening_run_id AS id FROM compliance_round WHERE id = $1`, [roundId]);
    expect(liveRun).not.toBe(deadRun);
    expect(await screenedEvents()).toBe(before.events + 2);
    // The dead run delivered late, and the finished run delivered twice (crash after commit), change nothing.
    const screening = t.app.get(ScreeningService);
    const actorId = await userId(t, 'inspector');
    expect(await screening.screenRound(roundId, actorId, deadRun)).toEqual({ cases: 0, skipped: true });
    expect(await screening.screenRound(roundId, actorId, liveRun)).toEqual({ cases: 0, skipped: true });
    expect(await screenedEvents()).toBe(before.events + 2);
    const after = await checkOf('QH-SCJG');
    for (const code of ['DIS-04', 'REV-02', 'REV-03', 'REC-03', 'REV-04'])
      expect(item(after, code).screenFailures).toEqual(item(before.scjg, code).screenFailures);
    expect(await round()).toMatchObject({ stage: 'SCREENED', screening: 'DONE' });
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
    // A malformed id is simply not found.
    const inspector = await t.token('inspector');
    expect(await t.gql.code(ROUND, { id: 'not-a-round' }, inspector)).toBe('NOT_FOUND');
    expect(await t.gql.code(SUBMIT, { id: 'not-a-check', v: 1 }, token)).toBe('NOT_FOUND');
    expect(await t.gql.code(`mutation { runComplianceScreening(roundId: "x") { screening } }`, {}, inspector)).toBe('NOT_FOUND');

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
  });

  it("should show each department its own published results and evidence, and nothing of others' nor before publication", async () => {
    const inspector = await t.token('inspector');
    const [officer, officer2] = [await t.token('officer'), await t.token('officer2')];
    const RESULTS = `query($id: ID!) { complianceRoundResults(roundId: $id) { departments { rank departmentName score grade subtotals { system earned max } failedItems partialItems } rates { key passed total } typicalProblems { itemCode } } }`;
    const CHECK = `query($id: ID!) { complianceCheck(id: $id) { id departmentId score } }`;
    const LIST = `{ complianceRounds { total items { id stage } } }`;
    const whole = await round();
    const [scjg, zhzf] = ['QH-SCJG', 'QH-ZHZF'].map((code) =>
      whole.checks.find((c: { departmentId: string }) => c.departmentId === units.get(code)),
    );
    const evidenceId = item(scjg, 'REC-03').files[0].id;
    const evidence = (token: string) =>
      request(t.app.getHttpServer()).get(`/files/compliance/evidence/${evidenceId}`).set('authorization', `Bearer ${token}`);
    const xlsx = (token: string) =>
      request(t.app.getHttpServer()).get(`/exports/compliance/rounds/${roundId}/results.xlsx`).set('authorization', `Bearer ${token}`);

    // FINALIZED, not published: the department sees nothing of the round yet.
    expect(whole.stage).toBe('FINALIZED');
    expect(await t.gql.code(ROUND, { id: roundId }, officer)).toBe('NOT_FOUND');
    expect(await t.gql.code(CHECK, { id: scjg.id }, officer)).toBe('NOT_FOUND');
    expect(await t.gql.code(RESULTS, { id: roundId }, officer)).toBe('NOT_FOUND');
    expect((await evidence(officer)).status).toBe(404);
    expect((await t.gql.ok(LIST, {}, officer)).complianceRounds.items.map((r: { id: string }) => r.id)).not.toContain(roundId);

    // Live notice of publication: each department gets its own result, the office every department's.
    const [seesScjg, seesZhzf, office] = await Promise.all(['officer', 'officer2', 'inspector'].map((u) => watchEvents(t, u)));
    sockets.push(seesScjg.socket, seesZhzf.socket, office.socket);
    const notices = (w: { events: RelayedEvent[] }) =>
      w.events.filter((e) => e.type === 'compliance.published' && (e.payload as { roundId: string }).roundId === roundId);
    const published = (
      await t.gql.ok(
        `mutation($id: ID!, $v: Int!) { publishComplianceRound(roundId: $id, version: $v) { stage } }`,
        { id: roundId, v: whole.version },
        inspector,
      )
    ).publishComplianceRound;
    expect(published.stage).toBe('PUBLISHED');
    await waitFor(
      async () => [office, seesScjg, seesZhzf].map((w) => notices(w).length),
      (n) => n[0] === 2 && n[1] >= 1 && n[2] >= 1,
    );
    await new Promise((r) => setTimeout(r, 300)); // room for a stray delivery to show up
    const notice = (check: { departmentId: string; score: number; grade: string }, departmentName: string) =>
      expect.objectContaining({
        scope: { regionPath: expect.any(String), departmentId: check.departmentId },
        payload: {
          roundId,
          roundName: expect.any(String),
          departmentId: check.departmentId,
          departmentName,
          score: check.score,
          grade: check.grade,
        },
      });
    expect(notices(seesScjg)).toEqual([notice(scjg, '区市场监督管理局')]);
    expect(notices(seesZhzf)).toEqual([notice(zhzf, '区城市管理综合行政执法局')]);
    expect(notices(office)).toEqual(expect.arrayContaining([notice(scjg, '区市场监督管理局'), notice(zhzf, '区城市管理综合行政执法局')]));

    // Published: the department's own check, score, grade, subtotals, item results and evidence.
    const listed = (await t.gql.ok(LIST, {}, officer)).complianceRounds.items;
    expect(listed.map((r: { id: string }) => r.id)).toContain(roundId);
    expect(listed.every((r: { stage: string }) => r.stage === 'PUBLISHED')).toBe(true);
    const mine = (await t.gql.ok(ROUND, { id: roundId }, officer)).complianceRound;
    expect(mine.checks).toHaveLength(1);
    expect(mine.checks[0]).toMatchObject({ id: scjg.id, score: scjg.score, grade: scjg.grade, subtotals: scjg.subtotals });
    expect(item(mine.checks[0], 'REC-03')).toMatchObject({ result: 'PARTIAL', overrideReason: expect.stringContaining('执法记录仪') });
    expect(item(mine.checks[0], 'REV-03').screenFailures).toEqual(item(scjg, 'REV-03').screenFailures);
    expect((await t.gql.ok(CHECK, { id: scjg.id }, officer)).complianceCheck).toMatchObject({ id: scjg.id, score: scjg.score });
    const download = await evidence(officer).buffer(true).parse(binary);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body, PDF)).toBe(0);
    const results = (await t.gql.ok(RESULTS, { id: roundId }, officer)).complianceRoundResults;
    expect(results.departments).toEqual([
      expect.objectContaining({
        departmentName: '区市场监督管理局',
        score: scjg.score,
        rank: expect.any(Number),
        subtotals: scjg.subtotals,
      }),
    ]);
    // Round-wide figures over the department's own files only.
    const coverage = results.rates.find((r: { key: string }) => r.key === 'LEGAL_REVIEW_COVERAGE');
    expect(coverage).toMatchObject({ passed: item(scjg, 'REV-02').screenPassed, total: item(scjg, 'REV-02').screenTotal });
    expect(results.typicalProblems.map((p: { itemCode: string }) => p.itemCode).sort()).toEqual(
      [...results.departments[0].failedItems, ...results.departments[0].partialItems].sort(),
    );

    // Nothing of another department: its check, its evidence, the round-wide exports.
    expect(await t.gql.code(CHECK, { id: zhzf.id }, officer)).toBe('NOT_FOUND');
    expect((await evidence(officer2)).status).toBe(404);
    expect((await t.gql.ok(ROUND, { id: roundId }, officer2)).complianceRound.checks.map((c: { id: string }) => c.id)).toEqual([zhzf.id]);
    expect((await xlsx(officer)).status).toBe(404);
    expect((await xlsx(inspector)).status).toBe(200);

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

  it('should schedule the standing screen nightly at 02:00 Asia/Shanghai and run it once a day', async () => {
    const name = JobName.COMPLIANCE_STANDING_SCREEN;
    const scheduler = await t.app.get(JobProducer).queue(name).getJobScheduler(name);
    expect(scheduler).toMatchObject({ pattern: '0 2 * * *', tz: 'Asia/Shanghai' });
    expect(scheduler!.every ?? null).toBeNull();
    const next = new Date(Number(scheduler!.next) + 8 * 3600_000);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([2, 0]);
    expect(Number(scheduler!.next) - Date.now()).toBeLessThanOrEqual(24 * 3600_000);

    // What the schedule delivers: a job without a year. The first job of the day screens; later ones do nothing.
    const nightly = (jobId: string) => t.app.get(JobHandlers).run({ name, id: jobId, data: {} } as never);
    await db.query(`DELETE FROM compliance_standing_run`);
    const first = (await nightly('nightly-1')) as { day: string; cases: number };
    expect(first.cases).toBeGreaterThan(0);
    expect(await nightly('nightly-2')).toEqual({ day: first.day, skipped: true });
    expect(await nightly('nightly-1')).toEqual({ day: first.day, skipped: true });
    // A claim whose job died unfinished is taken over once it is stale.
    await db.query(`UPDATE compliance_standing_run SET finished_at = NULL, started_at = now() - interval '2 hours'`);
    expect(await nightly('nightly-3')).toMatchObject({ day: first.day, cases: first.cases });
    expect(await db.query(`SELECT job_id, cases FROM compliance_standing_run`)).toEqual([{ job_id: 'nightly-3', cases: first.cases }]);
  });
});

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
