// Real processes for the realtime fault test: a Redis server of its own (the shared one on 6379
// serves other tests and must never be restarted) and relay workers from the built dist/.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves with the child's output so far once `ready` matches it (also used by the benchmarks). */
export function untilOutput(child: ChildProcess, ready: RegExp, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}:\n${out}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  return exited;
}

/** A throw-away redis-server (no persistence: a restart loses every key, streams included). */
export class TestRedis {
  private child: ChildProcess | undefined;
  private constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it again (on the same port) after a kill. */
  async restart(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    await untilOutput(child, /Ready to accept connections/, `redis-server on ${this.port}`);
  }

  /** Dies as a crashed server does: no shutdown, connections reset. */
  async kill(): Promise<void> {
    if (this.child) await killed(this.child);
  }
}

/** A relay worker process (`dist/apps/worker/src/main.js`, relay only), and whether it leads. */
export interface RelayProcess {
  child: ChildProcess;
  leader: boolean;
  kill(): Promise<void>;
}

export async function startRelayProcess(env: Record<string, string>): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
    env: { ...process.env, ...env, RUN_RELAY: 'true', RUN_WORKERS: 'false', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = await untilOutput(child, /ducha worker is ready.*\n/, 'relay worker');
  const leader = /ducha worker is ready.*"leader":true/.test(out);
  return { child, leader, kill: () => killed(child) };
}
