import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@ducha/config';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { EventFeed } from './event-feed.js';
import type { RelayedEvent } from './relayed-event.js';
import { RELAY_ROOM, streamAdapter } from './stream-adapter.js';

const CATCH_UP_MS = 500;

/**
 * Carries relayed events to every process that serves sockets. Embedded mode: straight into this
 * process's feed (one process, socket.io's in-memory adapter). Server mode: the socket.io Redis
 * Streams adapter: the relay broadcasts each batch through a socket.io server of its own (attached
 * to no HTTP server), and every api node's socket server reads the stream into its feed. A batch
 * lost to a Redis restart or a relay that died between commit and publish is found by the feed's
 * gap check and its periodic catch-up with the outbox table: Redis is a fast path, never the record.
 */
@Injectable()
export class EventTransport implements OnModuleDestroy {
  private readonly logger = new Logger('EventTransport');
  private emitter: Server | undefined;
  private readonly clients: Redis[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly feed: EventFeed,
  ) {}

  async publish(events: RelayedEvent[]): Promise<void> {
    if (this.config.isEmbedded) return this.feed.ingest(events);
    this.emitter ??= this.emitterServer();
    // Queued in order on one Redis connection; while Redis is away the api nodes read the table.
    this.emitter.to(RELAY_ROOM).emit(RELAY_ROOM, events);
  }

  /** Called by the socket gateway with its server: this process needs the live stream. */
  async listen(server: Server): Promise<EventFeed> {
    await this.feed.start();
    if (this.config.isEmbedded || this.timer) return this.feed;
    server.adapter(streamAdapter(this.redis('socket server'), this.config.queuePrefix, (events) => void this.feed.ingest(events)));
    this.timer = setInterval(() => void this.feed.catchUp(), CATCH_UP_MS);
    this.timer.unref();
    return this.feed;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    // Closing the adapter stops its stream reader (a headless server has no engine to close).
    await this.emitter?.of('/').adapter.close();
    for (const client of this.clients.splice(0)) client.disconnect();
    this.emitter = this.timer = undefined;
  }

  private emitterServer(): Server {
    const server = new Server();
    server.adapter(streamAdapter(this.redis('relay emitter'), this.config.queuePrefix));
    return server;
  }

  /** The adapter's publishing client; it duplicates it for its readers, which log the same way. */
  private redis(role: string): Redis {
    // Commands wait for Redis to come back rather than fail (the adapter retries its reads itself).
    const client = new Redis(this.config.redisUrl!, { maxRetriesPerRequest: null });
    const duplicate = client.duplicate.bind(client);
    client.duplicate = (override) => this.logErrors(duplicate(override), role);
    this.clients.push(client);
    return this.logErrors(client, role);
  }

  private logErrors(client: Redis, role: string): Redis {
    client.on('error', (error: Error) => this.logger.warn(`redis (${role}): ${error.message}`));
    return client;
  }
}
