// The rectification ledger on 300,000 tasks on PostgreSQL: p95 of a page of 50 with filters
// (target ≤ 50 ms) and the number of SQL statements per request (must not depend on the page).
// Run after a build: `npm run build:server && node dist/bench/ledger.js [tasks] [requests]`.
import { Role } from '@ducha/contracts';
import { EscalationService, LedgerService, TaskState } from '@ducha/rectification';
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { generateRectification, prepareBenchDistrict } from './generate/rectification.js';
import { benchApp, freshDatabase } from './escalation-sweep.js';

const TASKS = Number(process.argv[2] ?? 300_000);
const REQUESTS = Number(process.argv[3] ?? 200);
const TARGET_P95_MS = 50;

/** Counts every statement any pg client sends (the app's pool included). */
let statements = 0;
let texts: string[] = [];
/** Only statements sent on behalf of a measured request count (the relay's background polling does not). */
const measuring = new AsyncLocalStorage<boolean>();
const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (!measuring.getStore()) return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  statements++;
  texts.push(
    String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text)
      .slice(0, 60)
      .replace(/\s+/g, ' '),
  );
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

const percentile = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

async function main(): Promise<void> {
  const url = await freshDatabase('ducha_bench_ledger');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const district = await prepareBenchDistrict(client, 200);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const started = Date.now();
  const n = await generateRectification(client, {
    ...district,
    issuedBy: district.inspectorId,
    seed: 'ledger',
    tasks: TASKS,
    openShare: 0.6,
    today,
  });
  console.log(`generated ${n} tasks (60% open) over 200 departments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const app = await benchApp(url);
  // The open tasks' escalation steps as the sweep leaves them (a page reads each row's highest step).
  const swept = await app.get(EscalationService).sweep();
  console.log(`swept: ${swept.steps} escalation steps recorded`);
  await client.query(`VACUUM ANALYZE rectification_task`);
  await client.query(`VACUUM ANALYZE rectification_escalation`);
  const ledger = app.get(LedgerService);
  const actor = {
    userId: district.inspectorId,
    username: 'bench-inspector',
    roles: [Role.INSPECTOR],
    unitId: district.officeUnitId,
    regionPath: district.regionPath,
    isSupervisingOffice: true,
  };
  const daysAgo = (n: number): string => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
  const cases: [string, (i: number) => Parameters<LedgerService['page']>[1]][] = [
    ['no filter, page 1', () => ({ pageSize: 50 })],
    ['one department', (i) => ({ departmentId: district.departmentIds[i % 200], pageSize: 50 })],
    ['state IN_PROGRESS + warning RED', () => ({ states: [TaskState.IN_PROGRESS], warningLevel: 'RED' as never, pageSize: 50 })],
    [
      'source + issued in the last 30 days',
      (i) => ({ source: (['CASE_REVIEW', 'HOTLINE', 'INSPECTION'] as never[])[i % 3], from: daysAgo(30), to: today, pageSize: 50 }),
    ],
    ['source only', (i) => ({ source: (['CASE_REVIEW', 'HOTLINE', 'INSPECTION'] as never[])[i % 3], pageSize: 50 })],
    [
      'department + open states + YELLOW',
      (i) => ({
        departmentId: district.departmentIds[(i * 7) % 200],
        states: [TaskState.ISSUED, TaskState.ACKNOWLEDGED, TaskState.IN_PROGRESS],
        warningLevel: 'YELLOW' as never,
        pageSize: 50,
      }),
    ],
    ['no filter, page 40', () => ({ page: 40, pageSize: 50 })],
  ];
  // Warm the calendar cache and open the pool's connections (their set-up statements are not the ledger's).
  for (let i = 0; i < 3; i++)
    await Promise.all(Array.from({ length: 8 }, () => ledger.page(actor, { pageSize: 50, warningLevel: 'RED' as never })));
  let pass = true;
  for (const [label, filter] of cases) {
    const times: number[] = [];
    const perRequest = new Set<number>();
    let rows = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const before = statements;
      texts = [];
      const t0 = performance.now();
      const page = await measuring.run(true, () => ledger.page(actor, filter(i)));
      times.push(performance.now() - t0);
      if (!perRequest.has(statements - before) && perRequest.size)
        console.log(`  a request with ${statements - before} statements: ${texts.join(' | ')}`);
      perRequest.add(statements - before);
      rows += page.rows.length;
    }
    const p95 = percentile(times, 95);
    pass &&= p95 <= TARGET_P95_MS && perRequest.size === 1;
    console.log(
      `${label.padEnd(36)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  statements/request ${[...perRequest].join('/')}  avg rows ${(rows / REQUESTS).toFixed(1)}`,
    );
  }
  console.log(
    `${pass ? 'PASS' : 'FAIL'}: target p95 ≤ ${TARGET_P95_MS} ms with a fixed statement count (${REQUESTS} requests per case, service level, PostgreSQL)`,
  );
  await app.close();
  await client.end();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
