import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '@ducha/audit';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { isChecklistTemplate, validateTemplate, type RubricTemplate } from '@ducha/scoring';
import { Repository, type EntityManager } from 'typeorm';
import { RubricEntity } from './entities/rubric.entity.js';

/** Rubrics as data: imported, versioned, frozen once a score sheet uses a version. */
@Injectable()
export class RubricService {
  constructor(
    @InjectRepository(RubricEntity) private readonly rubrics: Repository<RubricEntity>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** Validates with the scoring engine; re-importing the same version is a no-op, changing a used one a CONFLICT. */
  async import(actor: Actor, json: unknown): Promise<RubricEntity> {
    AccessPolicy.enforce(AccessPolicy.canAdminister(actor, actor.regionPath));
    const template = parseRubric(json);
    return this.tx.run((m) => this.importIn(m, actor, template));
  }

  async importIn(m: EntityManager, actor: Pick<Actor, 'userId' | 'unitId'> | null, template: RubricTemplate): Promise<RubricEntity> {
    const existing = await m.findOneBy(RubricEntity, { code: template.code, version: template.version });
    if (existing && canonical(existing.template) === canonical(template)) return existing;
    const values = {
      name: template.name,
      formula: template.formula,
      caseTypes: [...template.caseTypes],
      template,
      importedBy: actor?.userId ?? null,
    };
    if (existing) {
      const [{ used }] = await m.query(`SELECT EXISTS (SELECT 1 FROM score_sheet WHERE rubric_id = $1) AS used`, [existing.id]);
      if (used)
        throw DomainException.conflict(
          `Rubric ${template.code} version ${template.version} is used by score sheets and cannot change: import it as a new version`,
        );
      await m.update(RubricEntity, { id: existing.id }, { ...values, updatedAt: new Date() });
    } else {
      await m.insert(RubricEntity, { code: template.code, version: template.version, ...values });
    }
    const saved = await m.findOneByOrFail(RubricEntity, { code: template.code, version: template.version });
    await this.audit.record(m, actor, {
      operation: existing ? 'replaceRubric' : 'importRubric',
      targetType: 'Rubric',
      targetId: saved.id,
      after: { code: saved.code, version: saved.version, name: saved.name },
    });
    return saved;
  }

  async list(filter: {
    code?: string;
    caseType?: string;
    page?: number;
    pageSize?: number;
  }): Promise<{ items: RubricEntity[]; total: number }> {
    const { skip, take } = pageWindow(filter);
    const q = this.rubrics.createQueryBuilder('r');
    if (filter.code) q.andWhere('r.code = :code', { code: filter.code });
    if (filter.caseType) q.andWhere(':t = ANY(r.case_types)', { t: filter.caseType });
    const [items, total] = await q.orderBy('r.code').addOrderBy('r.created_at', 'DESC').skip(skip).take(take).getManyAndCount();
    return { items, total };
  }

  async find(code: string, version: string, manager: EntityManager = this.tx.manager): Promise<RubricEntity> {
    const rubric = await manager.findOneBy(RubricEntity, { code, version });
    if (!rubric) throw DomainException.notFound('Rubric', `${code} v${version}`);
    return rubric;
  }

  async used(rubricId: string): Promise<boolean> {
    const [{ used }] = await this.tx.manager.query(`SELECT EXISTS (SELECT 1 FROM score_sheet WHERE rubric_id = $1) AS used`, [rubricId]);
    return used;
  }
}

export function parseRubric(json: unknown): RubricTemplate {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      throw DomainException.field('template', 'is not valid JSON');
    }
  }
  const result = validateTemplate(value);
  if (!result.ok) {
    throw DomainException.badInput(
      `template: ${result.errors
        .slice(0, 3)
        .map((e) => `${e.path || 'template'}: ${e.reason}`)
        .join('; ')}`,
      result.errors.map((e) => ({ field: `template.${e.path}`, reason: e.reason })),
    );
  }
  if (isChecklistTemplate(result.template)) throw DomainException.field('template', 'is a checklist, not a case-file rubric');
  return result.template;
}

/** JSON with sorted keys: jsonb does not keep key order, so compare documents this way. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
