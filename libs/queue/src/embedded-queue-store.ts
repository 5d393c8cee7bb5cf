import { PGlite } from '@electric-sql/pglite';
import { runMigrations } from 'bullmq';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirLock } from '@ducha/database';
import { PGlitePool } from './pglite-pool.js';

export const QUEUE_SCHEMA = 'bullmq';

/**
 * Embedded mode's job store: BullMQ's PostgreSQL backend on a second PGlite with its own data
 * directory, so job polling never queues behind the app's transactions.
 */
export class EmbeddedQueueStore {
  private constructor(
    private readonly db: PGlite,
    readonly pool: PGlitePool,
    private readonly lock: DataDirLock,
  ) {}

  static async open(dataDir: string): Promise<EmbeddedQueueStore> {
    const dir = join(dataDir, 'queue');
    const lock = DataDirLock.acquire(dir, 'queue.lock');
    try {
      mkdirSync(dir, { recursive: true });
      const db = await PGlite.create(dir);
      const pool = new PGlitePool(db);
      const client = await pool.connect();
      try {
        await runMigrations(client, QUEUE_SCHEMA);
      } finally {
        client.release();
      }
      // One session serves every "connection": pin its search_path to BullMQ's schema once.
      await db.exec(`SET search_path TO ${QUEUE_SCHEMA}, public`);
      return new EmbeddedQueueStore(db, pool, lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      this.lock.release();
    }
  }
}
