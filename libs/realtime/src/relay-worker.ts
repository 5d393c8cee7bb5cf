import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { OutboxProjectors } from './outbox-projectors.js';
import { OUTBOX_COLUMNS, toRelayedEvent, type OutboxRow, type RelayedEvent } from './relayed-event.js';

/** Serialises every seq-assigning transaction, whoever runs it: two relays can never interleave. */
export const RELAY_XACT_LOCK = 0x0d0c4a01;
const BATCH = 500;

export interface RelayStats {
  relayed: number;
  batches: number;
  /** Commit of the event's transaction (its created_at) to seq assignment, last batch's worst, ms. */
  lastLagMs: number;
  maxLagMs: number;
  lastSeq: number;
}

/**
 * One pass of the relay: takes the committed rows without a seq (in id order: a row that commits
 * late is still without one, so it is never skipped), gives them the next seqs, lets the read models
 * project them, commits, then publishes. Short transactions only: embedded mode has one connection.
 */
export class RelayWorker {
  private readonly logger = new Logger('Relay');
  readonly stats: RelayStats = { relayed: 0, batches: 0, lastLagMs: 0, maxLagMs: 0, lastSeq: 0 };
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly projectors: OutboxProjectors,
    private readonly publish: (events: RelayedEvent[]) => Promise<void>,
  ) {}

  /** Relays until nothing is waiting; concurrent calls coalesce into one more pass. */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.pass()) === BATCH);
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Returns the number of events relayed. */
  async pass(): Promise<number> {
    const events = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [RELAY_XACT_LOCK]);
      const rows: (OutboxRow & { id: string })[] = await m.query(
        `SELECT id, ${OUTBOX_COLUMNS.replace('seq, ', '')}, NULL AS seq FROM outbox_event WHERE seq IS NULL ORDER BY id LIMIT ${BATCH}`,
      );
      if (rows.length === 0) return [];
      const [{ head }] = await m.query('SELECT coalesce(max(seq), 0)::bigint AS head FROM outbox_event');
      const first = Number(head) + 1;
      const ids = rows.map((r) => r.id);
      const seqs = rows.map((_, i) => String(first + i));
      await m.query(
        `UPDATE outbox_event o SET seq = v.seq, published_at = clock_timestamp()
           FROM (SELECT unnest($1::bigint[]) AS id, unnest($2::bigint[]) AS seq) v WHERE o.id = v.id`,
        [ids, seqs],
      );
      const relayed = rows.map((r, i) => toRelayedEvent({ ...r, seq: first + i }));
      await this.projectors.apply(m, relayed);
      return relayed;
    });
    if (events.length === 0) return 0;
    const now = Date.now();
    const lag = now - Date.parse(events[0].at);
    this.stats.relayed += events.length;
    this.stats.batches += 1;
    this.stats.lastLagMs = lag;
    this.stats.maxLagMs = Math.max(this.stats.maxLagMs, lag);
    this.stats.lastSeq = events[events.length - 1].seq;
    try {
      await this.publish(events);
    } catch (error) {
      // Committed but not published: every api node notices the gap and reads it from the table.
      this.logger.warn(`publish of seq ${events[0].seq}..${this.stats.lastSeq} failed: ${(error as Error).message}`);
    }
    return events.length;
  }
}
