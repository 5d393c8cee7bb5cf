export { QueueModule, QueueConnection } from './queue.module.js';
export { JobProducer } from './job-producer.js';
export { QueueName, JobName, JOB_QUEUE, SCHEDULES, type JobPayloads } from './queue-names.js';
export { EmbeddedQueueStore } from './embedded-queue-store.js';
export { PGlitePool } from './pglite-pool.js';
export { JobHandlers, type JobHandler } from './job-handlers.js';
export { QueueWorkersModule, SystemQueueProcessor, WorkQueueProcessor } from './queue-workers.js';
