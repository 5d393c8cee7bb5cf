import { readFileSync } from 'node:fs';
import request from 'supertest';
import { readSheet, writeSheet } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { startTestApp, type TestApp } from './harness.js';

const RUBRICS = 'libs/scoring/src/fixtures';
const mee = JSON.parse(readFileSync(`${RUBRICS}/mee-penalty-general-2024.json`, 'utf8'));
const licensing = JSON.parse(readFileSync(`${RUBRICS}/example-licensing-deduct100.json`, 'utf8'));

type Item = { code: string; kind: string; maxPoints?: number; children?: Item[] };
/** Full marks: every EARN leaf earns its maximum (a reviewer must state what each document earns). */
function fullMarks(template: { sections: { items: Item[] }[] }): Record<string, { points: number }> {
  const answers: Record<string, { points: number }> = {};
  const walk = (items: Item[]) =>
    items.forEach((i) => (i.children?.length ? walk(i.children) : i.kind === 'EARN' && (answers[i.code] = { points: i.maxPoints! })));
  template.sections.forEach((s) => walk(s.items));
  return answers;
}

const HEADERS = [
  '执法单位编码',
  '案卷编号',
  '案件类型',
  '案由',
  '当事人',
  '当事人类型',
  '执法人员证号',
  '立案日期',
  '决定日期',
  '结案日期',
  '重大案件',
  '全程音像记录',
  '音像资料归档',
];
const DEPTS = ['QH-SCJG', 'QH-ZHZF', 'QH-STHJ'];
const RECUSED_CERT = 'QH-E2E-0003';

function caseRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const dept of DEPTS) {
    const officers = dept === 'QH-STHJ' ? `QH20190100、${RECUSED_CERT}` : 'QH20190001、QH20190002';
    const add = (no: string, type: string, closed: string) =>
      rows.push([dept, `${dept}-${no}`, type, '违法行为', '某公司', '单位', officers, '2023-10-08', closed, closed, '否', '是', '是']);
    for (let i = 1; i <= 8; i++) add(`CF-${i}`, '行政处罚', `2024-0${1 + (i % 5)}-1${i}`);
    for (let i = 1; i <= 4; i++) add(`XK-${i}`, '行政许可', `2024-0${1 + i}-20`);
    add('OLD-1', '行政处罚', '2023-12-20');
    add('JC-1', '行政检查', '2024-03-03');
  }
  return rows;
}

const q = {
  campaign: `query($id: ID!) { reviewCampaign(id: $id) { id stage seed version } }`,
  files: `query($c: ID!) { reviewFiles(campaignId: $c, pageSize: 200) { total items { id caseFileId fileNo departmentId caseType status finalScore finalGrade } } }`,
  mine: `query($c: ID!) { myScoreSheets(campaignId: $c, pageSize: 200) { total items { id reviewFileId kind status version } } }`,
  sheets: `query($f: ID!) { scoreSheets(reviewFileId: $f) { id reviewerId status score grade vetoHits } }`,
  save: `mutation($i: ScoreSheetInput!) { saveScoreSheet(input: $i) { id version status } }`,
  submit: `mutation($i: ScoreSheetInput!) { submitScoreSheet(input: $i) { id status score grade vetoHits version } }`,
};

describe('Case-file review campaign, end to end', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let campaignId = '';
  const ok = (query: string, vars: Record<string, unknown>, who: string) => t.gql.ok(query, vars, tok[who]);
  const err = async (query: string, vars: Record<string, unknown>, who: string) => (await t.gql.run(query, vars, tok[who])).errors?.[0];
  const sql = (text: string, params: unknown[] = []) => t.app.get(TransactionRunner).manager.query(text, params);
  const download = (path: string, who: string) =>
    request(t.app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${tok[who]}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['admin', 'inspector', 'inspector2', 'officer', 'leader']) tok[u] = await t.token(u);
    const units = (await ok(`{ units(pageSize: 200) { items { id code } } }`, {}, 'admin')).units.items as { id: string; code: string }[];
    for (const u of units) ids[u.code] = u.id;
    const users = (await ok(`{ users(pageSize: 200) { items { id username } } }`, {}, 'admin')).users.items as {
      id: string;
      username: string;
    }[];
    for (const u of users) ids[u.username] = u.id;
    // A third inspector, who also holds the certificate named on QH-STHJ's files.
    const created = await ok(
      `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`,
      { i: { username: 'inspector3', displayName: '钱复核', unitId: ids['QH-SFJ'], roles: ['INSPECTOR'], password: 'Ducha@2026' } },
      'admin',
    );
    ids.inspector3 = created.createUser.id;
    await ok(
      `mutation($i: CreateOfficerInput!) { createOfficer(input: $i) { id } }`,
      {
        i: {
          certificateNo: RECUSED_CERT,
          name: '钱复核',
          unitId: ids['QH-SFJ'],
          kind: 'SUPERVISION',
          validFrom: '2024-01-01',
          validTo: '2030-12-31',
        },
      },
      'admin',
    );
    tok.inspector3 = await t.token('inspector3');
  });
  afterAll(async () => t.close());

  it("should import three departments' files from .xlsx and both shared rubrics", async () => {
    const sheet = await writeSheet('案卷', HEADERS, caseRows());
    const res = await request(t.app.getHttpServer())
      .post('/imports/case-files')
      .set('authorization', `Bearer ${tok.admin}`)
      .attach('file', sheet, 'files.xlsx');
    expect(res.body.errors).toEqual([]);
    expect(res.body).toMatchObject({ ok: true, rows: 42, created: 42 });
    const IMPORT = `mutation($t: JSON!) { importRubric(template: $t) { id code version formula } }`;
    const a = (await ok(IMPORT, { t: mee }, 'admin')).importRubric;
    const b = (await ok(IMPORT, { t: licensing }, 'admin')).importRubric;
    expect([a.formula, b.formula]).toEqual(['LEGALITY_PLUS_NORMATIVITY', 'DEDUCT_FROM_100']);
    expect((await ok(IMPORT, { t: mee }, 'admin')).importRubric.id).toBe(a.id);
    expect((await err(IMPORT, { t: { ...mee, version: '2099', gradeBands: [] } }, 'admin'))?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await err(IMPORT, { t: mee }, 'inspector'))?.extensions?.code).toBe('FORBIDDEN');
    expect((await ok(`{ rubric(code: "MEE-PENALTY-GENERAL", version: "2024") { name } }`, {}, 'inspector')).rubric.name).toContain(
      '生态环境',
    );
  });

  it('should plan a campaign, take a self-check report and draw reproducibly from a seed', async () => {
    const input = {
      name: '2024年上半年行政执法案卷评查',
      year: 2024,
      periodFrom: '2024-01-01',
      periodTo: '2024-06-30',
      caseTypes: ['PENALTY', 'LICENSING'],
      departmentIds: DEPTS.map((d) => ids[d]),
      filesPerDepartment: 3,
      reviewersPerFile: 2,
      reviewerIds: [ids.inspector, ids.inspector2, ids.inspector3],
      rubrics: [
        { caseType: 'PENALTY', code: 'MEE-PENALTY-GENERAL', version: '2024' },
        { caseType: 'LICENSING', code: 'EXAMPLE-LICENSING', version: '1' },
      ],
      recheckRule: { belowFailLine: true, differentGrades: true, maxSpread: 10 },
    };
    const CREATE = `mutation($i: CreateReviewCampaignInput!) { createReviewCampaign(input: $i) { id stage } }`;
    expect((await err(CREATE, { i: { ...input, rubrics: input.rubrics.slice(0, 1) } }, 'inspector'))?.message).toMatch(
      /rubrics: choose a rubric for case type LICENSING/,
    );
    expect((await err(CREATE, { i: input }, 'leader'))?.extensions?.code).toBe('FORBIDDEN');
    campaignId = (await ok(CREATE, { i: input }, 'inspector')).createReviewCampaign.id;
    await ok(`mutation($c: ID!) { startSelfCheck(campaignId: $c) { stage } }`, { c: campaignId }, 'inspector');
    const report = await ok(
      `mutation($i: SelfCheckReportInput!) { submitSelfCheckReport(input: $i) { departmentId filesChecked } }`,
      { i: { campaignId, totalFiles: 14, filesChecked: 14, failedFiles: 1, problems: '一件案卷未按时公示' } },
      'officer',
    );
    expect(report.submitSelfCheckReport).toEqual({ departmentId: ids['QH-SCJG'], filesChecked: 14 });

    const DRAW = `mutation($c: ID!, $s: String) { drawSample(campaignId: $c, seed: $s) { stage seed } }`;
    const drawn = async (seed: string) => {
      expect((await ok(DRAW, { c: campaignId, s: seed }, 'inspector')).drawSample).toEqual({ stage: 'DRAWN', seed });
      return (await ok(q.files, { c: campaignId }, 'inspector')).reviewFiles.items as {
        caseFileId: string;
        fileNo: string;
        caseType: string;
        departmentId: string;
      }[];
    };
    const first = await drawn('e2e-seed-1');
    expect(first).toHaveLength(9);
    for (const d of DEPTS) {
      const mine = first.filter((f) => f.departmentId === ids[d]);
      // 8 penalty : 4 licensing files in the period → 2 : 1 of the 3 drawn; never outside the period or scope.
      expect(mine.map((f) => f.caseType).sort()).toEqual(['LICENSING', 'PENALTY', 'PENALTY']);
      expect(mine.every((f) => !/OLD|JC/.test(f.fileNo))).toBe(true);
    }
    const other = await drawn('another-seed');
    const again = await drawn('e2e-seed-1');
    expect(again.map((f) => f.caseFileId).sort()).toEqual(first.map((f) => f.caseFileId).sort());
    expect(other.map((f) => f.caseFileId).sort()).not.toEqual(first.map((f) => f.caseFileId).sort());
    const [audit] = await sql(`SELECT after FROM audit_entry WHERE operation = 'drawSample' AND target_id = $1 ORDER BY id DESC LIMIT 1`, [
      campaignId,
    ]);
    expect(audit.after.seed).toBe('e2e-seed-1');
    expect(audit.after.caseFileIds).toEqual(first.map((f) => f.caseFileId).sort());
    expect(audit.after.strata).toHaveLength(6);
  });

  it('should assign two distinct reviewers per file, balanced, with no recusal breach', async () => {
    await ok(`mutation($c: ID!) { assignReviewers(campaignId: $c) { stage } }`, { c: campaignId }, 'inspector');
    const rows: { reviewer_id: string; dept: string; review_file_id: string }[] = await sql(
      `SELECT s.reviewer_id, u.code AS dept, s.review_file_id FROM score_sheet s JOIN review_file f ON f.id = s.review_file_id JOIN unit u ON u.id = f.department_id WHERE s.campaign_id = $1`,
      [campaignId],
    );
    expect(rows).toHaveLength(18);
    const perFile = new Map<string, Set<string>>();
    for (const r of rows) perFile.set(r.review_file_id, (perFile.get(r.review_file_id) ?? new Set()).add(r.reviewer_id));
    expect([...perFile.values()].every((s) => s.size === 2)).toBe(true);
    const load = [ids.inspector, ids.inspector2, ids.inspector3].map((r) => rows.filter((x) => x.reviewer_id === r).length);
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
    // inspector3 holds a certificate named on every QH-STHJ file: recused from all of them.
    expect(rows.filter((r) => r.dept === 'QH-STHJ' && r.reviewer_id === ids.inspector3)).toEqual([]);
    const sthjSheet = rows.find((r) => r.dept === 'QH-STHJ')!;
    const [{ id: sheetId }] = await sql(`SELECT id FROM score_sheet WHERE review_file_id = $1 AND reviewer_id = $2`, [
      sthjSheet.review_file_id,
      sthjSheet.reviewer_id,
    ]);
    const refused = await err(
      `mutation($s: ID!, $r: ID!) { reassignScoreSheet(sheetId: $s, reviewerId: $r) { id } }`,
      { s: sheetId, r: ids.inspector3 },
      'inspector',
    );
    expect(refused?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'RECUSAL_CASE_OFFICER' });
    expect(
      (await err(`mutation($c: ID!) { drawSample(campaignId: $c) { stage } }`, { c: campaignId }, 'inspector'))?.extensions?.code,
    ).toBe('CONFLICT');
  });

  it('should score blind through GraphQL, refuse bad sheets, and send a disputed file to re-check', async () => {
    const files = (await ok(q.files, { c: campaignId }, 'inspector')).reviewFiles.items as {
      id: string;
      caseType: string;
      departmentId: string;
    }[];
    const vetoFile = files.find((f) => f.caseType === 'PENALTY' && f.departmentId === ids['QH-SCJG'])!;
    const licFile = files.find((f) => f.caseType === 'LICENSING' && f.departmentId === ids['QH-ZHZF'])!;
    const mineOf = async (who: string) =>
      (await ok(q.mine, { c: campaignId }, who)).myScoreSheets.items as { id: string; reviewFileId: string; version: number }[];
    const sheetsBy = {
      inspector: await mineOf('inspector'),
      inspector2: await mineOf('inspector2'),
      inspector3: await mineOf('inspector3'),
    };
    expect(sheetsBy.inspector.length + sheetsBy.inspector2.length + sheetsBy.inspector3.length).toBe(18);
    const reviewersOf = (fileId: string) =>
      (Object.keys(sheetsBy) as (keyof typeof sheetsBy)[]).filter((w) => sheetsBy[w].some((s) => s.reviewFileId === fileId));
    const [vetoA, vetoB] = reviewersOf(vetoFile.id);
    const sheetOf = (who: keyof typeof sheetsBy, fileId: string) => sheetsBy[who].find((s) => s.reviewFileId === fileId)!;

    // Bad input: a sheet not assigned to the caller, above-maximum points, a not-applicable item that may not be, an off-step deduction.
    const stranger = (Object.keys(sheetsBy) as (keyof typeof sheetsBy)[]).find((w) => w !== vetoA)!;
    expect(
      (await err(q.save, { i: { sheetId: sheetOf(vetoA, vetoFile.id).id, version: 1, answers: {} } }, stranger))?.extensions?.code,
    ).toBe('FORBIDDEN');
    const base = fullMarks(mee);
    const tooMuch = await err(
      q.save,
      { i: { sheetId: sheetOf(vetoA, vetoFile.id).id, version: 1, answers: { ...base, 'D02.4': { points: 5 } } } },
      vetoA,
    );
    expect(tooMuch?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMuch?.message).toContain('D02.4');
    expect(
      (
        await err(
          q.save,
          { i: { sheetId: sheetOf(vetoA, vetoFile.id).id, version: 1, answers: { ...base, D06: { notApplicable: true } } } },
          vetoA,
        )
      )?.message,
    ).toContain('D06');
    const [licA] = reviewersOf(licFile.id);
    expect(
      (await err(q.submit, { i: { sheetId: sheetOf(licA, licFile.id).id, version: 1, answers: { P01: { points: 3 } } } }, licA))?.message,
    ).toContain('P01');

    // Optimistic locking: two saves against version 1 → one CONFLICT.
    const draft = { ...base, L14: { hit: true, note: '陈述申辩期限按自然日计算' }, D09: { notApplicable: true } };
    const racing = await Promise.all(
      [1, 2].map(() => t.gql.run(q.save, { i: { sheetId: sheetOf(vetoA, vetoFile.id).id, version: 1, answers: draft } }, tok[vetoA])),
    );
    expect(racing.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);

    // Submit everything: the veto file gets one veto sheet (0, FAIL) and one clean sheet with D09 not applicable (100).
    for (const who of Object.keys(sheetsBy) as (keyof typeof sheetsBy)[]) {
      for (const sheet of sheetsBy[who]) {
        const file = files.find((f) => f.id === sheet.reviewFileId)!;
        let answers: Record<string, unknown> = file.caseType === 'PENALTY' ? { ...base } : {};
        if (file.id === vetoFile.id) answers = who === vetoA ? draft : { ...base, D09: { notApplicable: true } };
        if (file.id === licFile.id && who === licA)
          answers = { P05: { points: 5, note: '超期作出决定' }, P07: { points: 3 }, P10: { points: 1.5 } };
        const version = file.id === vetoFile.id && who === vetoA ? 2 : sheet.version;
        const res = (await ok(q.submit, { i: { sheetId: sheet.id, version, answers } }, who)).submitScoreSheet;
        if (file.id === vetoFile.id && who === vetoA) expect(res).toMatchObject({ score: 0, grade: 'FAIL', vetoHits: ['L14'] });
        if (file.id === vetoFile.id && who === vetoB) expect(res).toMatchObject({ score: 100, grade: 'EXCELLENT' });
        if (file.id === licFile.id && who === licA) expect(res).toMatchObject({ score: 90.5, grade: 'EXCELLENT' });
        if (who === vetoA && file.id === vetoFile.id) {
          // Blind: before the other sheet is in, the second reviewer sees only their own.
          const seen = (await ok(q.sheets, { f: vetoFile.id }, vetoB)).scoreSheets as { reviewerId: string }[];
          expect(seen.map((s) => s.reviewerId)).toEqual([ids[vetoB]]);
        }
      }
    }
    expect((await ok(q.sheets, { f: vetoFile.id }, vetoB)).scoreSheets).toHaveLength(2);
    const after = (await ok(q.files, { c: campaignId }, 'inspector')).reviewFiles.items as {
      id: string;
      status: string;
      finalScore: number;
    }[];
    expect(after.find((f) => f.id === vetoFile.id)!.status).toBe('RECHECK');
    expect(after.find((f) => f.id === licFile.id)!.finalScore).toBe(95.25);
    expect(after.filter((f) => f.status === 'FINAL')).toHaveLength(8);
    expect((await ok(q.campaign, { id: campaignId }, 'inspector')).reviewCampaign.stage).toBe('RECHECK');
    expect(
      (await err(`mutation($c: ID!) { finalizeCampaign(campaignId: $c) { stage } }`, { c: campaignId }, 'inspector'))?.message,
    ).toMatch(/1 of 9 files are not scored/);

    // Re-check: refused for an initial reviewer; the third reviewer's sheet is final and confirms the veto.
    const RECHECK = `mutation($f: ID!, $r: ID!) { assignRecheck(reviewFileId: $f, reviewerId: $r) { id version kind } }`;
    expect((await err(RECHECK, { f: vetoFile.id, r: ids[vetoA] }, 'inspector'))?.extensions?.code).toBe('BAD_USER_INPUT');
    const third = (['inspector', 'inspector2', 'inspector3'] as const).find((w) => w !== vetoA && w !== vetoB)!;
    const recheck = (await ok(RECHECK, { f: vetoFile.id, r: ids[third] }, 'inspector')).assignRecheck;
    expect(recheck.kind).toBe('RECHECK');
    const final = (
      await ok(
        q.submit,
        { i: { sheetId: recheck.id, version: 1, answers: { ...base, L14: { hit: true, note: '复核确认：告知期限不足' } } } },
        third,
      )
    ).submitScoreSheet;
    expect(final).toMatchObject({ score: 0, grade: 'FAIL' });
    const vetoed = (
      (await ok(q.files, { c: campaignId }, 'inspector')).reviewFiles.items as {
        id: string;
        status: string;
        finalScore: number;
        finalGrade: string;
      }[]
    ).find((f) => f.id === vetoFile.id)!;
    expect(vetoed).toMatchObject({ status: 'FINAL', finalScore: 0, finalGrade: 'FAIL' });
  });

  it('should finalize, rank, publish, export .docx and .xlsx, and hand the findings to rectification', async () => {
    expect((await err(`{ campaignResults(campaignId: "${campaignId}") { files } }`, {}, 'inspector'))?.extensions?.code).toBe('NOT_FOUND');
    await ok(`mutation($c: ID!) { finalizeCampaign(campaignId: $c) { stage } }`, { c: campaignId }, 'inspector');
    const RESULTS = `query($c: ID!) { campaignResults(campaignId: $c) { files meanScore typicalProblems departments { departmentName filesReviewed meanScore grade rank gradeCounts } } }`;
    expect((await err(RESULTS, { c: campaignId }, 'officer'))?.extensions?.code).toBe('NOT_FOUND');
    // The officer's own results list leaves out the finalized campaign their campaign list still shows.
    const MINE = `{ myReviewResults { total items { campaignId departmentsRanked result { departmentName meanScore grade rank } } } }`;
    const listed = (await ok(`{ reviewCampaigns { items { id } } }`, {}, 'officer')).reviewCampaigns.items;
    expect(listed.map((c: { id: string }) => c.id)).toContain(campaignId);
    const before = (await ok(MINE, {}, 'officer')).myReviewResults;
    expect(before.items.map((r: { campaignId: string }) => r.campaignId)).not.toContain(campaignId);
    expect(before.items).toHaveLength(before.total);
    expect((await err(MINE, {}, 'inspector'))?.extensions?.code).toBe('FORBIDDEN');
    const results = (await ok(RESULTS, { c: campaignId }, 'inspector')).campaignResults;
    expect(results.files).toBe(9);
    const scjg = results.departments.find((d: { departmentName: string }) => d.departmentName === '区市场监督管理局');
    expect(scjg).toMatchObject({
      filesReviewed: 3,
      meanScore: 66.67,
      grade: 'PASS',
      rank: 3,
      gradeCounts: { EXCELLENT: 2, GOOD: 0, PASS: 0, FAIL: 1 },
    });
    expect(results.departments.map((d: { rank: number }) => d.rank)).toEqual([1, 2, 3]);
    await ok(`mutation($c: ID!) { publishBulletin(campaignId: $c) { stage } }`, { c: campaignId }, 'inspector');
    expect((await ok(RESULTS, { c: campaignId }, 'officer')).campaignResults.files).toBe(9);
    const after = (await ok(MINE, {}, 'officer')).myReviewResults;
    expect(after.total).toBe(before.total + 1);
    expect(after.items[0]).toEqual({
      campaignId,
      departmentsRanked: 3,
      result: { departmentName: '区市场监督管理局', meanScore: 66.67, grade: 'PASS', rank: 3 },
    });

    const docx = await download(`/exports/review-campaigns/${campaignId}/bulletin.docx`, 'leader');
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const xlsx = await download(`/exports/review-campaigns/${campaignId}/results.xlsx`, 'inspector');
    const sheet = await readSheet(xlsx.body as Buffer);
    expect(sheet.headers.slice(0, 4)).toEqual(['排名', '单位', '评查案卷数', '平均分']);
    expect(sheet.rows.map((r) => r.cells['单位'])).toContain('区市场监督管理局');
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM audit_entry WHERE operation = 'exportReviewResults' AND target_id = $1`, [
      campaignId,
    ]);
    expect(n).toBe(2);

    const findings: { severity: string; category: string; department_id: string; description: string; source: string }[] = await sql(
      `SELECT * FROM finding WHERE batch_id = $1`,
      [campaignId],
    );
    const major = findings.filter((f) => f.severity === 'MAJOR');
    expect(major).toHaveLength(1);
    expect(major[0]).toMatchObject({ source: 'CASE_REVIEW', category: '执法程序', department_id: ids['QH-SCJG'] });
    expect(major[0].description).toContain('复核确认');
    expect(
      findings
        .filter((f) => f.severity === 'GENERAL')
        .map((f) => f.category)
        .sort(),
    ).toEqual(['决定', '决定', '归档']);

    const events: { type: string }[] = await sql(`SELECT type FROM outbox_event WHERE payload->>'campaignId' = $1`, [campaignId]);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect([
      count('review.drawn'),
      count('review.assigned'),
      count('scoresheet.submitted'),
      count('review.rechecked'),
      count('review.file_scored'),
      count('review.finalized'),
      count('bulletin.published'),
    ]).toEqual([3, 1, 19, 1, 9, 1, 1]);
    // The rubric version is now frozen.
    expect(
      (await err(`mutation($t: JSON!) { importRubric(template: $t) { id } }`, { t: { ...mee, name: '改名' } }, 'admin'))?.extensions?.code,
    ).toBe('CONFLICT');
  });
});
