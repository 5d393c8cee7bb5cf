import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@ducha/config';
import { EventFeed } from './event-feed.js';
import { EventTransport } from './event-transport.js';
import { OutboxCommitSubscriber } from './outbox-commit.subscriber.js';
import { OutboxEventEntity } from './outbox-event.entity.js';
import { OutboxProjectors } from './outbox-projectors.js';
import { OutboxReader } from './outbox-reader.js';
import { OutboxService } from './outbox.service.js';
import { RelayService } from './relay.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEventEntity])],
  providers: [OutboxService, OutboxProjectors, OutboxReader, EventFeed, EventTransport, RelayService, OutboxCommitSubscriber],
  exports: [OutboxService, OutboxProjectors, OutboxReader, EventTransport, RelayService],
})
export class RealtimeModule implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  onModuleInit(): void {
    // In server mode the relay lives in another process: wake it through PostgreSQL at commit.
    this.outbox.notifyThroughDatabase = !this.config.isEmbedded;
  }
}
