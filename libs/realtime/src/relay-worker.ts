import { Logger } from '@nestjs/common';
import { returning } from '@ducha/database';
import type { DataSource } from 'typeorm';
import type { OutboxProjectors } from './outbox-projectors.js';
import { OUTBOX_COLUMNS, toRelayedEvent, type OutboxRow, type RelayedEvent } from './relayed-event.js';

/** Serialises every seq-assigning transaction, whoever runs it: two relays can never interleave. */
export const RELAY_XACT_LOCK = 0x0d0c4a01;
const BATCH = 500;
const RETURNED = OUTBOX_COLUMNS.split(', ')
  .map((column) => `o.${column}`)
  .join(', ');

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
    const events = await this.dataSource.transaction('READ COMMITTED', async (m): Promise<RelayedEvent[]> => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [RELAY_XACT_LOCK]);
      // One statement takes the waiting rows and numbers them after the head (final: under the lock
      // no one else gives out seqs); fewer round trips is less latency for every event.
      const rows = await returning<OutboxRow>(
        m,
        `UPDATE outbox_event o SET seq = n.seq, published_at = clock_timestamp()
           FROM (SELECT id, (SELECT coalesce(max(seq), 0) FROM outbox_event) + row_number() OVER (ORDER BY id) AS seq
                   FROM outbox_event WHERE seq IS NULL ORDER BY id LIMIT ${BATCH}) n
          WHERE o.id = n.id
        RETURNING ${RETURNED}`,
        [],
      );
      const relayed = rows.map(toRelayedEvent).sort((a, b) => a.seq - b.seq);
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
