// Embedded mode start-up: cold (empty data directory: initdb, migrations, demo seed) and warm
// (same directory again), time to a healthy /health and resident memory once ready.
// Run after a build: `npm run build:server && npx tsx bench/boot.ts`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = 3950 + Math.floor(Math.random() * 40);

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function healthy(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('api did not become healthy');
}

async function start(dataDir: string): Promise<{ child: ChildProcess; seconds: number; rss: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await healthy(120_000);
  const seconds = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 500));
  return { child, seconds, rss: rssMb(child.pid!) };
}

async function stop(child: ChildProcess): Promise<number> {
  const started = Date.now();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return (Date.now() - started) / 1000;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ducha-boot-'));
  try {
    const cold = await start(dataDir);
    const coldStop = await stop(cold.child);
    const warm = await start(dataDir);
    const warmStop = await stop(warm.child);
    console.log(
      `embedded cold start (initdb + migrations + demo seed): ${cold.seconds.toFixed(1)} s to healthy, RSS ${cold.rss.toFixed(0)} MB`,
    );
    console.log(
      `embedded warm start (existing data):                   ${warm.seconds.toFixed(1)} s to healthy, RSS ${warm.rss.toFixed(0)} MB`,
    );
    console.log(`graceful stop on SIGTERM: ${coldStop.toFixed(1)} s (cold run), ${warmStop.toFixed(1)} s (warm run)`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
