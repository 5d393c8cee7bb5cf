import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, QueueName, type JobPayloads, type JobRepeat } from './queue-names.js';

/** The typed way to enqueue: the job name picks the queue and the payload type. */
@Injectable()
export class JobProducer {
  private readonly queues: Record<QueueName, Queue>;

  constructor(@InjectQueue(QueueName.SYSTEM) system: Queue, @InjectQueue(QueueName.WORK) work: Queue) {
    this.queues = { [QueueName.SYSTEM]: system, [QueueName.WORK]: work };
  }

  async enqueue<J extends JobName>(name: J, payload: JobPayloads[J], options?: JobsOptions): Promise<string> {
    const job = await this.queue(name).add(name, payload, { removeOnComplete: 1000, removeOnFail: 5000, ...options });
    return job.id!;
  }

  /** A repeating job: one schedule per name however many processes call this. */
  async schedule<J extends JobName>(name: J, repeat: JobRepeat, payload: JobPayloads[J]): Promise<void> {
    await this.queue(name).upsertJobScheduler(name, repeat, { name, data: payload, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  queue(name: JobName): Queue {
    return this.queues[JOB_QUEUE[name]];
  }

  /** Job counts per queue, for /metrics. */
  async counts(): Promise<Record<string, Record<string, number>>> {
    const entries = await Promise.all(
      Object.entries(this.queues).map(
        async ([name, queue]) => [name, await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed')] as const,
      ),
    );
    return Object.fromEntries(entries);
  }

  /** Reachability for /health. */
  async ping(): Promise<void> {
    await this.queues[QueueName.SYSTEM].getJobCounts('waiting');
  }
}
