/**
 * Every queue and job ducha runs, with its payload type. A job name belongs to one queue; add the
 * pair here first, then its processor. Call sites use these names, never string literals.
 */
export enum QueueName {
  /** Housekeeping: audit sealing, sweeps, rebuilds. */
  SYSTEM = 'system',
  /** Long imports and screening runs with progress events. */
  WORK = 'work',
}

export enum JobName {
  AUDIT_SEAL = 'audit.seal',
}

export interface JobPayloads {
  [JobName.AUDIT_SEAL]: Record<string, never>;
}

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.AUDIT_SEAL]: QueueName.SYSTEM,
};

/** Repeating jobs: upserted by whichever process runs the workers (idempotent per name). */
export const SCHEDULES: readonly { name: JobName; everyMs: number }[] = [{ name: JobName.AUDIT_SEAL, everyMs: 2000 }];
