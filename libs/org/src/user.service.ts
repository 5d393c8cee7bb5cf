import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '@ducha/audit';
import { DomainException, hashPassword, pageWindow, passwordWeakness, type Actor } from '@ducha/common';
import { ALL_ROLES, type Role } from '@ducha/contracts';
import { TransactionRunner } from '@ducha/database';
import { OutboxService } from '@ducha/realtime';
import { Repository, type EntityManager } from 'typeorm';
import { AccessPolicy } from './access-policy.js';
import { RegionEntity } from './entities/region.entity.js';
import { UnitEntity } from './entities/unit.entity.js';
import { UserEntity } from './entities/user.entity.js';
import { escapeLike } from './org.service.js';

export interface CreateUserData {
  username: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  password: string;
}

export interface UpdateUserData {
  displayName?: string;
  unitId?: string;
  roles?: Role[];
  disabled?: boolean;
}

/** Accounts: who may sign in, in which unit, with which roles. */
@Injectable()
export class UserService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username }).getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async list(
    actor: Actor,
    filter: { unitId?: string; search?: string; page?: number; pageSize?: number },
  ): Promise<{ items: UserEntity[]; total: number }> {
    AccessPolicy.enforce(AccessPolicy.canAdminister(actor, actor.regionPath));
    const { skip, take } = pageWindow(filter);
    const q = this.users
      .createQueryBuilder('u')
      .innerJoin(UnitEntity, 'unit', 'unit.id = u.unit_id')
      .innerJoin(RegionEntity, 'r', 'r.id = unit.region_id')
      .where('r.path LIKE :prefix', { prefix: `${actor.regionPath}%` });
    if (filter.unitId) q.andWhere('u.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.search) q.andWhere('(u.username ILIKE :s OR u.display_name ILIKE :s)', { s: `%${escapeLike(filter.search)}%` });
    const [items, total] = await q.orderBy('u.username').skip(skip).take(take).getManyAndCount();
    return { items, total };
  }

  async create(actor: Actor, input: CreateUserData): Promise<UserEntity> {
    validateRoles(input.roles);
    const weakness = passwordWeakness(input.password);
    if (weakness) throw DomainException.field('password', weakness);
    const passwordHash = await hashPassword(input.password);
    return this.tx.run(async (m) => {
      const regionPath = await this.unitRegionPath(m, input.unitId, 'unitId');
      AccessPolicy.enforce(AccessPolicy.canAdminister(actor, regionPath));
      const taken = await m.createQueryBuilder(UserEntity, 'u').where('lower(u.username) = lower(:n)', { n: input.username }).getExists();
      if (taken) throw DomainException.field('username', `user name ${input.username} is taken`);
      const user = await m.save(
        m.create(UserEntity, {
          username: input.username,
          displayName: input.displayName,
          unitId: input.unitId,
          roles: input.roles,
          passwordHash,
          disabled: false,
          failedLoginCount: 0,
          lockedUntil: null,
        }),
      );
      await this.audit.record(m, actor, { operation: 'createUser', targetType: 'User', targetId: user.id, after: user });
      await this.outbox.emit(
        m,
        'org.user_changed',
        { regionPath, departmentId: user.unitId },
        { userId: user.id, username: user.username },
      );
      return user;
    });
  }

  /** Role, unit and enabled changes take effect on the user's next request: the guard reads them fresh. */
  async update(actor: Actor, id: string, expectedVersion: number, changes: UpdateUserData): Promise<UserEntity> {
    if (changes.roles) validateRoles(changes.roles);
    return this.tx.run(async (m) => {
      const user = await m.findOneBy(UserEntity, { id });
      if (!user) throw DomainException.notFound('User', id);
      let regionPath = await this.unitRegionPath(m, user.unitId, 'id');
      AccessPolicy.enforce(AccessPolicy.canAdminister(actor, regionPath));
      if (changes.unitId) {
        regionPath = await this.unitRegionPath(m, changes.unitId, 'unitId');
        AccessPolicy.enforce(AccessPolicy.canAdminister(actor, regionPath));
      }
      if (id === actor.userId && (changes.disabled || (changes.roles && !changes.roles.includes('ADMIN' as Role)))) {
        throw DomainException.field('id', 'you cannot disable yourself or remove your own administrator role');
      }
      if (user.version !== expectedVersion) throw DomainException.conflict(`User ${user.username} was changed by someone else`);
      const before = { ...user };
      Object.assign(user, changes, { updatedAt: new Date() });
      const saved = await m.save(user);
      await this.audit.record(m, actor, { operation: 'updateUser', targetType: 'User', targetId: id, before, after: saved });
      // Also tells the api nodes to re-check this user's open sockets (disabled, or a new scope).
      await this.outbox.emit(m, 'org.user_changed', { regionPath, departmentId: saved.unitId }, { userId: id, username: saved.username });
      return saved;
    });
  }

  private async unitRegionPath(m: EntityManager, unitId: string, field: string): Promise<string> {
    const row: { path: string }[] = await m.query(`SELECT r.path FROM unit u JOIN region r ON r.id = u.region_id WHERE u.id = $1`, [
      unitId,
    ]);
    if (!row.length) throw DomainException.field(field, 'no such unit');
    return row[0].path;
  }
}

function validateRoles(roles: Role[]): void {
  if (roles.length === 0) throw DomainException.field('roles', 'at least one role is required');
  const unknown = roles.find((r) => !ALL_ROLES.includes(r));
  if (unknown) throw DomainException.field('roles', `unknown role ${unknown}`);
}
