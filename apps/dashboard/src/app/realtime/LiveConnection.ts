import type { DomainEvent } from '@ducha/contracts';
import { io, type Socket } from 'socket.io-client';
import { sessionRefresher } from '../auth/session';

export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * One socket.io connection following libs/realtime/PROTOCOL.md: connect with the last applied
 * `seq`, apply only events after it, and on any drop reconnect (with a fresh token and back-off)
 * from the last applied seq, so nothing is missed or applied twice. socket.io's own reconnection
 * is off because it would resend the stale `lastSeq`.
 */
export class LiveConnection {
  private socket: Socket | null = null;
  private applied: number | null;
  private status: LiveStatus = 'offline';
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private stopped = true;
  private readonly eventListeners = new Set<(event: DomainEvent) => void>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();

  /** `fromSeq`: the snapshot's asOfSeq; omit for "live from now". */
  constructor(fromSeq?: number) {
    this.applied = fromSeq ?? null;
  }

  get lastSeq(): number | null {
    return this.applied;
  }

  get currentStatus(): LiveStatus {
    return this.status;
  }

  onEvent(listener: (event: DomainEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.setStatus('offline');
  }

  /** Drops the connection as a network failure would (tests, "reconnect now" button). */
  drop(): void {
    this.socket?.disconnect();
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.setStatus('connecting');
    let token: string | undefined;
    try {
      token = (await sessionRefresher.sessionForRequest())?.accessToken;
    } catch {
      token = undefined;
    }
    if (this.stopped) return;
    if (!token) return this.retryLater();
    const auth: Record<string, unknown> = { token };
    if (this.applied !== null) auth.lastSeq = this.applied;
    const socket = io({ path: '/socket.io', transports: ['websocket'], reconnection: false, auth });
    this.socket = socket;
    socket.on('connect', () => {
      this.attempts = 0;
      this.setStatus('live');
    });
    socket.on('event', (event: DomainEvent) => {
      if (this.applied !== null && event.seq <= this.applied) return;
      this.applied = event.seq;
      for (const listener of this.eventListeners) listener(event);
    });
    socket.on('ready', ({ seq }: { seq: number }) => {
      this.applied = Math.max(this.applied ?? 0, seq);
    });
    const lost = (): void => {
      if (this.socket !== socket) return;
      socket.removeAllListeners();
      this.socket = null;
      this.retryLater();
    };
    socket.on('disconnect', lost);
    socket.on('connect_error', lost);
  }

  private retryLater(): void {
    if (this.stopped) return;
    this.setStatus('offline');
    const delay = Math.min(10_000, 500 * 2 ** this.attempts++);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
