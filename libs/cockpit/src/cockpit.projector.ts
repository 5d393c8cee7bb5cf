import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DomainEventPayloads, RectificationTransition } from '@ducha/contracts';
import { OutboxProjectors, type OutboxProjector, type RelayedEvent } from '@ducha/realtime';
import type { EntityManager } from 'typeorm';
import { refreshDepartmentAssessment, refreshMeasure } from './cockpit-assessment.js';
import { DeltaBatch, periodsOf, type Delta } from './cockpit-delta.js';

type Payload<T extends keyof DomainEventPayloads> = DomainEventPayloads[T];
const CLOSED = 'CLOSED';
const CANCELLED = 'CANCELLED';

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isDate = (v: unknown): boolean => isText(v) && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v));
const isRate = (v: unknown): boolean => !!v && isNumber((v as { passed: unknown }).passed) && isNumber((v as { total: unknown }).total);

function wellFormed(event: RelayedEvent): boolean {
  const p = event.payload as unknown as Record<string, unknown>;
  switch (event.type) {
    case 'review.file_scored':
      return isText(p.caseFileId) && isText(p.departmentId) && isNumber(p.score) && isText(p.grade) && isDate(p.scoredAt);
    case 'compliance.checked':
      return isText(p.roundId) && isText(p.departmentId) && isNumber(p.score);
    case 'compliance.rates_updated':
      return isText(p.departmentId) && isNumber(p.year) && isRate(p.disclosureOnTime) && isRate(p.legalReviewCoverage) && isRate(p.avFiled);
    case 'assessment.reported':
    case 'assessment.scored':
      return isText(p.departmentId) && isNumber(p.year);
    case 'measure.progressed':
    case 'measure.overdue':
      return isText(p.measureId);
    default:
      // Other events, and rectification events without a task transition, are not counted here.
      if (!event.type.startsWith('rectification.') || !isText(p.taskId) || !isText(p.to)) return true;
      return isText(p.departmentId) && isText(p.taskNo) && isDate(p.deadline);
  }
}

/**
 * The assessment events carry only which department-year or measure changed: the figures are
 * re-read from the assessment tables once per batch, and the regions above moved by the difference.
 */
class AssessmentRefresh {
  private readonly departments = new Map<string, { departmentId: string; year: number }>();
  private readonly measures = new Set<string>();

  department(departmentId: string, year: number): void {
    this.departments.set(`${departmentId}|${year}`, { departmentId, year });
  }

  measure(measureId: string): void {
    this.measures.add(measureId);
  }

  async flush(m: EntityManager): Promise<void> {
    for (const measureId of this.measures) {
      const lead = await refreshMeasure(m, measureId);
      if (lead) this.department(lead.leadUnitId, lead.year);
    }
    for (const { departmentId, year } of this.departments.values()) await refreshDepartmentAssessment(m, departmentId, year);
  }
}

interface TaskRow {
  state: string;
  deadline: string;
  is_open: boolean;
  issued_period: string;
  closed_on_time: boolean;
}

/**
 * Keeps the cockpit's counters from the relayed events, inside the relay's transaction: the
 * counters and `as_of_seq` move together, so a snapshot's `asOfSeq` is exact. Every step is a
 * difference against what the model already holds (a re-scored file, a re-checked department, a
 * task that moves back), so applying the events once, in seq order, is all it needs.
 */
@Injectable()
export class CockpitProjector implements OutboxProjector, OnModuleInit {
  readonly name = 'cockpit';
  private readonly logger = new Logger('CockpitProjector');

  constructor(private readonly projectors: OutboxProjectors) {}

  onModuleInit(): void {
    this.projectors.register(this);
  }

  async project(m: EntityManager, events: readonly RelayedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const batch = new DeltaBatch();
    const assessed = new AssessmentRefresh();
    for (const event of events) await this.apply(m, batch, assessed, event);
    await batch.flush(m);
    await assessed.flush(m);
    await m.query('UPDATE cockpit_state SET as_of_seq = $1 WHERE id = 1', [events[events.length - 1].seq]);
  }

  private async apply(m: EntityManager, batch: DeltaBatch, assessed: AssessmentRefresh, event: RelayedEvent): Promise<void> {
    const path = event.scope.regionPath;
    // A malformed payload must not stop the relay for everyone: it is not counted, and said so.
    if (!wellFormed(event)) {
      this.logger.warn(`seq ${event.seq} (${event.type}) lacks the fields the cockpit counts; skipped`);
      return;
    }
    switch (event.type) {
      case 'review.file_scored':
        return this.fileScored(m, batch, path, event.payload as Payload<'review.file_scored'>);
      case 'compliance.checked':
        return this.checked(m, batch, path, event.at, event.payload as Payload<'compliance.checked'>);
      case 'compliance.rates_updated':
        return this.rates(m, batch, path, event.payload as Payload<'compliance.rates_updated'>);
      case 'assessment.reported':
      case 'assessment.scored': {
        const p = event.payload as Payload<'assessment.reported'>;
        return assessed.department(p.departmentId, p.year);
      }
      case 'measure.progressed':
      case 'measure.overdue':
        return assessed.measure((event.payload as Payload<'measure.progressed'>).measureId);
      default:
        if (event.type.startsWith('rectification.')) return this.transition(m, batch, event);
    }
  }

  private async fileScored(m: EntityManager, batch: DeltaBatch, path: string, p: Payload<'review.file_scored'>): Promise<void> {
    const [old] = await m.query(
      'SELECT department_id, region_path, period, score, grade, passed FROM cockpit_review_file WHERE case_file_id = $1',
      [p.caseFileId],
    );
    if (old) {
      batch.add(old.department_id, periodsOf(`${old.period}-15T00:00:00Z`), {
        files_reviewed: -1,
        score_sum: -Number(old.score),
        files_passed: old.passed ? -1 : 0,
        grades: { [old.grade]: -1 },
      });
    }
    const periods = periodsOf(p.scoredAt);
    batch.add(p.departmentId, periods, {
      files_reviewed: 1,
      score_sum: p.score,
      files_passed: p.passed ? 1 : 0,
      grades: { [p.grade]: 1 },
    });
    await m.query(
      `INSERT INTO cockpit_review_file (case_file_id, department_id, region_path, period, score, grade, passed) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (case_file_id) DO UPDATE SET department_id = $2, region_path = $3, period = $4, score = $5, grade = $6, passed = $7`,
      [p.caseFileId, p.departmentId, path, periods[1], p.score, p.grade, p.passed],
    );
  }

  private async checked(m: EntityManager, batch: DeltaBatch, path: string, at: string, p: Payload<'compliance.checked'>): Promise<void> {
    const [old] = await m.query('SELECT period, score FROM cockpit_compliance_score WHERE round_id = $1 AND department_id = $2', [
      p.roundId,
      p.departmentId,
    ]);
    if (old) batch.add(p.departmentId, periodsOf(`${old.period}-15T00:00:00Z`), { checks: -1, check_score_sum: -Number(old.score) });
    const periods = periodsOf(at);
    batch.add(p.departmentId, periods, { checks: 1, check_score_sum: p.score });
    await m.query(
      `INSERT INTO cockpit_compliance_score (round_id, department_id, period, score, region_path) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (round_id, department_id) DO UPDATE SET period = $3, score = $4, region_path = $5`,
      [p.roundId, p.departmentId, periods[1], p.score, path],
    );
  }

  private async rates(m: EntityManager, batch: DeltaBatch, path: string, p: Payload<'compliance.rates_updated'>): Promise<void> {
    const now = {
      disclosure_passed: p.disclosureOnTime.passed,
      disclosure_total: p.disclosureOnTime.total,
      legal_review_passed: p.legalReviewCoverage.passed,
      legal_review_total: p.legalReviewCoverage.total,
      av_passed: p.avFiled.passed,
      av_total: p.avFiled.total,
    };
    const [old] = await m.query('SELECT rates FROM cockpit_rates WHERE department_id = $1 AND year = $2', [p.departmentId, p.year]);
    const before = (old?.rates ?? {}) as Record<string, number>;
    const delta: Delta = Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (before[k] ?? 0)]));
    batch.add(p.departmentId, [String(p.year)], delta);
    await m.query(
      `INSERT INTO cockpit_rates (department_id, year, rates, region_path) VALUES ($1, $2, $3, $4)
       ON CONFLICT (department_id, year) DO UPDATE SET rates = $3, region_path = $4`,
      [p.departmentId, p.year, JSON.stringify(now), path],
    );
  }

  private async transition(m: EntityManager, batch: DeltaBatch, event: RelayedEvent): Promise<void> {
    const p = event.payload as RectificationTransition & { onTime?: boolean };
    if (!p.taskId || !p.to) return;
    const [task] = (await m.query(
      'SELECT state, deadline::text AS deadline, is_open, issued_period, closed_on_time FROM cockpit_task WHERE task_id = $1',
      [p.taskId],
    )) as TaskRow[];
    const issuedPeriod = task?.issued_period ?? periodsOf(event.at)[1];
    const periods = periodsOf(`${issuedPeriod}-15T00:00:00Z`);
    const delta: Delta = { task_states: {} };
    if (!task) {
      delta.tasks_issued = 1;
    } else if (task.state === p.to) {
      if (task.is_open) batch.moveOpenDeadline(event.scope.regionPath, task.deadline, p.deadline);
      await m.query('UPDATE cockpit_task SET deadline = $2, department_name = $3 WHERE task_id = $1', [
        p.taskId,
        p.deadline,
        p.departmentName,
      ]);
      return;
    } else {
      delta.task_states![task.state] = -1;
      if (task.state === CLOSED) Object.assign(delta, { tasks_closed: -1, tasks_closed_on_time: task.closed_on_time ? -1 : 0 });
      if (task.state === CANCELLED) delta.tasks_cancelled = -1;
    }
    delta.task_states![p.to] = (delta.task_states![p.to] ?? 0) + 1;
    const onTime = p.to === CLOSED && p.onTime === true;
    if (p.to === CLOSED)
      Object.assign(delta, {
        tasks_closed: (delta.tasks_closed ?? 0) + 1,
        tasks_closed_on_time: (delta.tasks_closed_on_time ?? 0) + (onTime ? 1 : 0),
      });
    if (p.to === CANCELLED) delta.tasks_cancelled = (delta.tasks_cancelled ?? 0) + 1;
    batch.add(p.departmentId, periods, delta);
    const open = p.to !== CLOSED && p.to !== CANCELLED;
    batch.moveOpenDeadline(event.scope.regionPath, task?.is_open ? task.deadline : null, open ? p.deadline : null);
    await m.query(
      `INSERT INTO cockpit_task (task_id, task_no, department_id, department_name, region_path, state, deadline, issued_period, is_open, closed_on_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (task_id) DO UPDATE SET state = $6, deadline = $7, is_open = $9, closed_on_time = $10, department_name = $4`,
      [
        p.taskId,
        p.taskNo,
        p.departmentId,
        p.departmentName,
        event.scope.regionPath,
        p.to,
        p.deadline,
        issuedPeriod,
        p.to !== CLOSED && p.to !== CANCELLED,
        onTime,
      ],
    );
  }
}
