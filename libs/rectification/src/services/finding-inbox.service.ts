import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@ducha/audit';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import type { FindingSeverity, FindingSource } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy, OrgService } from '@ducha/org';
import type { EntityManager } from 'typeorm';
import { FindingEntity } from '../finding.entity.js';
import { FindingService } from '../finding.service.js';
import { RectificationSettingsService } from './rectification-settings.service.js';

export interface FindingFilter {
  unissuedOnly?: boolean;
  departmentId?: string;
  source?: FindingSource;
  severity?: FindingSeverity;
  batchId?: string;
  rootCause?: string;
  page?: number;
  pageSize?: number;
}

export interface CreateFindingData {
  source: FindingSource;
  departmentId: string;
  originRef?: string;
  category: string;
  severity: FindingSeverity;
  description: string;
  legalBasis?: string;
  evidence?: unknown;
  rootCause?: string;
}

/** Hand-entered findings and the office's inbox of findings not yet issued. */
@Injectable()
export class FindingInboxService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly findings: FindingService,
    private readonly org: OrgService,
    private readonly settings: RectificationSettingsService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateFindingData): Promise<FindingEntity> {
    return this.tx.run(async (m) => {
      const department = await this.org.placement(input.departmentId, m).catch(() => {
        throw DomainException.field('departmentId', 'no such unit');
      });
      AccessPolicy.enforce(AccessPolicy.canInspect(actor, department));
      if (input.rootCause) await this.settings.requireRootCause(m, input.rootCause, 'rootCause');
      const id = randomUUID();
      await this.findings.record(
        m,
        [
          {
            source: input.source,
            departmentId: input.departmentId,
            originType: 'Manual',
            originId: input.originRef ?? id,
            batchId: null,
            category: input.category,
            severity: input.severity,
            description: input.description,
            legalBasis: input.legalBasis ?? null,
            evidence: input.evidence ?? null,
            dedupKey: `manual:${id}`,
          },
        ],
        actor.userId,
      );
      const finding = await m.findOneByOrFail(FindingEntity, { dedupKey: `manual:${id}` });
      if (input.rootCause) {
        finding.rootCause = input.rootCause;
        await m.update(FindingEntity, { id: finding.id }, { rootCause: input.rootCause });
      }
      await this.audit.record(m, actor, { operation: 'createFinding', targetType: 'Finding', targetId: finding.id, after: finding });
      return finding;
    });
  }

  /** Root causes can be set on any finding (those from reviews arrive without one). */
  async setRootCause(actor: Actor, findingId: string, rootCause: string): Promise<FindingEntity> {
    return this.tx.run(async (m) => {
      const finding = await m.findOne(FindingEntity, { where: { id: findingId }, lock: { mode: 'pessimistic_write' } });
      if (!finding) throw DomainException.notFound('Finding', findingId);
      AccessPolicy.enforce(AccessPolicy.canInspect(actor, await this.org.placement(finding.departmentId, m)));
      await this.settings.requireRootCause(m, rootCause, 'rootCause');
      const before = { ...finding };
      finding.rootCause = rootCause;
      await m.update(FindingEntity, { id: finding.id }, { rootCause });
      await this.audit.record(m, actor, {
        operation: 'setFindingRootCause',
        targetType: 'Finding',
        targetId: finding.id,
        before,
        after: finding,
      });
      return finding;
    });
  }

  /** Office staff see their region's findings; a department officer sees only their own department's. */
  async list(actor: Actor, filter: FindingFilter): Promise<{ items: FindingEntity[]; total: number }> {
    const { skip, take } = pageWindow(filter);
    const q = this.tx.manager
      .createQueryBuilder(FindingEntity, 'f')
      .innerJoin('unit', 'u', 'u.id = f.department_id')
      .innerJoin('region', 'r', 'r.id = u.region_id');
    if (AccessPolicy.canReadRegion(actor, actor.regionPath).allowed) q.where('r.path LIKE :prefix', { prefix: `${actor.regionPath}%` });
    else q.where('f.department_id = :own', { own: actor.unitId });
    if (filter.unissuedOnly !== false) q.andWhere('f.task_id IS NULL');
    if (filter.departmentId) q.andWhere('f.department_id = :d', { d: filter.departmentId });
    if (filter.source) q.andWhere('f.source = :s', { s: filter.source });
    if (filter.severity) q.andWhere('f.severity = :sev', { sev: filter.severity });
    if (filter.batchId) q.andWhere('f.batch_id = :b', { b: filter.batchId });
    if (filter.rootCause) q.andWhere('f.root_cause = :rc', { rc: filter.rootCause });
    const [items, total] = await q.orderBy('f.created_at', 'DESC').addOrderBy('f.id').skip(skip).take(take).getManyAndCount();
    return { items, total };
  }

  /** Names of the given units in one query (for mapping lists without N+1). */
  async unitNames(ids: readonly string[], m: EntityManager = this.tx.manager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await m.query(`SELECT id, name FROM unit WHERE id = ANY($1)`, [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
