import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './queue-names.js';

export type JobHandler<J extends JobName> = (payload: JobPayloads[J], job: Job<JobPayloads[J]>) => Promise<unknown>;

/**
 * Feature libs register what each job does; one processor per queue dispatches by job name.
 * (One Worker per queue: two processors on one queue would each take the other's jobs.)
 */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  register<J extends JobName>(name: J, handler: JobHandler<J>): void {
    if (this.handlers.has(name)) throw new Error(`A handler for job ${name} is already registered`);
    this.handlers.set(name, handler as unknown as JobHandler<JobName>);
  }

  async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    return handler(job.data, job);
  }
}
