import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '@ducha/audit';
import { DomainException, pageWindow, type Actor } from '@ducha/common';
import { RegionLevel, type Role, type UnitKind } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { OutboxService } from '@ducha/realtime';
import { In, Repository, type EntityManager } from 'typeorm';
import { AccessPolicy, type Placement } from './access-policy.js';
import { RegionEntity } from './entities/region.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { UserEntity } from './entities/user.entity.js';

const CHILD_LEVEL: Record<RegionLevel, RegionLevel | undefined> = {
  [RegionLevel.PROVINCE]: RegionLevel.CITY,
  [RegionLevel.CITY]: RegionLevel.COUNTY,
  [RegionLevel.COUNTY]: RegionLevel.TOWN,
  [RegionLevel.TOWN]: undefined,
};

export interface UnitFilter {
  regionId?: string;
  kind?: UnitKind;
  search?: string;
  enforcementOnly?: boolean;
  page?: number;
  pageSize?: number;
}

export interface CreateUnitData {
  code: string;
  name: string;
  kind: UnitKind;
  regionId: string;
  isEnforcementBody: boolean;
  isSupervisingOffice: boolean;
}

/** Regions and units: the tree everything else is scoped by. */
@Injectable()
export class OrgService {
  constructor(
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
    @InjectRepository(UnitEntity) private readonly units: Repository<UnitEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Builds the policy's view of a user from the database (roles and unit as they are now). */
  async actorFor(userId: string): Promise<Actor | undefined> {
    return (await this.session(userId))?.actor;
  }

  /**
   * What every authenticated request needs, in one query (it runs on each of them): the actor of an
   * enabled user, with when their password last changed (older tokens are void). Undefined for a
   * user who does not exist or is disabled.
   */
  async session(userId: string): Promise<{ actor: Actor; passwordChangedAt: Date } | undefined> {
    const [row]: {
      id: string;
      username: string;
      roles: Role[];
      password_changed_at: Date;
      unit_id: string;
      is_supervising_office: boolean;
      path: string;
    }[] = await this.tx.manager.query(
      `SELECT u.id, u.username, u.roles, u.password_changed_at, n.id AS unit_id, n.is_supervising_office, r.path
         FROM app_user u JOIN unit n ON n.id = u.unit_id JOIN region r ON r.id = n.region_id
        WHERE u.id = $1 AND NOT u.disabled`,
      [userId],
    );
    if (!row) return undefined;
    return {
      actor: {
        userId: row.id,
        username: row.username,
        roles: row.roles,
        unitId: row.unit_id,
        regionPath: row.path,
        isSupervisingOffice: row.is_supervising_office,
      },
      passwordChangedAt: row.password_changed_at,
    };
  }

  /** Where a unit sits, for policy checks by other libs. */
  async placement(unitId: string, manager: EntityManager = this.tx.manager): Promise<Placement & { unit: UnitEntity }> {
    const unit = await manager.findOneBy(UnitEntity, { id: unitId });
    if (!unit) throw DomainException.notFound('Unit', unitId);
    const region = await manager.findOneByOrFail(RegionEntity, { id: unit.regionId });
    return { unitId: unit.id, regionPath: region.path, unit };
  }

  async regionPath(regionId: string): Promise<string> {
    const region = await this.regions.findOneBy({ id: regionId });
    if (!region) throw DomainException.notFound('Region', regionId);
    return region.path;
  }

  /** The actor's region and everything below it, ordered as a tree walk. */
  async regionTree(actor: Actor): Promise<RegionEntity[]> {
    return this.regions
      .createQueryBuilder('r')
      .where('r.path LIKE :prefix', { prefix: `${actor.regionPath}%` })
      .orderBy('r.path')
      .getMany();
  }

  async findRegion(actor: Actor, id: string): Promise<RegionEntity> {
    const region = await this.regions.findOneBy({ id });
    if (!region || !region.path.startsWith(actor.regionPath)) throw DomainException.notFound('Region', id);
    return region;
  }

  async createRegion(actor: Actor, input: { parentId: string; code: string; name: string }): Promise<RegionEntity> {
    return this.tx.run(async (m) => {
      const parent = await m.findOneBy(RegionEntity, { id: input.parentId });
      if (!parent) throw DomainException.field('parentId', 'no such region');
      AccessPolicy.enforce(AccessPolicy.canAdminister(actor, parent.path));
      const level = CHILD_LEVEL[parent.level];
      if (!level) throw DomainException.field('parentId', 'a town has no sub-regions');
      if (await m.existsBy(RegionEntity, { code: input.code })) throw DomainException.field('code', `region code ${input.code} is taken`);
      const region = await insertRegion(m, { parentId: parent.id, level, code: input.code, name: input.name, parentPath: parent.path });
      await this.audit.record(m, actor, { operation: 'createRegion', targetType: 'Region', targetId: region.id, after: region });
      return region;
    });
  }

  async listUnits(actor: Actor, filter: UnitFilter): Promise<{ items: UnitEntity[]; total: number }> {
    if (!AccessPolicy.canReadRegion(actor, actor.regionPath).allowed) {
      const own = await this.units.findBy({ id: actor.unitId });
      return { items: own, total: own.length };
    }
    const scopePath = filter.regionId ? await this.regionPath(filter.regionId) : actor.regionPath;
    AccessPolicy.enforce(AccessPolicy.canReadRegion(actor, scopePath));
    const { skip, take } = pageWindow(filter);
    const q = this.units
      .createQueryBuilder('u')
      .innerJoin(RegionEntity, 'r', 'r.id = u.region_id')
      .where('r.path LIKE :prefix', { prefix: `${scopePath}%` });
    if (filter.kind) q.andWhere('u.kind = :kind', { kind: filter.kind });
    if (filter.enforcementOnly) q.andWhere('u.is_enforcement_body');
    if (filter.search) q.andWhere('(u.name ILIKE :s OR u.code ILIKE :s)', { s: `%${escapeLike(filter.search)}%` });
    const [items, total] = await q.orderBy('u.code').skip(skip).take(take).getManyAndCount();
    return { items, total };
  }

  async findUnit(actor: Actor, id: string): Promise<UnitEntity> {
    const placement = await this.placement(id).catch(() => undefined);
    if (!placement || !AccessPolicy.canRead(actor, placement).allowed) throw DomainException.notFound('Unit', id);
    return placement.unit;
  }

  async unitsByIds(ids: readonly string[]): Promise<UnitEntity[]> {
    return ids.length ? this.units.findBy({ id: In([...ids]) }) : [];
  }

  async createUnit(actor: Actor, input: CreateUnitData): Promise<UnitEntity> {
    return this.tx.run(async (m) => {
      const region = await m.findOneBy(RegionEntity, { id: input.regionId });
      if (!region) throw DomainException.field('regionId', 'no such region');
      AccessPolicy.enforce(AccessPolicy.canAdminister(actor, region.path));
      if (await m.existsBy(UnitEntity, { code: input.code })) throw DomainException.field('code', `unit code ${input.code} is taken`);
      const unit = await m.save(m.create(UnitEntity, input));
      await this.audit.record(m, actor, { operation: 'createUnit', targetType: 'Unit', targetId: unit.id, after: unit });
      await this.outbox.emit(
        m,
        'org.unit_changed',
        { regionPath: region.path, departmentId: unit.id },
        { unitId: unit.id, name: unit.name },
      );
      return unit;
    });
  }

  async updateUnit(
    actor: Actor,
    id: string,
    expectedVersion: number,
    changes: Partial<Omit<CreateUnitData, 'code' | 'regionId'>>,
  ): Promise<UnitEntity> {
    return this.tx.run(async (m) => {
      const unit = await m.findOneBy(UnitEntity, { id });
      if (!unit) throw DomainException.notFound('Unit', id);
      const region = await m.findOneByOrFail(RegionEntity, { id: unit.regionId });
      AccessPolicy.enforce(AccessPolicy.canAdminister(actor, region.path));
      const before = { ...unit };
      const result = await m
        .createQueryBuilder()
        .update(UnitEntity)
        .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :id AND version = :v', { id, v: expectedVersion })
        .execute();
      if (result.affected !== 1)
        throw DomainException.conflict(
          `Unit ${unit.code} was changed by someone else (version ${unit.version}, you had ${expectedVersion})`,
        );
      const after = await m.findOneByOrFail(UnitEntity, { id });
      await this.audit.record(m, actor, { operation: 'updateUnit', targetType: 'Unit', targetId: id, before, after });
      await this.outbox.emit(m, 'org.unit_changed', { regionPath: region.path, departmentId: id }, { unitId: id, name: after.name });
      return after;
    });
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Inserts a region, computing its path from its parent's. */
export async function insertRegion(
  m: EntityManager,
  r: { parentId: string | null; level: RegionLevel; code: string; name: string; parentPath: string | null },
): Promise<RegionEntity> {
  const id = (await m.query(`SELECT gen_random_uuid() AS id`))[0].id as string;
  const path = `${r.parentPath ?? '/'}${id}/`;
  await m.insert(RegionEntity, { id, parentId: r.parentId, level: r.level, code: r.code, name: r.name, path });
  return m.findOneByOrFail(RegionEntity, { id });
}
