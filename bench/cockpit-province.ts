// cockpit(province) at province scale (server mode, built code). Generates, deterministically from
// a seed, a province of 10 cities × 10 counties × 50 departments (5,000), 1,000,000 scored case
// files, 300,000 rectification tasks (half closed, a tenth cancelled) and per-department
// three-systems checks and rates, as relayed outbox events; projects them into the read model with
// the rebuild job's code (timed); then measures the GraphQL cockpit query (p50/p95) against the
// same headline figures computed with GROUP BY over the recorded events, in the same run.
// Run: `npm run build:server && npx tsx bench/cockpit-province.ts [files=1000000] [tasks=300000] [seed=1]`
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import pg from 'pg';
import { createBenchDatabase, login, percentile, startApi, stopAll } from './realtime-env.js';

const FILES = Number(process.argv[2] ?? 1_000_000);
const TASKS = Number(process.argv[3] ?? 300_000);
const SEED = Number(process.argv[4] ?? 1);
const PORT = 3964;
const YEAR = new Date().getUTCFullYear();

const COCKPIT = `query($r: ID!, $p: String!) { cockpit(regionId: $r, period: $p, pageSize: 50) { asOfSeq departmentTotal
  kpis { filesReviewed meanScore passRate tasksIssued tasksOpen tasksClosed tasksOverdue completionRate onTimeRate clearDownRate disclosureOnTimeRate }
  ranking { rank departmentName meanScore filesReviewed } gradeDistribution { key count } rectificationFunnel { key count }
  warningLevels { key count } overdue { taskNo daysOverdue } trend { month filesReviewed } } }`;

/** The same headline figures straight from the events: latest score per file, latest state per task. */
const GROUP_BY = `
WITH files AS (
  SELECT DISTINCT ON (payload->>'caseFileId') department_id, region_path, (payload->>'score')::numeric AS score, payload->>'grade' AS grade, (payload->>'passed')::boolean AS passed
    FROM outbox_event WHERE type = 'review.file_scored' AND left(region_path, length($1)) = $1 AND payload->>'scoredAt' LIKE $2 || '%'
   ORDER BY payload->>'caseFileId', seq DESC),
tasks AS (
  SELECT DISTINCT ON (payload->>'taskId') payload->>'to' AS state, (payload->>'deadline')::date AS deadline
    FROM outbox_event WHERE type LIKE 'rectification.%' AND left(region_path, length($1)) = $1
   ORDER BY payload->>'taskId', seq DESC)
SELECT (SELECT json_build_object('files', count(*), 'mean', avg(score), 'pass', avg(passed::int)) FROM files) AS kpis,
       (SELECT json_agg(g) FROM (SELECT grade, count(*) FROM files GROUP BY grade) g) AS grades,
       (SELECT json_agg(r) FROM (SELECT department_id, avg(score) AS mean, count(*) FROM files GROUP BY department_id ORDER BY 2 DESC LIMIT 50) r) AS ranking,
       (SELECT json_agg(s) FROM (SELECT state, count(*), count(*) FILTER (WHERE deadline < current_date AND state NOT IN ('CLOSED','CANCELLED')) AS overdue FROM tasks GROUP BY state) s) AS funnel`;

async function generate(db: pg.Client): Promise<{ provinceId: string; events: number }> {
  const [province] = (await db.query(`SELECT id, path FROM region WHERE parent_id IS NULL`)).rows;
  // 10 cities × 10 counties, 50 departments each; ids from md5 of the seed and position, so a seed gives the same province.
  await db.query(
    `INSERT INTO region (id, parent_id, level, code, name, path)
     SELECT md5($2 || 'c' || c)::uuid, $1, 'CITY', 'B-C' || c, '市' || c, $3 || md5($2 || 'c' || c)::uuid || '/' FROM generate_series(1, 10) c`,
    [province.id, String(SEED), province.path],
  );
  await db.query(
    `INSERT INTO region (id, parent_id, level, code, name, path)
     SELECT md5($1 || 'k' || c || '-' || k)::uuid, p.id, 'COUNTY', 'B-K' || c || '-' || k, '县' || c || '-' || k, p.path || md5($1 || 'k' || c || '-' || k)::uuid || '/'
       FROM generate_series(1, 10) c CROSS JOIN generate_series(1, 10) k JOIN region p ON p.id = md5($1 || 'c' || c)::uuid`,
    [String(SEED)],
  );
  await db.query(
    `INSERT INTO unit (id, code, name, kind, region_id, is_enforcement_body)
     SELECT md5($1 || 'u' || r.code || '-' || d)::uuid, r.code || '-D' || d, r.name || '执法部门' || d, 'GOVERNMENT_DEPARTMENT', r.id, true
       FROM region r CROSS JOIN generate_series(1, 50) d WHERE r.code LIKE 'B-K%'`,
    [String(SEED)],
  );
  await db.query(
    `CREATE TEMP TABLE dept AS SELECT row_number() OVER (ORDER BY u.id) - 1 AS n, u.id, u.name, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code LIKE 'B-K%'`,
  );
  const [{ head }] = (await db.query(`SELECT coalesce(max(seq), 0)::bigint AS head FROM outbox_event`)).rows;
  const insert = (select: string, params: unknown[]) =>
    db.query(`INSERT INTO outbox_event (seq, type, region_path, department_id, payload, created_at, published_at) ${select}`, params);
  let seq = Number(head);
  const step = 100_000;
  for (let from = 0; from < FILES; from += step) {
    await insert(
      `SELECT $1 + g, 'review.file_scored', d.path, d.id, json_build_object('campaignId', md5('camp')::uuid, 'caseFileId', md5($3 || 'f' || g)::uuid, 'departmentId', d.id, 'caseType', 'PENALTY',
              'score', s.score, 'grade', CASE WHEN s.score >= 90 THEN 'EXCELLENT' WHEN s.score >= 80 THEN 'GOOD' WHEN s.score >= 60 THEN 'PASS' ELSE 'FAIL' END,
              'passed', s.score >= 60, 'scoredAt', make_timestamptz($4, 1 + g % 12, 1 + g % 28, 2, 0, 0, 'UTC')), now(), now()
         FROM generate_series($2::int + 1, $2::int + $5::int) g CROSS JOIN LATERAL (SELECT round(40 + ((g::bigint * 2654435761) % 601) / 10.0, 1) AS score) s
         JOIN dept d ON d.n = (g::bigint * 7919) % 5000`,
      [Number(head), from, String(SEED), YEAR, Math.min(step, FILES - from)],
    );
  }
  seq += FILES;
  const transition = (kind: string, to: string, extra: string, where: string) =>
    insert(
      `SELECT $1 + row_number() OVER (ORDER BY g), '${kind}', d.path, d.id, json_build_object('taskId', md5($2 || 't' || g)::uuid, 'taskNo', 'ZG-' || g, 'departmentId', d.id, 'departmentName', d.name,
              'from', NULL, 'to', '${to}', 'deadline', (make_date($3, 1, 1) + (g % 400))::text, 'source', 'REVIEW', 'actorName', 'bench'${extra}), make_timestamptz($3, 1 + g % 12, 1 + g % 28, 3, 0, 0, 'UTC'), now()
         FROM generate_series(1, $4::int) g JOIN dept d ON d.n = (g::bigint * 104729) % 5000 WHERE ${where}`,
      [seq, String(SEED), YEAR, TASKS],
    );
  seq += (await transition('rectification.issued', 'ISSUED', `, 'findings', 1`, 'true')).rowCount!;
  seq += (await transition('rectification.closed', 'CLOSED', `, 'onTime', g % 3 <> 0`, 'g % 2 = 0')).rowCount!;
  seq += (await transition('rectification.cancelled', 'CANCELLED', `, 'reason', 'bench'`, 'g % 10 = 1')).rowCount!;
  await insert(
    `SELECT $1 + d.n + 1, 'compliance.rates_updated', d.path, d.id, json_build_object('departmentId', d.id, 'year', $2::int,
            'disclosureOnTime', json_build_object('passed', 10 + d.n % 20, 'total', 30), 'legalReviewCoverage', json_build_object('passed', 20, 'total', 25),
            'avFiled', json_build_object('passed', d.n % 15, 'total', 15)), now(), now() FROM dept d`,
    [seq, YEAR],
  );
  seq += 5000;
  await db.query(`SELECT setval(pg_get_serial_sequence('outbox_event', 'id'), (SELECT max(id) FROM outbox_event))`);
  return { provinceId: province.id, events: seq - Number(head) };
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase();
  const db = new pg.Client({ connectionString: bench.url });
  await db.connect();
  try {
    let t0 = performance.now();
    const { provinceId, events } = await generate(db);
    console.log(
      `generated ${events} events (5,000 departments, ${FILES} files, ${TASKS} tasks) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    // A leader at the province's office, to ask for the whole province.
    await db.query(
      `INSERT INTO unit (code, name, kind, region_id, is_supervising_office) VALUES ('B-PROV', '省依法治省办', 'GOVERNMENT_DEPARTMENT', $1, true)`,
      [provinceId],
    );
    await db.query(`UPDATE app_user SET unit_id = (SELECT id FROM unit WHERE code = 'B-PROV') WHERE username = 'leader'`);

    t0 = performance.now();
    const dist = (p: string) => resolve('dist', p);
    const { createApp } = await import(dist('apps/api/src/create-app.js'));
    const { AppConfig } = await import(dist('libs/config/src/index.js'));
    const { JsonLogger } = await import(dist('libs/common/src/index.js'));
    const { CockpitRebuildService } = await import(dist('libs/cockpit/src/index.js'));
    const app = await createApp(new AppConfig({ ...bench.env, RUN_RELAY: 'false', RUN_WORKERS: 'false' }), new JsonLogger('error'));
    await app.init();
    const rebuilt = await app.get(CockpitRebuildService).rebuild();
    await app.close();
    await db.query('ANALYZE'); // as autovacuum would have done on a live system
    const projectSeconds = (performance.now() - t0) / 1000;
    console.log(
      `projected ${rebuilt.events} events into the read model in ${projectSeconds.toFixed(0)} s (${Math.round(rebuilt.events / projectSeconds)} events/s)`,
    );

    await startApi(bench, PORT);
    const token = await login(PORT, 'leader');
    const query = async () => {
      const response = await fetch(`http://127.0.0.1:${PORT}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: COCKPIT, variables: { r: provinceId, p: String(YEAR) } }),
      });
      const body = (await response.json()) as { data?: { cockpit: { kpis: Record<string, number> } }; errors?: unknown };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data.cockpit;
    };
    const first = await query();
    console.log('cockpit(province) kpis:', JSON.stringify(first.kpis));
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const started = performance.now();
      await query();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const [province] = (await db.query(`SELECT path FROM region WHERE id = $1`, [provinceId])).rows;
    const grouped: number[] = [];
    let groupedResult: unknown;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      groupedResult = (await db.query(GROUP_BY, [province.path, String(YEAR)])).rows[0].kpis;
      grouped.push(performance.now() - started);
    }
    grouped.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    const g95 = percentile(grouped, 95);
    console.log(`GROUP BY over the events gives: ${JSON.stringify(groupedResult)}`);
    console.log(`cockpit(province) over HTTP/GraphQL: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (100 runs)`);
    console.log(
      `GROUP BY over the recorded events (SQL only): p50 ${percentile(grouped, 50).toFixed(0)} ms, p95 ${g95.toFixed(0)} ms (5 runs); ratio ${(g95 / p95).toFixed(0)}×`,
    );
  } finally {
    await db.end();
    await stopAll(bench);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
