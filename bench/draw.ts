// The random draw at province scale (server mode, built code): 5,000 files from 500 departments
// of a province holding 1,000,000 case files, through DrawService.draw (candidates query,
// stratified draw, inserts, audit, outbox) in one transaction; then the same seed again must give
// the same files. Target: ≤ 2 s.
// Run: `npm run build:server && DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx tsx bench/draw.ts [departments=500] [perDepartment=10]`
// An empty database is migrated and filled with the province generator first (a few minutes).
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateProvince, migrate } from './generate.js';

const DEPARTMENTS = Number(process.argv[2] ?? 500);
const PER_DEPARTMENT = Number(process.argv[3] ?? 10);
const TARGET_MS = 2000;
const dist = (p: string) => resolve(import.meta.dirname, '../dist', p);

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL');
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM case_file`)).rows;
  if (n < 1_000_000) await generateProvince(client, 'draw');
  const files = (await client.query(`SELECT count(*)::int AS n FROM case_file`)).rows[0].n;
  const [office] = (
    await client.query(
      `SELECT u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.is_supervising_office AND r.level = 'PROVINCE' LIMIT 1`,
    )
  ).rows;
  const [inspector] = (await client.query(`SELECT id FROM app_user WHERE unit_id = $1 AND 'INSPECTOR' = ANY(roles) LIMIT 1`, [office.id]))
    .rows;
  // Every tenth department of the province: 500 spread over all cities.
  const departments = (
    await client.query(
      `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY code) AS k FROM unit WHERE NOT is_supervising_office) u WHERE k % 10 = 0 ORDER BY id LIMIT $1`,
      [DEPARTMENTS],
    )
  ).rows.map((r) => r.id);
  const today = new Date();
  const from = new Date(today.getTime() - 365 * 86400000).toISOString().slice(0, 10);
  const {
    rows: [campaign],
  } = await client.query(
    `INSERT INTO review_campaign (name, year, period_from, period_to, case_types, department_ids, rubric_ids, files_per_department, reviewers_per_file, reviewer_ids, recheck_rule, stage, office_unit_id, region_path, created_by)
     VALUES ('抽样基准', $1, $2, $3, $4, $5, '{}', $6, 2, $7, '{"belowFailLine":true,"differentGrades":true,"maxSpread":null}', 'SELF_CHECK', $8, $9, $10) RETURNING id`,
    [
      today.getUTCFullYear(),
      from,
      today.toISOString().slice(0, 10),
      ['PENALTY', 'PENALTY_SIMPLE', 'LICENSING', 'COERCION', 'INSPECTION'],
      departments,
      PER_DEPARTMENT,
      [inspector.id],
      office.id,
      office.path,
      inspector.id,
    ],
  );
  // review_file.rubric_id is required: point every case type at one placeholder rubric.
  const {
    rows: [rubric],
  } = await client.query(
    `INSERT INTO rubric (code, version, name, formula, case_types, template) VALUES ('BENCH', $1, '基准', 'DEDUCT_FROM_100', '{}', '{}') RETURNING id`,
    [campaign.id],
  );
  await client.query(
    `UPDATE review_campaign SET rubric_ids = (SELECT jsonb_object_agg(t, $2::text) FROM unnest(case_types) t) WHERE id = $1`,
    [campaign.id, rubric.id],
  );

  const { connectionOptions, TransactionRunner } = await import(dist('libs/database/src/index.js'));
  const { CaseFileEntity, CaseFileService } = await import(dist('libs/cases/src/index.js'));
  const { ReviewCampaignEntity, ReviewFileEntity } = await import(dist('libs/reviews/src/index.js'));
  const { DrawService } = await import(dist('libs/reviews/src/draw.service.js'));
  const { AuditService, AuditEntryEntity } = await import(dist('libs/audit/src/index.js'));
  const { OutboxService, OutboxEventEntity } = await import(dist('libs/realtime/src/index.js'));
  const { DataSource } = await import('typeorm');
  const ds = new DataSource(
    connectionOptions({
      url,
      embedded: false,
      entities: [CaseFileEntity, ReviewCampaignEntity, ReviewFileEntity, AuditEntryEntity, OutboxEventEntity],
      runMigrations: false,
    }),
  );
  await ds.initialize();
  const tx = new TransactionRunner(ds);
  const draws = new DrawService(
    tx,
    new AuditService(),
    new OutboxService(),
    new CaseFileService(ds.getRepository(CaseFileEntity), tx),
    null,
    null,
    null,
  );
  const actor = {
    userId: inspector.id,
    username: 'bench',
    roles: ['INSPECTOR'],
    unitId: office.id,
    regionPath: office.path,
    isSupervisingOffice: true,
  };
  const drawn = async () =>
    (await client.query(`SELECT case_file_id FROM review_file WHERE campaign_id = $1 ORDER BY case_file_id`, [campaign.id])).rows
      .map((r) => r.case_file_id)
      .join();
  const times: number[] = [];
  let first = '';
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await draws.draw(actor, campaign.id, 'bench-seed');
    times.push(performance.now() - started);
    const now = await drawn();
    if (i === 0) first = now;
    else if (now !== first) throw new Error('the same seed drew different files');
  }
  const count = (
    await client.query(`SELECT count(*)::int AS n, count(DISTINCT department_id)::int AS d FROM review_file WHERE campaign_id = $1`, [
      campaign.id,
    ])
  ).rows[0];
  times.sort((a, b) => a - b);
  console.log(`case files in database: ${files}`);
  console.log(`drawn: ${count.n} files from ${count.d} departments (${PER_DEPARTMENT} per department), same seed → same files: yes`);
  console.log(
    `draw time over 5 runs: min ${times[0].toFixed(0)} ms, median ${times[2].toFixed(0)} ms, max ${times[4].toFixed(0)} ms (target ≤ ${TARGET_MS} ms)`,
  );
  await ds.destroy();
  await client.end();
  if (times[2] > TARGET_MS) process.exit(1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
