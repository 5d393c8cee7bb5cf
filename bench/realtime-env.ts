// Shared set-up of the realtime and cockpit benchmarks (server mode, built code): a fresh
// PostgreSQL database migrated and seeded with the demo district, api and worker processes started
// from dist/, sign-in, and socket clients. Needs `npm run build:server` first, PostgreSQL on
// 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (override with BENCH_DATABASE_ADMIN_URL, BENCH_REDIS_URL).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { untilOutput } from '../apps/api/test/realtime-processes.js';

const ADMIN_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const dist = (path: string) => resolve('dist', path);

export interface BenchEnv {
  url: string;
  env: Record<string, string>;
  processes: ChildProcess[];
  drop(): Promise<void>;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** A new database with the migrations and the demo district (seeded through the built api, as in production). */
export async function createBenchDatabase(): Promise<BenchEnv> {
  const id = randomBytes(4).toString('hex');
  const database = `ducha_bench_${id}`;
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const env = {
    DATABASE_URL: url.toString(),
    REDIS_URL,
    QUEUE_PREFIX: `bench-${id}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    SEED_DEMO: 'false',
    SERVE_DASHBOARD: 'false',
    DATA_DIR: `/tmp/ducha-bench-${id}`,
    ACCESS_TOKEN_TTL_SECONDS: '7200',
  };
  await migrate(env.DATABASE_URL);
  const { AppConfig } = await import(dist('libs/config/src/index.js'));
  const { createApp } = await import(dist('apps/api/src/create-app.js'));
  const { DemoSeeder } = await import(dist('apps/api/src/seed/demo-seeder.js'));
  const { JsonLogger } = await import(dist('libs/common/src/index.js'));
  const app = await createApp(new AppConfig({ ...env, RUN_RELAY: 'true', RUN_WORKERS: 'false' }), new JsonLogger('error'));
  await app.init();
  await app.get(DemoSeeder).seedIfEmpty();
  await app.close();
  return { url: env.DATABASE_URL, env, processes: [], drop: () => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`) };
}

/** Runs the migrations not yet applied to a bench database. */
export async function migrate(url: string): Promise<void> {
  const { MIGRATIONS } = await import(dist('migrations/index.js'));
  const { connectionOptions } = await import(dist('libs/database/src/index.js'));
  const { DataSource } = await import('typeorm');
  const migrator = new DataSource(connectionOptions({ url, embedded: false, migrations: MIGRATIONS, runMigrations: false }));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
}

export async function startApi(bench: BenchEnv, port: number, extra: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [dist('apps/api/src/main.js')], {
    env: {
      ...process.env,
      ...bench.env,
      LOG_LEVEL: 'info',
      PORT: String(port),
      HOST: '127.0.0.1',
      RUN_RELAY: 'false',
      RUN_WORKERS: 'false',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bench.processes.push(child);
  await untilOutput(child, /ducha is ready/, `api on ${port}`);
  return child;
}

export async function startWorker(bench: BenchEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [dist('apps/worker/src/main.js')], {
    env: { ...process.env, ...bench.env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bench.processes.push(child);
  await untilOutput(child, /ducha worker is ready/, 'worker');
  return child;
}

export async function login(port: number, username: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation { login(input: { username: "${username}", password: "Ducha@2026" }) { accessToken } }` }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

export function connectSocket(port: number, token: string, lastSeq?: number): Promise<Socket> {
  const socket = io(`http://127.0.0.1:${port}`, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token, lastSeq },
  });
  return new Promise((resolvePromise, reject) => {
    socket.once('ready', () => resolvePromise(socket));
    socket.once('connect_error', reject);
  });
}

export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

export async function stopAll(bench: BenchEnv): Promise<void> {
  for (const child of bench.processes) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  for (const child of bench.processes) if (child.exitCode === null) child.kill('SIGKILL');
  if (process.env.BENCH_KEEP) console.log(`kept database ${bench.url}`);
  else await bench.drop();
}
