// The escalation sweep over 300,000 open rectification tasks on PostgreSQL (target ≤ 10 s for every
// run, the first one over an empty escalation history included; a second run changes nothing; two
// concurrent runs record each step once). Creates its own database on postgres://postgres@127.0.0.1:5432.
// Run after a build: `npm run build:server && node dist/bench/escalation-sweep.js [tasks]`.
import { createOfficialCalendar } from '@ducha/calendar';
import { JsonLogger } from '@ducha/common';
import { AppConfig } from '@ducha/config';
import { connectionOptions } from '@ducha/database';
import { EscalationService } from '@ducha/rectification';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/src/create-app.js';
import { MIGRATIONS } from '../migrations/index.js';
import { generateRectification, prepareBenchDistrict } from './generate/rectification.js';

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TASKS = Number(process.argv[2] ?? 300_000);
const TARGET_SECONDS = 10;

export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const ds = new DataSource(connectionOptions({ url: url.toString(), embedded: false, migrations: MIGRATIONS, runMigrations: false }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  return url.toString();
}

export async function benchApp(url: string) {
  const config = new AppConfig({
    DATABASE_URL: url,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-${Date.now()}`,
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
  return app;
}

/**
 * CPU seconds used so far by each PostgreSQL backend of this database (read from /proc: the bench
 * runs on the database's host). Unlike wall time, it barely moves with what else the machine runs.
 */
async function backendCpu(client: pg.Client): Promise<Map<number, number>> {
  const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length > 12) cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
  }
  return cpu;
}
const CLOCK_TICKS = 100;

const shanghaiToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  const url = await freshDatabase('ducha_bench_escalation');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const district = await prepareBenchDistrict(client, 200);
  const today = shanghaiToday();
  let started = Date.now();
  const n = await generateRectification(client, {
    ...district,
    issuedBy: district.inspectorId,
    seed: 'sweep',
    tasks: TASKS,
    openShare: 1,
    today,
  });
  console.log(
    `generated ${n} open tasks over 200 departments in ${((Date.now() - started) / 1000).toFixed(1)} s (load average ${loadavg()[0].toFixed(2)})`,
  );
  const app = await benchApp(url);
  const sweeps = app.get(EscalationService);
  const at = (date: string) => new Date(`${date}T01:00:00Z`);
  const timed = async (label: string, date: string) => {
    const cpuBefore = await backendCpu(client);
    const t0 = Date.now();
    const report = await sweeps.sweep(at(date));
    const seconds = (Date.now() - t0) / 1000;
    let cpu = 0;
    for (const [pid, used] of await backendCpu(client)) cpu += used - (cpuBefore.get(pid) ?? 0);
    console.log(
      `${label.padEnd(44)} ${seconds.toFixed(2).padStart(6)} s  PostgreSQL CPU ${cpu.toFixed(2)} s  steps=${report.steps} notifications=${report.notifications}${report.skipped.length ? ` skipped=${report.skipped}` : ''}`,
    );
    return { seconds, report };
  };
  // Working days around today: the ladder moves only on working days.
  const calendar = createOfficialCalendar();
  const d0 = calendar.subtractWorkingDays(today, 1);
  const d1 = calendar.addWorkingDays(d0, 1);
  const d2 = calendar.addWorkingDays(d1, 1);
  const catchUp = await timed(`first run (empty history) as of ${d0}`, d0);
  const daily = await timed(`next working day ${d1}`, d1);
  const again = await timed(`second run on ${d1} (idempotent)`, d1);
  started = Date.now();
  const [a, b] = await Promise.all([sweeps.sweep(at(d2)), sweeps.sweep(at(d2))]);
  console.log(
    `${`two concurrent runs on ${d2}`.padEnd(44)} ${((Date.now() - started) / 1000).toFixed(2).padStart(6)} s  steps=${a.steps}+${b.steps}`,
  );
  const {
    rows: [dups],
  } = await client.query(
    `SELECT count(*)::int AS n FROM (SELECT task_id, step FROM rectification_escalation GROUP BY 1, 2 HAVING count(*) > 1) x`,
  );
  const {
    rows: [counts],
  } = await client.query(
    `SELECT (SELECT count(*)::int FROM rectification_escalation) AS steps, (SELECT count(*)::int FROM outbox_event WHERE type = 'rectification.escalated') AS events`,
  );
  console.log(`escalation rows ${counts.steps}, escalated events ${counts.events}, duplicate (task, step) pairs ${dups.n}`);
  const worst = Math.max(catchUp.seconds, daily.seconds, again.seconds);
  const pass = worst <= TARGET_SECONDS && again.report.steps === 0 && dups.n === 0 && counts.steps === counts.events;
  console.log(
    `${pass ? 'PASS' : 'FAIL'}: every run over ${n} open tasks ≤ ${worst.toFixed(2)} s (target ≤ ${TARGET_SECONDS} s): ` +
      `first run ${catchUp.report.steps} steps from an empty history in ${catchUp.seconds.toFixed(2)} s, second run changed ${again.report.steps}; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  await app.close();
  await client.end();
}

if (/escalation-sweep\.[jt]s$/.test(process.argv[1] ?? '')) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
