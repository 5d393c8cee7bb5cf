import type { EventScope } from '@ducha/contracts';
import { AppConfig } from '@ducha/config';
import { TransactionRunner } from '@ducha/database';
import { EventTransport, OutboxProjectors, OutboxService, RelayService, type RelayedEvent } from '@ducha/realtime';
import { quietLogger, testConfig, testMode } from '@ducha/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { createApp } from '../src/create-app.js';
import { startTestApp, type TestApp } from './harness.js';

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

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
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
  let t: TestApp;
  let app: NestExpressApplication;
  let scope: EventScope;
  const sent: string[] = [];

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

  beforeAll(async () => {
    t = await startTestApp(testMode() === 'server' ? { RUN_RELAY: 'false' } : {});
    app = t.app;
    const [row] = await app
      .get(DataSource)
      .query(`SELECT u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code = 'QH-SCJG'`);
    scope = { regionPath: row.path, departmentId: row.id };
  });
  afterAll(async () => {
    await app?.close();
    await t.environment.cleanup();
  });

  if (testMode() === 'server') {
    it('should hand the relay to a standby when the leader dies, and lose, repeat or reorder nothing', async () => {
      const relayConfig = testConfig({ ...t.environment.env, RUN_RELAY: 'true' });
      const relay = () => {
        const r = new RelayService(relayConfig, app.get(DataSource), app.get(OutboxProjectors), app.get(EventTransport));
        r.options.electionMs = 150;
        return r;
      };
      const leader = relay();
      const standby = relay();
      await leader.start();
      await standby.start();
      try {
        expect(leader.isLeader).toBe(true);
        expect(standby.isLeader).toBe(false);
        const watcher = new Watcher(await t.token('leader'));
        await watcher.connect(await listen(app));
        const stop = produce('f');
        await sleep(400);
        // The leader's process dies: PostgreSQL ends its session, and with it the leader lock.
        const ds = app.get(DataSource);
        await ds.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ducha-relay' AND datname = current_database() AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`,
        );
        await until(() => standby.isLeader, 'the standby to take over');
        expect(leader.isLeader).toBe(false);
        // Redis drops the api node's subscription for a while: the feed fills the gap from the table.
        const subscriber = (app.get(EventTransport) as unknown as { subscriber: { disconnect(reconnect: boolean): void } }).subscriber;
        subscriber.disconnect(true);
        await sleep(400);
        await stop();
        await until(() => watcher.names().length >= sent.length, `all ${sent.length} events`);
        await sleep(300);
        expectExactlyOnceInOrder(watcher, sent);
        watcher.close();
      } finally {
        await Promise.all([leader.stop(), standby.stop()]);
      }
    });
  } else {
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
  }
});
