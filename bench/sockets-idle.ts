// Memory of idle authenticated sockets in one api process (server mode, built code): connects N
// socket.io clients (the demo officer) and reports the api's RSS and V8 heap before and after,
// read from /proc and from its /metrics.
// Run: `npm run build:server && npx tsx bench/sockets-idle.ts [sockets=10000]`
import type { Socket } from 'socket.io-client';
import { connectSocket, createBenchDatabase, login, rssMb, startApi, stopAll } from './realtime-env.js';

const SOCKETS = Number(process.argv[2] ?? 10_000);
const PORT = 3963;

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${PORT}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : NaN;
}

async function snapshot(pid: number, label: string): Promise<void> {
  const heap = (await metric('nodejs_heap_size_used_bytes')) / 2 ** 20;
  const sockets = await metric('ducha_sockets_connected');
  console.log(`${label}: sockets ${sockets}, RSS ${rssMb(pid).toFixed(0)} MiB, heap used ${heap.toFixed(0)} MiB`);
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase();
  try {
    const api = await startApi(bench, PORT);
    const token = await login(PORT, 'officer');
    await snapshot(api.pid!, 'idle api');
    const sockets: Socket[] = [];
    const started = Date.now();
    for (let i = 0; i < SOCKETS; i += 200) {
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(200, SOCKETS - i) }, () => connectSocket(PORT, token)))));
    }
    console.log(`${sockets.length} sockets connected in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await new Promise((r) => setTimeout(r, 5000));
    await snapshot(api.pid!, `with ${SOCKETS} idle sockets`);
    sockets.forEach((s) => s.disconnect());
  } finally {
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
