import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { OutboxService } from '@ducha/realtime';
import type { EntityManager } from 'typeorm';
import { checkPeriod, loadFramework, rateKeys } from './framework.js';

export interface StatisticItem {
  key: string;
  numerator: number;
  denominator: number;
}
export interface StatisticsInput {
  frameworkId: string;
  year: number;
  quarter: number;
  items: StatisticItem[];
}

/** Quarterly numerators and denominators of the RATE indicators: one submission, corrections keep history. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async submit(actor: Actor, input: StatisticsInput) {
    return this.write(actor, input, null);
  }

  /** Replaces the figures it names for the quarter (the others stay); the earlier ones stay as history. */
  async correct(actor: Actor, input: StatisticsInput & { reason: string }) {
    if (!input.reason?.trim()) throw DomainException.field('reason', 'say why the figures are corrected');
    return this.write(actor, input, input.reason.trim());
  }

  private async write(actor: Actor, input: StatisticsInput, reason: string | null) {
    AccessPolicy.enforce(AccessPolicy.canActForDepartment(actor, actor.unitId));
    checkPeriod(input.year, input.quarter, false);
    const departmentId = actor.unitId;
    return this.tx.run(async (m) => {
      const fw = await loadFramework(m, input.frameworkId);
      checkItems(input.items, rateKeys(fw.template));
      // Serialise submissions of one department's quarter.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
        `assessment-stat:${fw.id}:${departmentId}:${input.year}:${input.quarter}`,
      ]);
      const current = await m.query(
        `SELECT key, revision FROM assessment_statistic WHERE framework_id = $1 AND department_id = $2 AND year = $3 AND quarter = $4 AND current`,
        [fw.id, departmentId, input.year, input.quarter],
      );
      if (reason === null && current.length)
        throw DomainException.conflict(
          `Q${input.quarter} ${input.year} figures were already submitted; correct them with a reason instead`,
        );
      if (reason !== null && !current.length)
        throw DomainException.conflict(`nothing submitted for Q${input.quarter} ${input.year} yet; submit first`);
      const revision = current.length ? Math.max(...current.map((c: { revision: number }) => c.revision)) + 1 : 1;
      // A correction supersedes the figures it names; the others stay current as they are.
      await m.query(
        `UPDATE assessment_statistic SET current = false
          WHERE framework_id = $1 AND department_id = $2 AND year = $3 AND quarter = $4 AND current AND key = ANY ($5)`,
        [fw.id, departmentId, input.year, input.quarter, input.items.map((i) => i.key)],
      );
      await insertStatistics(m, fw.id, departmentId, input.year, input.quarter, input.items, revision, reason, actor.userId);
      await this.audit.record(m, actor, {
        operation: reason ? 'correctAssessmentStatistics' : 'submitAssessmentStatistics',
        targetType: 'AssessmentStatistics',
        targetId: `${fw.id}:${departmentId}:${input.year}Q${input.quarter}`,
        after: { ...input, revision, reason },
      });
      await this.outbox.emit(
        m,
        'assessment.reported',
        { regionPath: actor.regionPath, departmentId },
        { departmentId, year: input.year, quarter: input.quarter },
      );
      return this.rows(m, fw.id, departmentId, input.year, input.quarter, false);
    });
  }

  async list(actor: Actor, args: { frameworkId: string; departmentId?: string; year: number; quarter?: number; withHistory?: boolean }) {
    const departmentId = args.departmentId ?? actor.unitId;
    if (departmentId !== actor.unitId || !AccessPolicy.canActForDepartment(actor, departmentId).allowed) {
      const [u] = await this.tx.manager
        .query(`SELECT r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.id = $1`, [departmentId])
        .catch(() => []);
      if (!u || !AccessPolicy.canRead(actor, { unitId: departmentId, regionPath: u.path }).allowed)
        throw DomainException.notFound('Department', departmentId);
    }
    return this.rows(this.tx.manager, args.frameworkId, departmentId, args.year, args.quarter ?? null, args.withHistory ?? false);
  }

  private rows(m: EntityManager, frameworkId: string, departmentId: string, year: number, quarter: number | null, withHistory: boolean) {
    return m.query(
      `SELECT * FROM assessment_statistic WHERE framework_id = $1 AND department_id = $2 AND year = $3 AND ($4::int IS NULL OR quarter = $4) AND ($5 OR current)
       ORDER BY quarter, key, revision DESC LIMIT 200`,
      [frameworkId, departmentId, year, quarter, withHistory],
    );
  }
}

export function checkItems(items: StatisticItem[], keys: string[]): void {
  if (!items?.length) throw DomainException.field('items', 'give at least one figure');
  const seen = new Set<string>();
  const issues: { field: string; reason: string }[] = [];
  items.forEach((it, i) => {
    if (!keys.includes(it.key)) issues.push({ field: `items[${i}].key`, reason: `unknown rate ${it.key}; rates are ${keys.join(', ')}` });
    if (seen.has(it.key)) issues.push({ field: `items[${i}].key`, reason: `${it.key} appears twice` });
    seen.add(it.key);
    for (const f of ['numerator', 'denominator'] as const) {
      if (!Number.isInteger(it[f]) || it[f] < 0) issues.push({ field: `items[${i}].${f}`, reason: 'must be a non-negative whole number' });
    }
    if (it.numerator > it.denominator)
      issues.push({ field: `items[${i}].numerator`, reason: `${it.numerator} is above the denominator ${it.denominator}` });
  });
  if (issues.length) throw DomainException.badInput(`${issues[0].field}: ${issues[0].reason}`, issues);
}

export async function insertStatistics(
  m: EntityManager,
  frameworkId: string,
  departmentId: string,
  year: number,
  quarter: number,
  items: StatisticItem[],
  revision: number,
  reason: string | null,
  userId: string,
): Promise<void> {
  await m.query(
    `INSERT INTO assessment_statistic (framework_id, department_id, year, quarter, key, numerator, denominator, revision, reason, submitted_by)
     SELECT $1, $2, $3, $4, k, n, d, $8, $9, $10 FROM unnest($5::text[], $6::int[], $7::int[]) AS x(k, n, d)`,
    [
      frameworkId,
      departmentId,
      year,
      quarter,
      items.map((i) => i.key),
      items.map((i) => i.numerator),
      items.map((i) => i.denominator),
      revision,
      reason,
      userId,
    ],
  );
}
