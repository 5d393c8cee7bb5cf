// Commit → socket delivery latency, server mode: two api processes and a worker (the relay) from
// dist/, N dashboard clients (the demo leader, who sees every event) split over both apis. A
// producer commits outbox events at a fixed rate exactly as OutboxService.emit does (insert +
// NOTIFY in one transaction) and notes when it began and when the commit returned; clients stamp
// receipt. Reports p50/p99 from commit to receipt (the target) and from the mutation's start, and
// checks every client received every event once, in seq order, with the CPU each part used and the
// load average. Then searches for the highest rate at which p99 stays ≤ 100 ms with nothing lost
// (doubling from the main rate, or halving when it fails, then bisecting; shorter phases).
// Run: `npm run build:server && npx tsx bench/realtime-latency.ts [clients=1000] [rate=20] [seconds=60] [search=1]` (BENCH_CLIENT_THREADS: one per CPU)
import pg from 'pg';
import type { ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { cpuSeconds, createBenchDatabase, login, percentile, startApi, startWorker, stopAll } from './realtime-env.js';

const CLIENTS = Number(process.argv[2] ?? 1000);
const RATE = Number(process.argv[3] ?? 20);
const SECONDS = Number(process.argv[4] ?? 60);
const SEARCH = (process.argv[5] ?? '1') !== '0';
const TARGET_P99_MS = 100;
const PORTS = [3961, 3962];
// One client thread per CPU: more threads than cores only queue behind each other and widen the tail.
const THREADS = Number(process.env.BENCH_CLIENT_THREADS ?? availableParallelism());

async function main(): Promise<void> {
  const bench = await createBenchDatabase();
  try {
    const worker = await startWorker(bench);
    const apis: ChildProcess[] = [];
    for (const port of PORTS) apis.push(await startApi(bench, port));
    // Where the CPU goes during a phase: the relay worker, each api, and this process (producer + client threads).
    const cpu = () =>
      [worker.pid!, ...apis.map((a) => a.pid!)].map(cpuSeconds).concat(process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6);
    console.log(
      `load average at start: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (${availableParallelism()} CPUs)`,
    );
    const token = await login(PORTS[0], 'leader');
    const pool = new pg.Pool({ connectionString: bench.url, max: 4 });
    const [scope] = (await pool.query(`SELECT u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code = 'QH-SCJG'`)).rows;
    const started = performance.now();
    const threads = Array.from({ length: THREADS }, (_, i) => {
      const share = Math.floor(CLIENTS / THREADS) + (i < CLIENTS % THREADS ? 1 : 0);
      // The thread loads the TypeScript client module through tsx's loader, as this script was.
      const module = JSON.stringify(new URL('./realtime-clients.ts', import.meta.url).href);
      const entry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${module}); })`;
      return new Worker(entry, { eval: true, workerData: { ports: PORTS, token, clients: share } });
    });
    const ask = (worker: Worker, kind: string) =>
      new Promise<Record<string, any>>((resolve) => {
        const onMessage = (message: Record<string, any>) => {
          if (message.kind !== 'connected' || kind === 'connected') {
            worker.off('message', onMessage);
            resolve(message);
          }
        };
        worker.on('message', onMessage);
        if (kind !== 'connected') worker.postMessage({ kind });
      });
    // A failing client thread fails the run (and the finally block still stops the processes).
    const failed = new Promise<never>((_, reject) => threads.forEach((w) => w.once('error', reject)));
    failed.catch(() => undefined);
    await Promise.race([Promise.all(threads.map((w) => ask(w, 'connected'))), failed]);
    console.log(
      `${CLIENTS} clients in ${THREADS} threads connected over ${PORTS.length} api processes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    let n = 0;
    /** Per event number: when the producer began the mutation, and when its commit returned. */
    const began: number[] = [];
    const committed: number[] = [];
    const emit = async (): Promise<void> => {
      const number = n++;
      const name = `b-${number}`;
      const sentAt = Date.now();
      began[number] = sentAt;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`INSERT INTO outbox_event (type, region_path, department_id, payload) VALUES ('org.unit_changed', $1, $2, $3)`, [
          scope.path,
          scope.id,
          { unitId: scope.id, name, sentAt },
        ]);
        await client.query(`SELECT pg_notify('ducha_outbox', '')`);
        await client.query('COMMIT');
        committed[number] = Date.now();
      } finally {
        client.release();
      }
    };

    async function phase(rate: number, seconds: number): Promise<{ p50: number; p99: number; ok: boolean }> {
      await Promise.all(threads.map((w) => ask(w, 'collect')));
      const before = n;
      const cpuBefore = cpu();
      const wallBefore = performance.now();
      const pending: Promise<void>[] = [];
      const timer = setInterval(() => pending.push(emit()), 1000 / rate);
      await new Promise((r) => setTimeout(r, seconds * 1000));
      clearInterval(timer);
      await Promise.all(pending);
      const sent = n - before;
      const expected = sent * CLIENTS;
      const deadline = Date.now() + 20_000;
      const count = async () => (await Promise.all(threads.map((w) => ask(w, 'count')))).reduce((s, m) => s + m.received, 0);
      while ((await count()) < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      const wall = (performance.now() - wallBefore) / 1000;
      const busy = cpu().map((c, i) => `${(((c - cpuBefore[i]) / wall) * 100).toFixed(0)}%`);
      const tallies = await Promise.all(threads.map((w) => ask(w, 'collect')));
      const fromCommit: number[] = [];
      const fromStart: number[] = [];
      // Per event, its first receipt by any client: the pipeline up to the fan-out to sockets.
      const first = new Map<number, number>();
      for (const t of tallies) {
        const numbers = t.numbers as number[];
        const receipts = t.receipts as number[];
        for (let i = 0; i < numbers.length; i++) {
          fromCommit.push(receipts[i] - committed[numbers[i]]);
          first.set(numbers[i], Math.min(first.get(numbers[i]) ?? Infinity, receipts[i] - committed[numbers[i]]));
          fromStart.push(receipts[i] - began[numbers[i]]);
        }
      }
      const commitTimes: number[] = [];
      for (let i = before; i < n; i++) commitTimes.push(committed[i] - began[i]);
      const tally = {
        received: tallies.reduce((s, t) => s + t.received, 0),
        duplicates: tallies.reduce((s, t) => s + t.duplicates, 0),
        outOfOrder: tallies.reduce((s, t) => s + t.outOfOrder, 0),
      };
      const sorted = fromCommit.sort((a, b) => a - b);
      const p50 = percentile(sorted, 50);
      const p99 = percentile(sorted, 99);
      const whole = fromStart.sort((a, b) => a - b);
      const firsts = [...first.values()].sort((a, b) => a - b);
      commitTimes.sort((a, b) => a - b);
      const ok = tally.received === expected && tally.duplicates === 0 && tally.outOfOrder === 0;
      console.log(
        `rate ${rate}/s for ${seconds} s: sent ${sent}, deliveries ${tally.received}/${expected} (${Math.round(tally.received / seconds)}/s), ` +
          `duplicates ${tally.duplicates}, out of order ${tally.outOfOrder}; commit → receipt p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ` +
          `max ${sorted.at(-1)?.toFixed(1)} ms ${ok ? 'OK' : 'FAILED'}; first client's receipt p50 ${percentile(firsts, 50).toFixed(1)} ms, ` +
          `p99 ${percentile(firsts, 99).toFixed(1)} ms; mutation start → receipt p50 ${percentile(whole, 50).toFixed(1)} ms, ` +
          `p99 ${percentile(whole, 99).toFixed(1)} ms (the commit itself p50 ${percentile(commitTimes, 50)} ms, p99 ${percentile(commitTimes, 99)} ms); ` +
          `CPU of a core: relay worker ${busy[0]}, apis ${busy.slice(1, -1).join(' + ')}, clients and producer ${busy.at(-1)}; load ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')}`,
      );
      return { p50, p99, ok };
    }

    const meets = (result: { p99: number; ok: boolean }) => result.ok && result.p99 <= TARGET_P99_MS;
    const mainOk = meets(await phase(RATE, SECONDS));
    if (SEARCH) {
      const probe = async (rate: number) => meets(await phase(rate, Math.max(10, Math.round(SECONDS / 4))));
      // [good, bad): the highest rate known to meet the target, the lowest known to miss it.
      let good = mainOk ? RATE : 0;
      let bad = mainOk ? Infinity : RATE;
      while (bad === Infinity && good < 1280)
        if (await probe(good * 2)) good *= 2;
        else bad = good * 2;
      while (good === 0 && bad > 1)
        if (await probe(Math.floor(bad / 2))) good = Math.floor(bad / 2);
        else bad = Math.floor(bad / 2);
      for (let step = 0; step < 2 && good > 0 && bad !== Infinity && bad - good > Math.max(1, good / 8); step++) {
        const middle = Math.round((good + bad) / 2);
        if (await probe(middle)) good = middle;
        else bad = middle;
      }
      console.log(
        `highest rate with p99 ≤ ${TARGET_P99_MS} ms and nothing lost, duplicated or reordered: ${good || 'none'} mutations/s (${CLIENTS} clients; ${bad === Infinity ? 'no failing rate found' : `${bad}/s missed it`})`,
      );
    }
    await Promise.all(threads.map((w) => ask(w, 'close')));
    await Promise.all(threads.map((w) => w.terminate()));
    await pool.end();
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
