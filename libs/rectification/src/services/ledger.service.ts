import { Injectable } from '@nestjs/common';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import type { FindingSource } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { escalationStepOf, type RectificationTaskEntity } from '../entities/rectification-task.entity.js';
import { OPEN_STATES, TaskState, WarningLevel } from '../rectification.enums.js';
import type { TaskClock } from './task-clock.js';
import { TaskQueryService, taskFromRow } from './task-query.service.js';

export interface LedgerFilter {
  departmentId?: string;
  source?: FindingSource;
  states?: TaskState[];
  warningLevel?: WarningLevel;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface LedgerRow {
  task: RectificationTaskEntity;
  departmentName: string;
  findingCount: number;
}

export interface RatesRow {
  departmentId: string;
  departmentName: string;
  issued: number;
  closed: number;
  open: number;
  overdue: number;
  closedOnTime: number;
}

/** A WHERE clause with its positional parameters, built once per request from the filter and scope. */
class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(sql: (p: (v: unknown) => string) => string): void {
    this.parts.push(sql((v) => `$${this.params.push(v)}`));
  }
  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : 'true';
  }
}

/**
 * 整改台账. Each request runs a fixed number of statements whatever the page holds: the page
 * (with names and finding counts joined in) and the counts per state under the same filters.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly query: TaskQueryService,
  ) {}

  async page(
    actor: Actor,
    filter: LedgerFilter,
    now = new Date(),
  ): Promise<{ rows: LedgerRow[]; total: number; counts: { state: TaskState; count: number }[]; clock: TaskClock }> {
    const clock = await this.query.clock(now);
    const where = this.where(actor, filter, clock);
    const { skip, take } = pageWindow(filter);
    const m = this.tx.manager;
    // Newest first; filtered by warning level, most urgent first (the open-deadline index serves it).
    const order = filter.warningLevel ? 't.deadline ASC, t.task_no ASC' : 't.issued_on DESC, t.task_no DESC';
    const [rows, counts]: [Record<string, any>[], { state: TaskState; n: number }[]] = await Promise.all([
      m.query(
        // The page's ids first (an index-only walk of the covering index), then their rows.
        `SELECT t.*, u.name AS department_name, (SELECT count(*)::int FROM finding f WHERE f.task_id = t.id) AS finding_count,
                (${escalationStepOf('t')}) AS escalation_step
           FROM (SELECT t.id FROM rectification_task t WHERE ${where.sql} ORDER BY ${order} LIMIT ${take} OFFSET ${skip}) p
           JOIN rectification_task t ON t.id = p.id JOIN unit u ON u.id = t.department_id
          ORDER BY ${order}`,
        where.params,
      ),
      this.countQuery(actor, filter, where),
    ]);
    const byState = new Map(counts.map((c) => [c.state, c.n]));
    return {
      rows: rows.map((r) => ({ task: taskFromRow(r), departmentName: r.department_name, findingCount: r.finding_count })),
      total: counts.reduce((sum, c) => sum + c.n, 0),
      counts: Object.values(TaskState).map((state) => ({ state, count: byState.get(state) ?? 0 })),
      clock,
    };
  }

  /** Every matching task for the export (capped), with co-departments, findings and root causes joined. */
  async exportRows(
    actor: Actor,
    filter: LedgerFilter,
    now = new Date(),
    cap = 50_000,
  ): Promise<{ rows: Record<string, any>[]; clock: TaskClock }> {
    const clock = await this.query.clock(now);
    const where = this.where(actor, filter, clock);
    const rows: Record<string, any>[] = await this.tx.manager.query(
      `SELECT t.*, u.name AS department_name, (${escalationStepOf('t')}) AS escalation_step,
              (SELECT string_agg(cu.name, '、' ORDER BY cu.code) FROM rectification_task_department d JOIN unit cu ON cu.id = d.department_id WHERE d.task_id = t.id AND d.role = 'CO') AS co_departments,
              (SELECT count(*)::int FROM finding f WHERE f.task_id = t.id) AS finding_count,
              (SELECT string_agg(f.description, '；' ORDER BY f.created_at) FROM finding f WHERE f.task_id = t.id) AS finding_text,
              (SELECT string_agg(DISTINCT rc.label, '、') FROM finding f JOIN rectification_root_cause rc ON rc.code = f.root_cause WHERE f.task_id = t.id) AS root_causes,
              (SELECT min(dl.deadline) FILTER (WHERE dl.kind = 'ISSUED') FROM rectification_deadline dl WHERE dl.task_id = t.id) AS original_deadline,
              (SELECT count(*)::int FROM rectification_deadline dl WHERE dl.task_id = t.id AND dl.kind = 'EXTENSION') AS extensions,
              (SELECT string_agg(DISTINCT f.category, '、') FROM finding f WHERE f.task_id = t.id) AS categories,
              EXISTS (SELECT 1 FROM finding f WHERE f.task_id = t.id AND f.severity = 'MAJOR') AS major,
              (SELECT string_agg(x.requested_deadline || '：' || x.reason, '；' ORDER BY x.requested_at) FROM rectification_extension x
                WHERE x.task_id = t.id AND x.status = 'APPROVED') AS extension_reasons,
              (SELECT rp.measures_taken FROM rectification_report rp WHERE rp.task_id = t.id AND rp.department_id = t.department_id
                ORDER BY rp.submitted_at DESC LIMIT 1) AS measures_taken,
              (SELECT vu.display_name FROM app_user vu WHERE vu.id = t.verified_by) AS verifier
         FROM rectification_task t JOIN unit u ON u.id = t.department_id
        WHERE ${where.sql} ORDER BY t.issued_on DESC, t.task_no DESC LIMIT ${cap}`,
      where.params,
    );
    return { rows, clock };
  }

  /**
   * Completion and on-time close-out over the tasks issued in the period; open, overdue and
   * clear-down (no open task at all) as they stand today, whatever the period.
   */
  async rates(actor: Actor, period: { from?: string; to?: string }, now = new Date()): Promise<RatesRow[]> {
    AccessPolicy.enforce(AccessPolicy.canReadRegion(actor, actor.regionPath));
    const clock = await this.query.clock(now);
    const rows: Record<string, any>[] = await this.tx.manager.query(
      `SELECT u.id, u.name,
              count(t.id) FILTER (WHERE t.in_period)::int AS issued,
              count(t.id) FILTER (WHERE t.in_period AND t.state = 'CLOSED')::int AS closed,
              count(t.id) FILTER (WHERE t.in_period AND t.state = 'CLOSED' AND t.closed_on_time)::int AS closed_on_time,
              count(t.id) FILTER (WHERE t.state <> 'CLOSED')::int AS open,
              count(t.id) FILTER (WHERE t.state <> 'CLOSED' AND t.deadline < $2)::int AS overdue
         FROM unit u JOIN region r ON r.id = u.region_id
         LEFT JOIN LATERAL (
           SELECT t.id, t.state, t.deadline, t.closed_on_time,
                  ($3::date IS NULL OR t.issued_on >= $3) AND ($4::date IS NULL OR t.issued_on <= $4) AS in_period
             FROM rectification_task t WHERE t.department_id = u.id AND t.state <> 'CANCELLED'
         ) t ON true
        WHERE r.path LIKE $1 AND NOT u.is_supervising_office AND u.is_enforcement_body
        GROUP BY u.id, u.name, u.code ORDER BY u.code`,
      [`${actor.regionPath}%`, clock.today, period.from ?? null, period.to ?? null],
    );
    return rows.map((r) => ({
      departmentId: r.id,
      departmentName: r.name,
      issued: r.issued,
      closed: r.closed,
      open: r.open,
      overdue: r.overdue,
      closedOnTime: r.closed_on_time,
    }));
  }

  /**
   * Counts per state. Office staff with coarse filters (department, source, state) read the
   * trigger-maintained tally; a period, a warning level or an officer's scope counts the rows
   * themselves (through covering indexes).
   */
  private countQuery(actor: Actor, filter: LedgerFilter, where: Where): Promise<{ state: TaskState; n: number }[]> {
    const m = this.tx.manager;
    const office = AccessPolicy.canReadRegion(actor, actor.regionPath).allowed;
    if (!office || filter.from || filter.to || filter.warningLevel) {
      return m.query(`SELECT t.state, count(*)::int AS n FROM rectification_task t WHERE ${where.sql} GROUP BY t.state`, where.params);
    }
    const w = new Where();
    w.add((p) => `r.path LIKE ${p(`${actor.regionPath}%`)}`);
    if (filter.departmentId) w.add((p) => `x.department_id = ${p(filter.departmentId)}`);
    if (filter.source) w.add((p) => `x.source = ${p(filter.source)}`);
    if (filter.states?.length) w.add((p) => `x.state = ANY(${p(filter.states)})`);
    return m.query(
      `SELECT x.state, sum(x.n)::int AS n FROM rectification_tally x JOIN unit u ON u.id = x.department_id JOIN region r ON r.id = u.region_id
        WHERE ${w.sql} GROUP BY x.state HAVING sum(x.n) > 0`,
      w.params,
    );
  }

  /**
   * Whose tasks the actor's ledger holds: the office's whole region, or a department's own (lead or
   * co-responsible); anyone else is refused. Also refuses a period that ends before it starts.
   */
  reach(actor: Actor, filter: LedgerFilter): 'REGION' | 'DEPARTMENT' {
    if (filter.from && filter.to && filter.from > filter.to) throw DomainException.field('from', 'must not be after to');
    if (AccessPolicy.canReadRegion(actor, actor.regionPath).allowed) return 'REGION';
    if (AccessPolicy.canActForDepartment(actor, actor.unitId).allowed) return 'DEPARTMENT';
    throw DomainException.forbidden();
  }

  private where(actor: Actor, filter: LedgerFilter, clock: TaskClock): Where {
    const w = new Where();
    if (this.reach(actor, filter) === 'REGION') {
      w.add((p) => `t.region_path LIKE ${p(`${actor.regionPath}%`)}`);
    } else {
      w.add((p) => {
        const unit = p(actor.unitId);
        return `(t.department_id = ${unit} OR EXISTS (SELECT 1 FROM rectification_task_department d WHERE d.task_id = t.id AND d.department_id = ${unit}))`;
      });
    }
    if (filter.departmentId) w.add((p) => `t.department_id = ${p(filter.departmentId)}`);
    if (filter.source) w.add((p) => `t.source = ${p(filter.source)}`);
    if (filter.states?.length) w.add((p) => `t.state = ANY(${p(filter.states)})`);
    if (filter.from) w.add((p) => `t.issued_on >= ${p(filter.from)}`);
    if (filter.to) w.add((p) => `t.issued_on <= ${p(filter.to)}`);
    if (filter.warningLevel) {
      w.add((p) => `t.state = ANY(${p(OPEN_STATES)})`);
      if (filter.warningLevel === WarningLevel.RED) w.add((p) => `t.deadline < ${p(clock.today)}`);
      if (filter.warningLevel === WarningLevel.YELLOW) w.add((p) => `t.deadline BETWEEN ${p(clock.today)} AND ${p(clock.yellowUntil)}`);
      if (filter.warningLevel === WarningLevel.GREEN) w.add((p) => `t.deadline > ${p(clock.yellowUntil)}`);
    }
    return w;
  }
}
