import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CalendarService, type WorkingDayCalendar } from '@ducha/calendar';
import { RequestContext } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { JobHandlers, JobName } from '@ducha/queue';
import { DEPARTMENT_TURN_STATES, NotificationKind } from '../rectification.enums.js';
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

/**
 * The escalation ladder as data. A periodic sweep derives from the deadlines stored in the
 * database which steps are due "today" and records each once per task: the unique key
 * (task_id, step) makes a second worker, a retry or a restart harmless. Set-based: one statement
 * records the steps, moves each task's level, writes audit entries, events and notifications.
 */
@Injectable()
export class EscalationService implements OnModuleInit {
  private readonly logger = new Logger(EscalationService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly calendar: CalendarService,
    private readonly settings: RectificationSettingsService,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.RECTIFICATION_SWEEP, async (payload) => this.sweep(payload.now ? new Date(payload.now) : new Date()));
  }

  async sweep(now = new Date()): Promise<SweepReport> {
    const today = shanghaiDate(now);
    const calendar = await this.calendar.calendar();
    const ladder = await this.settings.ladder();
    const skipped: string[] = [];
    const due: { step: string; ordinal: number; cutoff: string; notice: string }[] = [];
    for (const s of ladder) {
      try {
        due.push({ step: s.step, ordinal: s.ordinal, cutoff: latestDueDeadline(calendar, s.offsetWorkingDays, today), notice: s.notice });
      } catch (error) {
        skipped.push(s.step);
        this.logger.warn(`Escalation step ${s.step} not evaluated for ${today}: ${(error as Error).message}`);
      }
    }
    if (!due.length) return { today, steps: 0, notifications: 0, skipped };
    const [result] = await this.tx.run(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('rectification.sweep'))`);
      // One row per (level already reached, step owed): each becomes one index descent.
      const pairs = due.flatMap((d) => Array.from({ length: d.ordinal + 1 }, (_, i) => ({ ...d, reached: i - 1 })));
      return m.query(SWEEP_SQL, [
        pairs.map((d) => d.step),
        pairs.map((d) => d.ordinal),
        pairs.map((d) => d.cutoff),
        pairs.map((d) => d.notice),
        DEPARTMENT_TURN_STATES,
        today,
        RequestContext.requestId(),
        NotificationKind.ESCALATION,
        NotificationKind.REMINDER,
        pairs.map((d) => d.reached),
      ]);
    });
    const report = { today, steps: Number(result.steps), notifications: Number(result.notes), skipped };
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

const STEP_LABEL = `CASE s.step WHEN 'REMINDER' THEN '到期提醒' WHEN 'URGE' THEN '催办' WHEN 'INQUIRY' THEN '函询约谈' WHEN 'LISTED' THEN '挂牌督办' ELSE '通报批评' END`;

const SWEEP_SQL = `
WITH pairs AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::date[], $4::text[], $10::int[]) AS s(step, ordinal, cutoff, notice, reached)
), ladder AS (
  SELECT DISTINCT step, ordinal, cutoff, notice FROM pairs
), due AS (
  SELECT t.id, s.step, s.ordinal, s.notice, t.deadline
    FROM pairs s JOIN LATERAL (
      SELECT t.id, t.deadline FROM rectification_task t
       WHERE t.escalation_ordinal = s.reached AND t.deadline <= s.cutoff
         AND t.state IN ('ISSUED','ACKNOWLEDGED','IN_PROGRESS','RETURNED') AND t.state = ANY($5::text[])
    ) t ON true
   -- Lower steps first, so a task's events reach the cockpit in ladder order.
   ORDER BY s.ordinal
), ins AS (
  INSERT INTO rectification_escalation (task_id, step, due_on, deadline, notice)
  SELECT id, step, $6::date, deadline, notice FROM due
  ON CONFLICT (task_id, step) DO NOTHING
  RETURNING task_id, step, deadline, notice
), top AS (
  SELECT DISTINCT ON (i.task_id) i.task_id, i.step, s.ordinal
    FROM ins i JOIN ladder s ON s.step = i.step ORDER BY i.task_id, s.ordinal DESC
), upd AS (
  UPDATE rectification_task t SET escalation_step = top.step, escalation_ordinal = top.ordinal
    FROM top
   WHERE t.id = top.task_id AND t.escalation_ordinal < top.ordinal
  RETURNING t.id
), info AS (
  SELECT i.task_id, i.step, i.notice, t.task_no, t.department_id, t.region_path, t.state, t.deadline, t.source, u.name AS department_name, ${STEP_LABEL} AS label
    FROM ins i JOIN rectification_task t ON t.id = i.task_id JOIN unit u ON u.id = t.department_id JOIN ladder s ON s.step = i.step
), audit AS (
  INSERT INTO audit_entry (occurred_at, actor_user_id, actor_unit_id, operation, target_type, target_id, before, after, request_id)
  SELECT clock_timestamp(), NULL, NULL, 'escalateRectification', 'RectificationTask', task_id::text, NULL,
         jsonb_build_object('step', step, 'dueOn', $6::date, 'deadline', deadline, 'notice', notice), $7
    FROM info
), events AS (
  INSERT INTO outbox_event (type, region_path, department_id, payload, created_at)
  SELECT 'rectification.escalated', region_path, department_id,
         jsonb_build_object('taskId', task_id, 'taskNo', task_no, 'departmentId', department_id, 'departmentName', department_name,
                            'from', state, 'to', state, 'deadline', deadline, 'source', source, 'actorName', '系统', 'step', step),
         clock_timestamp()
    FROM info
), notes AS (
  INSERT INTO notification (user_id, kind, title, body, task_id)
  SELECT au.id, CASE WHEN info.step = 'REMINDER' THEN $9 ELSE $8 END, info.label || ' ' || info.task_no, info.notice || '（整改期限 ' || info.deadline || '）', info.task_id
    FROM info JOIN app_user au ON au.unit_id = info.department_id AND NOT au.disabled AND 'DEPARTMENT_OFFICER' = ANY(au.roles)
  RETURNING id, user_id, title, kind, task_id
), note_events AS (
  INSERT INTO outbox_event (type, region_path, department_id, payload, created_at)
  SELECT 'notification.created', t.region_path, t.department_id,
         jsonb_build_object('notificationId', n.id, 'userId', n.user_id, 'title', n.title, 'kind', n.kind), clock_timestamp()
    FROM notes n JOIN rectification_task t ON t.id = n.task_id
)
SELECT (SELECT count(*) FROM ins) AS steps, (SELECT count(*) FROM notes) AS notes, (SELECT count(*) FROM upd) AS moved`;
