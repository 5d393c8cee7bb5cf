import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestEnvironment, testMode } from '@ducha/testing';
import { MIGRATIONS } from '../../../../migrations/index.js';

/** The real api (demo district seeded, in the TEST_MODE's mode) serving the built dashboard at `/`. */
export interface ApiProcess {
  baseUrl: string;
  stop(): Promise<void>;
  /** The api's stdout/stderr so far, for failure messages. */
  output(): string;
}

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`api exited with ${child.exitCode}:\n${log().slice(-4000)}`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`api did not become healthy within ${timeoutMs} ms:\n${log().slice(-4000)}`);
}

/** Runs a built CLI to its end with the environment, failing with its output. */
function runToEnd(script: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${script} exited with ${code}:\n${out.slice(-4000)}`))));
  });
}

function spawnLogged(script: string, env: NodeJS.ProcessEnv, append: (text: string) => void): ChildProcess {
  const child = spawn(process.execPath, [script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => append(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => append(chunk.toString()));
  return child;
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Spawns `node dist/apps/api/src/main.js` (build first: `npm run build`) on a free port, the cwd at
 * the repo root so the api finds `dist/dashboard`. Embedded mode (the default): a fresh DATA_DIR,
 * seeded by the api at start. `TEST_MODE=server`: a fresh PostgreSQL database (migrated), seeded
 * with `npm run seed`'s CLI, a Redis key prefix of its own, and a worker process standing for the
 * relay and the jobs beside the api, as in production.
 */
export async function startApiProcess(timeoutMs = 90_000): Promise<ApiProcess> {
  for (const built of ['dist/apps/api/src/main.js', 'dist/dashboard/index.html']) {
    if (!existsSync(join(REPO_ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` before the browser tests`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const append = (text: string) => void (log += text);
  const server = testMode() === 'server';
  const environment = server ? await createTestEnvironment(MIGRATIONS) : undefined;
  const dataDir = environment?.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ducha-browser-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'true',
    SERVE_DASHBOARD: 'true',
    LOG_LEVEL: 'warn',
    ...(environment && {
      DATABASE_URL: environment.env.DATABASE_URL,
      REDIS_URL: environment.env.REDIS_URL,
      QUEUE_PREFIX: environment.env.QUEUE_PREFIX,
    }),
  };
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map(terminate));
    await environment?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (server) {
      await runToEnd('dist/apps/api/src/cli/seed.js', env);
      children.push(spawnLogged('dist/apps/worker/src/main.js', env, (text) => append(`[worker] ${text}`)));
    }
    const api = spawnLogged('dist/apps/api/src/main.js', env, append);
    children.push(api);
    await waitForHealth(baseUrl, api, () => log, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop, output: () => log };
}
