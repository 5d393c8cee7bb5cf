import { Injectable } from '@nestjs/common';
import { AuditService } from '@ducha/audit';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy, OrgService } from '@ducha/org';
import { allCodes, canonical, checkFramework, loadFramework, type FrameworkRow } from './framework.js';

/** Indicator frameworks as data: validated by the scoring engine, versioned, immutable once scored. */
@Injectable()
export class FrameworkService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly org: OrgService,
  ) {}

  /**
   * Imports one version. The same code and version again is accepted when identical (idempotent);
   * with other content it replaces the stored one only while nothing has been scored against it.
   */
  async importFramework(actor: Actor, json: unknown): Promise<FrameworkRow> {
    AccessPolicy.enforce(AccessPolicy.canAdminister(actor, actor.regionPath));
    const framework = checkFramework(json);
    return this.tx.run(async (m) => {
      const [existing] = (await m.query(`SELECT * FROM assessment_framework WHERE code = $1 AND version = $2 FOR UPDATE`, [
        framework.code,
        framework.version,
      ])) as FrameworkRow[];
      if (existing) {
        if (canonical(existing.template) === canonical(framework)) return existing;
        const [{ used }] = await m.query(
          `SELECT EXISTS (SELECT 1 FROM assessment_self_score WHERE framework_id = $1) OR EXISTS (SELECT 1 FROM assessment_result WHERE framework_id = $1) OR EXISTS (SELECT 1 FROM assessment_statistic WHERE framework_id = $1) AS used`,
          [existing.id],
        );
        if (used)
          throw DomainException.conflict(
            `Framework ${framework.code} version ${framework.version} has been scored and cannot change; import it as a new version`,
          );
        await m.query(`UPDATE assessment_framework SET name = $2, template = $3 WHERE id = $1`, [
          existing.id,
          framework.name,
          JSON.stringify(framework),
        ]);
        await this.audit.record(m, actor, {
          operation: 'replaceAssessmentFramework',
          targetType: 'AssessmentFramework',
          targetId: existing.id,
          after: { code: framework.code, version: framework.version },
        });
        return loadFramework(m, existing.id);
      }
      const [row] = (await m.query(
        `INSERT INTO assessment_framework (code, version, name, template, region_path, imported_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [framework.code, framework.version, framework.name, JSON.stringify(framework), actor.regionPath, actor.userId],
      )) as FrameworkRow[];
      await this.audit.record(m, actor, {
        operation: 'importAssessmentFramework',
        targetType: 'AssessmentFramework',
        targetId: row.id,
        after: { code: row.code, version: row.version },
      });
      return row;
    });
  }

  async list(actor: Actor, args: { page?: number; pageSize?: number }): Promise<{ items: FrameworkRow[]; total: number }> {
    const { skip, take } = pageWindow(args);
    const items = (await this.tx.manager.query(
      `SELECT * FROM assessment_framework WHERE $1 LIKE region_path || '%' OR region_path LIKE $1 || '%' ORDER BY code, created_at DESC OFFSET $2 LIMIT $3`,
      [actor.regionPath, skip, take],
    )) as FrameworkRow[];
    const [{ n }] = await this.tx.manager.query(
      `SELECT count(*)::int AS n FROM assessment_framework WHERE $1 LIKE region_path || '%' OR region_path LIKE $1 || '%'`,
      [actor.regionPath],
    );
    return { items, total: n };
  }

  async get(actor: Actor, id: string): Promise<FrameworkRow> {
    const row = await loadFramework(this.tx.manager, id);
    if (!actor.regionPath.startsWith(row.region_path) && !row.region_path.startsWith(actor.regionPath))
      throw DomainException.notFound('Framework', id);
    return row;
  }

  /** Marks (or with `notApplicable: false` clears) an indicator as not applying to one department. */
  async setNotApplicable(
    actor: Actor,
    input: { frameworkId: string; departmentId: string; indicatorCode: string; notApplicable: boolean; reason?: string },
  ): Promise<string[]> {
    const placement = await this.org.placement(input.departmentId).catch(() => undefined);
    if (!placement) throw DomainException.field('departmentId', 'no such department');
    AccessPolicy.enforce(AccessPolicy.canInspect(actor, placement));
    return this.tx.run(async (m) => {
      const fw = await loadFramework(m, input.frameworkId);
      if (!allCodes(fw.template).has(input.indicatorCode))
        throw DomainException.field('indicatorCode', `no indicator ${input.indicatorCode} in ${fw.code}`);
      if (input.notApplicable) {
        if (!input.reason?.trim()) throw DomainException.field('reason', 'say why the indicator does not apply');
        await m.query(
          `INSERT INTO assessment_not_applicable (framework_id, department_id, indicator_code, reason) VALUES ($1, $2, $3, $4)
           ON CONFLICT (framework_id, department_id, indicator_code) DO UPDATE SET reason = EXCLUDED.reason`,
          [fw.id, input.departmentId, input.indicatorCode, input.reason.trim()],
        );
      } else {
        await m.query(`DELETE FROM assessment_not_applicable WHERE framework_id = $1 AND department_id = $2 AND indicator_code = $3`, [
          fw.id,
          input.departmentId,
          input.indicatorCode,
        ]);
      }
      await this.audit.record(m, actor, {
        operation: 'setIndicatorNotApplicable',
        targetType: 'AssessmentFramework',
        targetId: fw.id,
        after: input,
      });
      const rows = await m.query(
        `SELECT indicator_code FROM assessment_not_applicable WHERE framework_id = $1 AND department_id = $2 ORDER BY 1`,
        [fw.id, input.departmentId],
      );
      return rows.map((r: { indicator_code: string }) => r.indicator_code);
    });
  }
}
