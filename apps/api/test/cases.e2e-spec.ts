import request from 'supertest';
import { writeSheet } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { startTestApp, type TestApp } from './harness.js';

const HEADERS = [
  '执法单位编码',
  '案卷编号',
  '案件类型',
  '执法领域',
  '案由',
  '当事人',
  '当事人类型',
  '证件号码',
  '执法人员证号',
  '立案日期',
  '决定日期',
  '公示日期',
  '结案日期',
  '法制审核提交日期',
  '法制审核完成日期',
  '法制审核通过',
  '处罚种类',
  '罚款金额（元）',
  '重大案件',
  '是否听证',
  '现场强制措施',
  '全程音像记录',
  '音像资料归档',
];
type Row = (string | number)[];
const row = (dept: string, no: string, type = '行政处罚', over: Partial<Record<string, string>> = {}): Row => {
  const base: Record<string, string> = {
    执法单位编码: dept,
    案卷编号: no,
    案件类型: type,
    执法领域: '市场监管',
    案由: '销售过期食品',
    当事人: '清河某某商贸有限公司',
    当事人类型: '单位',
    证件号码: '91330105MA2XXXXX7K',
    执法人员证号: 'QH20190001、QH20190002',
    立案日期: '2026-03-02',
    决定日期: '2026-04-10',
    公示日期: '2026-04-15',
    结案日期: '2026-05-06',
    法制审核提交日期: '',
    法制审核完成日期: '',
    法制审核通过: '',
    处罚种类: '警告、罚款',
    '罚款金额（元）': '5000.50',
    重大案件: '否',
    是否听证: '否',
    现场强制措施: '无',
    全程音像记录: '是',
    音像资料归档: '是',
    ...over,
  };
  return HEADERS.map((h) => base[h] ?? '');
};

const LIST = `query($a: ID, $t: CaseType, $m: Boolean, $s: String) { caseFiles(departmentId: $a, caseType: $t, major: $m, search: $s, pageSize: 200) { total items { fileNo caseType partyIdNoMasked fineFen major penaltyKinds officerCertificateNos closedDate departmentId version } } }`;

describe('Case files (e2e)', () => {
  let t: TestApp;
  let admin: string;
  const upload = async (token: string, content: Buffer, name = 'files.xlsx') =>
    request(t.app.getHttpServer()).post('/imports/case-files').set('authorization', `Bearer ${token}`).attach('file', content, name);
  const unitId = async (code: string) =>
    (await t.gql.ok(`{ units(search: "${code}") { items { id code } } }`, {}, admin)).units.items.find(
      (u: { code: string }) => u.code === code,
    ).id;

  beforeAll(async () => {
    // Server mode leaves jobs to the worker; this api runs them too so the job test is self-contained.
    t = await startTestApp({ RUN_WORKERS: 'true' });
    admin = await t.token('admin');
  });
  afterAll(async () => t.close());

  it('should import an .xlsx with Chinese headers, mask party ids in lists, and update on re-import', async () => {
    const rows = [
      row('QH-SCJG', 'SCJG-2026-001'),
      row('QH-SCJG', 'SCJG-2026-002', '行政许可', { 处罚种类: '', '罚款金额（元）': '' }),
      row('QH-ZHZF', 'ZHZF-2026-001', '行政强制', { 现场强制措施: '查封扣押', 全程音像记录: '否', 音像资料归档: '否', 重大案件: '是' }),
    ];
    const sheet = await writeSheet('案卷', HEADERS, rows);
    const first = await upload(admin, sheet);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, rows: 3, created: 3, updated: 0 });
    const again = await upload(admin, sheet);
    expect(again.body).toMatchObject({ ok: true, rows: 3, created: 0, updated: 0 });
    rows[0][HEADERS.indexOf('罚款金额（元）')] = '8000';
    const changed = await upload(admin, await writeSheet('案卷', HEADERS, rows));
    expect(changed.body).toMatchObject({ ok: true, created: 0, updated: 1 });
    const list = (await t.gql.ok(LIST, { a: await unitId('QH-SCJG'), s: 'SCJG-2026-0' }, admin)).caseFiles;
    expect(list.total).toBe(2);
    const penalty = list.items.find((f: { fileNo: string }) => f.fileNo === 'SCJG-2026-001');
    expect(penalty).toMatchObject({
      caseType: 'PENALTY',
      fineFen: 800000,
      partyIdNoMasked: '9133**********XX7K',
      penaltyKinds: ['WARNING', 'FINE'],
      officerCertificateNos: ['QH20190001', 'QH20190002'],
      version: 2,
    });
    expect(penalty.partyIdNoMasked).not.toContain('MA2X');
    expect((await t.gql.ok(LIST, { m: true, s: 'ZHZF-2026-0' }, admin)).caseFiles.items.map((f: { fileNo: string }) => f.fileNo)).toEqual([
      'ZHZF-2026-001',
    ]);
  });

  it('should report every bad row by number and column and write nothing', async () => {
    const sheet = await writeSheet('案卷', HEADERS, [
      row('QH-SCJG', 'SCJG-2026-100'),
      row('QH-NOPE', 'X-1'),
      row('QH-SCJG', 'SCJG-2026-101', '行政处罚', { 结案日期: '2026-02-30' }),
      row('QH-SCJG', 'SCJG-2026-100'),
    ]);
    const res = await upload(admin, sheet);
    expect(res.body.ok).toBe(false);
    expect(res.body.errors).toEqual([
      { row: 3, column: '执法单位编码', reason: 'no department with code QH-NOPE in your area' },
      { row: 4, column: '结案日期', reason: 'must be a date like 2026-01-31, got "2026-02-30"' },
      { row: 5, column: '案卷编号', reason: 'duplicates row 2' },
    ]);
    const list = (await t.gql.ok(`{ caseFiles(search: "SCJG-2026-10") { total } }`, {}, admin)).caseFiles;
    expect(list.total).toBe(0);
  });

  it('should import JSON rows through importCaseFiles and keep officers to their own department', async () => {
    const IMPORT = `mutation($rows: [CaseFileRowInput!]!) { importCaseFiles(input: { rows: $rows }) { ok rows created updated errors { row column reason } } }`;
    const json = (dept: string, fileNo: string) => ({
      departmentCode: dept,
      fileNo,
      caseType: 'INSPECTION',
      cause: '日常检查',
      partyName: '张三',
      partyKind: 'PERSON',
      partyIdNo: '330105199001011234',
      officerCertificateNos: ['QH20190003', 'QH20190004'],
      filedDate: '2026-06-01',
      closedDate: '2026-06-20',
    });
    const officer = await t.token('officer');
    const own = (await t.gql.ok(IMPORT, { rows: [json('QH-SCJG', 'JC-001')] }, officer)).importCaseFiles;
    expect(own).toEqual({ ok: true, rows: 1, created: 1, updated: 0, errors: [] });
    const other = (await t.gql.ok(IMPORT, { rows: [json('QH-SCJG', 'JC-002'), json('QH-ZHZF', 'JC-003')] }, officer)).importCaseFiles;
    expect(other.ok).toBe(false);
    expect(other.errors).toEqual([{ row: 2, column: '执法单位编码', reason: "you may import only your own department's files" }]);
    const mine = (await t.gql.ok(LIST, { s: 'JC-0' }, officer)).caseFiles;
    expect(mine.items.every((f: { fileNo: string }) => !f.fileNo.startsWith('ZHZF'))).toBe(true);
    expect(mine.items.find((f: { fileNo: string }) => f.fileNo === 'JC-001').partyIdNoMasked).toBe('3301**********1234');
    expect(await t.gql.code(IMPORT, { rows: [{ ...json('QH-SCJG', 'JC-009'), closedDate: '20260620' }] }, officer)).toBe('BAD_USER_INPUT');
    expect(await t.gql.code(IMPORT, { rows: [json('QH-SCJG', 'JC-010')] }, await t.token('leader'))).toBe('FORBIDDEN');
  });

  it('should run a large CSV import as a job with progress and a fetchable report', async () => {
    const lines = [HEADERS.join(',')];
    for (let i = 0; i < 2100; i++)
      lines.push(
        row('QH-ZHZF', `BIG-${String(i).padStart(5, '0')}`, '行政检查', {
          处罚种类: '',
          '罚款金额（元）': '',
          执法人员证号: 'QH20190050 QH20190051',
        }).join(','),
      );
    const res = await upload(admin, Buffer.from(lines.join('\n'), 'utf8'), 'big.csv');
    expect(res.status).toBe(202);
    const STATUS = `query($id: ID!) { caseFileImport(id: $id) { status total done report { ok rows created } } }`;
    let status: { status: string; report: unknown } = { status: 'QUEUED', report: null };
    for (let i = 0; i < 120 && !['DONE', 'FAILED'].includes(status.status); i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await t.gql.ok(STATUS, { id: res.body.id }, admin)).caseFileImport;
    }
    expect(status).toEqual({ status: 'DONE', total: 2100, done: 2100, report: { ok: true, rows: 2100, created: 2100 } });
    const [{ n }] = await t.app
      .get(TransactionRunner)
      .manager.query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'import.progressed' AND payload->>'importId' = $1`, [
        res.body.id,
      ]);
    expect(n).toBeGreaterThanOrEqual(2);
  });
});
