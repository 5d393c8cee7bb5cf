// Case-file import throughput in server mode (built code): 100,000 rows from a CSV with Chinese
// headers through CaseFileImportService (parse, validate every row, write all or nothing),
// against PostgreSQL's COPY of the same rows into the same table, measured in the same run.
// Target: import ≥ 0.3 × the rows/s of COPY; re-running the import adds nothing.
// Run: `npm run build:server && DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx tsx bench/import-cases.ts [rows=100000]`
// (needs psql on PATH for COPY; an empty database gets a small generated province first)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateProvince, migrate } from './generate.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const dist = (p: string) => resolve(import.meta.dirname, '../dist', p);
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
const COLUMNS = [
  'department_id',
  'file_no',
  'case_type',
  'sector',
  'cause',
  'party_name',
  'party_kind',
  'party_id_no',
  'officer_certificate_nos',
  'filed_date',
  'decision_date',
  'disclosed_date',
  'closed_date',
  'legal_review_submitted_date',
  'legal_review_finished_date',
  'legal_review_passed',
  'penalty_kinds',
  'fine_fen',
  'major',
  'hearing_held',
  'on_site_coercion',
  'av_recorded',
  'av_filed',
];

const csv = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const yn = (b: boolean | null) => (b === null ? '' : b ? '是' : '否');

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL');
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if ((await client.query(`SELECT count(*)::int AS n FROM unit WHERE NOT is_supervising_office`)).rows[0].n === 0)
    await generateProvince(client, 'import', 0);
  const [office] = (
    await client.query(
      `SELECT u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.is_supervising_office AND r.level = 'PROVINCE' LIMIT 1`,
    )
  ).rows;
  const [admin] = (await client.query(`SELECT id FROM app_user WHERE unit_id = $1 AND 'ADMIN' = ANY(roles) LIMIT 1`, [office.id])).rows;
  const depts = (
    await client.query(
      `SELECT u.id, u.code, array_agg(o.certificate_no ORDER BY o.certificate_no) AS officers FROM unit u JOIN officer o ON o.unit_id = u.id WHERE NOT u.is_supervising_office GROUP BY u.id, u.code ORDER BY u.code LIMIT 200`,
    )
  ).rows;

  const { generateCaseFiles } = await import(dist('apps/api/src/seed/seed-cases.js'));
  const { demoRandom } = await import(dist('apps/api/src/seed/demo-district.js'));
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 365 * 86400000).toISOString().slice(0, 10);
  const drafts = generateCaseFiles(
    depts.map((d: { id: string; code: string; officers: string[] }) => ({ ...d, sector: '综合' })),
    ROWS,
    { random: demoRandom(7), from, to: today, flawRate: 0.08, serialStart: 9_000_000 },
  );
  const { CASE_TYPE_NAMES, PENALTY_KIND_NAMES, COERCION_NAMES, PARTY_KIND_NAMES } = await import(dist('libs/cases/src/index.js'));
  const sheetLines = [HEADERS.join(',')];
  const copyLines = [COLUMNS.join(',')];
  for (const d of drafts) {
    sheetLines.push(
      [
        d.departmentCode,
        d.fileNo,
        CASE_TYPE_NAMES[d.caseType],
        d.sector,
        d.cause,
        d.partyName,
        PARTY_KIND_NAMES[d.partyKind],
        d.partyIdNo,
        d.officerCertificateNos.join('、'),
        d.filedDate,
        d.decisionDate,
        d.disclosedDate,
        d.closedDate,
        d.legalReviewSubmittedDate,
        d.legalReviewFinishedDate,
        yn(d.legalReviewPassed),
        d.penaltyKinds.map((k: string) => PENALTY_KIND_NAMES[k]).join('、'),
        (d.fineFen / 100).toFixed(2),
        yn(d.major),
        yn(d.hearingHeld),
        d.onSiteCoercion ? COERCION_NAMES[d.onSiteCoercion] : '无',
        yn(d.avRecorded),
        yn(d.avFiled),
      ]
        .map(csv)
        .join(','),
    );
    copyLines.push(
      [
        d.departmentId,
        d.fileNo,
        d.caseType,
        d.sector,
        d.cause,
        d.partyName,
        d.partyKind,
        d.partyIdNo,
        `{${d.officerCertificateNos.join(',')}}`,
        d.filedDate,
        d.decisionDate,
        d.disclosedDate,
        d.closedDate,
        d.legalReviewSubmittedDate,
        d.legalReviewFinishedDate,
        d.legalReviewPassed,
        `{${d.penaltyKinds.join(',')}}`,
        d.fineFen,
        d.major,
        d.hearingHeld,
        d.onSiteCoercion,
        d.avRecorded,
        d.avFiled,
      ]
        .map(csv)
        .join(','),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'ducha-import-'));
  const sheetFile = join(dir, 'cases.csv');
  const copyFile = join(dir, 'copy.csv');
  writeFileSync(sheetFile, sheetLines.join('\n'));
  writeFileSync(copyFile, copyLines.join('\n'));
  const before = (await client.query(`SELECT count(*)::int AS n FROM case_file`)).rows[0].n;

  // COPY of the same rows into the same table, then removed again.
  const started = performance.now();
  execFileSync('psql', [url, '-q', '-c', `\\copy case_file (${COLUMNS.join(', ')}) FROM '${copyFile}' WITH (FORMAT csv, HEADER true)`], {
    env: { ...process.env, PGSSLMODE: 'disable' },
  });
  const copyMs = performance.now() - started;
  await client.query(`DELETE FROM case_file WHERE file_no = ANY($1)`, [drafts.map((d: { fileNo: string }) => d.fileNo)]);
  await client.query('VACUUM ANALYZE case_file');

  const { connectionOptions, TransactionRunner } = await import(dist('libs/database/src/index.js'));
  const { CaseFileImportService } = await import(dist('libs/cases/src/index.js'));
  const { AuditService, AuditEntryEntity } = await import(dist('libs/audit/src/index.js'));
  const { OutboxService, OutboxEventEntity } = await import(dist('libs/realtime/src/index.js'));
  const { DataSource } = await import('typeorm');
  const { readFileSync } = await import('node:fs');
  const ds = new DataSource(
    connectionOptions({ url, embedded: false, entities: [AuditEntryEntity, OutboxEventEntity], runMigrations: false }),
  );
  await ds.initialize();
  const imports = new CaseFileImportService(new TransactionRunner(ds), new AuditService(), new OutboxService());
  const actor = {
    userId: admin.id,
    username: 'bench',
    roles: ['ADMIN'],
    unitId: office.id,
    regionPath: office.path,
    isSupervisingOffice: true,
  };
  const runImport = async () => {
    const t0 = performance.now();
    const parsed = await imports.parseSheet(readFileSync(sheetFile));
    if ('report' in parsed) throw new Error(JSON.stringify(parsed.report.errors.slice(0, 5)));
    const report = await imports.importDrafts(actor, parsed.drafts, 'bench', parsed.errors);
    if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 5)));
    return { ms: performance.now() - t0, report };
  };
  const first = await runImport();
  const second = await runImport();
  const after = (await client.query(`SELECT count(*)::int AS n FROM case_file`)).rows[0].n;
  const copyRate = ROWS / (copyMs / 1000);
  const importRate = ROWS / (first.ms / 1000);
  console.log(`rows: ${ROWS}`);
  console.log(`COPY (psql \\copy, same rows, same table): ${copyMs.toFixed(0)} ms → ${copyRate.toFixed(0)} rows/s`);
  console.log(
    `import (CSV with Chinese headers → parse, validate, upsert): ${first.ms.toFixed(0)} ms → ${importRate.toFixed(0)} rows/s, created ${first.report.created}`,
  );
  console.log(`ratio import/COPY: ${(importRate / copyRate).toFixed(2)} (target ≥ 0.30)`);
  console.log(
    `re-import: ${second.ms.toFixed(0)} ms, created ${second.report.created}, updated ${second.report.updated}; rows before ${before}, after both imports ${after} (added ${after - before})`,
  );
  await ds.destroy();
  await client.end();
  if (importRate / copyRate < 0.3 || second.report.created !== 0 || after - before !== ROWS) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
