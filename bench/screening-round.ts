// Three-systems screening of a whole province as a ROUND, end to end in server mode (built code): a
// round over all 5,000 departments for the year of their 1,000,000 case files, then the screening
// job's own body (ScreeningService.screenRound): every automatic screen of the checklist over the
// departments' case files, streamed in keyset batches, then every check's items written with their
// evidence (at most 500 failing cases kept per item). bench/screening.ts measures the engine alone;
// this adds the round's planning and writing. Target: ≤ 60 s for the screening, memory flat.
// Run: `npm run build:server && npx tsx bench/screening-round.ts [seed=screening]`
// (the database ducha_bench_screening_round is filled with the province the first time and kept)
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateProvince, migrate } from './generate.js';

const SEED = process.argv[2] ?? 'screening';
const DATABASE = 'ducha_bench_screening_round';
const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_SECONDS = 60;
const dist = (p: string) => resolve(import.meta.dirname, '../dist', p);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The bench database, created, migrated and filled with the province on first use. */
async function provinceDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  await migrate(url.toString());
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM case_file`)).rows;
    if (n === 0) {
      console.log('generating the province (first run only)…');
      await generateProvince(client, SEED);
    }
  } finally {
    await client.end();
  }
  return url.toString();
}

async function main(): Promise<void> {
  const url = await provinceDatabase();
  const { AppConfig } = await import(dist('libs/config/src/index.js'));
  const { JsonLogger } = await import(dist('libs/common/src/index.js'));
  const { createApp } = await import(dist('apps/api/src/create-app.js'));
  const { ChecklistService, RoundService, ScreeningService } = await import(dist('libs/compliance/src/index.js'));
  const { OrgService } = await import(dist('libs/org/src/index.js'));
  const { DataSource } = await import('typeorm');
  const config = new AppConfig({
    DATABASE_URL: url,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-round-${Date.now()}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ducha-bench-')),
    RUN_WORKERS: 'false',
    RUN_RELAY: 'false',
    SEED_DEMO: 'false',
    SERVE_DASHBOARD: 'false',
    LOG_LEVEL: 'error',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
  });
  const app = await createApp(config, new JsonLogger('error'));
  await app.init();
  try {
    const db = app.get(DataSource);
    const [office] = await db.query(
      `SELECT u.id FROM app_user u JOIN unit o ON o.id = u.unit_id JOIN region r ON r.id = o.region_id
        WHERE 'INSPECTOR' = ANY (u.roles) AND r.level = 'PROVINCE' LIMIT 1`,
    );
    const actor = await app.get(OrgService).actorFor(office.id);
    const [admin] = await db.query(`SELECT u.id FROM app_user u WHERE 'ADMIN' = ANY (u.roles) AND u.unit_id = $1 LIMIT 1`, [actor.unitId]);
    const [{ first, last }] = await db.query(
      `SELECT min(coalesce(decision_date, closed_date))::text AS first, max(coalesce(decision_date, closed_date))::text AS last FROM case_file`,
    );
    const departments: { id: string }[] = await db.query(
      `SELECT u.id FROM unit u JOIN region r ON r.id = u.region_id WHERE r.path LIKE $1 || '%' AND u.is_enforcement_body AND NOT u.is_supervising_office`,
      [actor.regionPath],
    );
    const template = JSON.parse(readFileSync(dist('libs/compliance/src/data/three-systems-checklist.json'), 'utf8'));
    const version = `bench-${Date.now()}`;
    // The office's administrator imports the checklist version; its inspector plans and screens the round.
    const checklist = await app
      .get(ChecklistService)
      .importChecklist(await app.get(OrgService).actorFor(admin.id), { ...template, version });

    let started = performance.now();
    const round = await app.get(RoundService).createRound(actor, {
      name: `基准省三项制度检查（${version}）`,
      checklistId: checklist.id,
      periodFrom: first,
      periodTo: last,
      departmentIds: departments.map((d) => d.id),
      inspectorIds: [office.id],
    });
    const planned = (performance.now() - started) / 1000;

    // Queue it as the dashboard would (this claims the run), then do the job's work here, timed.
    const queued = await app.get(ScreeningService).runScreening(actor, round.id);
    let peak = process.memoryUsage().rss;
    const before = peak;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    started = performance.now();
    const outcome = await app.get(ScreeningService).screenRound(round.id, actor.userId, queued.screeningRunId);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    const [written] = await db.query(
      `SELECT count(*)::int AS items, count(*) FILTER (WHERE i.screen_result IS NOT NULL)::int AS screened,
              count(*) FILTER (WHERE i.screen_result = 'FAIL')::int AS failed,
              coalesce(sum(jsonb_array_length(i.screen_failures)), 0)::int AS evidence,
              coalesce(sum(i.screen_failures_omitted), 0)::int AS omitted
         FROM compliance_check_item i JOIN compliance_check c ON c.id = i.check_id WHERE c.round_id = $1`,
      [round.id],
    );
    const [{ stage, screening }] = await db.query(`SELECT stage, screening FROM compliance_round WHERE id = $1`, [round.id]);
    console.log(`round over ${departments.length} departments, ${first} … ${last}: planned in ${planned.toFixed(1)} s`);
    console.log(
      `screened ${outcome.cases} case files in ${seconds.toFixed(1)} s (${Math.round(outcome.cases / seconds).toLocaleString('en')} rows/s)`,
    );
    console.log(
      `items written: ${written.items} (${written.screened} pre-filled by a screen, ${written.failed} FAIL); evidence kept ${written.evidence} failing cases, ${written.omitted} counted only`,
    );
    console.log(`round stage ${stage}, screening ${screening}`);
    console.log(`RSS: ${mb(before)} before, peak ${mb(peak)} (maxRSS ${mb(process.resourceUsage().maxRSS * 1024)})`);
    console.log(`target ≤ ${TARGET_SECONDS} s: ${seconds <= TARGET_SECONDS && stage === 'SCREENED' ? 'MET' : 'MISSED'}`);
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
