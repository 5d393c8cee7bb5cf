import type { EventScope } from '@ducha/contracts';
import { AppConfig } from '@ducha/config';
import { TransactionRunner } from '@ducha/database';
import { EventFeed, OutboxService, RelayService, type RelayedEvent } from '@ducha/realtime';
import { createTestEnvironment, gqlClient, quietLogger, testConfig, testMode, type TestEnvironment } from '@ducha/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import { createApp } from '../src/create-app.js';
import { DemoSeeder } from '../src/seed/demo-seeder.js';
import { startTestApp, type TestApp } from './harness.js';
import { startRelayProcess, TestRedis, type RelayProcess } from './realtime-processes.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function listen(app: NestExpressApplication): Promise<string> {
  const server = app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A dashboard client that reconnects with the last seq it applied, as PROTOCOL.md tells it to. */
class Watcher {
  readonly events: RelayedEvent[] = [];
  private socket: Socket | undefined;
  private lastSeq = 0;
  constructor(private readonly token: string) {}

  async connect(url: string): Promise<void> {
    this.socket?.disconnect();
    const socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: this.token, lastSeq: this.lastSeq || undefined },
    });
    this.socket = socket;
    socket.on('event', (event: RelayedEvent) => {
      this.events.push(event);
      this.lastSeq = Math.max(this.lastSeq, event.seq);
    });
    await new Promise<void>((resolve) =>
      socket.once('ready', ({ seq }: { seq: number }) => ((this.lastSeq = Math.max(this.lastSeq, seq)), resolve())),
    );
  }

  names(): string[] {
    // Only this test's events (the demo seed's own events may still be on their way when it connects).
    return this.events.map((e) => (e.payload as { name?: string }).name).filter((n): n is string => /^[abf]-\d+$/.test(n ?? ''));
  }

  close(): void {
    this.socket?.disconnect();
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function expectExactlyOnceInOrder(watcher: Watcher, sent: string[]): void {
  expect(watcher.names()).toEqual(sent);
  const seqs = watcher.events.map((e) => e.seq);
  for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
}

describe(`Outbox relay faults (e2e, ${testMode()})`, () => {
  const sent: string[] = [];
  let app: NestExpressApplication;
  let scope: EventScope;

  async function emit(name: string): Promise<void> {
    const outbox = app.get(OutboxService);
    await app.get(TransactionRunner).run((m) => outbox.emit(m, 'org.unit_changed', scope, { unitId: scope.departmentId!, name }));
    sent.push(name);
  }

  /** Emits in the background until stopped, as users keep working whatever the relay does. */
  function produce(prefix: string): () => Promise<void> {
    let stop = false;
    const running = (async () => {
      for (let i = 0; !stop; i++) {
        await emit(`${prefix}-${i}`);
        await sleep(10);
      }
    })();
    return async () => {
      stop = true;
      await running;
    };
  }

  async function scopeOf(code: string): Promise<EventScope> {
    const [row] = await app
      .get(DataSource)
      .query(`SELECT u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code = $1`, [code]);
    return { regionPath: row.path, departmentId: row.id };
  }

  if (testMode() === 'server') {
    describe('two api processes, relay worker processes and a Redis of its own', () => {
      let environment: TestEnvironment;
      let redis: TestRedis;
      let other: NestExpressApplication;
      const relays: RelayProcess[] = [];
      const watchers: Watcher[] = [];

      beforeAll(async () => {
        expect(existsSync('dist/apps/worker/src/main.js')).toBe(true);
        redis = await TestRedis.start();
        environment = await createTestEnvironment(MIGRATIONS);
        const env = { ...environment.env, REDIS_URL: redis.url, RUN_RELAY: 'false', RUN_WORKERS: 'false' };
        app = await createApp(testConfig(env), quietLogger());
        await app.init();
        await app.get(DemoSeeder).seedIfEmpty();
        other = await createApp(testConfig(env), quietLogger());
        await other.init();
        scope = await scopeOf('QH-SCJG');
        // The leader first, then a standby.
        relays.push(await startRelayProcess(env));
        relays.push(await startRelayProcess(env));
      });
      afterAll(async () => {
        watchers.forEach((w) => w.close());
        await Promise.all(relays.map((r) => r.kill()));
        await other?.close();
        await app?.close();
        await redis?.kill();
        await environment?.cleanup();
      });

      it('should lose, repeat or reorder nothing when the leading relay process is killed and Redis restarts, mid-stream', async () => {
        expect(relays.map((r) => r.leader)).toEqual([true, false]);
        const token = await gqlClient(app.getHttpServer()).login('leader', 'Ducha@2026');
        const urls = [await listen(app), await listen(other)];
        // One watcher on each api process, and one that moves between them.
        watchers.push(new Watcher(token.accessToken), new Watcher(token.accessToken), new Watcher(token.accessToken));
        await Promise.all(watchers.map((w, i) => w.connect(urls[i % 2])));
        // What the second api process takes off the Redis stream (rather than from the outbox table).
        const streamed = new Set<number>();
        const feed = other.get(EventFeed);
        const ingest = feed.ingest.bind(feed);
        feed.ingest = (events) => (events.forEach((e) => streamed.add(e.seq)), ingest(events));

        const stop = produce('f');
        await sleep(400);
        await relays[0].kill(); // the leader's process dies; PostgreSQL drops its lock with its session
        await sleep(300);
        await redis.kill(); // Redis crashes: its stream and connections are gone
        await watchers[2].connect(urls[1]);
        await sleep(500);
        await redis.restart();
        await sleep(500);
        await watchers[2].connect(urls[0]);
        await sleep(300);
        await stop();
        const relayed = async () =>
          (await app.get(DataSource).query(`SELECT count(*)::int AS n FROM outbox_event WHERE seq IS NULL`))[0].n === 0;
        await until(relayed, 'the standby relay to take over and relay everything');
        await until(() => watchers.every((w) => w.names().length >= sent.length), `all ${sent.length} events on every watcher`);
        await sleep(300);
        for (const watcher of watchers) expectExactlyOnceInOrder(watcher, sent);

        // After the restart the stream carries events again.
        const [{ head }] = await app.get(DataSource).query(`SELECT max(seq)::int AS head FROM outbox_event`);
        await emit('f-999999');
        await until(() => streamed.has(head + 1), 'an event through the restarted Redis stream');
        await until(() => watchers.every((w) => w.names().length === sent.length), 'the last event on every watcher');
        for (const watcher of watchers) expectExactlyOnceInOrder(watcher, sent);
      });
    });
  } else {
    describe('one embedded process', () => {
      let t: TestApp;
      beforeAll(async () => {
        t = await startTestApp();
        app = t.app;
        scope = await scopeOf('QH-SCJG');
      });
      afterAll(async () => {
        await app?.close();
        await t.environment.cleanup();
      });

      it('should relay after the relay died mid-stream and after the whole process restarted, losing and repeating nothing', async () => {
        const watcher = new Watcher(await t.token('leader'));
        let url = await listen(app);
        await watcher.connect(url);
        let stop = produce('a');
        await sleep(300);
        await app.get(RelayService).stop(); // the relay dies; users keep committing
        await sleep(300);
        await stop();
        const relayed = watcher.names().length;
        expect(relayed).toBeLessThan(sent.length);
        // The process dies with events committed but never relayed; it comes back on the same data.
        watcher.close();
        await app.close();
        app = await createApp(testConfig(t.environment.env), quietLogger());
        await app.init();
        expect(app.get(AppConfig).runRelay).toBe(true);
        url = await listen(app);
        await watcher.connect(url);
        stop = produce('b');
        await sleep(300);
        await stop();
        await until(() => watcher.names().length >= sent.length, `all ${sent.length} events`);
        await sleep(300);
        expectExactlyOnceInOrder(watcher, sent);
        watcher.close();
      });
    });
  }
});
