import { createTestEnvironment, testMode, type TestEnvironment } from '@ducha/testing';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../../../migrations/index.js';

/** The built api as `npm start` runs it (npm test builds first). */
interface Running {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(env: Record<string, string>, port: number): Running {
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', SERVE_DASHBOARD: 'false' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return { child, output: () => out, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function healthy(port: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`api on ${port} never became healthy`);
}

const port = () => 4100 + Math.floor(Math.random() * 800);

describe(`The api process, ${testMode()} mode (e2e)`, () => {
  let environment: TestEnvironment;

  beforeAll(async () => {
    expect(existsSync('dist/apps/api/src/main.js')).toBe(true);
    environment = await createTestEnvironment(MIGRATIONS, { SEED_DEMO: 'true' });
  });
  afterAll(async () => environment.cleanup());

  it('should start, say where it is, stop gracefully on SIGTERM, and start again', async () => {
    const p = port();
    const first = launch(environment.env, p);
    await healthy(p);
    if (testMode() === 'embedded') {
      expect(first.output()).toContain(`Dashboard: http://localhost:${p}/`);
      expect(first.output()).toMatch(/inspector\s+Ducha@2026/);
    }
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const second = launch(environment.env, p);
    await healthy(p, 30_000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it(
    testMode() === 'embedded'
      ? 'should refuse a second process on the same data directory, clearly'
      : 'should refuse to start on an unmigrated database, leaving migrations to `npm run migration:run`',
    async () => {
      if (testMode() === 'embedded') {
        const p = port();
        const owner = launch(environment.env, p);
        await healthy(p);
        const intruder = launch(environment.env, port());
        expect(await intruder.exited).not.toBe(0);
        expect(intruder.output()).toMatch(/data directory .* is in use by another ducha process \(pid \d+\)/);
        expect(existsSync(join(environment.env.DATA_DIR, 'ducha.lock'))).toBe(true);
        owner.child.kill('SIGTERM');
        expect(await owner.exited).toBe(0);
        expect(existsSync(join(environment.env.DATA_DIR, 'ducha.lock'))).toBe(false);
      } else {
        // An api pointed at an empty database must not create the schema itself.
        const empty = await createTestEnvironment([]);
        const p = port();
        const api = launch({ ...empty.env, SEED_DEMO: 'false' }, p);
        expect(await api.exited).not.toBe(0);
        expect(api.output()).toMatch(/pending migrations: run `npm run migration:run`/);
        const tables = await fetch(`http://127.0.0.1:${p}/health`).catch(() => undefined);
        expect(tables).toBeUndefined();
        await empty.cleanup();
      }
    },
  );
});
