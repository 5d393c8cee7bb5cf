import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox is read by seq everywhere: the relay and every api node ask for its head (max(seq))
 * on each pass and each catch-up, and replays page through a seq range. Without an index each of
 * those scanned the whole table, which only grows. Unique, too: no two events ever share a seq.
 */
export class OutboxSeqIndex1795400000501 implements MigrationInterface {
  name = 'OutboxSeqIndex1795400000501';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX outbox_event_seq ON outbox_event (seq)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_event_seq`);
  }
}
