import { BullModule } from '@nestjs/bullmq';
import { Global, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@ducha/config';
import { createPostgresBackend, setDefaultBackendFactory, createRedisBackend } from 'bullmq';
import { Redis } from 'ioredis';
import { EmbeddedQueueStore, QUEUE_SCHEMA } from './embedded-queue-store.js';
import { JobHandlers } from './job-handlers.js';
import { JobProducer } from './job-producer.js';
import { QueueName } from './queue-names.js';

/** Opens the job store for this mode and closes it last. */
@Injectable()
export class QueueConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Queue');
  private store: EmbeddedQueueStore | undefined;
  private redis: Redis | undefined;

  constructor(private readonly config: AppConfig) {}

  /** Picks BullMQ's backend before any Queue or Worker exists, and returns their connection. */
  async connection(): Promise<object> {
    if (this.config.isEmbedded) {
      this.store ??= await EmbeddedQueueStore.open(this.config.dataDir);
      setDefaultBackendFactory(createPostgresBackend);
      this.logger.log(`Jobs on BullMQ's PostgreSQL backend (embedded PGlite, schema ${QUEUE_SCHEMA})`);
      return this.store.pool;
    }
    setDefaultBackendFactory(createRedisBackend);
    this.redis ??= new Redis(this.config.redisUrl!, { maxRetriesPerRequest: null });
    return this.redis;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store?.close();
    this.store = undefined;
    this.redis?.disconnect();
    this.redis = undefined;
  }
}

@Module({ providers: [QueueConnection], exports: [QueueConnection] })
class QueueConnectionModule {}

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [QueueConnectionModule],
      inject: [QueueConnection, AppConfig],
      useFactory: async (connection: QueueConnection, config: AppConfig) => ({
        connection: (await connection.connection()) as never,
        prefix: config.queuePrefix,
        defaultJobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
      }),
    }),
    BullModule.registerQueue({ name: QueueName.SYSTEM }, { name: QueueName.WORK }),
  ],
  providers: [JobProducer, JobHandlers],
  exports: [JobProducer, JobHandlers, BullModule],
})
export class QueueModule {}
