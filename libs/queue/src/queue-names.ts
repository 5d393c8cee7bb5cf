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
  /** Rectification deadlines: reminders and the escalation ladder (libs/rectification). */
  RECTIFICATION_SWEEP = 'rectification.sweep',
  /** A large case-file sheet import (libs/cases). */
  CASE_FILES_IMPORT = 'cases.import',
  /** Automatic screens of a three-systems round (libs/compliance). */
  COMPLIANCE_SCREEN = 'compliance.screen',
  /** The standing screen over every department's current year (libs/compliance), nightly and on demand. */
  COMPLIANCE_STANDING_SCREEN = 'compliance.standing_screen',
  /** Recomputes the cockpit's read model from the relayed events (libs/cockpit). */
  COCKPIT_REBUILD = 'cockpit.rebuild',
  /** Overdue plan measures become findings (libs/assessment). */
  ASSESSMENT_SWEEP = 'assessment.sweep',
  /** Builds a requested export (.xlsx, .docx) with progress events to its requester (libs/exports). */
  EXPORT_FILE = 'exports.file',
}

export interface JobPayloads {
  [JobName.AUDIT_SEAL]: Record<string, never>;
  /** `now` (ISO instant) only for tests and replays; the schedule sends none. */
  [JobName.RECTIFICATION_SWEEP]: { now?: string };
  [JobName.CASE_FILES_IMPORT]: { importId: string };
  /** `runId` names one queued run: a late or repeated delivery of an older run does nothing. */
  [JobName.COMPLIANCE_SCREEN]: { roundId: string; actorUserId: string; runId: string };
  /** `year` on demand; the nightly schedule sends none (today's year, once per day). */
  [JobName.COMPLIANCE_STANDING_SCREEN]: { year?: number };
  [JobName.COCKPIT_REBUILD]: Record<string, never>;
  /** `now` (ISO instant) only for tests; the schedule sends none. */
  [JobName.ASSESSMENT_SWEEP]: { now?: string };
  /** The `export_file` row to build. */
  [JobName.EXPORT_FILE]: { exportId: string };
}

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.AUDIT_SEAL]: QueueName.SYSTEM,
  [JobName.RECTIFICATION_SWEEP]: QueueName.SYSTEM,
  [JobName.CASE_FILES_IMPORT]: QueueName.WORK,
  [JobName.COMPLIANCE_SCREEN]: QueueName.WORK,
  [JobName.COMPLIANCE_STANDING_SCREEN]: QueueName.WORK,
  [JobName.COCKPIT_REBUILD]: QueueName.SYSTEM,
  [JobName.ASSESSMENT_SWEEP]: QueueName.SYSTEM,
  [JobName.EXPORT_FILE]: QueueName.WORK,
};

/** How a job repeats: every so many milliseconds, or on a cron pattern in a time zone. */
export type JobRepeat = { every: number } | { pattern: string; tz: string };

/** Repeating jobs: upserted by whichever process runs the workers (idempotent per name). */
export const SCHEDULES: readonly { name: JobName; repeat: JobRepeat }[] = [
  { name: JobName.AUDIT_SEAL, repeat: { every: 2000 } },
  { name: JobName.RECTIFICATION_SWEEP, repeat: { every: 5 * 60_000 } },
  // Nightly at 02:00 Beijing time.
  { name: JobName.COMPLIANCE_STANDING_SCREEN, repeat: { pattern: '0 2 * * *', tz: 'Asia/Shanghai' } },
  { name: JobName.ASSESSMENT_SWEEP, repeat: { every: 60 * 60_000 } },
];
