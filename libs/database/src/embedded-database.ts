import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirLock } from './data-dir-lock.js';

/**
 * The embedded mode's PostgreSQL: PGlite (WASM PostgreSQL) on a data directory, served on
 * 127.0.0.1 so TypeORM talks to it with the ordinary `postgres` driver. pglite-socket runs one
 * connection's work at a time, so the app uses a pool of exactly one connection.
 */
export class EmbeddedDatabase {
  private constructor(
    readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lock: DataDirLock,
    readonly port: number,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedDatabase> {
    const lock = DataDirLock.acquire(dataDir);
    try {
      const dir = join(dataDir, 'pg');
      mkdirSync(dir, { recursive: true });
      const db = await PGlite.create(dir);
      const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
      await server.start();
      const port = Number(new URL(`postgres://${server.getServerConn()}`).port);
      return new EmbeddedDatabase(db, server, lock, port);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres?sslmode=disable`;
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
    } finally {
      this.lock.release();
    }
  }
}
