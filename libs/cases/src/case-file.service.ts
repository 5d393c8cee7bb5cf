import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { AccessPolicy } from '@ducha/org';
import { In, Repository, type EntityManager } from 'typeorm';
import { CaseFileEntity } from './case-file.entity.js';
import type { CaseType, OnSiteCoercion } from './case-file.types.js';

export interface CaseFileFilter {
  departmentId?: string;
  caseType?: CaseType;
  /** Closed on or after / on or before (YYYY-MM-DD). */
  closedFrom?: string;
  closedTo?: string;
  major?: boolean;
  hearingHeld?: boolean;
  onSiteCoercion?: boolean;
  avFiled?: boolean;
  search?: string;
  page?: number;
  pageSize?: number;
}

/** One eligible file for a draw: what stratification needs, nothing more. */
export interface DrawCandidate {
  id: string;
  departmentId: string;
  caseType: CaseType;
}

/** Read access to case files for people (scoped) and for other libs (reviews, screening). */
@Injectable()
export class CaseFileService {
  constructor(
    @InjectRepository(CaseFileEntity) private readonly files: Repository<CaseFileEntity>,
    private readonly tx: TransactionRunner,
  ) {}

  async list(actor: Actor, filter: CaseFileFilter): Promise<{ items: CaseFileEntity[]; total: number }> {
    const { skip, take } = pageWindow(filter);
    const q = this.files.createQueryBuilder('c');
    if (AccessPolicy.canReadRegion(actor, actor.regionPath).allowed) {
      q.innerJoin('unit', 'u', 'u.id = c.department_id')
        .innerJoin('region', 'r', 'r.id = u.region_id')
        .where('r.path LIKE :prefix', { prefix: `${actor.regionPath}%` });
    } else if (actor.roles.includes(Role.DEPARTMENT_OFFICER)) {
      q.where('c.department_id = :own', { own: actor.unitId });
    } else throw DomainException.forbidden();
    if (filter.departmentId) q.andWhere('c.department_id = :dept', { dept: filter.departmentId });
    if (filter.caseType) q.andWhere('c.case_type = :type', { type: filter.caseType });
    if (filter.closedFrom) q.andWhere('c.closed_date >= :from', { from: filter.closedFrom });
    if (filter.closedTo) q.andWhere('c.closed_date <= :to', { to: filter.closedTo });
    for (const flag of ['major', 'hearingHeld', 'avFiled'] as const) {
      if (filter[flag] !== undefined) q.andWhere(`c.${snake(flag)} = :${flag}`, { [flag]: filter[flag] });
    }
    if (filter.onSiteCoercion !== undefined)
      q.andWhere(filter.onSiteCoercion ? 'c.on_site_coercion IS NOT NULL' : 'c.on_site_coercion IS NULL');
    if (filter.search)
      q.andWhere('(c.file_no ILIKE :s OR c.party_name ILIKE :s OR c.cause ILIKE :s)', {
        s: `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    const [items, total] = await q.orderBy('c.closed_date', 'DESC').addOrderBy('c.file_no').skip(skip).take(take).getManyAndCount();
    return { items, total };
  }

  async findOne(actor: Actor, id: string): Promise<CaseFileEntity> {
    if (!UUID.test(id)) throw DomainException.notFound('CaseFile', id);
    const file = await this.files.findOneBy({ id });
    if (!file) throw DomainException.notFound('CaseFile', id);
    const [{ path }] = await this.tx.manager.query(`SELECT r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.id = $1`, [
      file.departmentId,
    ]);
    if (!AccessPolicy.canRead(actor, { unitId: file.departmentId, regionPath: path }).allowed)
      throw DomainException.notFound('CaseFile', id);
    return file;
  }

  /** Files by id, for other libs inside their transaction (no access check: the caller checked). */
  byIds(ids: readonly string[], manager: EntityManager = this.tx.manager): Promise<CaseFileEntity[]> {
    return ids.length ? manager.findBy(CaseFileEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * Files closed in [from, to] of the given departments and case types, in a stable order
   * (department, closing date, case type, id: the draw index's order, so no sort), so a seeded draw over
   * them is reproducible; grouped by case type, each type keeps (closing date, id) order.
   */
  async drawCandidates(
    manager: EntityManager,
    departmentIds: readonly string[],
    caseTypes: readonly string[],
    from: string,
    to: string,
  ): Promise<DrawCandidate[]> {
    if (!departmentIds.length || !caseTypes.length) return [];
    return manager.query(
      `SELECT id, department_id AS "departmentId", case_type AS "caseType" FROM case_file
        WHERE department_id = ANY($1::uuid[]) AND case_type = ANY($2::text[]) AND closed_date BETWEEN $3 AND $4
        ORDER BY department_id, closed_date, case_type, id`,
      [departmentIds, caseTypes, from, to],
    );
  }

  /**
   * For screening (three enforcement systems): files of the departments decided (or, without a
   * decision, closed) in [from, to], in pages of `batchSize`, ordered by id. Every screening column
   * is on CaseFileEntity.
   */
  async *streamForScreening(
    departmentIds: readonly string[],
    from: string,
    to: string,
    batchSize = 2000,
    manager: EntityManager = this.tx.manager,
  ): AsyncGenerator<CaseFileEntity[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await manager
        .createQueryBuilder(CaseFileEntity, 'c')
        .where('c.department_id IN (:...ids)', {
          ids: departmentIds.length ? [...departmentIds] : ['00000000-0000-0000-0000-000000000000'],
        })
        .andWhere('COALESCE(c.decision_date, c.closed_date) BETWEEN :from AND :to', { from, to })
        .andWhere('c.id > :after', { after })
        .orderBy('c.id')
        .take(batchSize)
        .getMany();
      if (!batch.length) return;
      yield batch;
      after = batch[batch.length - 1].id;
    }
  }

  /** Counts per department and case type, e.g. for a campaign plan. */
  async countByDepartment(
    departmentIds: readonly string[],
    from: string,
    to: string,
  ): Promise<{ departmentId: string; caseType: CaseType; files: number }[]> {
    return this.tx.manager.query(
      `SELECT department_id AS "departmentId", case_type AS "caseType", count(*)::int AS files FROM case_file
        WHERE department_id = ANY($1::uuid[]) AND closed_date BETWEEN $2 AND $3 GROUP BY 1, 2`,
      [departmentIds, from, to],
    );
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export type { OnSiteCoercion };
