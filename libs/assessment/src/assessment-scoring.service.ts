import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, shanghaiDate, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy, OrgService } from '@ducha/org';
import { OutboxService } from '@ducha/realtime';
import { evaluateFramework, validateFrameworkAnswers, type IndicatorAnswer, type IndicatorFramework } from '@ducha/scoring';
import type { EntityManager } from 'typeorm';
import { computeDataRates, computeReportedRates } from './data-indicators.js';
import { checkPeriod, leaves, loadFramework, periodOf, type DataKey } from './framework.js';

export interface ResultRow {
  department_id: string;
  department_name: string;
  department_code: string;
  year: number;
  quarter: number;
  score: string;
  grade: string;
  rank: number;
  detail: Record<string, unknown>;
  published_at: Date | null;
  computed_at: Date;
}

/** Scores: inspectors score SELF_REPORT indicators; DATA and RATE are computed; ranking and publishing. */
@Injectable()
export class AssessmentScoringService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly org: OrgService,
  ) {}

  /** An inspector (never of the department's own unit) scores one SELF_REPORT indicator for a period. */
  async scoreSelfReport(
    actor: Actor,
    input: {
      frameworkId: string;
      departmentId: string;
      year: number;
      quarter: number;
      indicatorCode: string;
      score: number;
      note?: string;
    },
  ) {
    checkPeriod(input.year, input.quarter, true);
    const placement = await this.org.placement(input.departmentId).catch(() => undefined);
    if (!placement) throw DomainException.field('departmentId', 'no such department');
    AccessPolicy.enforce(AccessPolicy.canInspect(actor, placement));
    return this.tx.run(async (m) => {
      const fw = await loadFramework(m, input.frameworkId);
      const indicator = leaves(fw.template).find((i) => i.code === input.indicatorCode);
      if (!indicator) throw DomainException.field('indicatorCode', `no level-3 indicator ${input.indicatorCode} in ${fw.code}`);
      if (indicator.method !== 'SELF_REPORT')
        throw DomainException.field('indicatorCode', `${input.indicatorCode} is ${indicator.method}, computed rather than scored`);
      const issues = validateFrameworkAnswers(fw.template, { [input.indicatorCode]: { score: input.score, note: input.note } });
      if (issues.length)
        throw DomainException.badInput(
          `score: ${issues[0].reason}`,
          issues.map((i) => ({ field: i.field || 'score', reason: i.reason })),
        );
      await this.refuseIfPublished(m, fw.id, input.year, input.quarter, placement.regionPath);
      await m.query(
        `INSERT INTO assessment_self_score (framework_id, department_id, year, quarter, indicator_code, score, note, scored_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (framework_id, department_id, year, quarter, indicator_code) DO UPDATE SET score = EXCLUDED.score, note = EXCLUDED.note, scored_by = EXCLUDED.scored_by, scored_at = now()`,
        [fw.id, input.departmentId, input.year, input.quarter, input.indicatorCode, input.score, input.note ?? null, actor.userId],
      );
      await this.audit.record(m, actor, {
        operation: 'scoreSelfReportIndicator',
        targetType: 'AssessmentSelfScore',
        targetId: `${fw.id}:${input.departmentId}:${input.indicatorCode}`,
        after: input,
      });
      return { ...input, score: input.score };
    });
  }

  /** The SELF_REPORT scores given to one department for exactly that period (office staff of its region). */
  async selfScores(actor: Actor, input: { frameworkId: string; departmentId: string; year: number; quarter: number }) {
    checkPeriod(input.year, input.quarter, true);
    const placement = await this.org.placement(input.departmentId).catch(() => undefined);
    if (!placement || !AccessPolicy.canReadResults(actor, placement, false).allowed)
      throw DomainException.notFound('Department', input.departmentId);
    return this.tx.manager.query(
      `SELECT * FROM assessment_self_score WHERE framework_id = $1 AND department_id = $2 AND year = $3 AND quarter = $4 ORDER BY indicator_code`,
      [input.frameworkId, input.departmentId, input.year, input.quarter],
    );
  }

  /** Computes every department's score for the quarter (the year so far) or the year (quarter 0), and ranks them. */
  async computeScores(
    actor: Actor,
    input: { frameworkId: string; year: number; quarter: number },
    asOf = new Date(),
  ): Promise<ResultRow[]> {
    this.requireOffice(actor);
    checkPeriod(input.year, input.quarter, true);
    await this.tx.run(async (m) => {
      const fw = await loadFramework(m, input.frameworkId);
      await this.refuseIfPublished(m, fw.id, input.year, input.quarter, actor.regionPath);
      const departments: { id: string; path: string }[] = await m.query(
        `SELECT u.id, r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE r.path LIKE $1 || '%' AND u.is_enforcement_body ORDER BY u.code`,
        [actor.regionPath],
      );
      const ids = departments.map((d) => d.id);
      const { from, to } = periodOf(input.year, input.quarter);
      const today = shanghaiDate(asOf);
      const data = await computeDataRates(m, ids, from, to, today < to ? today : to);
      const rates = await computeReportedRates(m, fw.id, ids, input.year, input.quarter);
      const selfScores = await m.query(
        `SELECT DISTINCT ON (department_id, indicator_code) department_id, indicator_code, score::float AS score, note FROM assessment_self_score
         WHERE framework_id = $1 AND department_id = ANY ($2) AND year = $3 AND (quarter <= $4 OR quarter = 0)
         ORDER BY department_id, indicator_code, CASE quarter WHEN 0 THEN 5 ELSE quarter END DESC`,
        [fw.id, ids, input.year, input.quarter === 0 ? 4 : input.quarter],
      );
      const notApplicable = await m.query(
        `SELECT department_id, indicator_code, reason FROM assessment_not_applicable WHERE framework_id = $1`,
        [fw.id],
      );
      const evaluations = departments.map((d) => {
        const answers: Record<string, IndicatorAnswer> = {};
        for (const s of selfScores.filter((s: { department_id: string }) => s.department_id === d.id))
          answers[s.indicator_code] = { score: s.score, ...(s.note ? { note: s.note } : {}) };
        for (const leaf of leaves(fw.template)) {
          if (leaf.method?.startsWith('DATA:')) {
            const rate = data.get(d.id)?.[leaf.method.slice(5) as DataKey] ?? null;
            answers[leaf.code] = rate === null ? { notApplicable: true, note: '暂无数据' } : { rate };
          } else if (leaf.method?.startsWith('RATE:')) {
            const r = rates.get(d.id)?.get(leaf.method.slice(5));
            if (r && r.denominator > 0) answers[leaf.code] = { rate: r.numerator / r.denominator, note: `${r.numerator}/${r.denominator}` };
            else if (r) answers[leaf.code] = { notApplicable: true, note: '本期无统计对象' };
          }
        }
        for (const na of notApplicable.filter((n: { department_id: string }) => n.department_id === d.id))
          answers[na.indicator_code] = { notApplicable: true, note: na.reason };
        return { department: d, evaluation: evaluateFramework(fw.template, answers) };
      });
      // Only this office's region is recomputed: a sibling district's results are not its to replace.
      await m.query(`DELETE FROM assessment_result WHERE framework_id = $1 AND year = $2 AND quarter = $3 AND region_path LIKE $4 || '%'`, [
        fw.id,
        input.year,
        input.quarter,
        actor.regionPath,
      ]);
      await m.query(
        `INSERT INTO assessment_result (framework_id, department_id, region_path, year, quarter, score, grade, rank, detail)
         SELECT $1, x.d, x.p, $2, $3, x.s, x.g, rank() OVER (ORDER BY x.s DESC), x.detail
         FROM unnest($4::uuid[], $5::text[], $6::numeric[], $7::text[], $8::jsonb[]) AS x(d, p, s, g, detail)`,
        [
          fw.id,
          input.year,
          input.quarter,
          evaluations.map((e) => e.department.id),
          evaluations.map((e) => e.department.path),
          evaluations.map((e) => e.evaluation.total),
          evaluations.map((e) => e.evaluation.grade),
          evaluations.map((e) => JSON.stringify(summarise(fw.template, e.evaluation))),
        ],
      );
      await this.audit.record(m, actor, {
        operation: 'computeAssessmentScores',
        targetType: 'AssessmentFramework',
        targetId: fw.id,
        after: { year: input.year, quarter: input.quarter, departments: ids.length },
      });
      for (const e of evaluations) {
        await this.outbox.emit(
          m,
          'assessment.scored',
          { regionPath: e.department.path, departmentId: e.department.id },
          { departmentId: e.department.id, year: input.year, quarter: input.quarter || null, score: e.evaluation.total },
        );
      }
    });
    return this.results(actor, input);
  }

  async publish(actor: Actor, input: { frameworkId: string; year: number; quarter: number }): Promise<ResultRow[]> {
    this.requireOffice(actor);
    checkPeriod(input.year, input.quarter, true);
    await this.tx.run(async (m) => {
      const rows = await m.query(
        `SELECT published_at FROM assessment_result WHERE framework_id = $1 AND year = $2 AND quarter = $3 AND region_path LIKE $4 || '%' FOR UPDATE`,
        [input.frameworkId, input.year, input.quarter, actor.regionPath],
      );
      if (!rows.length) throw DomainException.conflict('compute the scores before publishing them');
      if (rows[0].published_at) throw DomainException.conflict('these scores are already published');
      await m.query(
        `UPDATE assessment_result SET published_at = now() WHERE framework_id = $1 AND year = $2 AND quarter = $3 AND region_path LIKE $4 || '%'`,
        [input.frameworkId, input.year, input.quarter, actor.regionPath],
      );
      await this.audit.record(m, actor, {
        operation: 'publishAssessmentScores',
        targetType: 'AssessmentFramework',
        targetId: input.frameworkId,
        after: input,
      });
      await this.outbox.emit(
        m,
        'assessment.published',
        { regionPath: actor.regionPath, departmentId: null },
        { year: input.year, quarter: input.quarter || null },
      );
    });
    return this.results(actor, input);
  }

  /** Office staff see every department's result; a department sees its own once published. */
  async results(actor: Actor, input: { frameworkId: string; year: number; quarter: number }): Promise<ResultRow[]> {
    checkPeriod(input.year, input.quarter, true);
    const office = AccessPolicy.canReadRegion(actor, actor.regionPath).allowed;
    return this.tx.manager.query(
      `SELECT a.department_id, u.name AS department_name, u.code AS department_code, a.year, a.quarter, a.score::text AS score, a.grade, a.rank, a.detail, a.published_at, a.computed_at
       FROM assessment_result a JOIN unit u ON u.id = a.department_id
       WHERE a.framework_id = $1 AND a.year = $2 AND a.quarter = $3 AND a.region_path LIKE $4 || '%' AND ($5 OR (a.department_id = $6 AND a.published_at IS NOT NULL))
       ORDER BY a.rank, u.code LIMIT 200`,
      [input.frameworkId, input.year, input.quarter, office ? actor.regionPath : '/', office, actor.unitId],
    );
  }

  private requireOffice(actor: Actor): void {
    if (!actor.roles.includes(Role.INSPECTOR) && !actor.roles.includes(Role.ADMIN)) {
      throw DomainException.forbidden(
        actor.roles.includes(Role.LEADER) ? 'Forbidden: leaders watch and never edit' : 'Forbidden: inspectors and administrators only',
      );
    }
  }

  /** Published scores anywhere in the region (or above the department) freeze the period there. */
  private async refuseIfPublished(m: EntityManager, frameworkId: string, year: number, quarter: number, regionPath: string): Promise<void> {
    const [row] = await m.query(
      `SELECT 1 FROM assessment_result WHERE framework_id = $1 AND year = $2 AND quarter = $3 AND published_at IS NOT NULL
         AND region_path LIKE $4 || '%' LIMIT 1`,
      [frameworkId, year, quarter, regionPath],
    );
    if (row)
      throw DomainException.conflict(`the ${quarter ? `Q${quarter} ` : 'annual '}${year} scores are published and can no longer change`);
  }
}

/** What a result row keeps: totals, level-1 subtotals and every level-3 indicator's rate, score and note. */
function summarise(framework: IndicatorFramework, e: ReturnType<typeof evaluateFramework>) {
  return {
    total: e.total,
    grade: e.grade,
    gradeLabel: e.gradeLabel,
    applicableWeight: e.applicableWeight,
    unanswered: e.unanswered,
    level1: e.level1.map((l) => ({ code: l.code, title: l.title, weight: l.weight, earned: l.earned, scaled: l.scaled })),
    indicators: e.indicators
      .filter((i) => i.level === 3)
      .map((i) => ({
        code: i.code,
        method: i.method,
        weight: i.weight,
        applicable: i.applicable,
        answered: i.answered,
        earned: i.earned,
        rate: i.rate ?? null,
        note: i.note ?? null,
      })),
    framework: { code: framework.code, version: framework.version },
  };
}
