// Three-systems screening of one year of a province in server mode (built code): every automatic
// screen over 1,000,000 case files of 5,000 departments and the officer registry, read set-based in
// keyset batches (never all rows in memory). Target: ≤ 60 s, memory flat. Prints rows/s and peak RSS.
// Run: `npm run build:server && DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx tsx bench/screening.ts [seed=screening]`
// (an empty database gets the province generator's data first: 5,000 departments, 1,000,000 case files)
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { generateProvince, migrate } from './generate.js';

const SEED = process.argv[2] ?? 'screening';
const dist = (p: string) => resolve(import.meta.dirname, '../dist', p);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL');
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  if ((await client.query(`SELECT count(*)::int AS n FROM unit WHERE NOT is_supervising_office`)).rows[0].n === 0)
    await generateProvince(client, SEED);
  const [{ files, departments, officers, first, last }] = (
    await client.query(
      `SELECT (SELECT count(*)::int FROM case_file) AS files, (SELECT count(DISTINCT department_id)::int FROM case_file) AS departments,
            (SELECT count(*)::int FROM officer) AS officers, min(COALESCE(decision_date, closed_date))::text AS first, max(COALESCE(decision_date, closed_date))::text AS last FROM case_file`,
    )
  ).rows;
  await client.end();

  const { connectionOptions } = await import(dist('libs/database/src/index.js'));
  const { createOfficialCalendar } = await import(dist('libs/calendar/src/index.js'));
  const { runScreens } = await import(dist('libs/compliance/src/screening/run-screens.js'));
  const { SCREEN_KEYS } = await import(dist('libs/compliance/src/screens/index.js'));
  const ds = new DataSource(connectionOptions({ url, embedded: false, migrations: [], runMigrations: false, poolSize: 2 }));
  await ds.initialize();

  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let peak = process.memoryUsage().rss;
  const before = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const rssAt: number[] = [];
  let nextMark = 100_000;
  const started = performance.now();
  const engine = await runScreens(
    ds.manager,
    createOfficialCalendar(),
    today,
    SCREEN_KEYS,
    { departmentIds: null, from: first, to: last },
    0,
    async (done: number) => {
      if (done >= nextMark) {
        rssAt.push(process.memoryUsage().rss);
        nextMark += 100_000;
      }
    },
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  const totals = new Map<string, { passed: number; total: number }>();
  for (const perScreen of engine.outcomes().values()) {
    for (const [key, o] of perScreen) {
      const t = totals.get(key) ?? { passed: 0, total: 0 };
      totals.set(key, { passed: t.passed + o.passed, total: t.total + o.total });
    }
  }
  console.log(`case files in the table: ${files} of ${departments} departments (${first} … ${last}); officers: ${officers}`);
  console.log(
    `screened: ${engine.casesSeen} case files, ${engine.outcomes().size} departments, ${SCREEN_KEYS.length} screens in ${seconds.toFixed(1)} s`,
  );
  console.log(
    `throughput: ${Math.round(engine.casesSeen / seconds).toLocaleString('en')} rows/s; failing files: ${engine.failingCases}; calendar gaps: ${engine.calendarGaps}`,
  );
  console.log(
    `RSS: ${mb(before)} before, peak ${mb(peak)} (maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}); every ~100k rows: ${rssAt.map(mb).join(', ')}`,
  );
  for (const [key, t] of totals) console.log(`  ${key.padEnd(42)} ${t.passed}/${t.total} pass`);
  console.log(`target ≤ 60 s: ${seconds <= 60 ? 'MET' : 'MISSED'}`);
  await ds.destroy();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
