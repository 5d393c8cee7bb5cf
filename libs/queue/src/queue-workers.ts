import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { RequestContext } from '@ducha/common';
import type { Job } from 'bullmq';
import { JobHandlers } from './job-handlers.js';
import { JobProducer } from './job-producer.js';
import { QueueName, SCHEDULES } from './queue-names.js';

/** Runs a job inside a request context of its own, so its logs and audit entries carry the job id. */
async function runJob(handlers: JobHandlers, logger: Logger, job: Job): Promise<unknown> {
  return RequestContext.run({ requestId: `job-${job.queueName}-${job.id}` }, async () => {
    const started = Date.now();
    try {
      const result = await handlers.run(job);
      logger.debug(`${job.name} #${job.id} done in ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      logger.error(`${job.name} #${job.id} failed: ${(error as Error).message}`, (error as Error).stack);
      throw error;
    }
  });
}

@Processor(QueueName.SYSTEM, { concurrency: 1 })
export class SystemQueueProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemQueueProcessor.name);
  constructor(private readonly handlers: JobHandlers) {
    super();
  }
  process(job: Job): Promise<unknown> {
    return runJob(this.handlers, this.logger, job);
  }
}

@Processor(QueueName.WORK, { concurrency: 2 })
export class WorkQueueProcessor extends WorkerHost {
  private readonly logger = new Logger(WorkQueueProcessor.name);
  constructor(private readonly handlers: JobHandlers) {
    super();
  }
  process(job: Job): Promise<unknown> {
    return runJob(this.handlers, this.logger, job);
  }
}

/** Puts the repeating jobs on the queue; a scheduler per name, so several workers do not multiply them. */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  constructor(private readonly producer: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { name, repeat } of SCHEDULES) await this.producer.schedule(name, repeat, {} as never);
  }
}

/** Included by apps/worker, and by apps/api in embedded mode: the processes that run jobs. */
@Module({ providers: [SystemQueueProcessor, WorkQueueProcessor, JobSchedules] })
export class QueueWorkersModule {}
