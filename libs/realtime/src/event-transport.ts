import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@ducha/config';
import { Redis } from 'ioredis';
import { EventFeed } from './event-feed.js';
import type { RelayedEvent } from './relayed-event.js';

const CATCH_UP_MS = 500;

/**
 * Carries relayed events to every process that serves sockets. Embedded mode: straight into this
 * process's feed. Server mode: one Redis pub/sub channel that every api node reads; a message lost
 * to a Redis restart or a dead relay is found by the feed's gap check and its periodic catch-up
 * with the outbox table, so Redis is a fast path, never the record.
 */
@Injectable()
export class EventTransport implements OnModuleDestroy {
  private readonly logger = new Logger('EventTransport');
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly feed: EventFeed,
  ) {}

  get channel(): string {
    return `${this.config.queuePrefix}:outbox`;
  }

  async publish(events: RelayedEvent[]): Promise<void> {
    if (this.config.isEmbedded) return this.feed.ingest(events);
    if (!this.publisher) {
      // Fails fast while Redis is away: the api nodes then read the events from the table.
      this.publisher = new Redis(this.config.redisUrl!, { maxRetriesPerRequest: 1 });
      this.publisher.on('error', (error: Error) => this.logger.warn(`redis publisher: ${error.message}`));
    }
    await this.publisher.publish(this.channel, JSON.stringify(events));
  }

  /** Called by the socket gateway: this process needs the live stream. */
  async listen(): Promise<EventFeed> {
    await this.feed.start();
    if (this.config.isEmbedded || this.subscriber) return this.feed;
    this.subscriber = new Redis(this.config.redisUrl!, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (_channel: string, message: string) => {
      void this.feed.ingest(JSON.parse(message) as RelayedEvent[]);
    });
    this.subscriber.on('error', (error: Error) => this.logger.warn(`redis subscriber: ${error.message}`));
    await this.subscriber.subscribe(this.channel);
    this.timer = setInterval(() => void this.feed.catchUp(), CATCH_UP_MS);
    this.timer.unref();
    return this.feed;
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscriber?.disconnect();
    this.publisher?.disconnect();
    this.subscriber = this.publisher = undefined;
  }
}
