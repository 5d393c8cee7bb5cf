import type { DomainEventPayloads, DomainEventType, EventScope } from '@ducha/contracts';
import { TokenService } from '@ducha/auth';
import { TransactionRunner } from '@ducha/database';
import { EventFeed, OutboxService, type RelayedEvent } from '@ducha/realtime';
import { testConfig, testMode, forgeToken } from '@ducha/testing';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { io, type Socket } from 'socket.io-client';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/create-app.js';
import { startTestApp, type TestApp } from './harness.js';
import { quietLogger } from '@ducha/testing';

interface Client {
  socket: Socket;
  events: RelayedEvent[];
  readySeq: Promise<number>;
  lastSeq(): number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function listen(app: NestExpressApplication): Promise<string> {
  const server = app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function connect(url: string, token: string | undefined, lastSeq?: number, into: RelayedEvent[] = []): Client {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], reconnection: false, auth: { token, lastSeq }, forceNew: true });
  let ready = 0;
  socket.on('event', (event: RelayedEvent) => into.push(event));
  const readySeq = new Promise<number>((resolve) => socket.once('ready', ({ seq }: { seq: number }) => resolve((ready = seq))));
  return { socket, events: into, readySeq, lastSeq: () => Math.max(ready, into.at(-1)?.seq ?? 0) };
}

function refused(url: string, token: string | undefined): Promise<string> {
  const { socket } = connect(url, token);
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => resolve(error.message));
    socket.once('connect', () => reject(new Error('connected without a valid token')));
  });
}

/** Resolves with the reason when the socket is disconnected. */
function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe(`Realtime delivery over socket.io (e2e, ${testMode()})`, () => {
  let t: TestApp;
  let url: string;
  let scopes: Record<'officer' | 'officer2' | 'office', EventScope>;
  let officerUserId: string;
  const open: Socket[] = [];
  const track = (c: Client) => (open.push(c.socket), c);

  async function emit<T extends DomainEventType>(type: T, scope: EventScope, payload: DomainEventPayloads[T]): Promise<void> {
    const outbox = t.app.get(OutboxService);
    await t.app.get(TransactionRunner).run((m) => outbox.emit(m, type, scope, payload));
  }
  const unitEvent = (scope: EventScope, name: string) => emit('org.unit_changed', scope, { unitId: scope.departmentId ?? '', name });
  const names = (c: Client) => c.events.map((e) => (e.payload as { name?: string }).name);

  beforeAll(async () => {
    // Server mode: this api process also stands for the relay (a worker process does in production).
    t = await startTestApp({ RUN_RELAY: 'true' });
    url = await listen(t.app);
    const rows: { code: string; id: string; path: string }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT u.code, u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.code IN ('QH-SCJG', 'QH-ZHZF', 'QH-SFJ')`,
      );
    const scope = (code: string, department = true): EventScope => {
      const row = rows.find((r) => r.code === code)!;
      return { regionPath: row.path, departmentId: department ? row.id : null };
    };
    scopes = { officer: scope('QH-SCJG'), officer2: scope('QH-ZHZF'), office: scope('QH-SFJ', false) };
    [{ id: officerUserId }] = await t.app.get(DataSource).query(`SELECT id FROM app_user WHERE username = 'officer'`);
    // The demo seed's events are relayed before a test connects "live from now" and counts what it gets.
    const unrelayed = async () => (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM outbox_event WHERE seq IS NULL`))[0].n;
    for (const end = Date.now() + 30_000; (await unrelayed()) > 0; await sleep(50))
      if (Date.now() > end) throw new Error('seed not relayed');
  });
  afterEach(() => open.splice(0).forEach((s) => s.disconnect()));
  afterAll(async () => t.close());

  it('should refuse a socket without a token, with a forged token, and accept a valid one', async () => {
    expect(await refused(url, undefined)).toBe('UNAUTHENTICATED');
    const forged = forgeToken(await t.token('leader'));
    expect(await refused(url, forged)).toBe('UNAUTHENTICATED');
    const ok = track(connect(url, await t.token('leader')));
    expect(await ok.readySeq).toBeGreaterThanOrEqual(0);
  });

  it("should deliver live events only within the scope: an officer never receives another department's events", async () => {
    const officer = track(connect(url, await t.token('officer')));
    const officer2 = track(connect(url, await t.token('officer2')));
    const leader = track(connect(url, await t.token('leader')));
    await Promise.all([officer.readySeq, officer2.readySeq, leader.readySeq]);
    await unitEvent(scopes.officer, 'scope-1');
    await unitEvent(scopes.officer2, 'scope-2');
    await emit('org.imported', scopes.office, { kind: 'UNITS', rows: 1 });
    await emit('notification.created', scopes.officer, { notificationId: 'n1', userId: officerUserId, title: 'scope-note', kind: 'TEST' });
    await until(() => leader.events.length === 3 && officer.events.length === 2 && officer2.events.length === 1, 'scoped delivery');
    await sleep(300);
    expect(names(officer)).toEqual(['scope-1', undefined]);
    expect(officer.events[1].type).toBe('notification.created');
    expect(names(officer2)).toEqual(['scope-2']);
    expect(leader.events.map((e) => e.type)).toEqual(['org.unit_changed', 'org.unit_changed', 'org.imported']);
    const seqs = leader.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('should replay every event after lastSeq that the client may see, then stream live', async () => {
    const watcher = track(connect(url, await t.token('officer')));
    await watcher.readySeq;
    for (const n of ['r-1', 'r-2', 'x-1', 'r-3']) await unitEvent(n.startsWith('x') ? scopes.officer2 : scopes.officer, n);
    await until(() => watcher.events.length === 3, 'live events');
    const afterFirst = watcher.events[0].seq;
    const replayed = track(connect(url, await t.token('officer'), afterFirst));
    const ready = await replayed.readySeq;
    expect(names(replayed)).toEqual(['r-2', 'r-3']);
    expect(ready).toBeGreaterThanOrEqual(watcher.events[2].seq);
    await unitEvent(scopes.officer, 'r-4');
    await until(() => replayed.events.length === 3, 'the live event after replay');
    expect(names(replayed)).toEqual(['r-2', 'r-3', 'r-4']);
  });

  /**
   * One client keeps reconnecting with the last seq it applied, to each of `urls` in turn, while
   * events keep being committed; it must end with every one of them, once, in order.
   */
  async function reconnectWhileProducing(urls: string[], rounds: number): Promise<void> {
    const received: RelayedEvent[] = [];
    let client = track(connect(urls[0], await t.token('leader'), undefined, received));
    await client.readySeq;
    const sent: string[] = [];
    let stop = false;
    const producer = (async () => {
      for (let i = 0; !stop; i++) {
        const name = `k-${i}`;
        await unitEvent(i % 2 ? scopes.officer : scopes.officer2, name);
        sent.push(name);
        await sleep(5);
      }
    })();
    for (let round = 1; round <= rounds; round++) {
      await sleep(150);
      client.socket.disconnect(); // killed: whatever is in flight is lost
      await sleep(100);
      client = track(connect(urls[round % urls.length], await t.token('leader'), client.lastSeq(), received));
      await client.readySeq;
    }
    stop = true;
    await producer;
    const ours = () => received.map((e) => (e.payload as { name?: string }).name).filter((n) => n?.startsWith('k-'));
    await until(() => ours().length >= sent.length, 'catch-up');
    await sleep(300);
    expect(ours()).toEqual(sent);
    const seqs = received.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  }

  it('should catch up after a killed connection, without gaps or duplicates while events keep coming', async () => {
    await reconnectWhileProducing([url], 4);
  });

  it('should cut a socket when its access token expires, and refuse the expired token', async () => {
    // A token issued so that it expires in about two seconds (issued after the last password change).
    await t.app.get(DataSource).query(`UPDATE app_user SET password_changed_at = now() - interval '1 hour' WHERE username = 'inspector'`);
    const [{ id }] = await t.app.get(DataSource).query(`SELECT id FROM app_user WHERE username = 'inspector'`);
    const ttl = Number(t.environment.env.ACCESS_TOKEN_TTL_SECONDS ?? 900);
    const { token, expiresAt } = await t.app.get(TokenService).signAccess(id, 'expiry-test', new Date(Date.now() - (ttl - 2) * 1000));
    const client = track(connect(url, token));
    await client.readySeq;
    const cut = disconnected(client.socket);
    const other = track(connect(url, await t.token('leader')));
    await other.readySeq;
    expect(await cut).toBe('io server disconnect');
    // Cut when the token expired (exp has one-second precision), not before and not long after.
    expect(Date.now()).toBeGreaterThanOrEqual(Math.floor(expiresAt.getTime() / 1000) * 1000 - 50);
    expect(Date.now()).toBeLessThan(expiresAt.getTime() + 1500);
    expect(other.socket.connected).toBe(true);
    expect(await refused(url, token)).toBe('UNAUTHENTICATED');
  });

  it("should cut a user's sockets at once when an administrator disables the account, and no one else's", async () => {
    const admin = await t.token('admin');
    const victim = track(connect(url, await t.token('inspector2')));
    const bystander = track(connect(url, await t.token('inspector')));
    await Promise.all([victim.readySeq, bystander.readySeq]);
    const cut = disconnected(victim.socket);
    const users = await t.gql.ok(`{ users(search: "inspector2") { items { id version } } }`, {}, admin);
    const { id, version } = users.users.items[0];
    const disabledAt = Date.now();
    await t.gql.ok(
      `mutation($id: ID!, $v: Int!) { updateUser(input: { id: $id, version: $v, disabled: true }) { disabled } }`,
      { id, v: version },
      admin,
    );
    expect(await cut).toBe('io server disconnect');
    expect(Date.now() - disabledAt).toBeLessThan(5000);
    await sleep(200);
    expect(bystander.socket.connected).toBe(true);
    expect(await refused(url, await t.token('inspector2'))).toBe('UNAUTHENTICATED');
  });

  // Only server mode has concurrent transactions (embedded mode runs on one connection).
  if (testMode() === 'server') {
    it('should relay an event whose transaction commits after later ones, never skipping it', async () => {
      const watcher = track(connect(url, await t.token('officer')));
      await watcher.readySeq;
      const slow = new pg.Client({ connectionString: t.environment.env.DATABASE_URL });
      await slow.connect();
      try {
        // Takes its id first, commits last: the events after it get their seqs while it is invisible.
        await slow.query('BEGIN');
        await slow.query(`INSERT INTO outbox_event (type, region_path, department_id, payload) VALUES ('org.unit_changed', $1, $2, $3)`, [
          scopes.officer.regionPath,
          scopes.officer.departmentId,
          { unitId: scopes.officer.departmentId, name: 'late' },
        ]);
        await unitEvent(scopes.officer, 'after-1');
        await until(() => names(watcher).includes('after-1'), 'the event committed first');
        await slow.query('COMMIT');
      } finally {
        await slow.end();
      }
      await unitEvent(scopes.officer, 'after-2');
      await until(() => names(watcher).includes('after-2'), 'the next event');
      await sleep(200);
      // (A background job may add events of the department meanwhile: only ours are compared.)
      const ours = watcher.events.filter((e) => ['after-1', 'late', 'after-2'].includes((e.payload as { name?: string }).name ?? ''));
      expect(ours.map((e) => (e.payload as { name: string }).name)).toEqual(['after-1', 'late', 'after-2']);
      expect(ours[1].seq).toBeGreaterThan(ours[0].seq);
      expect(ours[2].seq).toBeGreaterThan(ours[1].seq);
      const seqs = watcher.events.map((e) => e.seq);
      expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    });

    it('should share events between api processes through the Redis stream, and let a client hop between them missing nothing and getting nothing twice', async () => {
      const other = await createApp(testConfig({ ...t.environment.env, RUN_RELAY: 'false', RUN_WORKERS: 'false' }), quietLogger());
      await other.init();
      try {
        // What the other process's feed takes off the stream (not from the outbox table).
        const streamed = new Set<number>();
        const feed = other.get(EventFeed);
        const ingest = feed.ingest.bind(feed);
        feed.ingest = (events) => (events.forEach((e) => streamed.add(e.seq)), ingest(events));
        const before = (await t.app.get(DataSource).query(`SELECT coalesce(max(seq), 0)::int AS head FROM outbox_event`))[0].head;
        await reconnectWhileProducing([url, await listen(other)], 6);
        const [{ head }] = await t.app.get(DataSource).query(`SELECT max(seq)::int AS head FROM outbox_event`);
        for (let seq = before + 1; seq <= head; seq++) expect(streamed.has(seq)).toBe(true);
      } finally {
        await other.close();
      }
    });
  }
});
