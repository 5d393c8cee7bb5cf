import type { PGlite } from '@electric-sql/pglite';
import type { PgNotification, PgPool, PgPoolClient, PgQueryResult } from 'bullmq';
import { EventEmitter } from 'node:events';

/** A FIFO mutex: PGlite has one session, so a transaction must own it from BEGIN to COMMIT. */
class SessionMutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

const LISTEN = /^(?:\s*--[^\n]*\n)*\s*(UN)?LISTEN\s+([a-z_][a-z0-9_]*)\s*;?\s*$/i;
const BEGIN = /^\s*BEGIN\b/i;
const END = /^\s*(COMMIT|ROLLBACK)\b/i;

async function run(db: PGlite, text: string, params?: readonly unknown[]): Promise<PgQueryResult> {
  if (params && params.length > 0) {
    const result = await db.query(text, params as unknown[]);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }
  // Without parameters the text may hold several statements (migrations): the simple protocol.
  const results = await db.exec(text);
  const last = results[results.length - 1];
  return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
}

class PGliteClient extends EventEmitter implements PgPoolClient {
  private releaseSession: (() => void) | undefined;
  private readonly unlisteners = new Map<string, () => Promise<void>>();

  constructor(
    private readonly db: PGlite,
    private readonly mutex: SessionMutex,
  ) {
    super();
  }

  async query<R = any>(text: string, params?: readonly unknown[]): Promise<PgQueryResult<R>> {
    const listen = LISTEN.exec(text);
    if (listen) return this.listen(listen[2], Boolean(listen[1])) as Promise<PgQueryResult<R>>;
    if (BEGIN.test(text) && !this.releaseSession) this.releaseSession = await this.mutex.acquire();
    const owned = Boolean(this.releaseSession);
    const release = owned ? undefined : await this.mutex.acquire();
    try {
      return (await run(this.db, text, params)) as PgQueryResult<R>;
    } finally {
      release?.();
      if (owned && END.test(text)) this.endTransaction();
    }
  }

  release(): void {
    this.endTransaction();
  }

  private endTransaction(): void {
    const release = this.releaseSession;
    this.releaseSession = undefined;
    release?.();
  }

  /** LISTEN maps onto PGlite's own notification API; NOTIFY from any statement reaches it. */
  private async listen(channel: string, unlisten: boolean): Promise<PgQueryResult> {
    const name = channel.toLowerCase();
    if (unlisten) {
      await this.unlisteners.get(name)?.();
      this.unlisteners.delete(name);
    } else if (!this.unlisteners.has(name)) {
      const off = await this.db.listen(name, (payload) => {
        const message: PgNotification = { channel: name, payload };
        this.emit('notification', message);
      });
      this.unlisteners.set(name, off);
    }
    return { rows: [], rowCount: 0 };
  }
}

/**
 * The `PgPool` shape BullMQ's PostgreSQL backend needs, served in-process by a PGlite of its own
 * (embedded mode). Statements are serialised through one mutex; a transaction holds it throughout.
 */
export class PGlitePool extends EventEmitter implements PgPool {
  private readonly mutex = new SessionMutex();

  constructor(private readonly db: PGlite) {
    super();
  }

  async query<R = any>(text: string, params?: readonly unknown[]): Promise<PgQueryResult<R>> {
    const release = await this.mutex.acquire();
    try {
      return (await run(this.db, text, params)) as PgQueryResult<R>;
    } finally {
      release();
    }
  }

  async connect(): Promise<PgPoolClient> {
    return new PGliteClient(this.db, this.mutex);
  }

  async end(): Promise<void> {
    // The owner of the PGlite closes it.
  }
}
