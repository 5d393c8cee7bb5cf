import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@ducha/config';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { EventTransport } from './event-transport.js';
import { OutboxProjectors } from './outbox-projectors.js';
import { OUTBOX_CHANNEL } from './outbox.service.js';
import { RelayWorker, type RelayStats } from './relay-worker.js';

/** Session-level advisory lock: held by the one leading relay for as long as its session lives. */
export const RELAY_LEADER_LOCK = 0x0d0c4a02;

export interface RelayOptions {
  pollMs: number;
  electionMs: number;
}

/**
 * Runs the relay in the process configured for it (`AppConfig.runRelay`). Server mode elects one
 * leader among relays with an advisory lock on a dedicated session: when the leader's process or
 * connection dies, PostgreSQL drops the lock and a standby takes over within `electionMs`. The
 * leader is woken by NOTIFY at every outbox commit and polls as a fallback; embedded mode is
 * woken in-process at commit (see OutboxCommitSubscriber) and polls likewise.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Relay');
  readonly options: RelayOptions = { pollMs: 100, electionMs: 1000 };
  private worker: RelayWorker | undefined;
  private leaderSession: pg.Client | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private electionTimer: NodeJS.Timeout | undefined;
  private stopped = true;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly projectors: OutboxProjectors,
    private readonly transport: EventTransport,
  ) {}

  get isLeader(): boolean {
    return this.worker !== undefined;
  }

  get stats(): RelayStats | undefined {
    return this.worker?.stats;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runRelay) await this.start();
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.config.isEmbedded) this.lead();
    else await this.campaign();
  }

  /** Wakes the relay now (an outbox transaction just committed in this process). */
  nudge(): void {
    if (this.worker) void this.worker.drain().catch((error: Error) => this.logger.warn(`relay pass failed: ${error.message}`));
  }

  /** Stops relaying and gives up leadership (closing the session releases the lock). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearTimeout(this.electionTimer);
    const draining = this.worker?.drain();
    this.worker = undefined;
    await draining?.catch(() => undefined);
    const session = this.leaderSession;
    this.leaderSession = undefined;
    await session?.end().catch(() => undefined);
  }

  /** Before the database closes (its holder shuts down at application shutdown). */
  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  private lead(): void {
    this.worker = new RelayWorker(this.dataSource, this.projectors, (events) => this.transport.publish(events));
    this.pollTimer = setInterval(() => this.nudge(), this.options.pollMs);
    this.pollTimer.unref();
    this.nudge();
  }

  private async campaign(): Promise<void> {
    if (this.stopped) return;
    // Keepalives both ways: a leader whose host dies or is cut off loses the lock within about 30 s
    // (PostgreSQL drops the dead session), not after the operating system's two hours.
    const session = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'ducha-relay',
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    try {
      session.on('error', (error: Error) => this.abdicate(session, error.message));
      await session.connect();
      if (!this.config.isEmbedded)
        await session.query(`SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3`);
      const [{ locked }] = (await session.query('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LEADER_LOCK])).rows;
      if (!locked || this.stopped) throw new Error('standby');
      this.leaderSession = session;
      session.on('end', () => this.abdicate(session, 'session ended'));
      session.on('notification', () => this.nudge());
      await session.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.logger.log('this process leads the outbox relay');
      this.lead();
    } catch (error) {
      if ((error as Error).message !== 'standby') this.logger.warn(`relay election: ${(error as Error).message}`);
      await session.end().catch(() => undefined);
      if (!this.stopped) {
        this.electionTimer = setTimeout(() => void this.campaign(), this.options.electionMs);
        this.electionTimer.unref();
      }
    }
  }

  /** The lock went with the session: stop at once (another relay may lead now) and stand again. */
  private abdicate(session: pg.Client, why: string): void {
    if (session !== this.leaderSession) return;
    this.logger.warn(`relay leadership lost: ${why}`);
    this.leaderSession = undefined;
    this.worker = undefined;
    clearInterval(this.pollTimer);
    void session.end().catch(() => undefined);
    if (!this.stopped) {
      this.electionTimer = setTimeout(() => void this.campaign(), this.options.electionMs);
      this.electionTimer.unref();
    }
  }
}
