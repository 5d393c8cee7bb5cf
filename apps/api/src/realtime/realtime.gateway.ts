import { Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import {
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { AuthModule, AuthService } from '@ducha/auth';
import type { Actor } from '@ducha/common';
import type { DomainEventPayloads } from '@ducha/contracts';
import { EventTransport, OutboxReader, type EventFeed, type RelayedEvent } from '@ducha/realtime';
import { decodeJwt } from 'jose';
import type { Server, Socket } from 'socket.io';
import { socketCount } from '../ops/metrics.js';
import { mayReceive, roomsForActor, roomsForEvent, Rooms, scopeOf } from './socket-scope.js';

/** Server → client event names (see libs/realtime/PROTOCOL.md). */
export const SocketEvents = { EVENT: 'event', READY: 'ready' } as const;

interface SocketData {
  actor: Actor;
  lastSeq: number | null;
  /** Kept to check the account again when it changes (disabled, new unit or roles). */
  token: string;
  /** When the access token expires (ms since the epoch): the socket is cut then. */
  expiresAt: number;
}

function parseLastSeq(raw: unknown): number | null {
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/**
 * The live channel. The handshake carries an access token (refused without a valid one) and the
 * last seq the client applied; the server joins the rooms the actor's scope allows, replays from the
 * outbox table what the client may see after that seq, then switches it to live without a gap.
 * A socket lives no longer than its token, nor than its account as it was: it is cut when the token
 * expires, and when the user is changed (disabled, or given another unit or roles) it is checked
 * again at once and cut unless the same token still gives the same rooms.
 */
@WebSocketGateway({ path: '/socket.io', cors: { origin: true, credentials: true } })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger('RealtimeGateway');
  @WebSocketServer() server!: Server;
  private feed!: EventFeed;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly auth: AuthService,
    private readonly transport: EventTransport,
    private readonly reader: OutboxReader,
  ) {}

  async afterInit(server: Server): Promise<void> {
    server.use((socket, next) => {
      const { token, lastSeq } = (socket.handshake.auth ?? {}) as { token?: unknown; lastSeq?: unknown };
      if (typeof token !== 'string' || token === '') return next(new Error('UNAUTHENTICATED'));
      this.auth.actorForAccessToken(token).then(
        (actor) => {
          const expiresAt = (decodeJwt(token).exp ?? 0) * 1000;
          (socket.data as SocketData) = { actor, lastSeq: parseLastSeq(lastSeq), token, expiresAt };
          next();
        },
        () => next(new Error('UNAUTHENTICATED')),
      );
    });
    this.feed = await this.transport.listen(server);
    this.unsubscribe = this.feed.subscribe((event) => {
      this.broadcast(event);
      if (event.type === 'org.user_changed') void this.recheckUser((event.payload as DomainEventPayloads['org.user_changed']).userId);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async handleConnection(socket: Socket): Promise<void> {
    const data = socket.data as SocketData;
    if (!data?.actor) return void socket.disconnect(true);
    socketCount.inc();
    const expiry = setTimeout(() => socket.disconnect(true), data.expiresAt - Date.now());
    socket.once('disconnect', () => clearTimeout(expiry));
    await socket.join([...roomsForActor(data.actor), Rooms.replaying]);
    try {
      // Without a last seq: live from what is relayed now (this process's feed may still be behind).
      await this.catchUp(socket, data.actor, data.lastSeq ?? (await this.reader.headSeq()));
    } catch (error) {
      this.logger.warn(`replay for ${data.actor.username} failed: ${(error as Error).message}`);
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: Socket): void {
    if ((socket.data as SocketData)?.actor) socketCount.dec();
  }

  /**
   * To this process's sockets only: every api node gets every event through its own feed. One
   * broadcast serialises the event once for all the sockets in its rooms.
   */
  private broadcast(event: RelayedEvent): void {
    const rooms = roomsForEvent(event);
    if (rooms.length > 0) this.server.local.to(rooms).except(Rooms.replaying).emit(SocketEvents.EVENT, event);
  }

  private async recheckUser(userId: string): Promise<void> {
    const ids = [...(this.server.sockets.adapter.rooms.get(Rooms.user(userId)) ?? [])];
    for (const socket of ids.map((id) => this.server.sockets.sockets.get(id))) {
      if (!socket) continue;
      const { actor, token } = socket.data as SocketData;
      const now = await this.auth.actorForAccessToken(token).catch(() => undefined);
      if (!now || roomsForActor(now).join() !== roomsForActor(actor).join()) socket.disconnect(true);
      else (socket.data as SocketData).actor = now;
    }
  }

  /** Replays from the table up to its head, waits for this process's feed to get there, then goes live. */
  private async catchUp(socket: Socket, actor: Actor, fromSeq: number): Promise<void> {
    const scope = scopeOf(actor);
    let cursor = fromSeq;
    for (;;) {
      const target = await this.reader.headSeq();
      while (cursor < target) {
        const { events, scannedTo } = await this.reader.page(cursor, target, scope);
        if (!socket.connected) return;
        for (const event of events) if (mayReceive(actor, event)) socket.emit(SocketEvents.EVENT, event);
        cursor = scannedTo;
      }
      await this.feed.waitFor(target);
      if (!socket.connected) return;
      // From here to leaving the replay room nothing awaits, so no live broadcast can fall between.
      const recent = this.feed.recentAfter(cursor);
      if (recent === undefined) continue;
      for (const event of recent) if (mayReceive(actor, event)) socket.emit(SocketEvents.EVENT, event);
      cursor = Math.max(cursor, this.feed.headSeq);
      void socket.leave(Rooms.replaying);
      socket.emit(SocketEvents.READY, { seq: cursor });
      return;
    }
  }
}

@Module({ imports: [AuthModule], providers: [RealtimeGateway] })
export class RealtimeGatewayModule {}
