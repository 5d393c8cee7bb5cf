// cockpit(province) at province scale (server mode, built code). Generates the province with the
// shared generator (bench/generate.ts: 5,000 departments, 1,000,000 case files and their review
// results, three-systems checks and rates, 300,000 rectification tasks), builds the read model
// with the rebuild job (from the source tables, timed), then measures the GraphQL cockpit query
// (p50/p95, over HTTP and in process) against the same headline figures computed with GROUP BY
// over the source tables, in the same run, and prints the load average next to the figures.
// Run: `npm run build:server && npx tsx bench/cockpit-province.ts [seed=1] [runs=200]`
// With COCKPIT_BENCH_STATE=<file> the generated province is kept: the first run writes the file
// (database and settings), later runs reuse that database (pending migrations applied, read model
// rebuilt only with COCKPIT_BENCH_REBUILD=1) and measure at once. Drop it by hand when done.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import pg from 'pg';
import { generateProvince } from './generate.js';
import type { GeneratorContext } from './generate/types.js';
import { createBenchDatabase, login, migrate, percentile, startApi, stopAll, type BenchEnv } from './realtime-env.js';

const SEED = process.argv[2] ?? '1';
const RUNS = Number(process.argv[3] ?? 200);
const PORT = 3964;
const STATE = process.env.COCKPIT_BENCH_STATE;

type Province = Pick<GeneratorContext, 'provinceId' | 'provincePath' | 'inspectorId' | 'officeUnitId'>;

/** A kept province from an earlier run (COCKPIT_BENCH_STATE), or null. */
async function keptProvince(): Promise<{ bench: BenchEnv; province: Province } | null> {
  if (!STATE || !existsSync(STATE)) return null;
  const kept = JSON.parse(readFileSync(STATE, 'utf8')) as { env: Record<string, string>; province: Province };
  await migrate(kept.env.DATABASE_URL);
  console.log(`reusing the province kept in ${STATE}`);
  return { bench: { url: kept.env.DATABASE_URL, env: kept.env, processes: [], drop: async () => undefined }, province: kept.province };
}

const COCKPIT = `query($r: ID!, $p: String!) { cockpit(regionId: $r, period: $p, pageSize: 50) { asOfSeq departmentTotal
  kpis { filesReviewed meanScore passRate complianceChecks meanComplianceScore disclosureOnTimeRate tasksIssued tasksOpen tasksClosed tasksOverdue
         completionRate onTimeRate departmentsWithTasks departmentsCleared clearDownRate }
  ranking { rank departmentName meanScore filesReviewed complianceScore } gradeDistribution { key count } rectificationFunnel { key count }
  warningLevels { key count } overdue { taskNo daysOverdue } trend { month filesReviewed tasksIssued }
  assessment { quarter scores { quarter meanScore } rates { quarter key rate } measures { key count } measuresLate } } }`;

/** The same headline figures from the source tables, for the departments in the region: latest result per file, tasks issued in the year, checks. */
const GROUP_BY = `
WITH files AS (
  SELECT DISTINCT ON (f.case_file_id) f.department_id, f.final_score AS score, f.final_grade AS grade
    FROM review_file f JOIN unit u ON u.id = f.department_id JOIN region r ON r.id = u.region_id
   WHERE f.final_score IS NOT NULL AND r.path LIKE $1 || '%' AND f.finalized_at >= make_date($2, 1, 1) AND f.finalized_at < make_date($2 + 1, 1, 1)
   ORDER BY f.case_file_id, f.finalized_at DESC),
tasks AS (
  SELECT department_id, state, deadline, closed_on_time FROM rectification_task
   WHERE region_path LIKE $1 || '%' AND issued_on >= make_date($2, 1, 1) AND issued_on < make_date($2 + 1, 1, 1)),
per_department AS (
  SELECT department_id, count(*) AS issued, count(*) FILTER (WHERE state IN ('CLOSED', 'CANCELLED')) AS done FROM tasks GROUP BY department_id)
SELECT (SELECT json_build_object('files', count(*), 'mean', round(avg(score), 2), 'pass', round(avg((grade <> 'FAIL')::int), 4)) FROM files) AS reviews,
       (SELECT json_agg(g) FROM (SELECT grade, count(*) FROM files GROUP BY grade) g) AS grades,
       (SELECT json_agg(r) FROM (SELECT department_id, avg(score) AS mean, count(*) FROM files GROUP BY department_id ORDER BY 2 DESC LIMIT 50) r) AS ranking,
       (SELECT json_agg(s) FROM (SELECT state, count(*) FROM tasks GROUP BY state) s) AS funnel,
       (SELECT json_build_object('issued', count(*), 'closedOnTime', count(*) FILTER (WHERE closed_on_time)) FROM tasks) AS tasks,
       (SELECT count(*) FROM rectification_task WHERE region_path LIKE $1 || '%' AND state NOT IN ('CLOSED', 'CANCELLED') AND deadline < current_date) AS overdue,
       (SELECT json_build_object('withTasks', count(*), 'cleared', count(*) FILTER (WHERE issued = done)) FROM per_department) AS clear_down,
       (SELECT json_build_object('checks', count(*), 'mean', avg(k.score)) FROM compliance_check k JOIN unit u ON u.id = k.department_id JOIN region r ON r.id = u.region_id
         WHERE k.status = 'SUBMITTED' AND r.path LIKE $1 || '%' AND k.submitted_at >= make_date($2, 1, 1)) AS checks`;

/**
 * CPU seconds this process and the database's backends have used so far (from /proc: the bench runs
 * on the database's host). On a loaded machine wall time mostly measures waiting for a core; CPU
 * time per query is what the query costs.
 */
async function cpuSeconds(db: pg.Client): Promise<number> {
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  let ticks = 0;
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length > 12) ticks += Number(fields[11]) + Number(fields[12]);
  }
  const own = process.cpuUsage();
  return ticks / 100 + (own.user + own.system) / 1e6;
}

async function main(): Promise<void> {
  const kept = await keptProvince();
  const bench = kept?.bench ?? (await createBenchDatabase());
  const db = new pg.Client({ connectionString: bench.url });
  await db.connect();
  try {
    let t0 = performance.now();
    let province: Province;
    if (kept) province = kept.province;
    else {
      const generated = await generateProvince(db, SEED);
      province = generated;
      console.log(`generated the province in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      if (STATE) {
        const { provinceId, provincePath, inspectorId, officeUnitId } = generated;
        writeFileSync(STATE, JSON.stringify({ env: bench.env, province: { provinceId, provincePath, inspectorId, officeUnitId } }));
        bench.drop = async () => console.log(`kept the province's database for later runs (${STATE})`);
      }
    }

    t0 = performance.now();
    const dist = (p: string) => resolve('dist', p);
    const { createApp } = await import(dist('apps/api/src/create-app.js'));
    const { AppConfig } = await import(dist('libs/config/src/index.js'));
    const { JsonLogger } = await import(dist('libs/common/src/index.js'));
    const { CockpitRebuildService, CockpitService } = await import(dist('libs/cockpit/src/index.js'));
    const app = await createApp(new AppConfig({ ...bench.env, RUN_RELAY: 'false', RUN_WORKERS: 'false' }), new JsonLogger('error'));
    await app.init();
    if (!kept || process.env.COCKPIT_BENCH_REBUILD) {
      const rebuilt = await app.get(CockpitRebuildService).rebuild();
      console.log(
        `rebuilt the read model from the source tables in ${((performance.now() - t0) / 1000).toFixed(1)} s (${rebuilt.departmentRows} department-period rows)`,
      );
      await db.query('VACUUM ANALYZE'); // as autovacuum would have done on a live system
    }
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    // The same query in process (the read model's SQL and the shaping, no HTTP, GraphQL or sign-in).
    const actor = {
      userId: province.inspectorId,
      username: `gen${SEED}-inspector`,
      roles: ['INSPECTOR'],
      unitId: province.officeUnitId,
      regionPath: province.provincePath,
      isSupervisingOffice: true,
    };
    const service = app.get(CockpitService);
    const args = { regionId: province.provinceId, period: String(year), page: 1, pageSize: 50 };
    for (let i = 0; i < 20; i++) await service.snapshot(actor, args);
    const inProcess: number[] = [];
    const cpuBefore = await cpuSeconds(db);
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await service.snapshot(actor, args);
      inProcess.push(performance.now() - started);
    }
    const cpuPerQuery = ((await cpuSeconds(db)) - cpuBefore) * (1000 / RUNS);
    inProcess.sort((a, b) => a - b);
    const s95 = percentile(inProcess, 95);
    console.log(
      `cockpit(province) in process (CockpitService.snapshot): p50 ${percentile(inProcess, 50).toFixed(1)} ms, p95 ${s95.toFixed(1)} ms (${RUNS} runs); CPU per query (Node + PostgreSQL) ${cpuPerQuery.toFixed(1)} ms; load average ${loadavg()[0].toFixed(2)}`,
    );
    await app.close();

    await startApi(bench, PORT);
    const token = await login(PORT, `gen${SEED}-inspector`);
    const query = async () => {
      const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: COCKPIT, variables: { r: province.provinceId, p: String(year) } }),
      });
      const body = (await response.json()) as {
        data?: { cockpit: { kpis: Record<string, number>; departmentTotal: number } };
        errors?: unknown;
      };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data.cockpit;
    };
    const first = await query();
    for (let i = 0; i < 20; i++) await query(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await query();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const grouped: number[] = [];
    let groupedResult: Record<string, unknown> = {};
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      groupedResult = (await db.query(GROUP_BY, [province.provincePath, year])).rows[0];
      grouped.push(performance.now() - started);
    }
    grouped.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const g95 = percentile(grouped, 95);
    const k = first.kpis;
    console.log(`cockpit(province) kpis: ${JSON.stringify(k)}, departments ${first.departmentTotal}`);
    console.log(`GROUP BY gives: ${JSON.stringify({ ...groupedResult, grades: undefined, ranking: undefined })}`);
    const reviews = groupedResult.reviews as { files: number };
    const tasks = groupedResult.tasks as { issued: number };
    const clear = groupedResult.clear_down as { withTasks: number; cleared: number };
    const agree =
      reviews.files === k.filesReviewed &&
      tasks.issued === k.tasksIssued &&
      clear.withTasks === k.departmentsWithTasks &&
      clear.cleared === k.departmentsCleared &&
      Number(groupedResult.overdue) === k.tasksOverdue;
    console.log(`the figures agree (files, tasks issued, clear-down, overdue): ${agree}`);
    console.log(`GROUP BY p95 over the in-process p95: ${(g95 / s95).toFixed(0)}×`);
    console.log(`cockpit(province) over HTTP/GraphQL: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${RUNS} runs)`);
    console.log(
      `GROUP BY over the source tables (SQL only): p50 ${percentile(grouped, 50).toFixed(0)} ms, p95 ${g95.toFixed(0)} ms (5 runs); ratio ${(g95 / p95).toFixed(0)}× (p95 over p95)`,
    );
    console.log(
      `load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    if (!agree) process.exitCode = 1;
  } finally {
    await db.end();
    await stopAll(bench);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
