import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CalendarService, type WorkingDayCalendar } from '@ducha/calendar';
import { RequestContext } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { JobHandlers, JobName } from '@ducha/queue';
import { DEPARTMENT_TURN_STATES, NotificationKind } from '../rectification.enums.js';
import type { NotificationEntity } from '../entities/rectification-records.entity.js';
import { NotificationService } from './notification.service.js';
import { RectificationSettingsService } from './rectification-settings.service.js';
import { addCalendarDays, shanghaiDate } from './task-clock.js';

export interface SweepReport {
  today: string;
  /** Escalation steps recorded by this run (0 when a run finds nothing new: the sweep is idempotent). */
  steps: number;
  notifications: number;
  /** Steps that could not be evaluated (a year without official calendar data). */
  skipped: string[];
}

interface DueStep {
  step: string;
  ordinal: number;
  /** Deadlines on or before this date owe the step today. */
  cutoff: string;
  /** For a step before the deadline (the reminder): only deadlines not yet passed owe it. */
  since: string | null;
  notice: string;
  label: string;
}

/** Tasks handled per transaction: bounds each transaction's size and how long it holds its rows. */
const SWEEP_BATCH_TASKS = 5_000;
/** Batches in flight at once (one connection each in server mode). */
const SWEEP_LANES = 2;

const STEP_LABELS: Record<string, string> = {
  REMINDER: '到期提醒',
  URGE: '催办',
  INQUIRY: '函询约谈',
  LISTED: '挂牌督办',
  CRITICIZED: '通报批评',
};

/**
 * The escalation ladder as data. A periodic sweep derives from the deadlines stored in the
 * database which steps are due "today" and records each once per task: the unique key
 * (task_id, step) makes a second worker, a retry or a restart harmless. Set-based, in batches of
 * tasks, two at a time: one statement per batch records the steps (`INSERT … ON CONFLICT DO
 * NOTHING RETURNING`) and, from what it recorded, one outbox event per step, one audit entry per
 * task and one notification per officer and task (naming the highest step reached), which go to
 * the pluggable channels once the batch has committed. A task's level is read from its steps.
 */
@Injectable()
export class EscalationService implements OnModuleInit {
  private readonly logger = new Logger(EscalationService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly calendar: CalendarService,
    private readonly settings: RectificationSettingsService,
    private readonly handlers: JobHandlers,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.RECTIFICATION_SWEEP, async (payload) => this.sweep(payload.now ? new Date(payload.now) : new Date()));
  }

  async sweep(now = new Date()): Promise<SweepReport> {
    const today = shanghaiDate(now);
    const calendar = await this.calendar.calendar();
    const skipped: string[] = [];
    const due: DueStep[] = [];
    for (const s of await this.settings.ladder()) {
      try {
        due.push({
          ...s,
          cutoff: latestDueDeadline(calendar, s.offsetWorkingDays, today),
          since: s.offsetWorkingDays < 0 ? today : null,
          label: STEP_LABELS[s.step] ?? s.step,
        });
      } catch (error) {
        skipped.push(s.step);
        this.logger.warn(`Escalation step ${s.step} not evaluated for ${today}: ${(error as Error).message}`);
      }
    }
    const report: SweepReport = { today, steps: 0, notifications: 0, skipped };
    if (!due.length) return report;
    const ladder = [
      due.map((d) => d.step),
      due.map((d) => d.ordinal),
      due.map((d) => d.cutoff),
      due.map((d) => d.since),
      due.map((d) => d.notice),
      due.map((d) => d.label),
    ];
    const owing: string[] = (await this.tx.manager.query(OWING_SQL, [ladder[0], ladder[2], ladder[3]])).map((t: { id: string }) => t.id);
    const batches = Array.from({ length: Math.ceil(owing.length / SWEEP_BATCH_TASKS) }, (_, i) =>
      owing.slice(i * SWEEP_BATCH_TASKS, (i + 1) * SWEEP_BATCH_TASKS),
    );
    // Batches hold disjoint tasks, so lanes never wait on each other. A concurrent sweep may hold the
    // same tasks: each batch re-derives what is still owed and inserts in (task, step) order, so the
    // later one waits on the earlier's keys, then skips them; no step is recorded twice.
    const lane = async (): Promise<void> => {
      for (let ids = batches.shift(); ids; ids = batches.shift()) {
        const [result] = await this.tx.run(async (m) => {
          await m.query(`SET LOCAL work_mem = '64MB'`);
          return m.query(RECORD_SQL, [
            ...ladder,
            ids,
            today,
            RequestContext.requestId(),
            NotificationKind.ESCALATION,
            NotificationKind.REMINDER,
          ]);
        });
        report.steps += Number(result.steps);
        report.notifications += Number(result.notes);
        // Committed: now the pluggable channels (SMS, WeCom…) get them, as every other notification.
        await this.notifications.deliver(result.delivered as NotificationEntity[]);
      }
    };
    await Promise.all(Array.from({ length: SWEEP_LANES }, lane));
    if (report.steps) this.logger.log(`Escalation sweep ${today}: ${report.steps} steps, ${report.notifications} notifications`);
    return report;
  }
}

/**
 * The latest deadline for which a step `offset` working days after it (before it, if negative)
 * falls on or before `today`. Deadlines on or before it owe the step.
 */
export function latestDueDeadline(calendar: WorkingDayCalendar, offset: number, today: string): string {
  if (!calendar.hasYear(Number(today.slice(0, 4)))) throw new Error(`no official calendar for ${today.slice(0, 4)}`);
  const dueOn = (deadline: string): string =>
    offset > 0 ? calendar.addWorkingDays(deadline, offset) : offset < 0 ? calendar.subtractWorkingDays(deadline, -offset) : deadline;
  // A step k working days after D falls at least k calendar days after D, so start there and walk back.
  let candidate = addCalendarDays(today, offset < 0 ? -offset * 3 + 20 : -offset);
  for (let i = 0; i < 400; i++, candidate = addCalendarDays(candidate, -1)) {
    try {
      if (dueOn(candidate) <= today) return candidate;
    } catch {
      // The due date lies in a year without official data, i.e. after today (whose year is known): not due.
    }
  }
  throw new Error(`no deadline found for offset ${offset} before ${today}`);
}

/** Written out so the planner can use the partial index of open tasks. */
const TURN_STATES = DEPARTMENT_TURN_STATES.map((state) => `'${state}'`).join(',');

/** Open tasks in the department's turn owing at least one step today (no row yet under its key). */
const OWING_SQL = `
SELECT DISTINCT t.id
  FROM unnest($1::text[], $2::date[], $3::date[]) AS s(step, cutoff, since)
  JOIN rectification_task t ON t.deadline <= s.cutoff AND t.deadline >= coalesce(s.since, '-infinity') AND t.state IN (${TURN_STATES})
 WHERE NOT EXISTS (SELECT 1 FROM rectification_escalation e WHERE e.task_id = t.id AND e.step = s.step)
 ORDER BY t.id`;

/** Records the steps the given tasks still owe, then everything that follows from the steps recorded. */
const RECORD_SQL = `
WITH ladder AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::date[], $4::date[], $5::text[], $6::text[]) AS s(step, ordinal, cutoff, since, notice, label)
), owed AS (
  SELECT t.id, s.step, s.ordinal, s.notice, s.label, t.deadline, t.task_no, t.department_id, t.region_path, t.state, t.source
    FROM rectification_task t JOIN ladder s ON t.deadline <= s.cutoff AND t.deadline >= coalesce(s.since, '-infinity')
   WHERE t.id = ANY($7::uuid[]) AND t.state IN (${TURN_STATES})
     AND NOT EXISTS (SELECT 1 FROM rectification_escalation e WHERE e.task_id = t.id AND e.step = s.step)
), ins AS (
  INSERT INTO rectification_escalation (task_id, step, due_on, deadline, notice)
  SELECT id, step, $8::date, deadline, notice FROM owed ORDER BY id, ordinal
  ON CONFLICT (task_id, step) DO NOTHING
  RETURNING task_id, step
), taken AS (
  SELECT o.id AS task_id, o.step, o.deadline, o.notice, o.ordinal, o.label, o.task_no, o.department_id, o.region_path, o.state, o.source,
         u.name AS department_name
    FROM ins i JOIN owed o ON o.id = i.task_id AND o.step = i.step JOIN unit u ON u.id = o.department_id
), events AS (
  -- One event per step, lower steps first, so a task's events reach the cockpit in ladder order.
  INSERT INTO outbox_event (type, region_path, department_id, payload, created_at)
  SELECT 'rectification.escalated', region_path, department_id,
         jsonb_build_object('taskId', task_id, 'taskNo', task_no, 'departmentId', department_id, 'departmentName', department_name,
                            'from', state, 'to', state, 'deadline', deadline, 'source', source, 'actorName', '系统', 'step', step),
         clock_timestamp()
    FROM taken ORDER BY task_id, ordinal
), per_task AS (
  SELECT task_id, task_no, department_id, region_path, deadline,
         jsonb_agg(jsonb_build_object('step', step, 'notice', notice) ORDER BY ordinal) AS steps,
         (array_agg(step ORDER BY ordinal DESC))[1] AS top_step,
         (array_agg(label ORDER BY ordinal DESC))[1] AS top_label,
         (array_agg(notice ORDER BY ordinal DESC))[1] AS top_notice
    FROM taken GROUP BY task_id, task_no, department_id, region_path, deadline
), audit AS (
  INSERT INTO audit_entry (occurred_at, actor_user_id, actor_unit_id, operation, target_type, target_id, before, after, request_id)
  SELECT clock_timestamp(), NULL, NULL, 'escalateRectification', 'RectificationTask', task_id::text, NULL,
         jsonb_build_object('dueOn', $8::date, 'deadline', deadline, 'steps', steps), $9
    FROM per_task
), notes AS (
  INSERT INTO notification (user_id, kind, title, body, task_id)
  SELECT au.id, CASE WHEN p.top_step = 'REMINDER' THEN $11 ELSE $10 END, p.top_label || ' ' || p.task_no,
         p.top_notice || '（整改期限 ' || p.deadline || '）', p.task_id
    FROM per_task p JOIN app_user au ON au.unit_id = p.department_id AND NOT au.disabled AND 'DEPARTMENT_OFFICER' = ANY(au.roles)
  RETURNING id, user_id, title, body, kind, task_id, created_at
), note_events AS (
  -- Addressed to its user: the realtime gateway delivers notification.created to that user's room only.
  INSERT INTO outbox_event (type, region_path, department_id, payload, created_at)
  SELECT 'notification.created', p.region_path, p.department_id,
         jsonb_build_object('notificationId', n.id, 'userId', n.user_id, 'title', n.title, 'kind', n.kind), clock_timestamp()
    FROM notes n JOIN per_task p ON p.task_id = n.task_id
)
SELECT (SELECT count(*) FROM ins) AS steps, (SELECT count(*) FROM notes) AS notes,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'userId', user_id, 'kind', kind, 'title', title, 'body', body,
                                                     'taskId', task_id, 'readAt', NULL, 'createdAt', created_at)), '[]') FROM notes) AS delivered`;
