import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, matchColumns, pageWindow, readSheet, shanghaiDate, type Actor } from '@ducha/common';
import { FindingSeverity, FindingSource, Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy, PolicyRule } from '@ducha/org';
import { JobHandlers, JobName } from '@ducha/queue';
import { OutboxService } from '@ducha/realtime';
import { FindingService } from '@ducha/rectification';
import type { EntityManager } from 'typeorm';
import { allCodes, checkPeriod, loadFramework } from './framework.js';

export const MEASURE_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

const COLUMNS = {
  taskCode: ['重点任务编号', '任务编号'],
  taskTitle: ['重点任务', '重点任务名称'],
  code: ['措施编号'],
  title: ['具体措施', '措施'],
  leadUnit: ['牵头单位编码', '牵头单位'],
  departments: ['责任单位编码', '责任单位'],
  deadline: ['完成时限', '截止日期'],
  indicator: ['对应指标', '指标编号'],
} as const;
type Field = keyof typeof COLUMNS;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface PlanRow {
  taskCode: string;
  taskTitle: string;
  code: string;
  title: string;
  leadUnitId: string;
  departmentIds: string[];
  deadline: string;
  indicatorCode: string;
}
export interface PlanImportReport {
  ok: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: { row: number; column: string; reason: string }[];
}

/** The annual plan: key tasks and measures, departments' quarterly progress, overdue measures. */
@Injectable()
export class PlanService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly findings: FindingService,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.ASSESSMENT_SWEEP, async (payload) => {
      await this.sweepOverdue(payload.now ? new Date(payload.now) : new Date());
    });
  }

  /** Imports the plan sheet; any bad row means nothing is written. Re-importing updates by code. */
  async importPlan(actor: Actor, frameworkId: string, year: number, content: Buffer): Promise<PlanImportReport> {
    AccessPolicy.enforce(AccessPolicy.canAdminister(actor, actor.regionPath));
    checkPeriod(year, 1, false);
    const sheet = await readSheet(content);
    const { columns, missing } = matchColumns(sheet.headers, COLUMNS as Record<Field, readonly string[]>);
    if (missing.length)
      return {
        ok: false,
        rows: sheet.rows.length,
        created: 0,
        updated: 0,
        errors: missing.map((f) => ({ row: 1, column: COLUMNS[f][0], reason: 'column is missing' })),
      };
    if (sheet.rows.length === 0) throw DomainException.field('file', 'the sheet has no data rows');
    return this.tx.run(async (m) => {
      const fw = await loadFramework(m, frameworkId);
      const codes = allCodes(fw.template);
      const units = new Map<string, string>(
        (
          await m.query(`SELECT u.code, u.id FROM unit u JOIN region r ON r.id = u.region_id WHERE r.path LIKE $1 || '%'`, [
            actor.regionPath,
          ])
        ).map((u: { code: string; id: string }) => [u.code, u.id]),
      );
      const errors: PlanImportReport['errors'] = [];
      const rows: PlanRow[] = [];
      const seen = new Map<string, number>();
      const titles = new Map<string, string>();
      for (const r of sheet.rows) {
        const cell = (f: Field) => (r.cells[columns[f]!] ?? '').trim();
        const err = (f: Field, reason: string) => errors.push({ row: r.row, column: columns[f]!, reason });
        for (const f of Object.keys(COLUMNS) as Field[]) if (!cell(f)) err(f, 'is required');
        const key = `${cell('taskCode')}/${cell('code')}`;
        if (seen.has(key)) err('code', `duplicates row ${seen.get(key)}`);
        else seen.set(key, r.row);
        const t = titles.get(cell('taskCode'));
        if (t !== undefined && t !== cell('taskTitle')) err('taskTitle', `differs from an earlier row of task ${cell('taskCode')}`);
        else titles.set(cell('taskCode'), cell('taskTitle'));
        const leadUnitId = units.get(cell('leadUnit'));
        if (cell('leadUnit') && !leadUnitId) err('leadUnit', `no unit ${cell('leadUnit')} in your region`);
        const deptCodes = cell('departments')
          .split(/[、,，;；\s]+/)
          .filter(Boolean);
        const unknown = deptCodes.filter((c) => !units.has(c));
        if (unknown.length) err('departments', `no unit ${unknown.join('、')} in your region`);
        const deadline = cell('deadline');
        if (deadline && (!DATE.test(deadline) || Number.isNaN(Date.parse(deadline))))
          err('deadline', `must be a date YYYY-MM-DD, got "${deadline}"`);
        else if (deadline && !deadline.startsWith(String(year))) err('deadline', `must fall in ${year}`);
        if (cell('indicator') && !codes.has(cell('indicator')))
          err('indicator', `no indicator ${cell('indicator')} in ${fw.code} ${fw.version}`);
        rows.push({
          taskCode: cell('taskCode'),
          taskTitle: cell('taskTitle'),
          code: cell('code'),
          title: cell('title'),
          leadUnitId: leadUnitId ?? '',
          departmentIds: [...new Set(deptCodes.map((c) => units.get(c) ?? ''))],
          deadline,
          indicatorCode: cell('indicator'),
        });
      }
      if (errors.length) return { ok: false, rows: rows.length, created: 0, updated: 0, errors };
      const { created, updated } = await writePlan(m, fw.id, actor.regionPath, year, rows);
      await this.audit.record(m, actor, {
        operation: 'importAssessmentPlan',
        targetType: 'AssessmentFramework',
        targetId: fw.id,
        after: { year, rows: rows.length, created, updated },
      });
      return { ok: true, rows: rows.length, created, updated, errors: [] };
    });
  }

  async measures(actor: Actor, args: { year: number; departmentId?: string; overdueOnly?: boolean; page?: number; pageSize?: number }) {
    const own = !AccessPolicy.canReadRegion(actor, actor.regionPath).allowed;
    const departmentId = own ? actor.unitId : (args.departmentId ?? null);
    const { skip, take } = pageWindow(args);
    const where = `t.year = $1 AND t.region_path LIKE $2 || '%' AND ($3::uuid IS NULL OR ms.lead_unit_id = $3 OR $3 = ANY (ms.department_ids)) AND (NOT $4 OR ms.overdue_at IS NOT NULL)`;
    const params = [args.year, own ? '/' : actor.regionPath, departmentId, args.overdueOnly ?? false];
    const items = await this.tx.manager.query(
      `SELECT ms.*, t.code AS task_code, t.title AS task_title, lu.name AS lead_unit_name,
         ARRAY(SELECT u.name FROM unnest(ms.department_ids) WITH ORDINALITY AS d(id, n) JOIN unit u ON u.id = d.id ORDER BY d.n) AS department_names
       FROM assessment_measure ms JOIN assessment_key_task t ON t.id = ms.key_task_id JOIN unit lu ON lu.id = ms.lead_unit_id
       WHERE ${where} ORDER BY t.code, ms.code OFFSET $5 LIMIT $6`,
      [...params, skip, take],
    );
    const [{ n }] = await this.tx.manager.query(
      `SELECT count(*)::int AS n FROM assessment_measure ms JOIN assessment_key_task t ON t.id = ms.key_task_id WHERE ${where}`,
      params,
    );
    return { items, total: n };
  }

  /** A department's officer reports a quarter's progress on a measure it leads or shares. */
  async reportProgress(actor: Actor, input: { measureId: string; year: number; quarter: number; status: string; text: string }) {
    checkPeriod(input.year, input.quarter, false);
    if (!(MEASURE_STATUSES as readonly string[]).includes(input.status))
      throw DomainException.field('status', `must be one of ${MEASURE_STATUSES.join(', ')}`);
    if (!input.text?.trim()) throw DomainException.field('text', 'describe the progress');
    if (input.text.length > 4000) throw DomainException.field('text', 'at most 4,000 characters');
    if (!actor.roles.includes(Role.DEPARTMENT_OFFICER)) AccessPolicy.enforce(AccessPolicy.canActForDepartment(actor, ''));
    return this.tx.run(async (m) => {
      const [ms] = await m
        .query(
          `SELECT ms.*, t.region_path FROM assessment_measure ms JOIN assessment_key_task t ON t.id = ms.key_task_id WHERE ms.id = $1 FOR UPDATE OF ms`,
          [input.measureId],
        )
        .catch(() => []);
      if (!ms) throw DomainException.notFound('Measure', input.measureId);
      if (ms.lead_unit_id !== actor.unitId && !ms.department_ids.includes(actor.unitId)) {
        AccessPolicy.enforce({
          allowed: false,
          rule: PolicyRule.OWN_DEPARTMENT,
          reason: 'that measure is not assigned to your department',
        });
      }
      await m.query(
        `INSERT INTO assessment_measure_progress (measure_id, department_id, year, quarter, status, text, reported_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (measure_id, department_id, year, quarter) DO UPDATE SET status = EXCLUDED.status, text = EXCLUDED.text, reported_by = EXCLUDED.reported_by, reported_at = now()`,
        [ms.id, actor.unitId, input.year, input.quarter, input.status, input.text.trim(), actor.userId],
      );
      // The lead unit's report sets the measure's status.
      if (ms.lead_unit_id === actor.unitId) {
        await m.query(
          `UPDATE assessment_measure SET status = $2, done_on = CASE WHEN $2 = 'DONE' THEN coalesce(done_on, $3::date) END, version = version + 1 WHERE id = $1`,
          [ms.id, input.status, shanghaiDate()],
        );
      }
      await this.audit.record(m, actor, {
        operation: 'reportMeasureProgress',
        targetType: 'AssessmentMeasure',
        targetId: ms.id,
        after: input,
      });
      await this.outbox.emit(
        m,
        'measure.progressed',
        { regionPath: ms.region_path, departmentId: actor.unitId },
        { measureId: ms.id, departmentId: actor.unitId, status: input.status },
      );
      const [row] = await m.query(
        `SELECT * FROM assessment_measure_progress WHERE measure_id = $1 AND department_id = $2 AND year = $3 AND quarter = $4`,
        [ms.id, actor.unitId, input.year, input.quarter],
      );
      return row;
    });
  }

  async progressOf(measureIds: readonly string[]) {
    if (!measureIds.length) return [];
    return this.tx.manager.query(`SELECT * FROM assessment_measure_progress WHERE measure_id = ANY ($1) ORDER BY year, quarter`, [
      measureIds,
    ]);
  }

  /** Measures past their deadline and not done become findings (once) for every department on them. */
  async sweepOverdue(now: Date): Promise<number> {
    const today = shanghaiDate(now);
    return this.tx.run(async (m) => {
      const due = await m.query(
        `UPDATE assessment_measure ms SET overdue_at = $2 FROM assessment_key_task t
         WHERE t.id = ms.key_task_id AND ms.deadline < $1::date AND ms.status <> 'DONE' AND ms.overdue_at IS NULL
         RETURNING ms.id, ms.code, ms.title, ms.deadline::text AS deadline, ms.lead_unit_id, ms.department_ids, ms.indicator_code, t.code AS task_code, t.region_path, t.year`,
        [today, now.toISOString()],
      );
      const rows = (Array.isArray(due[0]) ? due[0] : due) as {
        id: string;
        code: string;
        title: string;
        deadline: string;
        lead_unit_id: string;
        department_ids: string[];
        indicator_code: string;
        task_code: string;
        region_path: string;
        year: number;
      }[];
      const drafts = rows.flatMap((r) =>
        [...new Set([r.lead_unit_id, ...r.department_ids])].map((departmentId) => ({
          source: FindingSource.ASSESSMENT,
          departmentId,
          originType: 'AssessmentMeasure',
          originId: r.id,
          batchId: `assessment-${r.year}`,
          category: '法治政府建设目标任务',
          severity: FindingSeverity.GENERAL,
          description: `重点任务${r.task_code}措施${r.code}“${r.title}”逾期未完成（完成时限${r.deadline}）`,
          legalBasis: null,
          evidence: { deadline: r.deadline, indicatorCode: r.indicator_code },
          dedupKey: `assessment-measure:${r.id}:${departmentId}`,
        })),
      );
      await this.findings.record(m, drafts);
      for (const d of drafts) {
        const r = rows.find((x) => x.id === d.originId)!;
        await this.outbox.emit(
          m,
          'measure.overdue',
          { regionPath: r.region_path, departmentId: d.departmentId },
          { measureId: r.id, departmentId: d.departmentId, deadline: r.deadline },
        );
      }
      return rows.length;
    });
  }
}

/** Upserts key tasks and measures in two set-based statements. */
export async function writePlan(
  m: EntityManager,
  frameworkId: string,
  regionPath: string,
  year: number,
  rows: PlanRow[],
): Promise<{ created: number; updated: number }> {
  const tasks = [...new Map(rows.map((r) => [r.taskCode, r.taskTitle])).entries()];
  await m.query(
    `INSERT INTO assessment_key_task (framework_id, region_path, year, code, title) SELECT $1, $2, $3, c, t FROM unnest($4::text[], $5::text[]) AS x(c, t)
     ON CONFLICT (region_path, year, code) DO UPDATE SET title = EXCLUDED.title, framework_id = EXCLUDED.framework_id`,
    [frameworkId, regionPath, year, tasks.map((t) => t[0]), tasks.map((t) => t[1])],
  );
  const result = await m.query(
    `INSERT INTO assessment_measure (key_task_id, code, title, lead_unit_id, department_ids, deadline, indicator_code)
     SELECT t.id, x.code, x.title, x.lead, string_to_array(x.depts, ',')::uuid[], x.deadline::date, x.ind
     FROM unnest($4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[]) AS x(task, code, title, lead, depts, deadline, ind)
     JOIN assessment_key_task t ON t.region_path = $2 AND t.year = $3 AND t.code = x.task AND t.framework_id = $1
     ON CONFLICT (key_task_id, code) DO UPDATE SET title = EXCLUDED.title, lead_unit_id = EXCLUDED.lead_unit_id, department_ids = EXCLUDED.department_ids,
       deadline = EXCLUDED.deadline, indicator_code = EXCLUDED.indicator_code, version = assessment_measure.version + 1
     RETURNING (xmax = 0) AS inserted`,
    [
      frameworkId,
      regionPath,
      year,
      rows.map((r) => r.taskCode),
      rows.map((r) => r.code),
      rows.map((r) => r.title),
      rows.map((r) => r.leadUnitId),
      rows.map((r) => r.departmentIds.join(',')),
      rows.map((r) => r.deadline),
      rows.map((r) => r.indicatorCode),
    ],
  );
  const created = (result as { inserted: boolean }[]).filter((r) => r.inserted).length;
  return { created, updated: rows.length - created };
}
