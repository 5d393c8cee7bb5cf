import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OUTBOX_COLUMNS, toRelayedEvent, type OutboxRow, type RelayedEvent } from './relayed-event.js';

export type FeedListener = (event: RelayedEvent) => void;
const RING = 5000;
const PAGE = 1000;

/**
 * This process's copy of the event stream: strictly in seq order, without gaps or repeats. Whatever
 * arrives (from the in-process relay or from Redis) is checked against the last seq; a gap (a lost
 * message, a restarted Redis, a relay that died between commit and publish) is filled from the
 * outbox table before anything later is passed on. A short ring of recent events lets a socket
 * that just replayed from the table switch to live without a gap.
 */
@Injectable()
export class EventFeed {
  private readonly logger = new Logger('EventFeed');
  private head = -1;
  private readonly ring: RelayedEvent[] = [];
  private readonly listeners = new Set<FeedListener>();
  private readonly waiters: { seq: number; resolve: () => void }[] = [];
  private chain: Promise<void> = Promise.resolve();
  private started: Promise<void> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Starts at the table's current head (earlier events are replayed from the table on demand). */
  start(): Promise<void> {
    this.started ??= (async () => {
      const [{ head }] = await this.dataSource.query('SELECT coalesce(max(seq), 0)::bigint AS head FROM outbox_event');
      this.head = Math.max(this.head, Number(head));
    })();
    return this.started;
  }

  get headSeq(): number {
    return this.head;
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events published by a relay, in its order; duplicates are dropped, gaps filled from the table. */
  ingest(events: readonly RelayedEvent[]): Promise<void> {
    return this.enqueue(async () => {
      for (const event of events) {
        if (event.seq <= this.head) continue;
        if (event.seq > this.head + 1) await this.fillFromTable(event.seq - 1);
        this.deliver(event);
      }
    });
  }

  /** Catches up with the table (a periodic check: covers a publish that never arrived). */
  catchUp(): Promise<void> {
    return this.enqueue(async () => {
      const [{ head }] = await this.dataSource.query('SELECT coalesce(max(seq), 0)::bigint AS head FROM outbox_event');
      if (Number(head) > this.head) await this.fillFromTable(Number(head));
    });
  }

  /** Resolves once this process has passed on every event up to `seq`. */
  waitFor(seq: number): Promise<void> {
    if (this.head >= seq) return Promise.resolve();
    const waited = new Promise<void>((resolve) => this.waiters.push({ seq, resolve }));
    void this.catchUp();
    return waited;
  }

  /** Recent events after `seq`, or undefined when the ring no longer reaches back that far. */
  recentAfter(seq: number): RelayedEvent[] | undefined {
    if (seq >= this.head) return [];
    if (this.ring.length === 0 || this.ring[0].seq > seq + 1) return undefined;
    return this.ring.filter((e) => e.seq > seq);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(() => this.start()).then(work);
    this.chain = next.catch((error: Error) => this.logger.warn(`feed: ${error.message}`));
    return next;
  }

  private async fillFromTable(upTo: number): Promise<void> {
    while (this.head < upTo) {
      const rows: OutboxRow[] = await this.dataSource.query(
        `SELECT ${OUTBOX_COLUMNS} FROM outbox_event WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT ${PAGE}`,
        [this.head, upTo],
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        const event = toRelayedEvent(row);
        if (event.seq !== this.head + 1) throw new Error(`outbox has a hole before seq ${event.seq}`);
        this.deliver(event);
      }
    }
  }

  private deliver(event: RelayedEvent): void {
    this.head = event.seq;
    this.ring.push(event);
    if (this.ring.length > RING) this.ring.splice(0, this.ring.length - RING);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`listener failed on seq ${event.seq}: ${(error as Error).message}`);
      }
    }
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].seq <= this.head) this.waiters.splice(i, 1)[0].resolve();
    }
  }
}
